import { describe, expect, it } from 'vitest';
import { hitDecisionReasonCodes, hitDecisionReasonProblem, type HitDecisionKind, type HitDecisionReason } from './hit-decision-reasons.js';

describe('hitDecisionReasonProblem', () => {
  it.each<[HitDecisionKind, HitDecisionReason, string | undefined, ReturnType<typeof hitDecisionReasonProblem>]>([
    ['ACCEPT', 'PLATE_CONFIRMED', undefined, undefined],
    ['ACCEPT', 'CONFIRMED_ON_SCENE', '순찰차 확인', undefined],
    ['REJECT', 'MISREAD', undefined, undefined],
    ['REJECT', 'DIFFERENT_VEHICLE', '차종 불일치', undefined],
    ['ACCEPT', 'MISREAD', undefined, 'reason-contradicts-decision'],
    ['REJECT', 'PLATE_CONFIRMED', 'x', 'reason-contradicts-decision'],
    ['ACCEPT', 'OTHER', '현장 확인', undefined],
    ['REJECT', 'OTHER', '중복', undefined],
    ['REJECT', 'OTHER', undefined, 'note-required'],
    ['ACCEPT', 'OTHER', '   ', 'note-required'],
  ])('%s for %s with note %j: %s', (decision, reason, note, expected) => {
    expect(hitDecisionReasonProblem(decision, reason, note)).toBe(expected);
  });

  it('offers reasons for both decisions and one for either', () => {
    expect(hitDecisionReasonCodes.filter((code) => hitDecisionReasonProblem('ACCEPT', code, 'note') === undefined).length).toBeGreaterThan(1);
    expect(hitDecisionReasonCodes.filter((code) => hitDecisionReasonProblem('REJECT', code, 'note') === undefined).length).toBeGreaterThan(1);
  });
});
