import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { walkOperation } from './walk-operation.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Camera implements Node { id: ID! name: String! }
  type Query { node(id: ID!): Node camera(id: ID!): Camera }
`);

function coordinates(query: string, maxFieldVisits = 1_000) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const seen: string[] = [];
  const outcome = walkOperation(schema, document, operation, {
    enterField(step, ancestors) {
      seen.push(`${[...ancestors.map((field) => field.responseKey), step.responseKey].join('.')} ${step.parentType.name}.${step.definition.name}`);
    },
  }, { maxFieldVisits });
  return { seen, outcome };
}

describe('walkOperation', () => {
  it('visits each field with its parent type, through inline fragments and spread fragments', () => {
    expect(coordinates('{ n: node(id: "1") { id ... on Camera { name } ...C } } fragment C on Camera { id }').seen).toEqual([
      'n Query.node', 'n.id Node.id', 'n.name Camera.name', 'n.id Camera.id',
    ]);
  });

  it('stops at the visit budget and says so', () => {
    const { seen, outcome } = coordinates('{ camera(id: "1") { id name } }', 2);
    expect(seen).toHaveLength(2);
    expect(outcome).toEqual({ complete: false, fieldVisits: 3 });
  });
});
