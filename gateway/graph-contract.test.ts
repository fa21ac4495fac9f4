import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaDir } from '../schema/compose-supergraph.js';
import { loadGraphContract } from './graph-contract.js';
import { measureOperation } from './operation/measure-operation.js';
import { defaultQueryLimits } from './plugins/use-query-limits.js';

const contract = loadGraphContract();
const apiSchema = buildSchema(readFileSync(`${schemaDir}api-schema.graphql`, 'utf8'));

describe('the graph contract the gateway serves', () => {
  it('names every subgraph in the committed supergraph', () => {
    for (const name of ['cctv', 'police', 'signals', 'moj', 'tracking', 'civic', 'audit']) expect(contract.supergraphSdl).toContain(`@join__graph(name: "${name}"`);
  });

  it('holds the @access rules of the subgraph SDLs', () => {
    expect(contract.policy.fields.get('WantedVehicle.plate')).toMatchObject({ agencies: ['police'], personalData: true });
    expect(contract.policy.types.get('Hit')).toMatchObject({ scopes: ['hits:read'], personalData: true });
  });

  it.each(Object.entries(contract.trustedDocuments))('trusted document %s is valid and within the default query limits', (_, document) => {
    const parsed = parse(document);
    expect(validate(apiSchema, parsed)).toEqual([]);
    for (const definition of parsed.definitions) {
      if (definition.kind !== 'OperationDefinition') continue;
      const operation = getOperationAST(parsed, definition.name?.value);
      if (!operation) throw new Error('unnamed operation in a multi-operation document');
      const measure = measureOperation(apiSchema, parsed, operation, { variables: {}, defaultListSize: defaultQueryLimits.defaultListSize, maxFieldVisits: defaultQueryLimits.maxCost + 1 });
      expect(measure.depth).toBeLessThanOrEqual(defaultQueryLimits.maxDepth);
      expect(measure.aliases).toBeLessThanOrEqual(defaultQueryLimits.maxAliases);
      expect(measure.largestFirst).toBeLessThanOrEqual(defaultQueryLimits.maxFirst);
      expect(measure.cost).toBeLessThanOrEqual(defaultQueryLimits.maxCost);
    }
  });
});
