import { hitDecisionReasonCodes, hitDecisionReasonProblem, hitDecisionReasons, type HitDecisionKind, type HitDecisionReason } from '../../../domain/hits/hit-decision-reasons.js';
import type { MessageKey } from '../i18n/messages.js';

export type { HitDecisionKind, HitDecisionReason };

/** The reasons the console offers for a decision, in the domain's order (the graph takes the same codes). */
export const reasonsFor = (decision: HitDecisionKind): HitDecisionReason[] =>
  hitDecisionReasonCodes.filter((code) => hitDecisionReasons[code] === decision || hitDecisionReasons[code] === 'EITHER');

/** The label of each reason code in the message catalogues. */
export const reasonLabel = (code: HitDecisionReason): MessageKey => `decide.reason.${code}`;

/** The most a note may hold here; the form stops typing beyond it. */
export const maxNoteLength = 500;

/** The decision as the form would send it, or the message key of what is missing. */
export function decisionToSend(decision: HitDecisionKind, reasonCode: HitDecisionReason | '', note: string):
  { readonly ok: true; readonly variables: { decision: HitDecisionKind; reasonCode: HitDecisionReason; note?: string } } | { readonly ok: false; readonly problem: MessageKey } {
  if (reasonCode === '') return { ok: false, problem: 'decide.needReason' };
  const trimmed = note.trim().replace(/\s+/g, ' ').slice(0, maxNoteLength);
  const problem = hitDecisionReasonProblem(decision, reasonCode, trimmed === '' ? undefined : trimmed);
  if (problem === 'note-required') return { ok: false, problem: 'decide.needNote' };
  if (problem === 'reason-contradicts-decision') return { ok: false, problem: 'decide.needReason' };
  return { ok: true, variables: { decision, reasonCode, ...(trimmed ? { note: trimmed } : {}) } };
}
