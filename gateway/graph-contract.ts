import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { z } from 'zod';
import { accessPolicyFromSdl, type AccessPolicy } from '../domain/access/index.js';
import { DongseonError } from '../domain/errors/index.js';
import { schemaDir, subgraphSdl } from '../schema/compose-supergraph.js';
import { subgraphNames } from '../schema/subgraph-names.js';
import { documentHash, operationsDir } from '../schema/trusted-documents.js';

/** What the gateway serves, as committed under schema/ and operations/. */
export interface GraphContract {
  readonly supergraphSdl: string;
  readonly trustedDocuments: Readonly<Record<string, string>>;
  /** The `@access` rules of every subgraph SDL. */
  readonly policy: AccessPolicy;
}

const manifestSchema = z.object({ documents: z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1)) });

export function readTrustedDocuments(file = `${operationsDir}trusted-documents.json`): Readonly<Record<string, string>> {
  const manifest = manifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!manifest.success) throw new DongseonError('DS_CONFIG_INVALID', `${file} is not a trusted-document manifest; run npm run generate`);
  for (const [hash, document] of Object.entries(manifest.data.documents)) {
    if (documentHash(document) !== hash) throw new DongseonError('DS_CONFIG_INVALID', `${file}: ${hash} is not the sha256 of its document; run npm run generate`);
  }
  return manifest.data.documents;
}

export function loadGraphContract(): GraphContract {
  return {
    supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
    trustedDocuments: readTrustedDocuments(),
    policy: accessPolicyFromSdl(...subgraphNames.map((name) => parse(subgraphSdl(name)))),
  };
}
