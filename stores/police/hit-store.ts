import type { Redis } from 'ioredis';
import { z } from 'zod';
import { hitDecisionReasonCodes, type HitDecisionReason } from '../../domain/hits/index.js';
import { hitDecisionLogMaxLength } from '../../runtime/alerts/hit-decision-log.js';
import type { PoliceKeys } from './police-keys.js';
import { hashFieldsOf, readHash, readHashes } from './redis-hash.js';

export const hitStatuses = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;

/** Where a hit stands: PENDING until an operator accepts or rejects it. */
export type HitStatus = (typeof hitStatuses)[number];

export const hitRecordSchema = z.object({
  id: z.string(),
  wantedVehicleId: z.string(),
  cameraId: z.string(),
  capturedAt: z.string(),
  receivedAt: z.string(),
  matchKind: z.enum(['EXACT', 'POSSIBLE']),
  substitution: z.string().optional(),
  confidence: z.coerce.number(),
  status: z.enum(hitStatuses),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  /** The operator's free text: the note given with a reason code, or the reason of a decision made before codes. */
  decisionReason: z.string().optional(),
  decisionReasonCode: z.enum(hitDecisionReasonCodes).optional(),
  decisionNote: z.string().optional(),
});

/** A hit as stored: the hash under `hit:<id>`. */
export type HitRecord = z.infer<typeof hitRecordSchema>;

export interface HitDecisionRecord {
  readonly status: Exclude<HitStatus, 'PENDING'>;
  readonly decidedBy: string;
  readonly decidedAt: string;
  readonly decisionReason: string;
  readonly decisionReasonCode: HitDecisionReason;
  readonly decisionNote?: string;
}

/** Where `decide` announces a decision it made, in the same script: a Redis stream and the entry's JSON. */
export interface DecisionAnnouncement {
  readonly logKey: string;
  readonly message: string;
}

export type DecisionOutcome =
  | { readonly decided: true }
  | { readonly decided: false; readonly currentStatus: HitStatus | undefined };

/** What became of a hit offered as a pass of its wanted vehicle at its camera (`recordPass`). */
export type PassRecording =
  | { readonly outcome: 'recorded' }
  /** A hit with its id was stored before. */
  | { readonly outcome: 'known' }
  /** A hit of the same wanted vehicle at the same camera, captured within the window, was stored under `hitId`. */
  | { readonly outcome: 'same-pass'; readonly hitId: string };

export interface HitStore {
  /** Stores a new PENDING hit unless one with its id exists; false when it did. */
  record(hit: HitRecord): Promise<boolean>;
  /**
   * Stores a new PENDING hit unless one with its id exists, or the wanted vehicle was already hit at the same camera
   * within `windowMs` of its capture time: that pass has its hit already. One script, so two copies of a pass
   * recorded at once make one hit.
   */
  recordPass(hit: HitRecord, windowMs: number): Promise<PassRecording>;
  find(id: string): Promise<HitRecord | undefined>;
  /** Hits in `status`, most recently captured first. */
  inStatus(status: HitStatus, first: number): Promise<HitRecord[]>;
  /** Hits of one wanted vehicle, most recently captured first, optionally in one status. */
  ofWantedVehicle(wantedVehicleId: string, status?: HitStatus): Promise<HitRecord[]>;
  /**
   * Decides a PENDING hit and appends `announcement` to its stream, both or neither; any other status is left as it
   * is and reported, and nothing is announced.
   */
  decide(id: string, decision: HitDecisionRecord, announcement: DecisionAnnouncement): Promise<DecisionOutcome>;
}

const recordScript = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return 1`;

const recordPassScript = `
if redis.call('EXISTS', KEYS[1]) == 1 then return {0} end
local capturedAt = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local samePass = redis.call('ZRANGEBYSCORE', KEYS[4], capturedAt - window, capturedAt + window, 'LIMIT', 0, 1)
if #samePass > 0 then return {2, samePass[1]} end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return {1}`;

// Only a PENDING hit may be decided: the status check and the write are one script, so two operators deciding
// the same hit at once cannot both win; the decision's announcement is in the same script, so every decision made
// is announced once and no refused one is.
const decideScript = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'PENDING' then return status or '' end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
local score = redis.call('ZSCORE', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], score, ARGV[1])
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[3], '*', 'decision', ARGV[2])
return 'PENDING'`;

export function createHitStore(redis: Redis, keys: PoliceKeys): HitStore {
  const readHits = (ids: readonly string[]) => readHashes(redis, ids.map(keys.hit), hitRecordSchema);
  const keysOf = (hit: HitRecord) => [
    keys.hit(hit.id), keys.hitsInStatus(hit.status), keys.wantedVehicleHits(hit.wantedVehicleId), keys.wantedVehicleCameraHits(hit.wantedVehicleId, hit.cameraId),
  ];
  return {
    async record(hit) {
      const recorded = await redis.eval(recordScript, 4, ...keysOf(hit), hit.id, Date.parse(hit.capturedAt), ...hashFieldsOf(hit));
      return recorded === 1;
    },
    async recordPass(hit, windowMs) {
      const [outcome, samePassHitId] = (await redis.eval(
        recordPassScript, 4, ...keysOf(hit), hit.id, Date.parse(hit.capturedAt), Math.trunc(windowMs), ...hashFieldsOf(hit),
      )) as [number, string?];
      if (outcome === 1) return { outcome: 'recorded' };
      if (outcome === 2) return { outcome: 'same-pass', hitId: samePassHitId as string };
      return { outcome: 'known' };
    },
    find: (id) => readHash(redis, keys.hit(id), hitRecordSchema),
    async inStatus(status, first) {
      if (first === 0) return [];
      return readHits(await redis.zrevrange(keys.hitsInStatus(status), 0, first - 1));
    },
    async ofWantedVehicle(wantedVehicleId, status) {
      const hits = await readHits(await redis.zrevrange(keys.wantedVehicleHits(wantedVehicleId), 0, -1));
      return status === undefined ? hits : hits.filter((hit) => hit.status === status);
    },
    async decide(id, decision, announcement) {
      const previous = (await redis.eval(
        decideScript, 4, keys.hit(id), keys.hitsInStatus('PENDING'), keys.hitsInStatus(decision.status), announcement.logKey,
        id, announcement.message, hitDecisionLogMaxLength, ...hashFieldsOf(decision),
      )) as string;
      if (previous === 'PENDING') return { decided: true };
      return { decided: false, currentStatus: previous === '' ? undefined : (previous as HitStatus) };
    },
  };
}
