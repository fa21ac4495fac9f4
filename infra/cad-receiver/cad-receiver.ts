import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveryHeader, signatureHeader, verifyWebhookSignature } from '../../workers/alert-delivery/webhook-signature.js';

export interface AcceptedDelivery {
  readonly deliveryId: string;
  readonly body: unknown;
  readonly receivedAt: string;
}

export interface CadReceiverOptions {
  readonly secret: string;
  readonly port?: number;
  readonly host?: string;
  readonly toleranceSeconds?: number;
  readonly maxBodyBytes?: number;
}

export interface CadReceiver {
  readonly url: string;
  /** Each delivery accepted once, in arrival order. */
  accepted(): AcceptedDelivery[];
  /** Every POST that reached the receiver, duplicates and failures included. */
  requestCount(): number;
  /** Answers the next `count` POSTs with `status` before looking at them. */
  failNext(count: number, status: number): void;
  close(): Promise<void>;
}

/** The path the stand-in serves alerts on; GET /deliveries lists what it accepted. */
export const alertPath = '/112/alerts';

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A stand-in for the 112 CAD system's webhook endpoint, for tests and the demo: verifies the signature and its
 * replay window, accepts each delivery id once, and can be told to fail.
 */
export async function startCadReceiver(options: CadReceiverOptions): Promise<CadReceiver> {
  const accepted = new Map<string, AcceptedDelivery>();
  let requests = 0;
  let failures = { remaining: 0, status: 503 };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://receiver').pathname;
    if (request.method === 'GET' && path === '/deliveries') return send(response, 200, [...accepted.values()]);
    if (request.method !== 'POST' || path !== alertPath) return send(response, 404, { error: 'not found' });
    requests += 1;
    const body = await readBody(request, options.maxBodyBytes ?? 64 * 1024);
    if (body === undefined) return send(response, 413, { error: 'body too large' });
    if (failures.remaining > 0) {
      failures = { ...failures, remaining: failures.remaining - 1 };
      return send(response, failures.status, { error: 'told to fail' });
    }
    const verdict = verifyWebhookSignature(options.secret, body, request.headers[signatureHeader] as string | undefined, {
      ...(options.toleranceSeconds === undefined ? {} : { toleranceSeconds: options.toleranceSeconds }),
    });
    if (!verdict.ok) return send(response, 401, { error: `signature ${verdict.reason}` });
    const deliveryId = request.headers[deliveryHeader];
    if (typeof deliveryId !== 'string' || deliveryId === '') return send(response, 400, { error: `missing ${deliveryHeader}` });
    // A sender that crashed after we accepted retries the same delivery; answering 200 again without storing it
    // twice is what makes at-least-once delivery count as once.
    if (accepted.has(deliveryId)) return send(response, 200, { duplicate: true });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(response, 400, { error: 'body is not JSON' });
    }
    accepted.set(deliveryId, { deliveryId, body: parsed, receivedAt: new Date().toISOString() });
    return send(response, 200, { duplicate: false });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, { error: 'internal' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}${alertPath}`,
    accepted: () => [...accepted.values()],
    requestCount: () => requests,
    failNext(count, status) {
      failures = { remaining: count, status };
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
