import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessPolicyFromSdl } from '../../domain/access/index.js';
import { documentHash } from '../../schema/trusted-documents.js';
import { graphiqlTabs } from './graphiql-tabs.js';

const sdl = `
directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
enum Decision { ACCEPT REJECT }
input Window { from: String! to: String! note: String }
type Hit @access(scopes: ["hits:read"], personalData: true) { id: ID! }
type Query {
  hits(first: Int): [Hit!]!
  volumes(cameraId: ID!, window: Window!, limit: Int!): [Int!]! @access(scopes: ["civic:read"], agencies: ["civic"])
}
type Mutation { decideHit(id: ID!, decision: Decision!): Hit @access(scopes: ["hits:decide"], clearance: 2) }
`;
const schema = buildSchema(sdl);
const policy = accessPolicyFromSdl(parse(sdl));
const pending = 'query PendingHits {\n  hits {\n    id\n  }\n}\n\nmutation DecideHit($id: ID!, $decision: Decision!) {\n  decideHit(id: $id, decision: $decision) {\n    id\n  }\n}';
const volumes = 'query Volumes($cameraId: ID!, $window: Window!, $limit: Int!) {\n  volumes(cameraId: $cameraId, window: $window, limit: $limit)\n}';

describe('graphiqlTabs', () => {
  const tabs = graphiqlTabs({ [documentHash(pending)]: pending, [documentHash(volumes)]: volumes }, schema, policy);

  it('makes one tab per trusted document, titled by its operations, sorted', () => {
    expect(tabs.map((tab) => [tab.title, tab.hash])).toEqual([
      ['PendingHits · DecideHit', documentHash(pending)],
      ['Volumes', documentHash(volumes)],
    ]);
  });

  it("lists the access rules of every operation's root fields: the field's own and its type's", () => {
    expect(tabs[0]?.access).toEqual([
      { scopes: ['hits:read'], agencies: [], clearance: 0, personalData: true },
      { scopes: ['hits:decide'], agencies: [], clearance: 2, personalData: false },
      { scopes: ['hits:read'], agencies: [], clearance: 0, personalData: true },
    ]);
    expect(tabs[1]?.access).toEqual([{ scopes: ['civic:read'], agencies: ['civic'], clearance: 0, personalData: false }]);
  });

  it("fills a variables skeleton from its operations' variable types, required input fields only", () => {
    expect(JSON.parse(tabs[0]?.variables ?? '')).toEqual({ id: '', decision: 'ACCEPT' });
    expect(JSON.parse(tabs[1]?.variables ?? '')).toEqual({ cameraId: '', window: { from: '', to: '' }, limit: 0 });
  });
});
