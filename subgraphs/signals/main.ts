import { z } from 'zod';
import { loadConfig, portVariable, runProcess } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';
import { isTimeZone } from './local-hour.js';
import { redisVariables } from '../../runtime/redis/connect-durable-redis.js';
import { startSignalsSubgraph } from './server.js';

const signalsConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_SIGNALS_HOST: z.string().min(1).default('127.0.0.1'),
  DS_SIGNALS_PORT: portVariable.default(4103),
  DS_SIGNALS_TIME_ZONE: z.string().refine(isTimeZone, { message: 'expected an IANA time zone, e.g. Asia/Seoul' }).default('Asia/Seoul'),
  ...redisVariables,
});

await runProcess(async () => {
  const config = loadConfig('signals subgraph', signalsConfigSchema);
  const running = await startSignalsSubgraph({
    identitySecret: config.DS_IDENTITY_HEADER_SECRET,
    redisUrl: config.REDIS_URL,
    clock: { timeZone: config.DS_SIGNALS_TIME_ZONE },
    host: config.DS_SIGNALS_HOST,
    port: config.DS_SIGNALS_PORT,
  });
  console.log(`signals subgraph serving ${running.url}`);
  const stop = () => void running.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
