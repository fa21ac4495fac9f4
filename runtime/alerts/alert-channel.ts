import type { Redis } from 'ioredis';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';

/** The Redis pub/sub channel raised alerts travel on, from the pipeline to every gateway replica. */
export const alertChannel = 'ds:alerts';

const id = z.string().min(1).max(100);

/** An alert as it travels: a wanted-vehicle hit, without the plate (subscribers resolve the rest by id). */
export const alertEventSchema = z.object({
  id,
  wantedVehicleId: id,
  cameraId: id,
  municipalityId: id,
  capturedAt: z.iso.datetime({ offset: true }),
  matchKind: z.enum(['EXACT', 'POSSIBLE']),
  /** 0 (routine) to 100 (immediate danger), as on the wanted vehicle. */
  priority: z.number().int().min(0).max(100),
}).strict();

export type AlertEvent = z.infer<typeof alertEventSchema>;

/** Publishes one alert to every gateway replica; returns how many Redis subscribers received it. */
export async function publishAlert(redis: Redis, alert: AlertEvent): Promise<number> {
  const event = alertEventSchema.safeParse(alert);
  if (!event.success) {
    throw new DongseonError('DS_INVALID_INPUT', `not an alert: ${event.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return redis.publish(alertChannel, JSON.stringify(event.data));
}

/** Reads one message from the channel; anything that is not an alert is undefined. */
export function parseAlertEvent(message: string): AlertEvent | undefined {
  try {
    const event = alertEventSchema.safeParse(JSON.parse(message));
    return event.success ? event.data : undefined;
  } catch {
    return undefined;
  }
}
