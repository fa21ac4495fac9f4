import { describe, expect, it } from 'vitest';
import { countsOf, registryChanges } from './registry-changes.js';

interface Entry {
  readonly id: string;
  readonly name: string;
}

const same = (a: Entry, b: Entry) => a.name === b.name;

describe('registryChanges', () => {
  it('sorts entries into created, updated and unchanged', () => {
    const existing = new Map<string, Entry>([['a', { id: 'a', name: 'A' }], ['b', { id: 'b', name: 'B' }]]);
    const changes = registryChanges(existing, [{ id: 'a', name: 'A' }, { id: 'b', name: 'B2' }, { id: 'c', name: 'C' }], same);
    expect(changes).toEqual({
      created: [{ id: 'c', name: 'C' }],
      updated: [{ id: 'b', name: 'B2' }],
      unchanged: [{ id: 'a', name: 'A' }],
    });
    expect(countsOf(changes)).toEqual({ created: 1, updated: 1, unchanged: 1 });
  });

  it('changes nothing when everything is already there', () => {
    const existing = new Map<string, Entry>([['a', { id: 'a', name: 'A' }]]);
    expect(countsOf(registryChanges(existing, [{ id: 'a', name: 'A' }], same))).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
});
