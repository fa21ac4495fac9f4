import { describe, expect, it } from 'vitest';
import { HotlistDigestTable } from './hotlist-digest-table.js';

describe('HotlistDigestTable', () => {
  it('finds a listed plate under its 64-bit digest, signed or unsigned words alike', () => {
    const table = new HotlistDigestTable(3);
    table.addExact(0xdeadbeef, 1, 7);
    const slot = table.find(0xdeadbeef | 0, 1);
    expect(table.exactPlateAt(slot)).toBe(7);
    expect(table.misreadPositionsAt(slot)).toBe(0);
    expect(table.find(0xdeadbeef, 2)).toBe(-1);
  });

  it('merges the positions of every misread that shares a digest, and keeps a plate that is also a misread', () => {
    const table = new HotlistDigestTable(3);
    table.addMisread(5, 0xffffffff, 0b100);
    table.addMisread(5, -1, 0b1);
    table.addExact(5, -1, 0);
    const slot = table.find(5, 0xffffffff);
    expect(table.misreadPositionsAt(slot)).toBe(0b101);
    expect(table.exactPlateAt(slot)).toBe(0);
    expect(table.size).toBe(1);
  });

  it('resolves collisions of the slot index by probing', () => {
    const table = new HotlistDigestTable(10);
    for (let i = 0; i < 10; i++) table.addExact(16 * i, i, i);
    for (let i = 0; i < 10; i++) expect(table.exactPlateAt(table.find(16 * i, i))).toBe(i);
  });

  it('sizes itself for the expected digests at a load of at most 0.7', () => {
    expect(new HotlistDigestTable(1_000_000).capacity).toBe(2 ** 21);
  });
});
