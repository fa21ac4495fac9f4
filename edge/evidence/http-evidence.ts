import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CryptoKey } from 'jose';
import { z } from 'zod';
import { decideAccess, type AccessRule } from '../../domain/access/index.js';
import type { EvidenceAccessEntry } from '../../domain/audit/index.js';
import { isDongseonError, type ErrorCode } from '../../domain/errors/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import { bearerToken } from '../../runtime/identity/access-token.js';
import { verifyEvidenceRequest, type EvidenceGrant, type VerifiedEvidenceRequest } from '../../runtime/identity/evidence-request-token.js';
import type { HistorySearchLedger } from '../history/history-search-ledger.js';
import { refuse } from '../http-refusal.js';
import type { EdgeReadStore } from '../store/edge-read-store.js';
import { evidenceAccessRule } from './evidence-access-rule.js';

export interface HttpEvidenceOptions {
  readonly municipalityId: string;
  readonly store: Pick<EdgeReadStore, 'evidenceOf'>;
  readonly auditLog: AuditAppender;
  /** The public key of the region's signed edge requests; without one, every request is refused. */
  readonly verifyKey: CryptoKey | undefined;
  /** Each signed request is taken once (shared with history searches: their ids never collide). */
  readonly ledger: HistorySearchLedger;
  readonly accessRule?: AccessRule;
  readonly onError?: (error: unknown) => void;
}

const bodySchema = z.strictObject({ hitId: z.string().min(1).max(400) });
/** `<municipality>:<readId>:<wantedVehicleId>`; the read id may itself hold `:`. */
const hitIdPattern = /^([a-z][a-z0-9]{0,30}):(.+):([^:]+)$/;

/**
 * `POST /v1/evidence` with `{ hitId }` and the region's signed request as `Authorization: Bearer`: the plate crop the
 * node's recogniser read for that hit. Only a hit's evidence ever leaves the node: the read must be stored as part of
 * exactly that hit. The request must be signed for this node and this hit, at most a minute old, not taken before,
 * satisfy the graph's `@access` rule for `Hit.evidence`, and be in the node's audit log before the image is sent.
 */
export async function httpEvidence(app: FastifyInstance, options: HttpEvidenceOptions): Promise<void> {
  const { municipalityId, store, auditLog, verifyKey, ledger, onError } = options;
  const rule = options.accessRule ?? evidenceAccessRule();

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return refuse(reply, 'DS_INVALID_INPUT', 'body: expected JSON { hitId }');
    onError?.(error);
    return refuse(reply, 'DS_INTERNAL', 'internal error');
  });

  const entry = (grant: EvidenceGrant, code: ErrorCode | null): EvidenceAccessEntry => ({
    kind: 'evidence-access',
    requestId: grant.requestId,
    subject: grant.access.identity.subject,
    agency: grant.access.identity.agency,
    purpose: grant.access.purpose ?? null,
    caseNumber: grant.access.caseNumber ?? null,
    hitId: grant.hitId,
    decision: code === null ? { outcome: 'allowed', code: null } : { outcome: 'denied', code },
  });
  const refuseAudited = async (reply: FastifyReply, grant: EvidenceGrant, code: ErrorCode, reason: string) => {
    await auditLog.append(entry(grant, code)).catch((error: unknown) => onError?.(error));
    return refuse(reply, code, reason);
  };

  app.post('/v1/evidence', { bodyLimit: 1024 }, async (request, reply) => {
    if (!verifyKey) return refuse(reply, 'DS_HISTORY_SEARCH_NOT_CONFIGURED', 'this edge node has no key to verify the region\'s requests with');
    let verified: VerifiedEvidenceRequest;
    try {
      verified = await verifyEvidenceRequest(bearerToken(request.headers.authorization), municipalityId, verifyKey);
    } catch (error) {
      if (isDongseonError(error)) return refuse(reply, error.code, error.message);
      throw error;
    }
    const { grant } = verified;
    const body = bodySchema.safeParse(request.body);
    if (!body.success || body.data.hitId !== grant.hitId) return refuse(reply, 'DS_AUTH_UNAUTHENTICATED', 'the body is not the request that was signed');
    if (!verified.ok) return refuseAudited(reply, grant, verified.code, verified.reason);
    let firstUse: boolean;
    try {
      firstUse = await ledger.claim(`evidence:${grant.requestId}`, verified.acceptedUntilMs);
    } catch (error) {
      onError?.(error);
      return refuseAudited(reply, grant, 'DS_HISTORY_SEARCH_LEDGER_UNAVAILABLE', 'the request could not be made single-use, so nothing was sent');
    }
    if (!firstUse) return refuseAudited(reply, grant, 'DS_HISTORY_SEARCH_REPLAYED', 'this signed request was already taken once');
    const decision = decideAccess(rule, grant.access);
    if (!decision.allowed) return refuseAudited(reply, grant, decision.code, decision.reason);
    const parts = hitIdPattern.exec(grant.hitId);
    const evidence = parts !== null && parts[1] === municipalityId ? await store.evidenceOf(parts[2] as string) : undefined;
    // Not a hit of this node, no evidence, or a read that is not part of exactly this hit: all one answer, so a
    // request learns nothing about reads that did not hit.
    if (evidence === undefined || !evidence.hitIds.includes(grant.hitId)) return refuseAudited(reply, grant, 'DS_NOT_FOUND', 'no evidence is kept for this hit');
    try {
      await auditLog.append(entry(grant, null));
    } catch (error) {
      onError?.(error);
      return refuse(reply, 'DS_AUDIT_WRITE_FAILED', 'the request could not be audited, so nothing was sent');
    }
    return reply.code(200).send({
      hitId: grant.hitId, readId: evidence.readId, capturedAt: new Date(evidence.capturedAtMs).toISOString(),
      mediaType: evidence.mediaType, imageBase64: evidence.image.toString('base64'), frames: evidence.frames,
    });
  });
}
