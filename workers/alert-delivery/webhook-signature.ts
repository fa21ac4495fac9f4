import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-dongseon-signature';
export const deliveryHeader = 'x-dongseon-delivery';

/** How far a signature's timestamp may be from the receiver's clock before the request counts as a replay. */
export const defaultToleranceSeconds = 5 * 60;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export function signWebhook(secret: string, body: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export type SignatureVerdict =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  options: { now?: Date; toleranceSeconds?: number } = {},
): SignatureVerdict {
  if (header === undefined || header === '') return { ok: false, reason: 'missing' };
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return { ok: false, reason: 'malformed' };
  const timestamp = Number(match[1]);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? defaultToleranceSeconds)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  // Constant time: a byte-by-byte compare would let an attacker learn a valid signature from response timings.
  if (!timingSafeEqual(expected, Buffer.from(match[2] as string, 'hex'))) return { ok: false, reason: 'mismatch' };
  return { ok: true, timestamp };
}
