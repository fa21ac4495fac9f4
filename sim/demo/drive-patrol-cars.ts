import { DongseonError } from '../../domain/errors/index.js';
import { patrolPositionAt, type PatrolCar } from './patrol-cars.js';

export interface PatrolDrive {
  /** Reports sent and refused so far. */
  readonly counts: () => { readonly reported: number; readonly refused: number };
  stop(): Promise<void>;
}

export interface PatrolDriveOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  readonly graphqlUrl: string;
  /** A token with `patrol:write`, for registering the units (the 112 investigator's). */
  readonly registrarToken: string;
  /** A token with `patrol:report`, the cars' own (`signInAsPatrolCar`). */
  readonly reporterToken: string;
  /** How often each car reports, in wall-clock milliseconds. */
  readonly reportEveryMs: number;
  /** The twin's clock: simulation seconds now. */
  readonly simSeconds: () => number;
  readonly log: (line: string) => void;
}

const registerPatrolUnit = 'mutation RegisterPatrolUnit($input: PatrolUnitRegistration!) { registerPatrolUnit(input: $input) { id callSign registeredAt } }';
const reportPatrolPosition = 'mutation ReportPatrolPosition($input: PatrolPositionReport!) { reportPatrolPosition(input: $input) { unitId recorded } }';

interface GraphQLAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
}

async function post(graphqlUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const response = await fetch(graphqlUrl, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer;
}

/** A token of the sample patrol car (`patrol:report` only) from the gateway's development sign-in. */
export async function signInAsPatrolCar(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/dev/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'patrol-car' }),
  });
  if (!response.ok) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `${gatewayUrl}/dev/token answered ${response.status} for the patrol car`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The demo's patrol cars: registered in the police patrol-unit registry (an already registered unit is fine), then
 * each reports where the twin has it every `reportEveryMs`, through the gateway, as the police's car terminals would.
 */
export async function drivePatrolCars(cars: readonly PatrolCar[], options: PatrolDriveOptions): Promise<PatrolDrive> {
  const { graphqlUrl, reporterToken: token } = options;
  for (const car of cars) {
    const answer = await post(graphqlUrl, options.registrarToken, registerPatrolUnit, { input: { id: car.unitId, callSign: car.callSign } });
    const refusal = answer.errors?.find((error) => error.extensions?.code !== 'DS_CONFLICT');
    if (refusal) throw new DongseonError('DS_INVALID_INPUT', `registerPatrolUnit ${car.unitId}: ${refusal.message}`);
  }
  let reported = 0;
  let refused = 0;
  let round: Promise<void> = Promise.resolve();
  const report = async () => {
    const simSeconds = options.simSeconds();
    const reportedAt = new Date().toISOString();
    await Promise.all(cars.map(async (car) => {
      try {
        const answer = await post(graphqlUrl, token, reportPatrolPosition, { input: { unitId: car.unitId, reportedAt, ...patrolPositionAt(car, simSeconds) } });
        if (answer.errors) {
          refused += 1;
          if (refused <= 3) options.log(`patrol ${car.unitId}: ${answer.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join('; ')}`);
        } else reported += 1;
      } catch (error) {
        refused += 1;
        if (refused <= 3) options.log(`patrol ${car.unitId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }));
  };
  await report();
  // One round at a time: a slow gateway delays the next report rather than piling them up.
  const timer = setInterval(() => {
    round = round.then(report);
  }, options.reportEveryMs);
  return {
    counts: () => ({ reported, refused }),
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
