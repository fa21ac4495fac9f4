import { describe, expect, it } from 'vitest';
import type { HitInput } from './generated/resolver-types.js';
import { hitDecisionFrom, hitFromInput, hitIdFor } from './hit-input.js';

const base: HitInput = {
  wantedVehicleId: 'wv-0001', cameraId: 'cam-suwon-01', capturedAt: '2026-11-25T09:00:00+09:00',
  receivedAt: '2026-11-25T09:00:02+09:00', matchKind: 'EXACT', confidence: 0.93,
};

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
}

describe('hitFromInput', () => {
  it('makes a PENDING hit whose id is derived from what was observed', () => {
    const hit = hitFromInput(base);
    expect(hit).toMatchObject({ status: 'PENDING', matchKind: 'EXACT', confidence: 0.93, cameraId: 'cam-suwon-01' });
    expect(hit.id).toBe(hitIdFor('wv-0001', 'cam-suwon-01', Date.parse(base.capturedAt)));
  });

  it('gives a replayed read the same id, whatever offset its capture time is written in', () => {
    expect(hitFromInput({ ...base, capturedAt: '2026-11-25T00:00:00Z' }).id).toBe(hitFromInput(base).id);
    expect(hitFromInput({ ...base, cameraId: 'cam-suwon-02' }).id).not.toBe(hitFromInput(base).id);
  });

  it('keeps the substitution of a POSSIBLE hit', () => {
    expect(hitFromInput({ ...base, matchKind: 'POSSIBLE', substitution: '고→가 at position 3' }).substitution).toBe('고→가 at position 3');
  });

  it.each([
    ['a POSSIBLE hit without its substitution', { matchKind: 'POSSIBLE' }],
    ['an EXACT hit with a substitution', { substitution: '고→가 at position 3' }],
    ['confidence above 1', { confidence: 1.2 }],
    ['confidence below 0', { confidence: -0.1 }],
    ['a capture time without offset', { capturedAt: '2026-11-25T09:00:00' }],
    ['an empty camera id', { cameraId: ' ' }],
  ] as const)('refuses %s', (_, change) => {
    expect(codeOf(() => hitFromInput({ ...base, ...change }))).toBe('DS_INVALID_INPUT');
  });
});

describe('hitDecisionFrom', () => {
  const now = Date.parse('2026-11-25T09:05:00+09:00');
  const decidedAt = new Date(now).toISOString();

  it('keeps a reason code that fits the decision, with the note as its text', () => {
    expect(hitDecisionFrom('ACCEPT', { reasonCode: 'PLATE_CONFIRMED', note: ' 번호판 판독 확인 ' }, 'police-officer-kim', now)).toEqual({
      status: 'ACCEPTED', decidedBy: 'police-officer-kim', decidedAt,
      decisionReasonCode: 'PLATE_CONFIRMED', decisionNote: '번호판 판독 확인', decisionReason: '번호판 판독 확인',
    });
    expect(hitDecisionFrom('REJECT', { reasonCode: 'MISREAD', note: null }, 'police-officer-kim', now)).toEqual({
      status: 'REJECTED', decidedBy: 'police-officer-kim', decidedAt, decisionReasonCode: 'MISREAD', decisionReason: 'MISREAD',
    });
  });

  it('keeps the free-text reason of a client made before codes as OTHER with that note', () => {
    expect(hitDecisionFrom('ACCEPT', { reason: 'plate confirmed on footage' }, 'police-officer-kim', now)).toEqual({
      status: 'ACCEPTED', decidedBy: 'police-officer-kim', decidedAt,
      decisionReasonCode: 'OTHER', decisionNote: 'plate confirmed on footage', decisionReason: 'plate confirmed on footage',
    });
  });

  it.each([
    ['no reason at all', 'ACCEPT', {}],
    ['a blank free-text reason', 'ACCEPT', { reason: '  ' }],
    ['both a code and a free-text reason', 'ACCEPT', { reason: 'x', reasonCode: 'PLATE_CONFIRMED' }],
    ['a reason to reject given to accept', 'ACCEPT', { reasonCode: 'MISREAD' }],
    ['a reason to accept given to reject', 'REJECT', { reasonCode: 'VEHICLE_CONFIRMED' }],
    ['OTHER without a note', 'REJECT', { reasonCode: 'OTHER', note: ' ' }],
    ['a note over 500 characters', 'REJECT', { reasonCode: 'MISREAD', note: '가'.repeat(501) }],
  ] as const)('refuses %s (DS_INVALID_INPUT)', (_, decision, given) => {
    expect(codeOf(() => hitDecisionFrom(decision, given, 'police-officer-kim', now))).toBe('DS_INVALID_INPUT');
  });
});
