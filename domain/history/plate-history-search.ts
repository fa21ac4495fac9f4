import { z } from 'zod';
import { errorCodes, type ErrorCode } from '../errors/index.js';
import { parsePlate } from '../plates/index.js';

/** The longest window one history search may cover: a month of movements, not a person's year. */
export const maxHistoryWindowDays = 31;
const dayMs = 24 * 60 * 60 * 1000;

const instantSchema = z.string().max(64).pipe(z.iso.datetime({ offset: true }));

/** A case-bound history search as asked: the plate as typed, the window as two ISO-8601 instants with offset. */
export interface PlateHistoryQuery {
  readonly plate: string;
  readonly from: string;
  readonly to: string;
}

/** A history search that passed validation: what every edge node is asked. */
export interface PlateHistorySearch {
  /** The canonical plate (`normalizePlate`): the text edge nodes compare with each read's candidates. */
  readonly plate: string;
  readonly fromMs: number;
  /** Exclusive. */
  readonly toMs: number;
}

export type PlateHistorySearchResult =
  | { readonly ok: true; readonly search: PlateHistorySearch }
  | { readonly ok: false; readonly code: ErrorCode; readonly reason: string };

function instantMillis(value: string): number | undefined {
  if (!instantSchema.safeParse(value).success) return undefined;
  const millis = Date.parse(value);
  return Number.isFinite(millis) ? millis : undefined;
}

/**
 * Validates a history search the same way in the region and at every edge node: a plate of a known format, and a
 * non-empty window of at most `maxHistoryWindowDays`. Reasons name the argument, never repeat its value.
 */
export function plateHistorySearchOf(query: PlateHistoryQuery): PlateHistorySearchResult {
  const parsed = parsePlate(query.plate);
  // The parser's own reason may quote the text; the registry's description of its code says enough.
  if (!parsed.ok) return { ok: false, code: parsed.problem.code, reason: `plate: ${errorCodes[parsed.problem.code].description}` };
  const fromMs = instantMillis(query.from);
  const toMs = instantMillis(query.to);
  if (fromMs === undefined) return { ok: false, code: 'DS_HISTORY_WINDOW_INVALID', reason: 'from: expected an ISO-8601 instant with offset' };
  if (toMs === undefined) return { ok: false, code: 'DS_HISTORY_WINDOW_INVALID', reason: 'to: expected an ISO-8601 instant with offset' };
  if (fromMs >= toMs) return { ok: false, code: 'DS_HISTORY_WINDOW_INVALID', reason: 'from: must be before to' };
  if (toMs - fromMs > maxHistoryWindowDays * dayMs) {
    return { ok: false, code: 'DS_HISTORY_WINDOW_INVALID', reason: `to: at most ${maxHistoryWindowDays} days after from` };
  }
  return { ok: true, search: { plate: parsed.plate.canonical, fromMs, toMs } };
}

/** The search as the wire carries it: canonical plate, UTC instants. */
export const plateHistoryQueryOf = (search: PlateHistorySearch): PlateHistoryQuery =>
  ({ plate: search.plate, from: new Date(search.fromMs).toISOString(), to: new Date(search.toMs).toISOString() });

export const sameHistorySearch = (a: PlateHistorySearch, b: PlateHistorySearch): boolean =>
  a.plate === b.plate && a.fromMs === b.fromMs && a.toMs === b.toMs;
