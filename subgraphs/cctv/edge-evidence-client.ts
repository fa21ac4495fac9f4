import { randomUUID } from 'node:crypto';
import type { RequestAccess } from '../../domain/access/index.js';
import { z } from 'zod';
import { signEvidenceRequest } from '../../runtime/identity/evidence-request-token.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { logText } from '../../runtime/logging/log-text.js';
import { refusalOf, type EdgeHistoryOptions } from './edge-history-client.js';

const evidenceAnswerSchema = z.strictObject({
  hitId: z.string(),
  readId: z.string().min(1).max(200),
  capturedAt: z.string().max(40),
  mediaType: z.enum(['image/png', 'image/jpeg']),
  imageBase64: z.string().max(8 * 1024 * 1024).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  frames: z.number().int().min(1),
});
export type HitEvidence = Omit<z.infer<typeof evidenceAnswerSchema>, 'hitId'>;

/** Fetches a hit's evidence from the edge node of the hit's municipality, signed for that node and that hit. */
export interface HitEvidenceFetcher {
  /** Null when the node keeps no evidence for the hit (an ANPR camera's read, or purged). */
  evidenceOf(access: RequestAccess, hitId: string): Promise<HitEvidence | null>;
}

const municipalityOfHit = (hitId: string): string | undefined => /^([a-z][a-z0-9]{0,30}):/.exec(hitId)?.[1];

export function createHitEvidenceFetcher(options: EdgeHistoryOptions): HitEvidenceFetcher {
  const { edges, signingKey, timeoutMs } = options;
  const fetchEdge = options.fetch ?? fetch;
  const log = options.log ?? console.error;
  return {
    async evidenceOf(access, hitId) {
      const municipalityId = municipalityOfHit(hitId);
      const edge = edges.find((e) => e.municipalityId === municipalityId);
      if (municipalityId === undefined || edge === undefined) return null;
      const token = await signEvidenceRequest({ requestId: randomUUID(), access, hitId }, municipalityId, signingKey);
      let response: Response;
      try {
        response = await fetchEdge(`${edge.url.replace(/\/+$/, '')}/v1/evidence`, {
          method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ hitId }), signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        log(`[DS_HISTORY_EDGE_UNAVAILABLE] evidence from ${municipalityId}: ${logText(error instanceof Error ? error.message : String(error), 500)}`);
        throw codedGraphQLError('DS_HISTORY_EDGE_UNAVAILABLE', `Hit.evidence: the edge node of ${municipalityId} could not be reached`);
      }
      const body = await response.json().catch(() => undefined) as unknown;
      if (response.status === 200) {
        const answer = evidenceAnswerSchema.safeParse(body);
        if (!answer.success || answer.data.hitId !== hitId) throw codedGraphQLError('DS_HISTORY_EDGE_UNAVAILABLE', `Hit.evidence: the edge node of ${municipalityId} answered malformed`);
        const { readId, capturedAt, mediaType, imageBase64, frames } = answer.data;
        return { readId, capturedAt, mediaType, imageBase64, frames };
      }
      const code = refusalOf(body)?.code;
      if (code === 'DS_NOT_FOUND') return null;
      const known = code ?? 'DS_HISTORY_EDGE_UNAVAILABLE';
      throw codedGraphQLError(known, `Hit.evidence: the edge node of ${municipalityId} refused (${known})`);
    },
  };
}
