import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import type { WantedVehicleStory } from '../../domain/simulation/index.js';

/** The police investigator's side of the demo: cases and wanted vehicles registered through the gateway. */
export interface PoliceDesk {
  readonly gatewayUrl: string;
  readonly token: string;
}

const purpose = '시뮬레이션 수배 차량 등록 (demo)';

/** Signs in as the sample police investigator through the gateway's development sign-in. */
export async function signInAsInvestigator(gatewayUrl: string): Promise<PoliceDesk> {
  const response = await fetch(`${gatewayUrl}/dev/token`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'police-investigator' }),
  });
  if (!response.ok) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `${gatewayUrl}/dev/token answered ${response.status}; is the gateway running with DS_DEV_IDENTITY (npm start)?`);
  return { gatewayUrl, token: ((await response.json()) as { token: string }).token };
}

async function graphql<T>(desk: PoliceDesk, query: string, variables: Record<string, unknown>, caseNumber?: string): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(`${desk.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${desk.token}`,
      ...(caseNumber ? { 'x-dongseon-purpose': encodeURIComponent(purpose), 'x-dongseon-case-number': encodeURIComponent(caseNumber) } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}

const openCase = `mutation OpenCase($input: CaseInput!) { openCase(input: $input) { caseNumber } }`;
const addWantedVehicle = `mutation AddWantedVehicle($input: WantedVehicleInput!) { addWantedVehicle(input: $input) { id status } }`;
const revokeWantedVehicle = `mutation RevokeWantedVehicle($id: ID!, $reason: String!) { revokeWantedVehicle(id: $id, reason: $reason) { id status } }`;

export interface RegisteredWanted {
  readonly story: WantedVehicleStory;
  /** The id the police list gave the entry. */
  readonly policeId: string;
  readonly caseNumber: string;
}

/**
 * Opens each story's case (an existing one is fine) and registers its wanted vehicle, valid from `validFrom`.
 * Case numbers carry the run id, so every demo run has cases of its own.
 */
export async function registerWantedVehicles(desk: PoliceDesk, stories: readonly WantedVehicleStory[], runId: string, validFrom: string): Promise<RegisteredWanted[]> {
  const registered: RegisteredWanted[] = [];
  for (const story of stories) {
    const caseNumber = `${story.caseNumber}-${runId.replace(/[^\p{L}\p{N}]/gu, '')}`.slice(0, 100);
    const opened = await graphql(desk, openCase, { input: { caseNumber, title: story.caseTitle } });
    if (opened.errors && opened.errors.some((e) => e.extensions?.code !== 'DS_CONFLICT')) {
      throw new DongseonError('DS_INVALID_INPUT', `openCase ${caseNumber}: ${opened.errors.map((e) => e.message).join('; ')}`);
    }
    const added = await graphql<{ addWantedVehicle: { id: string } }>(desk, addWantedVehicle, {
      input: {
        ...(story.plate ? { plate: story.plate } : { platePattern: story.platePattern }),
        reason: story.reason, priority: story.priority, validFrom, caseNumber,
      },
    }, caseNumber);
    if (!added.data?.addWantedVehicle) throw new DongseonError('DS_INVALID_INPUT', `addWantedVehicle ${story.id}: ${(added.errors ?? []).map((e) => e.message).join('; ')}`);
    registered.push({ story, policeId: added.data.addWantedVehicle.id, caseNumber });
  }
  return registered;
}

/** Revokes the wanted vehicles an earlier demo run registered (their ids are kept in `file`), so old entries stop matching. */
export async function revokeEarlierDemoEntries(desk: PoliceDesk, file: string): Promise<number> {
  let earlier: RegisteredWanted[] = [];
  try {
    earlier = JSON.parse(await readFile(file, 'utf8')) as RegisteredWanted[];
  } catch {
    return 0;
  }
  let revoked = 0;
  for (const entry of earlier) {
    const result = await graphql(desk, revokeWantedVehicle, { id: entry.policeId, reason: 'demo run finished' }, entry.caseNumber);
    if (!result.errors) revoked++;
  }
  return revoked;
}

export async function rememberDemoEntries(file: string, registered: readonly RegisteredWanted[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(registered, null, 2));
}
