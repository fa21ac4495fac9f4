import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../gateway-context.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';
import { useRefusalStatus } from './use-refusal-status.js';

async function statusAfter(singleResult: FormattedExecutionResult, status: number | undefined): Promise<number | undefined> {
  const response = { http: { status, headers: new HeaderMap() }, body: { kind: 'single' as const, singleResult } };
  const listener = await useRefusalStatus().requestDidStart?.({} as never);
  await listener?.willSendResponse?.({ response } as unknown as GraphQLRequestContextWillSendResponse<GatewayContext>);
  return response.http.status;
}

describe('useRefusalStatus', () => {
  it('gives a response without data its first error\'s status', async () => {
    expect(await statusAfter({ errors: [{ message: 'slow down', extensions: { code: 'DS_RATE_LIMITED', httpStatus: 429 } }] }, 200)).toBe(429);
  });

  it('leaves executed responses alone, even with errors', async () => {
    expect(await statusAfter({ data: { a: null }, errors: [{ message: 'x', extensions: { code: 'DS_AUTH_FORBIDDEN', httpStatus: 403 } }] }, undefined)).toBeUndefined();
    expect(await statusAfter({ data: null, errors: [{ message: 'x', extensions: { code: 'DS_INTERNAL', httpStatus: 500 } }] }, 200)).toBe(200);
  });

  it.each([
    ['a document that does not parse', '{ wantedVehicle(id: ', 'DS_BAD_REQUEST'],
    ['a field the schema lacks', '{ wantedVehicle(id: "wv-1") { vin } }', 'DS_GRAPHQL_VALIDATION_FAILED'],
    ['a missing variable', 'query Q($id: ID!) { wantedVehicle(id: $id) { id } }', 'DS_INVALID_INPUT'],
  ])('answers %s with 400 and its code', async (_, query, code) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query(query, { as: 'police-officer' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code, httpStatus: 400 } })] });
  });
});
