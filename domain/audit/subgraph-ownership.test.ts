import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphOwnershipFromSupergraph } from './index.js';

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@override", "@shareable"])';

function compose(subgraphs: Record<string, string>): string {
  const result = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({
    name, url: `http://${name}.invalid/graphql`, typeDefs: parse(`${federation}\n${sdl}`),
  })));
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

describe('subgraphOwnershipFromSupergraph', () => {
  it('names the graphs that resolve each field, leaving out external and overridden ones', () => {
    const ownership = subgraphOwnershipFromSupergraph(parse(compose({
      cctv: 'type Camera @key(fields: "id") { id: ID! name: String! position: String! legacyZone: String } type Query { cameras: [Camera!]! }',
      tracking: `type Camera @key(fields: "id") { id: ID! position: String! @external next: String @requires(fields: "position")
                   legacyZone: String @override(from: "cctv") }
                 type Query { route: [Camera!]! }`,
    })));
    expect(ownership.get('Query.cameras')).toEqual(['cctv']);
    expect(ownership.get('Query.route')).toEqual(['tracking']);
    expect(ownership.get('Camera.id')).toEqual(['cctv', 'tracking']);
    expect(ownership.get('Camera.position')).toEqual(['cctv']);
    expect(ownership.get('Camera.next')).toEqual(['tracking']);
    expect(ownership.get('Camera.legacyZone')).toEqual(['tracking']);
  });

  it('reads the project supergraph', () => {
    const ownership = subgraphOwnershipFromSupergraph(parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')));
    expect(ownership.get('Query.hits')).toEqual(['police']);
    expect(ownership.get('Hit.capturedAt')).toEqual(['police']);
  });
});
