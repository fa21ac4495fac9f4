import { createServer } from 'node:net';
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
