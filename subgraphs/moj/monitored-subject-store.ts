import type { Redis } from 'ioredis';
import type { RiskLevel } from './generated/resolver-types.js';
import { mojKeys } from './moj-keys.js';
import { execTransaction } from '../../runtime/redis/exec-transaction.js';
import {
  riskLevels,
  type GeofenceEventRecord, type LinkedVehicleRecord, type MonitoredSubjectRecord, type SubjectPositionRecord, type SubjectSummary,
} from './subject-records.js';

const summaryOf = (hash: Record<string, string>): SubjectSummary | undefined =>
  hash.id === undefined ? undefined : { id: hash.id, alias: hash.alias ?? '', riskLevel: hash.riskLevel as RiskLevel };

/**
 * Monitored subjects in Redis, one key per kind of fact, so that a query reads only the facts it asks for: the
 * summary (alias, risk level), the latest position, the geofence events by time and the linked vehicles.
 */
export function createMonitoredSubjectStore(redis: Redis) {
  const summaries = async (ids: readonly string[]): Promise<SubjectSummary[]> => {
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hgetall(mojKeys.subject(id));
    const results = (await pipeline.exec()) ?? [];
    return results.flatMap(([error, hash]) => {
      if (error) throw error;
      const summary = summaryOf(hash as Record<string, string>);
      return summary ? [summary] : [];
    });
  };

  return {
    count: (): Promise<number> => redis.zcard(mojKeys.subjectIds),

    /** Every subject id, in id order. */
    ids: (): Promise<string[]> => redis.zrange(mojKeys.subjectIds, 0, -1),

    async find(id: string): Promise<SubjectSummary | undefined> {
      return summaryOf(await redis.hgetall(mojKeys.subject(id)));
    },

    /** The first `first` subjects by id, of one risk level or all; `first` must already be bounded by the caller. */
    async list(filter: { readonly riskLevel?: RiskLevel; readonly first: number }): Promise<SubjectSummary[]> {
      // ZRANGE 0 -1 would mean "all", so zero is answered here.
      if (filter.first === 0) return [];
      const index = filter.riskLevel ? mojKeys.subjectIdsAtRisk(filter.riskLevel) : mojKeys.subjectIds;
      return summaries(await redis.zrange(index, 0, filter.first - 1));
    },

    async latestPosition(id: string): Promise<SubjectPositionRecord | undefined> {
      const document = await redis.get(mojKeys.latestPosition(id));
      return document === null ? undefined : (JSON.parse(document) as SubjectPositionRecord);
    },

    /** Geofence events at or after `sinceMs` (all when undefined), oldest first. */
    async geofenceEvents(id: string, sinceMs: number | undefined): Promise<GeofenceEventRecord[]> {
      const members = await redis.zrangebyscore(mojKeys.geofenceEvents(id), sinceMs ?? '-inf', '+inf');
      return members.map((member) => JSON.parse(member) as GeofenceEventRecord);
    },

    async linkedVehicles(id: string): Promise<LinkedVehicleRecord[]> {
      const document = await redis.get(mojKeys.linkedVehicles(id));
      return document === null ? [] : (JSON.parse(document) as LinkedVehicleRecord[]);
    },

    /** Creates or replaces everything known about a subject (validated by the caller), in one transaction. */
    async save(subject: MonitoredSubjectRecord): Promise<void> {
      const transaction = redis.multi()
        .hset(mojKeys.subject(subject.id), { id: subject.id, alias: subject.alias, riskLevel: subject.riskLevel })
        .zadd(mojKeys.subjectIds, 0, subject.id)
        .del(mojKeys.latestPosition(subject.id), mojKeys.geofenceEvents(subject.id))
        .set(mojKeys.linkedVehicles(subject.id), JSON.stringify(subject.linkedVehicles));
      for (const level of riskLevels) {
        if (level === subject.riskLevel) transaction.zadd(mojKeys.subjectIdsAtRisk(level), 0, subject.id);
        else transaction.zrem(mojKeys.subjectIdsAtRisk(level), subject.id);
      }
      if (subject.latestPosition) transaction.set(mojKeys.latestPosition(subject.id), JSON.stringify(subject.latestPosition));
      for (const event of subject.geofenceEvents) {
        transaction.zadd(mojKeys.geofenceEvents(subject.id), Date.parse(event.at), JSON.stringify(event));
      }
      await execTransaction(transaction);
    },
  };
}

export type MonitoredSubjectStore = ReturnType<typeof createMonitoredSubjectStore>;
