import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, print } from 'graphql';

export const operationsDir = fileURLToPath(new URL('../operations/', import.meta.url));

export interface TrustedDocumentManifest {
  /** sha256 of the printed document → the document; clients send `extensions.persistedQuery.sha256Hash`. */
  readonly documents: Readonly<Record<string, string>>;
}

export const documentHash = (document: string): string => createHash('sha256').update(document).digest('hex');

/** Every operation the project's clients send, each file printed canonically and keyed by its hash. */
export function buildTrustedDocumentManifest(): TrustedDocumentManifest {
  const documents: Record<string, string> = {};
  for (const file of readdirSync(operationsDir).filter((name) => name.endsWith('.graphql')).sort()) {
    const printed = print(parse(readFileSync(`${operationsDir}${file}`, 'utf8')));
    documents[documentHash(printed)] = printed;
  }
  return { documents };
}
