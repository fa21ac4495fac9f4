import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { loadConfig, portVariable, runProcess } from '../../runtime/config.js';
import { minimumIdentitySecretBytes } from '../../runtime/identity/identity-header.js';
import { neo4jEndpointOf, neo4jVariables } from './neo4j-connection.js';
import { startCctvSubgraph } from './server.js';

function cctvConfigSchema(env: Record<string, string | undefined>) {
  return z.object({
    DS_IDENTITY_HEADER_SECRET: z.string().refine((secret) => Buffer.byteLength(secret) >= minimumIdentitySecretBytes, {
      message: `expected a shared secret of at least ${minimumIdentitySecretBytes} bytes`,
    }),
    DS_CCTV_HOST: z.string().min(1).default('127.0.0.1'),
    DS_CCTV_PORT: portVariable.default(4101),
    ...neo4jVariables(env),
  });
}

await runProcess(async () => {
  const config = loadConfig('cctv subgraph', cctvConfigSchema(process.env));
  const running = await startCctvSubgraph({
    identitySecret: config.DS_IDENTITY_HEADER_SECRET,
    neo4j: neo4jEndpointOf(config),
    host: config.DS_CCTV_HOST,
    port: config.DS_CCTV_PORT,
  });
  console.log(`cctv subgraph serving ${running.url}`);
  const stop = () => void running.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});
