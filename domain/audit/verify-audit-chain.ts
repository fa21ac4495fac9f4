import { chainHash } from './chain-hash.js';
import { genesisHead, type AuditRecord, type ChainHead } from './audit-record.js';

/**
 * Why a chain fails:
 * - edited: a record's content no longer matches its hash, or it was rewritten with a recomputed hash and its
 *   successor still links to the original;
 * - removed: a record is missing (the sequence jumps and the missing record is nowhere later);
 * - reordered: a record stands out of place (it belongs later or earlier in the chain);
 * - inserted: a record that belongs nowhere in the chain, or a copy of one that does;
 * - truncated-head: the first record does not link to the chain's start;
 * - malformed: a line is not a canonical audit record at all.
 */
export type ChainBreakReason = 'edited' | 'removed' | 'reordered' | 'inserted' | 'truncated-head' | 'malformed';

export interface ChainBreak<Position> {
  /** Index of the first broken record among those pushed, counting malformed lines. */
  readonly index: number;
  readonly position: Position;
  readonly reason: ChainBreakReason;
  readonly detail: string;
}

export type ChainVerdict<Position> =
  | { readonly ok: true; readonly records: number; readonly head: ChainHead }
  | { readonly ok: false; readonly broken: ChainBreak<Position> };

export interface ChainVerifierOptions {
  /** What the first record must link to: the genesis head, or a trusted head when verifying a later segment. */
  readonly start?: ChainHead;
  /** How many recent records are remembered to recognise an insertion or a copy. */
  readonly window?: number;
}

/** Checks a chain one record at a time, in O(window) memory, so logs of any size verify as a stream. */
export interface AuditChainVerifier<Position> {
  push(record: AuditRecord, position: Position): void;
  pushMalformed(detail: string, position: Position): void;
  /** True once the first break is known for certain; later records cannot change the verdict. */
  readonly settled: boolean;
  finish(): ChainVerdict<Position>;
}

interface Seen<Position> {
  readonly index: number;
  readonly hash: string;
  readonly sequence: number;
  readonly position: Position;
}

/**
 * A jump forward in sequence numbers at `index` can be a removal, a record moved here from later, or a foreign
 * record; which one only shows further on, so the break waits there until the rest of the chain tells.
 */
interface PendingJump<Position> {
  readonly index: number;
  readonly position: Position;
  readonly record: AuditRecord;
  readonly expectedSequence: number;
  readonly fallback: 'removed' | 'truncated-head';
  expectedFoundAt?: number;
}

export function createAuditChainVerifier<Position>(options: ChainVerifierOptions = {}): AuditChainVerifier<Position> {
  const start = options.start ?? genesisHead;
  const window = options.window ?? 4096;
  const recentByHash = new Map<string, Seen<Position>>();
  const recentByIndex = new Map<number, Seen<Position>>();
  let head: ChainHead = start;
  let index = 0;
  let settledBreak: ChainBreak<Position> | undefined;
  let pending: PendingJump<Position> | undefined;

  const settle = (at: number, position: Position, reason: ChainBreakReason, detail: string) => {
    settledBreak = { index: at, position, reason, detail };
  };

  const remember = (record: AuditRecord, position: Position) => {
    const seen = { index, hash: record.hash, sequence: record.sequence, position };
    recentByHash.set(record.hash, seen);
    recentByIndex.set(index, seen);
    const evicted = recentByIndex.get(index - window);
    if (evicted) {
      recentByIndex.delete(evicted.index);
      recentByHash.delete(evicted.hash);
    }
  };

  const lookAhead = (record: AuditRecord) => {
    const jump = pending as PendingJump<Position>;
    if (record.hash === jump.record.previousHash) {
      settle(jump.index, jump.position, 'reordered',
        `sequence ${jump.record.sequence} stands before sequence ${record.sequence}, which it links to`);
      return;
    }
    if (record.sequence === jump.expectedSequence && jump.expectedFoundAt === undefined) jump.expectedFoundAt = index;
  };

  const resolvePending = () => {
    if (!pending || settledBreak) return;
    const jump = pending;
    if (jump.expectedFoundAt !== undefined) {
      settle(jump.index, jump.position, 'inserted',
        `sequence ${jump.record.sequence} links to nothing in the chain, which continues with sequence ${jump.expectedSequence} at index ${jump.expectedFoundAt}`);
    } else if (jump.fallback === 'truncated-head') {
      settle(jump.index, jump.position, 'truncated-head',
        `the first record has sequence ${jump.record.sequence}; records from sequence ${jump.expectedSequence} are missing`);
    } else {
      settle(jump.index, jump.position, 'removed', `sequence jumps from ${head.sequence} to ${jump.record.sequence}`);
    }
  };

  const checkLink = (record: AuditRecord, position: Position) => {
    const expected = head.sequence + 1;
    if (record.previousHash === head.hash && record.sequence === expected) {
      remember(record, position);
      head = { sequence: record.sequence, hash: record.hash };
      return;
    }
    const copyOf = recentByHash.get(record.hash);
    if (copyOf) {
      settle(index, position, 'inserted', `a copy of sequence ${record.sequence}, first seen at index ${copyOf.index}`);
      return;
    }
    const linksTo = record.previousHash === start.hash && start.sequence + 1 === record.sequence
      ? { index: -1 }
      : recentByHash.get(record.previousHash);
    if (linksTo && linksTo.index < index - 1) {
      const firstForeign = recentByIndex.get(linksTo.index + 1);
      settle(linksTo.index + 1, firstForeign ? firstForeign.position : position, 'inserted',
        `sequence ${record.sequence} links to the record at index ${linksTo.index}; the ${index - linksTo.index - 1} record(s) between belong to no chain`);
      return;
    }
    if (index === 0) {
      if (record.sequence > expected) {
        pending = { index, position, record, expectedSequence: expected, fallback: 'truncated-head' };
        return;
      }
      settle(index, position, 'truncated-head', `the first record does not link to the chain start (sequence ${start.sequence})`);
      return;
    }
    if (record.sequence === expected) {
      const predecessor = recentByIndex.get(index - 1);
      settle(index - 1, predecessor ? predecessor.position : position, 'edited',
        `sequence ${record.sequence} links to a different sequence ${head.sequence}: one of the two was rewritten with a recomputed hash`);
      return;
    }
    if (record.sequence > expected) {
      pending = { index, position, record, expectedSequence: expected, fallback: 'removed' };
      return;
    }
    settle(index, position, 'reordered', `sequence ${record.sequence} follows sequence ${head.sequence}`);
  };

  return {
    push(record, position) {
      if (settledBreak) return;
      if (pending) lookAhead(record);
      else if (chainHash(record.previousHash, record) !== record.hash) {
        settle(index, position, 'edited', `sequence ${record.sequence} does not match its hash`);
      } else {
        checkLink(record, position);
      }
      index += 1;
    },
    pushMalformed(detail, position) {
      if (settledBreak) return;
      if (!pending) settle(index, position, 'malformed', detail);
      index += 1;
    },
    get settled() {
      return settledBreak !== undefined;
    },
    finish() {
      resolvePending();
      if (settledBreak) return { ok: false, broken: settledBreak };
      return { ok: true, records: index, head };
    },
  };
}

/** Verifies records in order; the position of a break is its index in `records`. */
export function verifyAuditChain(records: readonly AuditRecord[], options: ChainVerifierOptions = {}): ChainVerdict<number> {
  const verifier = createAuditChainVerifier<number>(options);
  for (const [position, record] of records.entries()) {
    verifier.push(record, position);
    if (verifier.settled) break;
  }
  return verifier.finish();
}
