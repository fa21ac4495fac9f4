import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Everything the local stack writes (data, logs, pid files, the Neo4j password) lives here; git ignores it. */
export const stackDir = join(repoRoot, '.stack');

export const serverDir = (server: 'redis' | 'neo4j' | 'mosquitto') => join(stackDir, server);

export const neo4jPasswordFile = join(serverDir('neo4j'), 'password');

/** The local broker's dynamic-security admin password, generated at its first start. */
export const mosquittoAdminPasswordFile = join(serverDir('mosquitto'), 'admin-password');
