import { getIntrospectionQuery, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../schema/trusted-documents.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const trusted = print(parse('query Priority($id: ID!) { wantedVehicle(id: $id) { priority } }'));
const trustedDocuments = { [documentHash(trusted)]: trusted };
const variables = { id: 'wv-1' };
const refusedWith = (code: string) => ({ errors: [expect.objectContaining({ extensions: { code, httpStatus: 400 } })] });

describe('useTrustedDocuments in production', () => {
  it('runs a trusted document named by its sha256Hash alone', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments });
    const response = await gateway.query(undefined, { as: 'police-officer', variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(trusted) } } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { wantedVehicle: { priority: 80 } } });
  });

  it('runs a trusted document sent as its exact text', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments });
    const response = await gateway.query(trusted, { as: 'police-officer', variables });
    expect(response.body).toEqual({ data: { wantedVehicle: { priority: 80 } } });
  });

  it.each([
    ['any other document', { query: '{ wantedVehicle(id: "wv-1") { priority } }' }],
    ['the trusted text, reformatted', { query: trusted.replaceAll('\n', ' ') }],
    ['an unknown hash', { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }],
    ['a known hash with another text', { query: '{ whoAmI { subject } }', extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(trusted) } } }],
  ])('refuses %s: 400 DS_DOCUMENT_NOT_TRUSTED, before parsing', async (_, request) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments });
    const response = await gateway.query('query' in request ? request.query : undefined, { as: 'police-officer', variables, ...('extensions' in request ? { extensions: request.extensions } : {}) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_DOCUMENT_NOT_TRUSTED'));
  });

  it.each([
    ['the introspection query', getIntrospectionQuery()],
    ['a __type lookup', '{ __type(name: "WantedVehicle") { fields { name } } }'],
  ])('refuses %s: 400 DS_INTROSPECTION_DISABLED', async (_, query) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments });
    const response = await gateway.query(query, { as: 'police-investigator' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_INTROSPECTION_DISABLED'));
  });

  it('authenticates before it looks at the document', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments });
    const response = await gateway.query('{ anything }');
    expect(response.status).toBe(401);
  });
});

describe('useTrustedDocuments in development', () => {
  it('accepts any document, and introspection', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], trustedDocuments });
    const adHoc = await gateway.query('{ wantedVehicle(id: "wv-2") { priority } }', { as: 'police-officer' });
    expect(adHoc.body).toEqual({ data: { wantedVehicle: { priority: 20 } } });
    const introspection = await gateway.query('{ __schema { queryType { name } } }', { as: 'civic-developer' });
    expect(introspection.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('still resolves trusted hashes', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], trustedDocuments });
    const response = await gateway.query(undefined, { as: 'police-officer', variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(trusted) } } });
    expect(response.body).toEqual({ data: { wantedVehicle: { priority: 80 } } });
  });
});
