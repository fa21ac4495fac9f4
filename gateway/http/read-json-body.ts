import type { IncomingMessage } from 'node:http';
import { DongseonError } from '../../domain/errors/index.js';

/**
 * The body of a request as JSON, refused before it is all read when it exceeds `limitBytes` (413), and refused
 * when it is an array: batched operations multiply what one request costs and are not accepted.
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw new DongseonError('DS_BODY_TOO_LARGE', `request body exceeds ${limitBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new DongseonError('DS_BODY_TOO_LARGE', `request body exceeds ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DongseonError('DS_BAD_REQUEST', 'request body is not JSON');
  }
  if (Array.isArray(body)) throw new DongseonError('DS_BATCH_NOT_ALLOWED', 'batched operations are not accepted; send one operation per request');
  return body;
}
