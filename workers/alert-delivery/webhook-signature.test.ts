import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.js';

const secret = 'a-test-secret-of-at-least-32-bytes!!';
const body = '{"id":"alert-1"}';
const signedAt = new Date('2026-03-01T09:00:00Z');
const header = signWebhook(secret, body, signedAt);

describe('webhook signatures', () => {
  it('signs as t=<unix>,v1=<hex HMAC of t.body>', () => {
    expect(header).toMatch(/^t=1772355600,v1=[0-9a-f]{64}$/);
  });

  it.each([
    { case: 'the signed body within the window', secret, body, header, now: new Date(signedAt.getTime() + 299_000), expected: { ok: true, timestamp: 1772355600 } },
    { case: 'a tampered body', secret, body: '{"id":"alert-2"}', header, now: signedAt, expected: { ok: false, reason: 'mismatch' } },
    { case: 'the wrong secret', secret: 'another-secret-of-at-least-32-bytes!', body, header, now: signedAt, expected: { ok: false, reason: 'mismatch' } },
    { case: 'a stale timestamp', secret, body, header, now: new Date(signedAt.getTime() + 301_000), expected: { ok: false, reason: 'stale' } },
    { case: 'a timestamp from the future', secret, body, header, now: new Date(signedAt.getTime() - 301_000), expected: { ok: false, reason: 'stale' } },
    { case: 'a missing header', secret, body, header: undefined, now: signedAt, expected: { ok: false, reason: 'missing' } },
    { case: 'a malformed header', secret, body, header: 'v1=abc', now: signedAt, expected: { ok: false, reason: 'malformed' } },
    { case: 'a re-timed signature', secret, body, header: header.replace('t=1772355600', 't=1772355601'), now: signedAt, expected: { ok: false, reason: 'mismatch' } },
  ])('verifies $case', ({ secret: key, body: text, header: value, now, expected }) => {
    expect(verifyWebhookSignature(key, text, value, { now })).toEqual(expected);
  });
});
