import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { numberFromNeo4j, optionalNumberFromNeo4j } from './neo4j-numbers.js';

describe('numberFromNeo4j', () => {
  it.each([
    ['a Neo4j Integer (the default driver)', neo4j.int(12), 12],
    ['a JS number (disableLosslessIntegers)', 12, 12],
    ['a bigint (useBigInt)', 12n, 12],
    ['a float', 37.25, 37.25],
  ])('reads %s', (_, value, expected) => {
    expect(numberFromNeo4j(value)).toBe(expected);
  });

  it('refuses an integer it would have to round, and a value that is no number', () => {
    expect(() => numberFromNeo4j(neo4j.int('9007199254740993'))).toThrow(RangeError);
    expect(() => numberFromNeo4j(9007199254740993n)).toThrow(RangeError);
    expect(() => numberFromNeo4j('12')).toThrow(TypeError);
    expect(() => numberFromNeo4j(null)).toThrow(TypeError);
  });

  it('leaves an absent optional property absent', () => {
    expect(optionalNumberFromNeo4j(null)).toBeNull();
    expect(optionalNumberFromNeo4j(undefined)).toBeNull();
    expect(optionalNumberFromNeo4j(neo4j.int(90))).toBe(90);
  });
});
