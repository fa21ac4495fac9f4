import { describe, expect, it } from 'vitest';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { cameraSubgraph, wantedSubgraph } from '../testing/test-subgraphs.js';
import { defaultQueryLimits } from './use-query-limits.js';

const nested = (levels: number) => `{ camera(id: "cam-1") { ${'nearby(first: 1) { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

describe('useQueryLimits', () => {
  it.each([
    ['deep nesting', nested(defaultQueryLimits.maxDepth + 2), 'DS_QUERY_TOO_DEEP'],
    ['an alias flood', `{ ${Array.from({ length: 50 }, (_, index) => `a${index}: camera(id: "cam-${index}") { id }`).join(' ')} }`, 'DS_QUERY_TOO_MANY_ALIASES'],
    ['a huge first', '{ cameras(first: 1000000) { id } }', 'DS_QUERY_LIST_TOO_LARGE'],
    ['nested lists that multiply', '{ cameras(first: 100) { nearby(first: 100) { nearby(first: 100) { id } } } }', 'DS_QUERY_TOO_COSTLY'],
    ['a long document', `{ ${'__typename '.repeat(defaultQueryLimits.maxTokens)}}`, 'DS_QUERY_TOO_MANY_TOKENS'],
    [
      'fragments that expand exponentially',
      `{ cameras(first: 1) { ...F0 } } ${Array.from({ length: 20 }, (_, index) => `fragment F${index} on Camera { ...F${index + 1} ...F${index + 1} }`).join(' ')} fragment F20 on Camera { id }`,
      'DS_QUERY_TOO_COSTLY',
    ],
  ])('refuses %s with 400 and its own code, before any subgraph is asked', async (_, query, code) => {
    await using gateway = await createGatewayTester({ subgraphs: [cameraSubgraph, wantedSubgraph] });
    await gateway.stopSubgraph('camera');
    const response = await gateway.query(query, { as: 'city-operator' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code, httpStatus: 400 } })] });
  });

  it('reads first from variables too', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [cameraSubgraph] });
    const response = await gateway.query('query Cameras($n: Int) { cameras(first: $n) { id } }', { as: 'city-operator', variables: { n: 10_000 } });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('DS_QUERY_LIST_TOO_LARGE');
  });

  it('lets an ordinary operation through', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [cameraSubgraph] });
    const response = await gateway.query(nested(defaultQueryLimits.maxDepth - 2), { as: 'city-operator' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });
});
