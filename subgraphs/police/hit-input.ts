import { createHash } from 'node:crypto';
import { hitDecisionReasonProblem } from '../../domain/hits/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { HitDecision, HitDecisionReason, HitInput } from './generated/resolver-types.js';
import type { HitDecisionRecord, HitRecord } from '../../stores/police/hit-store.js';
import { instantOf, requiredTextOf } from '../../runtime/graphql/scalar-arguments.js';

const maxIdLength = 200;

/**
 * The same read forwarded twice (an edge node retrying, a queue redelivering) is the same hit: its id is derived
 * from what it observed, so a replay finds the hit it already made instead of creating a second alert.
 */
export function hitIdFor(wantedVehicleId: string, cameraId: string, capturedAtMs: number): string {
  const digest = createHash('sha256').update(`${wantedVehicleId}\n${cameraId}\n${capturedAtMs}`).digest('hex');
  return `hit-${digest.slice(0, 32)}`;
}

function idOf(value: string, argument: string): string {
  const id = value.trim();
  if (id === '' || id.length > maxIdLength) throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must be 1 to ${maxIdLength} characters`);
  return id;
}

/** A new PENDING hit. Capture and receive times come from different clocks (camera, edge), so neither bounds the other. */
export function hitFromInput(input: HitInput): HitRecord {
  const wantedVehicleId = idOf(input.wantedVehicleId, 'wantedVehicleId');
  const cameraId = idOf(input.cameraId, 'cameraId');
  const capturedAtMs = instantOf(input.capturedAt, 'capturedAt');
  instantOf(input.receivedAt, 'receivedAt');
  if (!(input.confidence >= 0 && input.confidence <= 1)) throw codedGraphQLError('DS_INVALID_INPUT', 'confidence must be from 0 to 1');
  const substitution = input.substitution?.trim() || undefined;
  if (input.matchKind === 'POSSIBLE' && substitution === undefined) {
    throw codedGraphQLError('DS_INVALID_INPUT', 'a POSSIBLE hit must name the substitution that made it');
  }
  if (input.matchKind === 'EXACT' && substitution !== undefined) {
    throw codedGraphQLError('DS_INVALID_INPUT', 'an EXACT hit has no substitution');
  }
  return {
    id: hitIdFor(wantedVehicleId, cameraId, capturedAtMs),
    wantedVehicleId,
    cameraId,
    capturedAt: input.capturedAt,
    receivedAt: input.receivedAt,
    matchKind: input.matchKind,
    substitution: substitution === undefined ? undefined : requiredTextOf(substitution, 'substitution', 100),
    confidence: input.confidence,
    status: 'PENDING',
  };
}

/** What `decideHit` was given besides the hit and the decision. */
export interface HitDecisionArguments {
  readonly reason?: string | null;
  readonly reasonCode?: HitDecisionReason | null;
  readonly note?: string | null;
}

const maxNoteLength = 500;

/**
 * An operator's decision on a hit, with the reason it is audited by: a reason code that fits the decision (with an
 * optional note, required for OTHER), or — as clients made before codes send it — a free-text reason alone, kept as
 * OTHER with that text as its note.
 */
export function hitDecisionFrom(decision: HitDecision, given: HitDecisionArguments, decidedBy: string, now: number): HitDecisionRecord {
  const { reason, reasonCode, note } = given;
  if (reasonCode != null && reason != null) throw codedGraphQLError('DS_INVALID_INPUT', 'give reasonCode (and a note), or the older free-text reason, not both');
  if (reasonCode == null && reason == null) throw codedGraphQLError('DS_INVALID_INPUT', 'a decision needs a reasonCode');
  const code = reasonCode ?? 'OTHER';
  const text = reasonCode == null ? requiredTextOf(reason as string, 'reason', maxNoteLength) : note == null || note.trim() === '' ? undefined : requiredTextOf(note, 'note', maxNoteLength);
  const problem = hitDecisionReasonProblem(decision, code, text);
  if (problem === 'reason-contradicts-decision') throw codedGraphQLError('DS_INVALID_INPUT', `reasonCode ${code} is not a reason to ${decision} a hit`);
  if (problem === 'note-required') throw codedGraphQLError('DS_INVALID_INPUT', 'reasonCode OTHER needs a note saying why');
  return {
    status: decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED',
    decidedBy,
    decidedAt: new Date(now).toISOString(),
    decisionReason: text ?? code,
    decisionReasonCode: code,
    ...(text === undefined ? {} : { decisionNote: text }),
  };
}
