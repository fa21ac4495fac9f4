import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  edgeHistoryAnswerSchema, edgeHistoryRequestSchema, maxHistoryWindowDays, mergePlateHistory, plateHistoryQueryOf,
  plateHistorySearchOf, sameHistorySearch, type EdgeHistoryOutcome, type EdgeHistoryRead,
} from './index.js';

const dayMs = 24 * 60 * 60 * 1000;

describe('plateHistorySearchOf', () => {
  it('normalises the plate and reads the window in any offset', () => {
    expect(plateHistorySearchOf({ plate: '서울 12가 3456', from: '2026-03-01T09:00:00+09:00', to: '2026-03-02T00:00:00Z' })).toEqual({
      ok: true, search: { plate: '서울12가3456', fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-02T00:00:00Z') },
    });
  });

  it.each<[string, { plate: string; from: string; to: string }, string, RegExp]>([
    ['no plate', { plate: 'ABC123', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'DS_PLATE_ILLEGAL_CHARACTER', /^plate: /],
    ['a plate of no format', { plate: '1234', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, 'DS_PLATE_INVALID', /^plate: /],
    ['a local time without offset', { plate: '12가3456', from: '2026-03-01T09:00:00', to: '2026-03-02T00:00:00Z' }, 'DS_HISTORY_WINDOW_INVALID', /^from: /],
    ['30 February', { plate: '12가3456', from: '2026-02-01T00:00:00Z', to: '2026-02-30T00:00:00Z' }, 'DS_HISTORY_WINDOW_INVALID', /^to: /],
    ['an empty window', { plate: '12가3456', from: '2026-03-01T00:00:00Z', to: '2026-03-01T09:00:00+09:00' }, 'DS_HISTORY_WINDOW_INVALID', /before/],
    ['a reversed window', { plate: '12가3456', from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'DS_HISTORY_WINDOW_INVALID', /before/],
    ['32 days', { plate: '12가3456', from: '2026-03-01T00:00:00Z', to: '2026-04-02T00:00:00Z' }, 'DS_HISTORY_WINDOW_INVALID', /31 days/],
  ])('refuses %s with its code, naming the argument and not its value', (_name, query, code, reason) => {
    const result = plateHistorySearchOf(query);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reason).not.toContain(query.plate);
    }
  });

  it(`accepts exactly ${maxHistoryWindowDays} days`, () => {
    const from = Date.parse('2026-03-01T00:00:00Z');
    const query = { plate: '12가3456', from: new Date(from).toISOString(), to: new Date(from + maxHistoryWindowDays * dayMs).toISOString() };
    expect(plateHistorySearchOf(query).ok).toBe(true);
    expect(plateHistorySearchOf({ ...query, to: new Date(from + maxHistoryWindowDays * dayMs + 1).toISOString() }).ok).toBe(false);
  });

  it('survives the wire: the query of a search validates to the same search, and fits the edge request schema', () => {
    fc.assert(fc.property(
      fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }),
      fc.integer({ min: 1, max: maxHistoryWindowDays * dayMs }),
      (fromMs, length) => {
        const search = { plate: '123가4567', fromMs, toMs: fromMs + length };
        const query = plateHistoryQueryOf(search);
        expect(edgeHistoryRequestSchema.parse(query)).toEqual(query);
        const again = plateHistorySearchOf(query);
        expect(again.ok && sameHistorySearch(again.search, search)).toBe(true);
      },
    ));
  });
});

const read = (readId: string, capturedAt: string, extra: Partial<EdgeHistoryRead> = {}): EdgeHistoryRead =>
  ({ readId, cameraId: `cam-${readId}`, capturedAt, plateText: '12가3456', confidence: 0.9, hit: false, ...extra });

describe('mergePlateHistory', () => {
  it('orders reads across municipalities by capture time, whatever offset each edge wrote', () => {
    const merged = mergePlateHistory([
      { municipalityId: 'suwon', answered: true, reads: [read('s1', '2026-03-01T09:00:00+09:00'), read('s2', '2026-03-01T01:00:00Z')] },
      { municipalityId: 'osan', answered: true, reads: [read('o1', '2026-03-01T00:30:00Z')] },
    ]);
    expect(merged.reads.map((r) => [r.municipalityId, r.readId])).toEqual([['suwon', 's1'], ['osan', 'o1'], ['suwon', 's2']]);
    expect(merged.complete).toBe(true);
    expect(merged.sources).toEqual([
      { municipalityId: 'osan', answered: true, readCount: 1, code: null, reason: null },
      { municipalityId: 'suwon', answered: true, readCount: 2, code: null, reason: null },
    ]);
  });

  it('keeps the answered reads when an edge is missing, and names the missing municipality with its code', () => {
    const merged = mergePlateHistory([
      { municipalityId: 'suwon', answered: true, reads: [read('s1', '2026-03-01T00:00:00Z')] },
      { municipalityId: 'hwaseong', answered: false, code: 'DS_HISTORY_EDGE_UNAVAILABLE', reason: 'did not answer within 5000 ms' },
    ]);
    expect(merged.complete).toBe(false);
    expect(merged.reads.map((r) => r.readId)).toEqual(['s1']);
    expect(merged.sources[0]).toEqual({
      municipalityId: 'hwaseong', answered: false, readCount: 0, code: 'DS_HISTORY_EDGE_UNAVAILABLE', reason: 'did not answer within 5000 ms',
    });
  });

  it('is a total order independent of the order edges answered in', () => {
    const instant = fc.integer({ min: 0, max: 5 }).map((minute) => `2026-03-01T00:0${minute}:00Z`);
    const edgeReads = fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'abc123'), minLength: 1, maxLength: 3 }), { maxLength: 6 })
      .chain((ids) => fc.tuple(...ids.map((id) => instant.map((at) => read(id, at)))));
    fc.assert(fc.property(fc.tuple(edgeReads, edgeReads, edgeReads), (perEdge) => {
      const outcomes: EdgeHistoryOutcome[] = perEdge.map((reads, i) => ({ municipalityId: `m${i}`, answered: true, reads }));
      const merged = mergePlateHistory(outcomes);
      expect(mergePlateHistory([...outcomes].reverse())).toEqual(merged);
      expect(merged.reads).toHaveLength(perEdge.flat().length);
      for (let i = 1; i < merged.reads.length; i++) {
        expect((merged.reads[i - 1]?.capturedAtMs ?? 0) <= (merged.reads[i]?.capturedAtMs ?? 0)).toBe(true);
      }
    }));
  });
});

describe('the edge answer schema', () => {
  it('ignores fields a newer edge adds, and refuses a confidence out of range', () => {
    const answer = { municipalityId: 'osan', reads: [{ ...read('o1', '2026-03-01T00:00:00Z'), lane: 2 }], version: 2 };
    expect(edgeHistoryAnswerSchema.parse(answer)).toEqual({ municipalityId: 'osan', reads: [read('o1', '2026-03-01T00:00:00Z')] });
    expect(edgeHistoryAnswerSchema.safeParse({ municipalityId: 'osan', reads: [read('o1', '2026-03-01T00:00:00Z', { confidence: 2 })] }).success).toBe(false);
  });
});
