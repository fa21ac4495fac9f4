import { describe, expect, it } from 'vitest';
import { KeyedDigestTable } from './keyed-digest-table.js';

describe('KeyedDigestTable', () => {
  it('stores and finds values under 64-bit digests, signed or unsigned words alike', () => {
    const table = new KeyedDigestTable(3);
    table.upsert(0xdeadbeef, 1, () => 7);
    table.upsert(5, 0xffffffff, () => 9);
    expect(table.get(0xdeadbeef, 1)).toBe(7);
    expect(table.get(0xdeadbeef | 0, 1)).toBe(7);
    expect(table.get(5, -1)).toBe(9);
    expect(table.get(5, 0)).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('resolves collisions of the slot index by probing', () => {
    const table = new KeyedDigestTable(10);
    for (let i = 0; i < 10; i++) table.upsert(16 * i, i, () => i);
    for (let i = 0; i < 10; i++) expect(table.get(16 * i, i)).toBe(i);
  });

  it('passes the previous value to an update of the same digest', () => {
    const table = new KeyedDigestTable(1);
    table.upsert(1, 2, (previous) => (previous === -1 ? 4 : previous | 1));
    table.upsert(1, 2, (previous) => (previous === -1 ? 4 : previous | 1));
    expect(table.get(1, 2)).toBe(5);
    expect(table.size).toBe(1);
  });

  it('sizes itself for the expected entries at a load of at most 0.7', () => {
    expect(new KeyedDigestTable(1_000_000).capacity).toBe(2 ** 21);
  });
});
