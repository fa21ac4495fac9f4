import { once } from 'node:events';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { auditSubgraphConfigSchema } from './audit-subgraph-config.js';
import { startAuditSubgraph } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig('audit subgraph', auditSubgraphConfigSchema);
  const redis = new Redis(config.REDIS_URL);
  try {
    const auditDir = resolve(config.DS_AUDIT_DIR);
    const subgraph = await startAuditSubgraph({
      host: config.DS_AUDIT_HOST, port: config.DS_AUDIT_PORT, identitySecret: config.DS_IDENTITY_HEADER_SECRET, auditDir, redis,
    });
    console.log(`audit subgraph serving ${subgraph.url}, reading the audit log at ${auditDir}`);
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await subgraph.close();
  } finally {
    await redis.quit();
  }
}

await runProcess(main);
