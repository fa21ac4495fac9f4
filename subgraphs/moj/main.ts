import { z } from 'zod';
import { loadConfig, portVariable, runProcess } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';
import { redisVariables } from '../../runtime/redis/connect-durable-redis.js';
import { startMojSubgraph } from './server.js';

const mojConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_MOJ_HOST: z.string().min(1).default('127.0.0.1'),
  DS_MOJ_PORT: portVariable.default(4104),
  ...redisVariables,
});

await runProcess(async () => {
  const config = loadConfig('moj subgraph', mojConfigSchema);
  const running = await startMojSubgraph({
    identitySecret: config.DS_IDENTITY_HEADER_SECRET,
    redisUrl: config.REDIS_URL,
    host: config.DS_MOJ_HOST,
    port: config.DS_MOJ_PORT,
  });
  console.log(`moj subgraph serving ${running.url}`);
  const stop = () => void running.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
