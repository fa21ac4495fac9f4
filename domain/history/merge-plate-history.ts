import type { ErrorCode } from '../errors/index.js';
import type { EdgeHistoryRead } from './edge-history-messages.js';

/** What one edge node gave for a history search: its reads, or why it gave none. */
export type EdgeHistoryOutcome =
  | { readonly municipalityId: string; readonly answered: true; readonly reads: readonly EdgeHistoryRead[] }
  | { readonly municipalityId: string; readonly answered: false; readonly code: ErrorCode; readonly reason: string };

export interface MergedHistoryRead extends EdgeHistoryRead {
  readonly municipalityId: string;
  readonly capturedAtMs: number;
}

export interface HistorySource {
  readonly municipalityId: string;
  readonly answered: boolean;
  readonly readCount: number;
  readonly code: ErrorCode | null;
  readonly reason: string | null;
}

export interface MergedPlateHistory {
  /** Every answered read, in capture-time order; ties in municipality, then read id order. */
  readonly reads: readonly MergedHistoryRead[];
  /** One per edge node asked, in municipality id order. */
  readonly sources: readonly HistorySource[];
  /** True when every edge node asked answered. */
  readonly complete: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Merges the edge nodes' answers into one history. An edge that did not answer leaves the others' reads intact
 * and is listed with its code: a partial answer, never a failed one.
 */
export function mergePlateHistory(outcomes: readonly EdgeHistoryOutcome[]): MergedPlateHistory {
  const reads = outcomes
    .flatMap((outcome) => (outcome.answered
      ? outcome.reads.map((read) => ({ ...read, municipalityId: outcome.municipalityId, capturedAtMs: Date.parse(read.capturedAt) }))
      : []))
    .sort((a, b) => a.capturedAtMs - b.capturedAtMs || byText(a.municipalityId, b.municipalityId) || byText(a.readId, b.readId));
  const sources = outcomes
    .map((outcome): HistorySource => (outcome.answered
      ? { municipalityId: outcome.municipalityId, answered: true, readCount: outcome.reads.length, code: null, reason: null }
      : { municipalityId: outcome.municipalityId, answered: false, readCount: 0, code: outcome.code, reason: outcome.reason }))
    .sort((a, b) => byText(a.municipalityId, b.municipalityId));
  return { reads, sources, complete: outcomes.every((outcome) => outcome.answered) };
}
