import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { measureOperation } from './measure-operation.js';

const schema = buildSchema(`
  type Camera { id: ID! name: String! nearby(first: Int = 5): [Camera!]! municipality: Municipality! }
  type Municipality { id: ID! cameras(first: Int): [Camera!]! }
  type Query { camera(id: ID!): Camera cameras(first: Int = 10): [Camera!]! municipalities: [Municipality!]! }
`);

const measure = (query: string, variables: Record<string, unknown> = {}, maxFieldVisits = 100_000) => {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, { variables, defaultListSize: 20, maxFieldVisits });
};

describe('measureOperation', () => {
  it.each([
    // query, depth, aliases, cost, largest first
    ['{ camera(id: "1") { id name } }', 2, 0, 3, 0],
    ['{ a: camera(id: "1") { id } b: camera(id: "2") { id } }', 2, 2, 4, 0],
    ['{ cameras { id } }', 2, 0, 1 + 10, 0],
    ['{ cameras(first: 3) { id nearby { id } } }', 3, 0, 1 + 3 * 2 + 3 * 5, 3],
    ['{ municipalities { cameras { id } } }', 3, 0, 1 + 20 + 20 * 20, 0],
    ['{ cameras(first: 0) { id } }', 2, 0, 2, 0],
    ['{ camera(id: "1") { ...C } } fragment C on Camera { id municipality { id } }', 3, 0, 4, 0],
    ['{ camera(id: "1") { ... on Camera { m: municipality { id } } } }', 3, 1, 3, 0],
    ['{ __schema { types { fields { type { ofType { name } } } } } }', 1, 0, 1, 0],
  ])('%s: depth %i, aliases %i, cost %i, first %i', (query, depth, aliases, cost, largestFirst) => {
    expect(measure(query)).toEqual({ depth, aliases, cost, largestFirst });
  });

  it('reads first from variables', () => {
    expect(measure('query Q($n: Int) { cameras(first: $n) { id } }', { n: 7 })).toMatchObject({ cost: 8, largestFirst: 7 });
  });

  it('counts fragments where they are spread, and stops at the visit budget', () => {
    const fragments = Array.from({ length: 30 }, (_, index) => `fragment F${index} on Camera { ...F${index + 1} ...F${index + 1} }`).join(' ');
    const measured = measure(`{ camera(id: "1") { ...F0 } } ${fragments} fragment F30 on Camera { id }`, {}, 1_000);
    expect(measured.cost).toBe(Number.POSITIVE_INFINITY);
    expect(measured.depth).toBe(2);
  });
});
