import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CryptoKey } from 'jose';
import { decideAccess, type AccessRule } from '../../domain/access/index.js';
import type { HistorySearchEntry } from '../../domain/audit/index.js';
import { isDongseonError, type ErrorCode } from '../../domain/errors/index.js';
import {
  edgeHistoryRequestSchema, plateHistorySearchOf, sameHistorySearch, type EdgeHistoryAnswer, type PlateHistorySearch,
} from '../../domain/history/index.js';
import { hotlistKeyFor, type PlateKeyRing } from '../../domain/plates/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import { bearerToken } from '../../runtime/identity/access-token.js';
import { verifyHistorySearch, type HistorySearchGrant, type VerifiedHistorySearch } from '../../runtime/identity/history-search-token.js';
import { refuse } from '../http-refusal.js';
import type { EdgeReadStore } from '../store/edge-read-store.js';
import type { HistorySearchLedger } from './history-search-ledger.js';
import { plateHistoryAccessRule } from './plate-history-access-rule.js';

export interface HttpHistorySearchOptions {
  readonly municipalityId: string;
  readonly store: Pick<EdgeReadStore, 'readsOfPlate'>;
  readonly auditLog: AuditAppender;
  /** The plate is audited as its keyed digest under the ring's active key. */
  readonly keyRing: PlateKeyRing;
  /** The public key of the region's history searches; without one, every search is refused. */
  readonly verifyKey: CryptoKey | undefined;
  /** Each signed search is taken once: its id is claimed here, shared by every replica of this node. */
  readonly ledger: HistorySearchLedger;
  /** `plateHistoryAccessRule()` unless given. */
  readonly accessRule?: AccessRule;
  readonly onError?: (error: unknown) => void;
}

const bodyLimitBytes = 4096;

/**
 * The edge node's side of the case-bound history search: `POST /v1/history` with `{ plate, from, to }` and the
 * region's signed search as `Authorization: Bearer`. Raw reads leave the edge only here: the search must be signed
 * for this municipality, match the body exactly, be at most a minute old and not taken before (single use), satisfy
 * the graph's `@access` rule for `Query.plateHistory` (scope, clearance, purpose and case number), and be in this
 * edge's audit log before any read is sent. Register it in its own scope: its error handler answers body problems
 * without repeating the body.
 */
export async function httpHistorySearch(app: FastifyInstance, options: HttpHistorySearchOptions): Promise<void> {
  const { municipalityId, store, auditLog, keyRing, verifyKey, ledger, onError } = options;
  const rule = options.accessRule ?? plateHistoryAccessRule();

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    if (error.statusCode === 413) return refuse(reply, 'DS_BODY_TOO_LARGE', `body: larger than ${bodyLimitBytes} bytes`);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 'DS_INVALID_INPUT', 'body: expected JSON { plate, from, to }');
    }
    onError?.(error);
    return refuse(reply, 'DS_INTERNAL', 'internal error');
  });

  /** `refusal` null: the search was answered with `reads`, `hits` of them hits. */
  const auditEntry = (grant: HistorySearchGrant, search: PlateHistorySearch, refusal: ErrorCode | null, reads: number, hits: number): HistorySearchEntry => ({
    kind: 'history-search',
    requestId: grant.searchId,
    subject: grant.access.identity.subject,
    agency: grant.access.identity.agency,
    purpose: grant.access.purpose ?? null,
    caseNumber: grant.access.caseNumber ?? null,
    plate: hotlistKeyFor(keyRing, search.plate),
    from: new Date(search.fromMs).toISOString(),
    to: new Date(search.toMs).toISOString(),
    decision: refusal === null ? { outcome: 'allowed', code: null } : { outcome: 'denied', code: refusal },
    counts: { reads, hits },
  });

  /** Refuses an attributable search, audited as denied; nothing is served, so a record that fails to write is logged only. */
  const refuseAudited = async (reply: FastifyReply, grant: HistorySearchGrant, search: PlateHistorySearch, code: ErrorCode, reason: string) => {
    await auditLog.append(auditEntry(grant, search, code, 0, 0)).catch((error: unknown) => onError?.(error));
    return refuse(reply, code, reason);
  };

  app.post('/v1/history', { bodyLimit: bodyLimitBytes }, async (request, reply) => {
    if (!verifyKey) return refuse(reply, 'DS_HISTORY_SEARCH_NOT_CONFIGURED', 'this edge node has no key to verify history searches with');
    let verified: VerifiedHistorySearch;
    try {
      verified = await verifyHistorySearch(bearerToken(request.headers.authorization), municipalityId, verifyKey);
    } catch (error) {
      if (isDongseonError(error)) return refuse(reply, error.code, error.message);
      throw error;
    }
    const { grant } = verified;
    const body = edgeHistoryRequestSchema.safeParse(request.body);
    if (!body.success) return refuse(reply, 'DS_INVALID_INPUT', 'body: expected { plate, from, to }, strings only');
    const validated = plateHistorySearchOf(body.data);
    if (!validated.ok) return refuse(reply, validated.code, validated.reason);
    const search = validated.search;
    const signed = plateHistorySearchOf(grant.query);
    if (!signed.ok || !sameHistorySearch(signed.search, search)) {
      return refuse(reply, 'DS_AUTH_UNAUTHENTICATED', 'the body is not the search that was signed');
    }

    // Authentic and exactly as signed from here on: every refusal is attributable and audited.
    if (!verified.ok) return refuseAudited(reply, grant, search, verified.code, verified.reason);
    let firstUse: boolean;
    try {
      firstUse = await ledger.claim(grant.searchId, verified.acceptedUntilMs);
    } catch (error) {
      onError?.(error);
      return refuseAudited(reply, grant, search, 'DS_HISTORY_SEARCH_LEDGER_UNAVAILABLE', 'the history search could not be made single-use, so nothing was searched');
    }
    if (!firstUse) return refuseAudited(reply, grant, search, 'DS_HISTORY_SEARCH_REPLAYED', 'this signed history search was already taken once');
    const decision = decideAccess(rule, grant.access);
    if (!decision.allowed) return refuseAudited(reply, grant, search, decision.code, decision.reason);
    const reads = await store.readsOfPlate(search.plate, search.fromMs, search.toMs);
    try {
      await auditLog.append(auditEntry(grant, search, null, reads.length, reads.filter((read) => read.hit).length));
    } catch (error) {
      onError?.(error);
      return refuse(reply, 'DS_AUDIT_WRITE_FAILED', 'the history search could not be audited, so no read was sent');
    }
    const answer: EdgeHistoryAnswer = {
      municipalityId,
      reads: reads.map((read) => ({
        readId: read.readId, cameraId: read.cameraId, capturedAt: new Date(read.capturedAtMs).toISOString(),
        plateText: read.plate, confidence: read.confidence, hit: read.hit,
      })),
    };
    return reply.code(200).send(answer);
  });
}
