/**
 * Which trusted document holds each operation: the console sends only `extensions.persistedQuery.sha256Hash` and the
 * operation's name, never a query text, so it runs unchanged where the gateway accepts trusted documents only.
 */
export function operationHashes(manifest: { readonly documents: Readonly<Record<string, string>> }): ReadonlyMap<string, string> {
  const hashes = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest.documents)) {
    for (const match of document.matchAll(/^(?:query|mutation|subscription)\s+(\w+)/gm)) {
      if (match[1]) hashes.set(match[1], hash);
    }
  }
  return hashes;
}
