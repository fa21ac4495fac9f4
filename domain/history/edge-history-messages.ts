import { z } from 'zod';
import { maxRawPlateLength } from '../plates/index.js';

/**
 * The body of `POST /v1/history` on an edge node: the search exactly as the region's signed request names it. The
 * edge validates it with `plateHistorySearchOf` and refuses a body that differs from what was signed.
 */
export const edgeHistoryRequestSchema = z.strictObject({
  plate: z.string().min(1).max(maxRawPlateLength),
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64),
});

/** One read of the searched plate as an edge node gives it out. */
export const edgeHistoryReadSchema = z.object({
  readId: z.string().min(1).max(128),
  cameraId: z.string().min(1).max(64),
  capturedAt: z.iso.datetime({ offset: true }),
  /** The camera's best candidate, cleaned. */
  plateText: z.string().max(maxRawPlateLength),
  /** The confidence of the candidate that is the searched plate. */
  confidence: z.number().min(0).max(1),
  /** Whether the edge matched the read against the wanted list. */
  hit: z.boolean(),
});

/** An edge node's answer to a history search (unknown fields are ignored, so edges can add some). */
export const edgeHistoryAnswerSchema = z.object({
  municipalityId: z.string().min(1).max(64),
  reads: z.array(edgeHistoryReadSchema).max(100_000),
});

export type EdgeHistoryRead = z.infer<typeof edgeHistoryReadSchema>;
export type EdgeHistoryAnswer = z.infer<typeof edgeHistoryAnswerSchema>;
