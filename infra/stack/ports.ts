import { createServer, type Server } from 'node:net';
import { DongseonError } from '../../domain/errors/index.js';

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Called only when none of our own servers holds the port, so whoever does is foreign and must be left alone. */
export async function assertPortFree(server: string, host: string, port: number): Promise<void> {
  if (await canListen(host, port)) return;
  throw new DongseonError(
    'DS_STACK_PORT_IN_USE',
    `${server}: port ${host}:${port} is held by a process the stack did not start; stop it, or point the stack ` +
      'at it with the matching environment variable (REDIS_URL, NEO4J_URI, MQTT_URL).',
    { server, host, port },
  );
}

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
