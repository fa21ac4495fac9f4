import { documentHash } from '../../schema/trusted-documents.js';
import type { GatewayPlugin } from '../gateway-plugin.js';
import { mentionsIntrospection } from '../operation/scan-source.js';
import { refusal } from '../refusal.js';

export interface TrustedDocumentsOptions {
  /** sha256 of each printed document → the document, as operations/trusted-documents.json holds them. */
  readonly documents: Readonly<Record<string, string>>;
  /** Refuse every document that is not in the manifest (production). */
  readonly enforce: boolean;
  readonly allowIntrospection: boolean;
}

/**
 * Clients name a trusted document by `extensions.persistedQuery.sha256Hash` (with or without its text) or send its
 * text exactly as the manifest holds it. The manifest is the only store: nothing registers a document at run time.
 * With `enforce`, anything else is refused before it is parsed; introspection is refused on its own code.
 */
export function useTrustedDocuments(options: TrustedDocumentsOptions): GatewayPlugin {
  const documents = new Map(Object.entries(options.documents));
  const isTrustedText = (query: string) => documents.get(documentHash(query)) === query;
  return {
    onRequest(request) {
      const { query, extensions } = request.params;
      const { persistedQuery, ...otherExtensions } = extensions ?? {};
      if (persistedQuery !== undefined) {
        const hash: unknown = (persistedQuery as { sha256Hash?: unknown } | null)?.sha256Hash;
        const document = typeof hash === 'string' ? documents.get(hash) : undefined;
        if (document === undefined) throw refusal('DS_DOCUMENT_NOT_TRUSTED', 'no trusted document has this sha256Hash');
        if (query !== undefined && query !== document) {
          throw refusal('DS_DOCUMENT_NOT_TRUSTED', 'the query differs from the trusted document its sha256Hash names');
        }
        // Resolved here: Apollo Server's own persisted-query store is off and never sees the hash.
        request.params = { ...request.params, query: document, extensions: otherExtensions };
        return;
      }
      if (!options.allowIntrospection && query !== undefined && mentionsIntrospection(query)) {
        throw refusal('DS_INTROSPECTION_DISABLED', 'introspection is off in production');
      }
      if (options.enforce && (query === undefined || !isTrustedText(query))) {
        throw refusal('DS_DOCUMENT_NOT_TRUSTED', 'only trusted documents are accepted: send extensions.persistedQuery.sha256Hash from the manifest');
      }
    },
  };
}
