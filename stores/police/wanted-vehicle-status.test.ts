import { describe, expect, it } from 'vitest';
import { wantedStatusAt } from './wanted-vehicle-status.js';

const now = Date.parse('2026-11-25T09:00:00+09:00');

describe('wantedStatusAt', () => {
  it.each([
    ['no end of validity', {}, 'ACTIVE'],
    ['validity ending later', { validUntil: '2026-11-25T09:00:01+09:00' }, 'ACTIVE'],
    ['validity ending exactly now', { validUntil: '2026-11-25T00:00:00Z' }, 'EXPIRED'],
    ['validity ended', { validUntil: '2026-11-24T09:00:00+09:00' }, 'EXPIRED'],
    ['a revocation', { revokedAt: '2026-11-25T08:00:00+09:00' }, 'REVOKED'],
    ['a revocation after expiry', { validUntil: '2026-11-24T09:00:00+09:00', revokedAt: '2026-11-25T08:00:00+09:00' }, 'REVOKED'],
  ])('an entry with %s is %s', (_, entry, status) => {
    expect(wantedStatusAt(entry, now)).toBe(status);
  });
});
