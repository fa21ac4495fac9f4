import { buildSchema, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessPolicyFromSdl } from '../access/index.js';
import { accessDecision, operationFields, readsPersonalData, type ResponseError } from './index.js';

const sdl = /* GraphQL */ `
  directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
  type WantedVehicle { id: ID! status: String plate: String @access(personalData: true) case: Case @access(personalData: true) }
  type Case { title: String }
  type Hit @access(personalData: true) { id: ID! capturedAt: String }
  type Node { a: Node b: Node secret: String @access(personalData: true) }
  type Query { wantedVehicle(id: ID!): WantedVehicle hits: [Hit!]! node: Node }
`;
const schema = buildSchema(sdl);
const policy = accessPolicyFromSdl(parse(sdl));

function decide(source: string, errors: readonly ResponseError[], refusedAsAWhole = false) {
  const document = parse(source);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fields = operationFields(schema, document, operation);
  const personal = new Set<FieldNode>([...fields.byNode].filter(([, field]) => readsPersonalData(policy, schema, field)).map(([node]) => node));
  return accessDecision(fields, personal, errors, refusedAsAWhole);
}

const track = `
  query Track { wantedVehicle(id: "w1") { status ...Plate case { title } } pending: hits { id } }
  fragment Plate on WantedVehicle { plate }
`;

describe('accessDecision', () => {
  it.each<[string, ResponseError[], boolean, ReturnType<typeof decide>]>([
    ['no errors', [], false, { outcome: 'allowed', denied: [] }],
    ['a failure that is not a decision', [{ code: 'DS_SUBGRAPH_UNAVAILABLE', path: ['wantedVehicle', 'plate'] }], false, { outcome: 'allowed', denied: [] }],
    ['a personal field refused, inside a fragment', [{ code: 'DS_AUTH_FORBIDDEN', path: ['wantedVehicle', 'plate'] }], false,
      { outcome: 'partial', denied: [{ coordinate: 'WantedVehicle.plate', code: 'DS_AUTH_FORBIDDEN' }] }],
    ['a refusal at every list item, by alias', [{ code: 'DS_AUTH_CLEARANCE', path: ['pending', 0] }, { code: 'DS_AUTH_CLEARANCE', path: ['pending', 1] }], false,
      { outcome: 'partial', denied: [{ coordinate: 'Query.hits', code: 'DS_AUTH_CLEARANCE' }] }],
    ['a field without personal data refused', [{ code: 'DS_AUTH_FORBIDDEN', path: ['wantedVehicle', 'status'] }], false,
      { outcome: 'allowed', denied: [{ coordinate: 'WantedVehicle.status', code: 'DS_AUTH_FORBIDDEN' }] }],
    ['refused parents, which withhold every personal field beneath them',
      [{ code: 'DS_AUTH_FORBIDDEN', path: ['wantedVehicle'] }, { code: 'DS_AUTH_PURPOSE_REQUIRED', path: ['pending'] }], false,
      { outcome: 'denied', denied: [{ coordinate: 'Query.hits', code: 'DS_AUTH_PURPOSE_REQUIRED' }, { coordinate: 'Query.wantedVehicle', code: 'DS_AUTH_FORBIDDEN' }] }],
    ['an authorization error without a path', [{ code: 'DS_AUTH_CLEARANCE' }], false, {
      outcome: 'denied',
      denied: [
        { coordinate: 'Query.hits', code: 'DS_AUTH_CLEARANCE' },
        { coordinate: 'WantedVehicle.case', code: 'DS_AUTH_CLEARANCE' },
        { coordinate: 'WantedVehicle.plate', code: 'DS_AUTH_CLEARANCE' },
      ],
    }],
    ['an operation refused as a whole', [{ code: 'DS_RATE_LIMITED' }], true, {
      outcome: 'denied',
      denied: [
        { coordinate: 'Query.hits', code: 'DS_RATE_LIMITED' },
        { coordinate: 'WantedVehicle.case', code: 'DS_RATE_LIMITED' },
        { coordinate: 'WantedVehicle.plate', code: 'DS_RATE_LIMITED' },
      ],
    }],
  ])('%s', (_name, errors, refused, expected) => {
    expect(decide(track, errors, refused)).toEqual(expected);
  });

  it('never expands fragments, so a document that multiplies into 2^40 fields decides at once', () => {
    const depth = 40;
    const fragments = Array.from({ length: depth }, (_, i) => `fragment F${i} on Node { a { ...F${i + 1} } b { ...F${i + 1} } }`);
    const bomb = `query Bomb { node { ...F0 } }\n${fragments.join('\n')}\nfragment F${depth} on Node { secret }`;
    const deep = ['node', ...Array.from({ length: depth }, () => 'a')];
    const startedAt = performance.now();
    expect(decide(bomb, [{ code: 'DS_AUTH_CLEARANCE', path: deep }])).toEqual({ outcome: 'partial', denied: [{ coordinate: 'Node.a', code: 'DS_AUTH_CLEARANCE' }] });
    expect(decide(bomb, [{ code: 'DS_AUTH_CLEARANCE', path: ['node'] }])).toMatchObject({ outcome: 'denied' });
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });
});
