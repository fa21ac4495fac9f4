import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { accessPolicyFromSdl, type RequestAccess } from '../../domain/access/index.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { deniedFields } from './denied-fields.js';
import { redactResponse } from './redact-response.js';

const sdl = `
  directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
  type Hit @access(scopes: ["hits:read"]) { id: ID! camera: Camera! }
  type Camera { id: ID! secretNote: String! @access(clearance: 3) label: String @access(clearance: 3) }
  type Query { hits: [Hit!]! camera(id: ID!): Camera cameras: [Camera] strictCameras: [Camera!]! }
`;
const schema = buildSchema(sdl);
const policy = accessPolicyFromSdl(parse(sdl));
const operator: RequestAccess = { identity: sampleUsers['city-operator'] };

function redact(query: string, data: Record<string, unknown>) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const { denied } = deniedFields(schema, document, operation, policy, operator, { maxFieldVisits: 1_000 });
  const result = redactResponse(structuredClone(data), denied);
  return { data: result.data, paths: result.found.map((entry) => entry.path), codes: result.found.map((entry) => entry.field.code) };
}

describe('deniedFields + redactResponse', () => {
  it('nulls a denied nullable field and reports its path', () => {
    expect(redact('{ camera(id: "1") { id label } }', { camera: { id: '1', label: 'leak' } })).toEqual({
      data: { camera: { id: '1', label: null } }, paths: [['camera', 'label']], codes: ['DS_AUTH_CLEARANCE'],
    });
  });

  it('takes the nearest nullable parent down with a denied non-null field, as execution would', () => {
    expect(redact('{ camera(id: "1") { id secretNote } }', { camera: { id: '1', secretNote: 'leak' } }).data).toEqual({ camera: null });
    expect(redact('{ cameras { secretNote } }', { cameras: [{ secretNote: 'a' }, { secretNote: 'b' }] }).data).toEqual({ cameras: [null, null] });
  });

  it('nulls the whole response when nothing above a denied field is nullable', () => {
    expect(redact('{ strictCameras { secretNote } }', { strictCameras: [{ secretNote: 'a' }] }).data).toBeNull();
    expect(redact('{ hits { id } }', { hits: [{ id: 'h1' }] })).toMatchObject({ data: null, codes: ['DS_AUTH_FORBIDDEN'] });
  });

  it('follows aliases and list indices', () => {
    expect(redact('{ c: cameras { l: label } }', { c: [{ l: 'x' }, null, { l: 'y' }] })).toMatchObject({
      data: { c: [{ l: null }, null, { l: null }] }, paths: [['c', 0, 'l'], ['c', 2, 'l']],
    });
  });

  it('reports a denied field that is already null, and skips one whose parent is gone', () => {
    expect(redact('{ cameras { label } }', { cameras: [{ label: null }] }).paths).toEqual([['cameras', 0, 'label']]);
    expect(redact('{ camera(id: "1") { label } }', { camera: null }).paths).toEqual([]);
  });
});
