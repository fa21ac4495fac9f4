import { describe, expect, it } from 'vitest';
import { compareNewestFirst, isPriorityHit, mergeHits, priorityHitThreshold, queueOrder, type QueuedHit } from './hit-queue.js';

const hit = (id: string, capturedAt: string, overrides: Partial<QueuedHit> = {}): QueuedHit => ({
  id, capturedAt, receivedAt: capturedAt, status: 'PENDING', wantedVehicle: { priority: 50 }, ...overrides,
});

describe('the hit queue', () => {
  it('orders newest capture first, whatever the offsets the instants carry', () => {
    const hits = [hit('a', '2026-11-24T08:00:00+09:00'), hit('b', '2026-11-23T23:30:00Z'), hit('c', '2026-11-24T08:10:00+09:00')];
    expect([...hits].sort(compareNewestFirst).map((entry) => entry.id)).toEqual(['b', 'c', 'a']);
  });

  it('breaks a tie of capture instants by receipt, then by id, so the order is stable', () => {
    const at = '2026-11-24T08:00:00+09:00';
    const hits = [hit('y', at), hit('x', at), hit('z', at, { receivedAt: '2026-11-24T08:00:05+09:00' })];
    expect([...hits].sort(compareNewestFirst).map((entry) => entry.id)).toEqual(['z', 'x', 'y']);
  });

  it('keeps one entry per hit, the later version winning (a decision replaces the pending hit)', () => {
    const queue = [hit('a', '2026-11-24T08:00:00+09:00'), hit('b', '2026-11-24T08:01:00+09:00')];
    const merged = mergeHits(queue, [hit('a', '2026-11-24T08:00:00+09:00', { status: 'ACCEPTED' }), hit('c', '2026-11-24T08:02:00+09:00')]);
    expect(merged.map((entry) => [entry.id, entry.status])).toEqual([['c', 'PENDING'], ['b', 'PENDING'], ['a', 'ACCEPTED']]);
  });

  it('holds at most its limit, dropping the oldest', () => {
    const queue = Array.from({ length: 10 }, (_, index) => hit(`h${index}`, new Date(Date.UTC(2026, 10, 24, 0, index)).toISOString()));
    expect(mergeHits(queue, [], 3).map((entry) => entry.id)).toEqual(['h9', 'h8', 'h7']);
  });

  it('puts pending hits above decided ones', () => {
    const hits = [hit('old', '2026-11-24T08:00:00+09:00'), hit('decided', '2026-11-24T09:00:00+09:00', { status: 'REJECTED' })];
    expect(queueOrder(hits).map((entry) => entry.id)).toEqual(['old', 'decided']);
  });

  it('flashes for pending hits of priority at or above the threshold only', () => {
    expect(isPriorityHit(hit('a', '2026-11-24T08:00:00Z', { wantedVehicle: { priority: priorityHitThreshold } }))).toBe(true);
    expect(isPriorityHit(hit('a', '2026-11-24T08:00:00Z', { wantedVehicle: { priority: priorityHitThreshold - 1 } }))).toBe(false);
    expect(isPriorityHit(hit('a', '2026-11-24T08:00:00Z', { status: 'ACCEPTED', wantedVehicle: { priority: 100 } }))).toBe(false);
  });
});
