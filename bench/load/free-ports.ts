import { createServer, type Server } from 'node:net';

const listenOnAnyPort = (server: Server, host: string) => new Promise<number>((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, host, () => resolve((server.address() as { port: number }).port));
});

/**
 * `count` distinct ports free on `host` right now, for child processes that must be told their port. All are held
 * until every one is chosen, so none is handed out twice; another program may still take one before the child does.
 */
export async function freePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    const ports: number[] = [];
    for (const server of servers) ports.push(await listenOnAnyPort(server, host));
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
  }
}
