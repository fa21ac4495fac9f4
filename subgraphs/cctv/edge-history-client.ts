import { randomUUID } from 'node:crypto';
import type { CryptoKey } from 'jose';
import type { RequestAccess } from '../../domain/access/index.js';
import { errorCodes, type ErrorCode } from '../../domain/errors/index.js';
import {
  edgeHistoryAnswerSchema, mergePlateHistory, plateHistoryQueryOf, type EdgeHistoryOutcome, type MergedPlateHistory,
  type PlateHistorySearch,
} from '../../domain/history/index.js';
import { signHistorySearch, type HistorySearchGrant } from '../../runtime/identity/history-search-token.js';
import { logText } from '../../runtime/logging/log-text.js';

/** One municipality's edge node, by the base URL of its HTTP API. */
export interface EdgeNode {
  readonly municipalityId: string;
  readonly url: string;
}

export interface EdgeHistoryOptions {
  readonly edges: readonly EdgeNode[];
  readonly signingKey: CryptoKey;
  /** The longest one edge node may take, answer body included. */
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  readonly log?: (line: string) => void;
}

export interface PlateHistoryAnswer extends MergedPlateHistory {
  readonly searchId: string;
}

/** Asks every edge node for a history search at once and merges what they answer. */
export interface PlateHistorySearcher {
  search(access: RequestAccess, search: PlateHistorySearch): Promise<PlateHistoryAnswer>;
}

const isRegistryCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorCodes;

/** The coded refusal an edge node answered with, when its code is one of the registry's. */
export function refusalOf(body: unknown): { code: ErrorCode; message: string } | undefined {
  const error = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors?.[0];
  const code = error?.extensions?.code;
  return isRegistryCode(code) ? { code, message: typeof error?.message === 'string' ? error.message.slice(0, 300) : code } : undefined;
}

export function createPlateHistorySearcher(options: EdgeHistoryOptions): PlateHistorySearcher {
  const { edges, signingKey, timeoutMs } = options;
  const fetchEdge = options.fetch ?? fetch;
  const log = options.log ?? console.error;

  const unavailable = (edge: EdgeNode, reason: string, detail: string): EdgeHistoryOutcome => {
    // The detail quotes what the edge node answered: escaped and bounded like any text from outside.
    log(`[DS_HISTORY_EDGE_UNAVAILABLE] ${edge.municipalityId}: ${logText(detail, 1_000)}`);
    return { municipalityId: edge.municipalityId, answered: false, code: 'DS_HISTORY_EDGE_UNAVAILABLE', reason };
  };

  // Never rejects: whatever goes wrong with one edge node is that municipality's entry, not the whole answer's.
  async function ask(edge: EdgeNode, grant: HistorySearchGrant): Promise<EdgeHistoryOutcome> {
    const token = await signHistorySearch(grant, edge.municipalityId, signingKey);
    let status: number;
    let body: unknown;
    try {
      const response = await fetchEdge(`${edge.url.replace(/\/+$/, '')}/v1/history`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(grant.query),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      body = await response.json().catch(() => undefined);
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = timedOut ? `the edge node did not answer within ${timeoutMs} ms` : 'the edge node could not be reached';
      return unavailable(edge, reason, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
    if (status === 200) {
      const answer = edgeHistoryAnswerSchema.safeParse(body);
      if (!answer.success || answer.data.municipalityId !== edge.municipalityId) {
        return unavailable(edge, 'the edge node answered malformed', answer.success ? `answered for ${answer.data.municipalityId}` : answer.error.message);
      }
      return { municipalityId: edge.municipalityId, answered: true, reads: answer.data.reads };
    }
    const refusal = refusalOf(body);
    if (refusal) return { municipalityId: edge.municipalityId, answered: false, code: refusal.code, reason: refusal.message };
    return unavailable(edge, `the edge node answered HTTP ${status}`, `HTTP ${status} without a coded error`);
  }

  return {
    async search(access, search) {
      const grant: HistorySearchGrant = { searchId: randomUUID(), access, query: plateHistoryQueryOf(search) };
      const outcomes = await Promise.all(edges.map((edge) => ask(edge, grant)));
      return { searchId: grant.searchId, ...mergePlateHistory(outcomes) };
    },
  };
}
