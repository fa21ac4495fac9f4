import { z } from 'zod';
import { hitDecisionReasonCodes } from '../../domain/hits/index.js';

/**
 * The durable log of operators' hit decisions, a Redis stream the police hit store appends to in the same script
 * that decides the hit (so a decision is never made without its event, nor announced without being made), and
 * that the gateway's real-time feed reads (`hitDecided`), as it reads the alert log.
 */
export const hitDecisionLogKey = 'ds:hit-decisions:log';
/** About this many decisions stay in the log (trimmed approximately, oldest first). */
export const hitDecisionLogMaxLength = 100_000;

const id = z.string().min(1).max(200);

/** A decision as it travels: which hit, which way, by whom, why (the code; the operator's note stays in the store). */
export const hitDecisionEventSchema = z.object({
  hitId: id,
  wantedVehicleId: id,
  cameraId: id,
  capturedAt: z.iso.datetime({ offset: true }),
  status: z.enum(['ACCEPTED', 'REJECTED']),
  decidedBy: id,
  decidedAt: z.iso.datetime({ offset: true }),
  reasonCode: z.enum(hitDecisionReasonCodes),
}).strict();

export type HitDecisionEvent = z.infer<typeof hitDecisionEventSchema>;

/** The decision of one log entry's fields; undefined for an entry that holds none. */
export function parseHitDecisionLogEntry(fields: readonly string[]): HitDecisionEvent | undefined {
  const index = fields.indexOf('decision');
  const message = index >= 0 && index % 2 === 0 ? fields[index + 1] : undefined;
  if (message === undefined) return undefined;
  try {
    const event = hitDecisionEventSchema.safeParse(JSON.parse(message));
    return event.success ? event.data : undefined;
  } catch {
    return undefined;
  }
}
