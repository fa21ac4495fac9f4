import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { admitAlert, type RealtimeContext } from './alert-schema.js';

const event: AlertEvent = {
  id: 'hit-1', wantedVehicleId: 'wv-1', cameraId: 'cam-1', municipalityId: 'suwon',
  capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'EXACT', priority: 90,
};
const now = () => 1_000_000;
const officer = (overrides: Partial<RealtimeContext> = {}): RealtimeContext => ({
  access: { identity: sampleUsers['police-officer'], purpose: '긴급 수배차량 추적', caseNumber: '2026-0007' },
  tokenExpiresAtMs: 2_000_000,
  ...overrides,
});

const codeOf = (admit: () => unknown) => {
  try {
    admit();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return undefined;
};

describe('admitAlert, per event', () => {
  it('delivers to an officer with hits:read, a purpose and a case, filtered by municipality', () => {
    expect(admitAlert(officer(), undefined, now)(event)).toBe(true);
    expect(admitAlert(officer(), 'suwon', now)(event)).toBe(true);
    expect(admitAlert(officer(), 'seoul', now)(event)).toBe(false);
  });

  it('ends the subscription once the token has expired', () => {
    expect(codeOf(() => admitAlert(officer({ tokenExpiresAtMs: 999_999 }), undefined, now)(event))).toBe('DS_AUTH_TOKEN_EXPIRED');
  });

  it('refuses an identity without hits:read, or without a purpose and case', () => {
    expect(codeOf(() => admitAlert(officer({ access: { identity: sampleUsers['signals-engineer'], purpose: 'x', caseNumber: 'y' } }), undefined, now)(event))).toBe('DS_AUTH_FORBIDDEN');
    expect(codeOf(() => admitAlert(officer({ access: { identity: sampleUsers['police-officer'] } }), undefined, now)(event))).toBe('DS_AUTH_PURPOSE_REQUIRED');
  });
});
