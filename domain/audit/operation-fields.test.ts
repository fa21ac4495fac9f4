import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessPolicyFromSdl } from '../access/index.js';
import { operationFields, readsPersonalData } from './index.js';

const sdl = /* GraphQL */ `
  directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
  interface Sighting { id: ID! at: String! }
  type Hit implements Sighting @access(personalData: true) { id: ID! at: String! plate: String! }
  type Count implements Sighting { id: ID! at: String! total: Int! }
  type Camera { id: ID! name: String! sightings: [Sighting!]! owner: String @access(personalData: true) }
  type Query { camera(id: ID!): Camera cameras: [Camera!]! }
`;
const schema = buildSchema(sdl);
const policy = accessPolicyFromSdl(parse(sdl));

function fieldsOf(source: string, operationName?: string) {
  const document = parse(source);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode =>
    definition.kind === 'OperationDefinition' && (operationName === undefined || definition.name?.value === operationName)) as OperationDefinitionNode;
  return [...operationFields(schema, document, operation).byNode.values()];
}

describe('operationFields', () => {
  it('types the fields of the operation and of every fragment it reaches, and leaves introspection out', () => {
    const fields = fieldsOf(`
      query Watch { __typename first: camera(id: "c1") { ...Basics sightings { __typename id ... on Hit { plate } ... on Count { total } } } }
      query Other { cameras { ...Unrelated } }
      fragment Basics on Camera { name ...Owner }
      fragment Owner on Camera { owner }
      fragment Unrelated on Camera { id }
    `, 'Watch');
    expect(fields.map((field) => field.coordinate).sort()).toEqual([
      'Camera.name', 'Camera.owner', 'Camera.sightings', 'Count.total', 'Hit.plate', 'Query.camera', 'Sighting.id',
    ]);
    expect(fields.find((field) => field.coordinate === 'Camera.sightings')).toMatchObject({ parentType: 'Camera', fieldName: 'sightings', returnType: 'Sighting' });
  });

  it('marks the fields that read personal data, through interfaces too', () => {
    const personal = fieldsOf('{ cameras { name owner sightings { at } } }')
      .filter((field) => readsPersonalData(policy, schema, field)).map((field) => field.coordinate);
    expect(personal).toEqual(['Camera.owner', 'Camera.sightings']);
    expect(fieldsOf('{ cameras { name } }').some((field) => readsPersonalData(policy, schema, field))).toBe(false);
  });
});
