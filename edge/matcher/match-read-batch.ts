import { createHash, createHmac } from 'node:crypto';
import { dailyPseudonym, hourlyReadCounts, transitionStatistics, utcDayKey, type TransitionStatisticsOptions } from '../../domain/aggregates/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import type { PlateCandidate, PlateMatch } from '../../domain/matching/index.js';
import type { Substitution } from '../../domain/plates/confusion-table.js';
import { createPlateHasher, type PlateHasher } from '../../domain/plates/keyed-plate-hash.js';
import type { Sighting } from '../../domain/ingest/collapse-repeated-reads.js';
import type { AggregateBatchJob, ForwardedHit, HitBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import type { PartialPlateMatch } from '../hotlist/loaded-hotlist.js';
import type { StoredRead } from '../store/edge-read-store.js';

/** What the matcher needs of the edge hotlist. */
export interface SightingMatcher {
  match(candidates: readonly PlateCandidate[]): PlateMatch[];
  matchPartial(candidates: readonly PlateCandidate[]): PartialPlateMatch[];
}

/** A sighting with its best frame's read, whose times and candidates the hit carries. */
export interface MatchableSighting {
  readonly sighting: Sighting;
  readonly bestRead: CameraRead;
}

/** Most hits one HitBatchJob carries (the schema's bound). */
export const maxHitsPerJob = 5000;

/** `고→가 at position 3`: the read character, the listed one, and its 1-based position in the plate. */
export function substitutionText(substitutions: readonly Substitution[]): string {
  return substitutions.map((s) => `${s.read}→${s.truth} at position ${s.position + 1}`).join(', ');
}

/** Stable across replays: the same read and wanted vehicle always make the same hit. */
export const hitIdOf = (municipalityId: string, readId: string, wantedVehicleId: string): string =>
  `${municipalityId}:${readId}:${wantedVehicleId}`;

const digestOf = (ids: readonly string[]): string =>
  createHash('sha256').update([...new Set(ids)].sort().join('\n')).digest('hex').slice(0, 32);

/**
 * The job id of a batch of hits, from its hit ids alone: forwarding the same hits again, after a retry or a
 * replay, names the same job, which BullMQ refuses to add twice. (BullMQ ids may not contain `:`.)
 */
export const hitBatchJobIdOf = (municipalityId: string, hits: readonly ForwardedHit[]): string =>
  `hits-${municipalityId}-${digestOf(hits.map((h) => h.hitId))}`;

/** The hits of one sighting: one per wanted vehicle, a full-plate match before a partial one for the same entry. */
export function forwardedHitsOf(municipalityId: string, { sighting, bestRead }: MatchableSighting, matcher: SightingMatcher): ForwardedHit[] {
  const candidates = sighting.candidates;
  const hits = new Map<string, ForwardedHit>();
  // A read the edge recognised from frames that did not agree is not a confirmed sighting, whatever it matches.
  const unconfirmed = bestRead.recognition?.status === 'possible' ? bestRead.recognition : undefined;
  const offer = (wantedVehicleId: string, fields: Pick<ForwardedHit, 'kind' | 'matchKind' | 'confidence'>, candidateIndex: number, substitutions: readonly Substitution[]): void => {
    const hitId = hitIdOf(municipalityId, sighting.bestReadId, wantedVehicleId);
    if (hits.has(hitId)) return;
    const reasons = [
      ...(substitutions.length === 0 ? [] : [substitutionText(substitutions)]),
      ...(unconfirmed === undefined ? [] : [`unconfirmed recognition: ${unconfirmed.frames} frame${unconfirmed.frames === 1 ? '' : 's'} without agreement`]),
    ];
    hits.set(hitId, {
      hitId,
      wantedVehicleId,
      ...fields,
      ...(unconfirmed === undefined ? {} : { matchKind: 'POSSIBLE' as const }),
      cameraId: sighting.cameraId,
      municipalityId,
      capturedAt: bestRead.capturedAt,
      receivedAt: bestRead.receivedAt,
      ...(reasons.length === 0 ? {} : { substitution: reasons.join('; ') }),
      evidence: {
        readId: sighting.bestReadId,
        readText: candidates[candidateIndex]?.text ?? sighting.plate,
        ...(sighting.plateImageRef === undefined ? {} : { plateImageRef: sighting.plateImageRef }),
        ...(sighting.vehicleImageRef === undefined ? {} : { vehicleImageRef: sighting.vehicleImageRef }),
        collapsedReads: sighting.readIds.length,
      },
    });
  };
  for (const match of matcher.match(candidates)) {
    const substitutions = match.kind === 'possible' ? match.substitutions : [];
    for (const ref of match.refs) {
      offer(ref, { kind: 'FULL_PLATE', matchKind: match.kind === 'exact' ? 'EXACT' : 'POSSIBLE', confidence: match.confidence }, match.candidateIndex, substitutions);
    }
  }
  for (const match of matcher.matchPartial(candidates)) {
    offer(match.ref, { kind: 'PARTIAL_PLATE', matchKind: match.cost === 0 ? 'EXACT' : 'POSSIBLE', confidence: match.confidence }, match.candidateIndex, match.substitutions);
  }
  return [...hits.values()];
}

/** Hit batches of at most `maxHitsPerJob`, each named by its own hits; none when nothing hit. */
export function hitBatchJobsOf(municipalityId: string, hits: readonly ForwardedHit[]): { readonly jobId: string; readonly job: HitBatchJob }[] {
  const sorted = [...hits].sort((a, b) => (a.hitId < b.hitId ? -1 : a.hitId > b.hitId ? 1 : 0));
  const jobs: { jobId: string; job: HitBatchJob }[] = [];
  for (let start = 0; start < sorted.length; start += maxHitsPerJob) {
    const chunk = sorted.slice(start, start + maxHitsPerJob);
    const jobId = hitBatchJobIdOf(municipalityId, chunk);
    jobs.push({ jobId, job: { municipalityId, batchId: jobId, hits: chunk } });
  }
  return jobs;
}

/**
 * That day's pseudonym hasher, derived from the edge's pseudonym secret: HMAC(secret, day). Each day's key
 * differs and none is stored, so pseudonyms of two days cannot be linked.
 */
export function pseudonymHasherForDay(pseudonymSecret: Uint8Array, dayKey: string): PlateHasher {
  return createPlateHasher(`pseudonym-${dayKey}`, createHmac('sha256', pseudonymSecret).update(`ds-pseudonym:${dayKey}`).digest());
}

/**
 * The plate-free aggregates of stored reads: counts per camera per hour, and transitions between cameras under
 * daily pseudonyms. The job carries neither plates nor pseudonyms; its id comes from the read ids it counts.
 */
export function aggregateBatchJobOf(
  municipalityId: string, reads: readonly StoredRead[], pseudonymSecret: Uint8Array, transitionOptions?: TransitionStatisticsOptions,
): { readonly jobId: string; readonly job: AggregateBatchJob } {
  const hashers = new Map<string, PlateHasher>();
  const pseudonymous = reads.map((read) => {
    const day = utcDayKey(read.capturedAtMs);
    let hasher = hashers.get(day);
    if (!hasher) hashers.set(day, (hasher = pseudonymHasherForDay(pseudonymSecret, day)));
    return { pseudonym: dailyPseudonym(hasher, day, read.plate), cameraId: read.cameraId, capturedAtMs: read.capturedAtMs };
  });
  const jobId = `aggregates-${municipalityId}-${digestOf(reads.map((r) => r.readId))}`;
  return {
    jobId,
    job: {
      municipalityId,
      batchId: jobId,
      hourlyCounts: hourlyReadCounts(reads),
      transitions: transitionStatistics(pseudonymous, transitionOptions),
    },
  };
}
