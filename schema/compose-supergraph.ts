import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { DongseonError } from '../domain/errors/index.js';
import { placeholderSubgraphUrl, subgraphNames } from './subgraph-names.js';

export const schemaDir = fileURLToPath(new URL('.', import.meta.url));

export function subgraphSdl(name: string): string {
  return readFileSync(`${schemaDir}${name}.graphql`, 'utf8');
}

export interface Composition {
  readonly supergraphSdl: string;
  /** The schema clients see: the supergraph without federation machinery and @inaccessible elements. */
  readonly apiSchemaSdl: string;
}

/** Composes schema/<name>.graphql of every subgraph with @apollo/composition; fails with every composition error. */
export function composeSupergraph(): Composition {
  const result = composeServices(subgraphNames.map((name) => ({
    name,
    url: placeholderSubgraphUrl(name),
    typeDefs: parse(subgraphSdl(name)),
  })));
  if (result.errors) {
    throw new DongseonError('DS_INTERNAL', `supergraph composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  const apiSchema = Supergraph.build(result.supergraphSdl).apiSchema().toGraphQLJSSchema();
  return { supergraphSdl: result.supergraphSdl, apiSchemaSdl: `${printSchema(apiSchema)}\n` };
}
