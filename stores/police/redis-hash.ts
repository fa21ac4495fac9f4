import type { Redis } from 'ioredis';
import type { z } from 'zod';

/** A record as the flat field/value list HSET takes; absent optional fields are left out, not stored empty. */
export function hashFieldsOf(record: object): string[] {
  return Object.entries(record).flatMap(([field, value]) => (value === undefined ? [] : [field, String(value)]));
}

/** Reads one hash into a validated record; undefined when the key does not exist. */
export async function readHash<Schema extends z.ZodType>(redis: Redis, key: string, schema: Schema): Promise<z.infer<Schema> | undefined> {
  const hash = await redis.hgetall(key);
  return Object.keys(hash).length === 0 ? undefined : schema.parse(hash);
}

/** Reads many hashes in one round trip, in the order of `keys`, skipping keys that do not exist. */
export async function readHashes<Schema extends z.ZodType>(redis: Redis, keys: readonly string[], schema: Schema): Promise<z.infer<Schema>[]> {
  if (keys.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.hgetall(key);
  const results = (await pipeline.exec()) ?? [];
  return results.flatMap(([error, hash]) => {
    if (error) throw error;
    const fields = hash as Record<string, string>;
    return Object.keys(fields).length === 0 ? [] : [schema.parse(fields)];
  });
}
