import { describe, expect, it } from 'vitest';
import type { WantedVehicleInput } from './generated/resolver-types.js';
import { wantedVehicleFromInput, type EntryOrigin } from './wanted-vehicle-input.js';

const now = Date.parse('2026-11-25T09:00:00+09:00');
const origin: EntryOrigin = { id: 'wv-test', owningAgency: 'police', createdBy: 'police-investigator-park', now };
const base: WantedVehicleInput = { plate: '123가4567', reason: 'STOLEN', priority: 80, caseNumber: '2026-경기남부-0142' };

function codeOf(input: WantedVehicleInput): unknown {
  try {
    wantedVehicleFromInput(input, origin);
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
}

describe('wantedVehicleFromInput', () => {
  it('stores a full plate in canonical form, owned by the caller, valid from now', () => {
    expect(wantedVehicleFromInput({ ...base, plate: ' 123 가 4567 ' }, origin)).toEqual({
      id: 'wv-test', kind: 'FULL_PLATE', plate: '123가4567', reason: 'STOLEN', priority: 80,
      validFrom: new Date(now).toISOString(), validUntil: undefined, caseNumber: '2026-경기남부-0142',
      owningAgency: 'police', createdAt: new Date(now).toISOString(), createdBy: 'police-investigator-park',
    });
  });

  it('stores a witness pattern with explicit wildcards as a partial plate', () => {
    const entry = wantedVehicleFromInput({ ...base, plate: null, platePattern: '12-가-34**' }, origin);
    expect(entry).toMatchObject({ kind: 'PARTIAL_PLATE', platePattern: '12가34??' });
    expect(entry.plate).toBeUndefined();
  });

  it.each([
    ['an illegal character', { plate: 'ABC123' }, 'DS_PLATE_ILLEGAL_CHARACTER'],
    ['a syllable never issued', { plate: '123갸4567' }, 'DS_PLATE_UNKNOWN_SYLLABLE'],
    ['no plate shape', { plate: '123가456' }, 'DS_PLATE_INVALID'],
    ['a pattern with too few known characters', { plate: null, platePattern: '1???????' }, 'DS_PLATE_PATTERN_INVALID'],
    ['both plate and pattern', { platePattern: '12가34??' }, 'DS_INVALID_INPUT'],
    ['neither plate nor pattern', { plate: null }, 'DS_INVALID_INPUT'],
    ['priority above 100', { priority: 101 }, 'DS_INVALID_INPUT'],
    ['negative priority', { priority: -1 }, 'DS_INVALID_INPUT'],
    ['a validity that ends before it starts', { validFrom: '2026-11-26T00:00:00+09:00', validUntil: '2026-11-25T12:00:00+09:00' }, 'DS_INVALID_INPUT'],
    ['a validity already past', { validFrom: '2026-11-20T00:00:00+09:00', validUntil: '2026-11-21T00:00:00+09:00' }, 'DS_INVALID_INPUT'],
    ['a validFrom without offset', { validFrom: '2026-11-25T09:00:00' }, 'DS_INVALID_INPUT'],
    ['a malformed case number', { caseNumber: 'case:1' }, 'DS_INVALID_INPUT'],
  ] as const)('refuses %s with %s', (_, change, code) => {
    expect(codeOf({ ...base, ...change })).toBe(code);
  });
});
