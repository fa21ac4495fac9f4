import neo4j from 'neo4j-driver';

/**
 * A number as Neo4j returned it, whatever the caller's driver was configured with: an Integer (the default), a JS
 * number (`disableLosslessIntegers`) or a bigint (`useBigInt`). Stores convert every number they read with it, so
 * none depends on how its driver was created. An integer beyond 2^53 is refused rather than silently rounded.
 */
export function numberFromNeo4j(value: unknown): number {
  if (typeof value === 'number') return value;
  if (neo4j.isInt(value)) {
    if (!value.inSafeRange()) throw new RangeError(`Neo4j integer ${value.toString()} is beyond 2^53`);
    return value.toNumber();
  }
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`Neo4j integer ${value} is beyond 2^53`);
    return Number(value);
  }
  throw new TypeError(`expected a number from Neo4j, got ${value === null ? 'null' : typeof value}`);
}

/** `numberFromNeo4j` for a property that may be absent. */
export const optionalNumberFromNeo4j = (value: unknown): number | null =>
  value === null || value === undefined ? null : numberFromNeo4j(value);
