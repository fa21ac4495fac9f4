import { Kind, parse, print, visit, type DirectiveDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, subgraphSdl } from './compose-supergraph.js';
import { driftedFiles, generatedFiles } from './generate.js';
import { subgraphNames } from './subgraph-names.js';

const accessDefinition = (sdl: string): string | undefined => {
  const definition = parse(sdl).definitions.find(
    (node): node is DirectiveDefinitionNode => node.kind === Kind.DIRECTIVE_DEFINITION && node.name.value === 'access',
  );
  return definition ? print({ ...definition, description: undefined }) : undefined;
};

describe('the schema contract', () => {
  it('composes into one supergraph', () => {
    expect(composeSupergraph().supergraphSdl).toContain('@join__graph(name: "civic"');
  });

  it('generated files (supergraph, API schema, codegen types, trusted documents) match schema/ and operations/', async () => {
    expect(driftedFiles(await generatedFiles())).toEqual([]);
  }, 60_000);

  it.each(subgraphNames)('%s declares @access exactly as schema/access.graphql does', (name) => {
    expect(accessDefinition(subgraphSdl(name))).toBe(accessDefinition(subgraphSdl('access')));
  });

  it('civic holds no plate and no person anywhere in its schema', () => {
    const names: string[] = [];
    visit(parse(subgraphSdl('civic')), {
      DirectiveDefinition: () => false,
      Name: (node) => {
        names.push(node.value);
      },
    });
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => /plate|person|subject|sighting|hit|wanted|owner|driver|alias/i.test(name))).toEqual([]);
  });

  it('the API schema hides @inaccessible fields', () => {
    const { apiSchemaSdl, supergraphSdl } = composeSupergraph();
    expect(supergraphSdl).toContain('registryRevision');
    expect(apiSchemaSdl).not.toContain('registryRevision');
  });
});
