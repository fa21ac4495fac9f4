import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { IResolvers } from 'mercurius';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { createMercuriusSubgraph, startMercuriusSubgraph } from '../../runtime/graphql/mercurius-subgraph.js';
import type { MojRequestState } from './context.js';
import { createMonitoredSubjectStore } from './monitored-subject-store.js';
import { redisIdentityNonceLedger } from '../../runtime/identity/identity-nonce-ledger.js';
import { connectDurableRedis } from '../../runtime/redis/connect-durable-redis.js';
import { mojResolvers } from './resolvers.js';
import { demoSubjectsFile, seedMonitoredSubjects } from './subject-seed.js';

export const mojSdl = readFileSync(new URL('../../schema/moj.graphql', import.meta.url), 'utf8');

export interface MojSubgraphOptions {
  readonly identitySecret: string;
  readonly redisUrl: string;
  /** Loaded when the store holds no subject yet; the demo region unless set. */
  readonly seedSubjectsFile?: string;
}

export interface MojListenOptions extends MojSubgraphOptions {
  readonly host: string;
  readonly port: number;
}

/**
 * The moj subgraph as a Fastify app over Redis (which must keep its append-only file), seeded with the demo
 * region while it holds nothing else (a seed cut short is completed). The app owns its Redis connection and closes it with the app.
 */
export async function createMojSubgraph(options: MojSubgraphOptions): Promise<FastifyInstance> {
  const redis = await connectDurableRedis(options.redisUrl);
  try {
    const subjects = createMonitoredSubjectStore(redis);
    await seedMonitoredSubjects(subjects, options.seedSubjectsFile ?? demoSubjectsFile);
    const app = await createMercuriusSubgraph<MojRequestState>({
      name: 'moj',
      sdl: mojSdl,
      identitySecret: options.identitySecret,
      identityNonces: redisIdentityNonceLedger(redis, 'ds:identity-nonce:moj:'),
      context: () => ({ subjects }),
      resolvers: mojResolvers as unknown as IResolvers,
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

export async function startMojSubgraph(options: MojListenOptions): Promise<RunningSubgraph> {
  return startMercuriusSubgraph(await createMojSubgraph(options), 'moj', { host: options.host, port: options.port });
}
