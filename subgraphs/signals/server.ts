import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { IResolvers } from 'mercurius';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { createMercuriusSubgraph, startMercuriusSubgraph } from '../../runtime/graphql/mercurius-subgraph.js';
import { signalsRequestState, type SignalsClock, type SignalsRequestState } from './context.js';
import { createHourlyVolumeStore } from './hourly-volume-store.js';
import { demoIntersectionsFile, seedIntersections } from './intersection-seed.js';
import { createIntersectionStore } from './intersection-store.js';
import { redisIdentityNonceLedger } from '../../runtime/identity/identity-nonce-ledger.js';
import { connectDurableRedis } from '../../runtime/redis/connect-durable-redis.js';
import { signalsResolvers } from './resolvers.js';

export const signalsSdl = readFileSync(new URL('../../schema/signals.graphql', import.meta.url), 'utf8');

export interface SignalsSubgraphOptions {
  readonly identitySecret: string;
  readonly redisUrl: string;
  /** The wall clock phase plans follow; Asia/Seoul and the system clock unless set. */
  readonly clock?: Partial<SignalsClock>;
  /** Loaded when the store holds no intersection yet; the demo region unless set. */
  readonly seedIntersectionsFile?: string;
}

export interface SignalsListenOptions extends SignalsSubgraphOptions {
  readonly host: string;
  readonly port: number;
}

/**
 * The signals subgraph as a Fastify app over Redis (which must keep its append-only file), seeded with the demo
 * region while it holds nothing else (a seed cut short is completed). The app owns its Redis connection and closes it with the app.
 */
export async function createSignalsSubgraph(options: SignalsSubgraphOptions): Promise<FastifyInstance> {
  const redis = await connectDurableRedis(options.redisUrl);
  try {
    const intersections = createIntersectionStore(redis);
    const hourlyVolumes = createHourlyVolumeStore(redis);
    await seedIntersections(intersections, options.seedIntersectionsFile ?? demoIntersectionsFile);
    const clock: SignalsClock = { now: options.clock?.now ?? (() => new Date()), timeZone: options.clock?.timeZone ?? 'Asia/Seoul' };
    const app = await createMercuriusSubgraph<SignalsRequestState>({
      name: 'signals',
      sdl: signalsSdl,
      identitySecret: options.identitySecret,
      identityNonces: redisIdentityNonceLedger(redis, 'ds:identity-nonce:signals:'),
      context: () => signalsRequestState(intersections, hourlyVolumes, clock),
      resolvers: signalsResolvers as unknown as IResolvers,
    });
    app.addHook('onClose', async () => {
      await redis.quit();
    });
    return app;
  } catch (error) {
    redis.disconnect();
    throw error;
  }
}

export async function startSignalsSubgraph(options: SignalsListenOptions): Promise<RunningSubgraph> {
  return startMercuriusSubgraph(await createSignalsSubgraph(options), 'signals', { host: options.host, port: options.port });
}
