import type { Redis } from 'ioredis';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';

/**
 * The Redis pub/sub channel each raised alert is also published on. Gateway replicas do not subscribe to it: their
 * real-time feed reads the durable log below (XREAD); only the graph writer's tests and the alert bench listen here.
 */
export const alertChannel = 'ds:alerts';

/**
 * The durable log of raised alerts, a Redis stream beside the channel, and what the gateway's real-time feed reads
 * (XREAD from the last entry it read): pub/sub delivers only to subscribers connected at that moment, so a reader
 * that was away (a Redis restart, a gateway reconnecting) catches up here.
 */
export const alertLogKey = 'ds:alerts:log';
/** About this many alerts stay in the log (trimmed approximately, oldest first). */
export const alertLogMaxLength = 100_000;

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

/**
 * Appends one alert to the durable log (which every gateway replica reads) and publishes it on the channel, in one
 * transaction; returns how many Redis subscribers of the channel received it.
 */
export async function publishAlert(redis: Redis, alert: AlertEvent): Promise<number> {
  const event = alertEventSchema.safeParse(alert);
  if (!event.success) {
    throw new DongseonError('DS_INVALID_INPUT', `not an alert: ${event.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const message = JSON.stringify(event.data);
  const results = await redis.multi()
    .xadd(alertLogKey, 'MAXLEN', '~', String(alertLogMaxLength), '*', 'alert', message)
    .publish(alertChannel, message)
    .exec();
  const failed = results?.find(([error]) => error !== null);
  if (results === null || failed) throw failed?.[0] ?? new Error('the alert transaction was discarded');
  return Number(results[1]?.[1] ?? 0);
}

/** Alerts in the durable log after entry `afterId` (`0` for all), oldest first, at most `count`, with the last entry id. */
export async function readAlertLog(redis: Redis, afterId = '0', count = 1_000): Promise<{ alerts: AlertEvent[]; lastId: string }> {
  const entries = await redis.xrange(alertLogKey, `(${afterId}`, '+', 'COUNT', count);
  const alerts: AlertEvent[] = [];
  for (const [, fields] of entries) {
    const alert = parseAlertLogEntry(fields);
    if (alert) alerts.push(alert);
  }
  return { alerts, lastId: entries.at(-1)?.[0] ?? afterId };
}

/** The alert of one log entry's fields; undefined for an entry that holds none. */
export function parseAlertLogEntry(fields: readonly string[]): AlertEvent | undefined {
  const index = fields.indexOf('alert');
  const message = index >= 0 && index % 2 === 0 ? fields[index + 1] : undefined;
  return message === undefined ? undefined : parseAlertEvent(message);
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
