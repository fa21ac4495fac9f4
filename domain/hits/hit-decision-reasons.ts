/**
 * Why an operator accepted or rejected a hit: a fixed list (the console offers it, statistics count it), each
 * reason valid for one decision or, for OTHER, for both — OTHER needs the operator's note to say what it was.
 */
export const hitDecisionReasons = {
  PLATE_CONFIRMED: 'ACCEPT',
  VEHICLE_CONFIRMED: 'ACCEPT',
  CONFIRMED_ON_SCENE: 'ACCEPT',
  MISREAD: 'REJECT',
  DIFFERENT_VEHICLE: 'REJECT',
  EVIDENCE_INSUFFICIENT: 'REJECT',
  LISTING_OUTDATED: 'REJECT',
  OTHER: 'EITHER',
} as const satisfies Record<string, 'ACCEPT' | 'REJECT' | 'EITHER'>;

export type HitDecisionReason = keyof typeof hitDecisionReasons;
export type HitDecisionKind = 'ACCEPT' | 'REJECT';

export const hitDecisionReasonCodes = Object.keys(hitDecisionReasons) as [HitDecisionReason, ...HitDecisionReason[]];

export type HitDecisionReasonProblem = 'reason-contradicts-decision' | 'note-required';

/** What is wrong with giving `reason` (and `note`, when any) for `decision`; undefined when nothing is. */
export function hitDecisionReasonProblem(decision: HitDecisionKind, reason: HitDecisionReason, note: string | undefined): HitDecisionReasonProblem | undefined {
  const allowed = hitDecisionReasons[reason];
  if (allowed !== 'EITHER' && allowed !== decision) return 'reason-contradicts-decision';
  if (reason === 'OTHER' && (note === undefined || note.trim() === '')) return 'note-required';
  return undefined;
}
