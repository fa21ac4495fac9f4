import neo4j, { type Driver } from 'neo4j-driver';
import { deletionDigest } from '../../domain/audit/deletion-digest.js';
import { DongseonError } from '../../domain/errors/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';

const municipalityIdPattern = /^[a-z][a-z0-9]{0,30}$/;

/** One read as the edge keeps it; the plate is the best candidate's cleaned text. */
export interface StoredRead {
  readonly readId: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
  readonly receivedAtMs: number;
  readonly plate: string;
  readonly hit: boolean;
}

/** A read of a searched plate: with the confidence of the candidate that is that plate. */
export interface StoredReadOfPlate extends StoredRead {
  readonly confidence: number;
}

export interface PurgeResult {
  readonly purged: number;
  /** `deletionDigest` of the purged read ids. */
  readonly digest: string;
}

export interface EdgeReadStore {
  readonly municipalityId: string;
  /** The municipality's own label, `Edge_<id>`. */
  readonly label: string;
  /** Creates the label's uniqueness constraint on readId and its capture-time index; idempotent. */
  ensureSchema(): Promise<void>;
  /**
   * Stores reads; a read already stored is left as it is, so a replayed batch changes nothing. Resolves to the
   * ids of the reads not yet part of a closed sighting (new ones, and ones a crashed worker never closed).
   */
  storeReads(reads: readonly CameraRead[]): Promise<string[]>;
  /** Marks reads as part of a sighting that was matched (and, for hits, forwarded). */
  closeSightings(readIds: readonly string[], hits: readonly { readonly readId: string; readonly hitId: string }[]): Promise<void>;
  /** Reads not yet counted in an aggregate, oldest received first, at most `limit`. */
  unaggregatedReads(limit: number): Promise<StoredRead[]>;
  markAggregated(readIds: readonly string[]): Promise<void>;
  /** Deletes non-hit reads captured before `cutoffMs`, in batches of `batchSize`. */
  purgeOlderThan(cutoffMs: number, batchSize?: number): Promise<PurgeResult>;
  /** The municipality's reads of one plate in a capture-time window: for the case-bound history search. */
  readsOfPlate(plate: string, fromMs: number, toMs: number): Promise<StoredReadOfPlate[]>;
  countReads(): Promise<number>;
}

/** `Edge_<id>`, after the id passed the pattern; throws DS_EDGE_MUNICIPALITY_ID_INVALID otherwise. */
export function edgeReadLabel(municipalityId: string): string {
  if (!municipalityIdPattern.test(municipalityId)) {
    throw new DongseonError('DS_EDGE_MUNICIPALITY_ID_INVALID', `municipality id ${JSON.stringify(municipalityId.slice(0, 40))} must match ${municipalityIdPattern.source}`);
  }
  return `Edge_${municipalityId}`;
}

const storedReadFields = 'r.readId AS readId, r.cameraId AS cameraId, r.capturedAtMs AS capturedAtMs, r.receivedAtMs AS receivedAtMs, r.plate AS plate, r.hit AS hit';

/**
 * The edge's own read store: one label space per municipality in Neo4j, so two edges sharing a server never see
 * each other's reads. Non-hit reads never leave this store except as plate-free aggregates.
 */
export function createEdgeReadStore(driver: Driver, municipalityId: string): EdgeReadStore {
  // Hazard: Cypher cannot take a label as a parameter, so the label is spliced into query text. The pattern check
  // in edgeReadLabel (lower-case letters and digits only) is the only thing that keeps this from being injection.
  const label = edgeReadLabel(municipalityId);
  const node = `(r:EdgeRead:${label})`;
  const write = async (query: string, parameters: Record<string, unknown>) =>
    (await driver.executeQuery(query, parameters, { routing: 'WRITE' })).records;
  const read = async (query: string, parameters: Record<string, unknown>) =>
    (await driver.executeQuery(query, parameters, { routing: 'READ' })).records;
  const toStored = (records: Awaited<ReturnType<typeof read>>): StoredRead[] =>
    records.map((record) => ({
      readId: record.get('readId') as string,
      cameraId: record.get('cameraId') as string,
      capturedAtMs: Number(record.get('capturedAtMs')),
      receivedAtMs: Number(record.get('receivedAtMs')),
      plate: record.get('plate') as string,
      hit: record.get('hit') === true,
    }));

  return {
    municipalityId,
    label,
    async ensureSchema() {
      await write(`CREATE CONSTRAINT edge_${municipalityId}_read_id IF NOT EXISTS FOR (r:${label}) REQUIRE r.readId IS UNIQUE`, {});
      await write(`CREATE INDEX edge_${municipalityId}_captured_at IF NOT EXISTS FOR (r:${label}) ON (r.capturedAtMs)`, {});
    },
    async storeReads(reads) {
      if (reads.length === 0) return [];
      const rows = reads.map((r) => ({
        readId: r.readId,
        cameraId: r.cameraId,
        capturedAt: r.capturedAt,
        capturedAtMs: r.capturedAtMs,
        receivedAt: r.receivedAt,
        receivedAtMs: r.receivedAtMs,
        plate: r.candidates[0]?.text ?? '',
        candidateTexts: r.candidates.map((c) => c.text),
        candidateConfidences: r.candidates.map((c) => c.confidence),
        confidence: r.candidates[0]?.confidence ?? 0,
        plateImageRef: r.plateImageRef ?? null,
        vehicleImageRef: r.vehicleImageRef ?? null,
      }));
      // ON CREATE only: a replayed read keeps its first-stored values and its hit and sighting marks.
      const records = await write(
        `UNWIND $rows AS row
         MERGE (r:EdgeRead:${label} {readId: row.readId})
         ON CREATE SET r += row, r.hit = false, r.sighted = false
         WITH r WHERE r.sighted = false
         RETURN r.readId AS readId`,
        { rows },
      );
      return records.map((record) => record.get('readId') as string);
    },
    async closeSightings(readIds, hits) {
      await write(
        `UNWIND $readIds AS id MATCH ${node} WHERE r.readId = id SET r.sighted = true
         WITH count(*) AS closed
         UNWIND $hits AS hit MATCH ${node} WHERE r.readId = hit.readId
         SET r.hit = true, r.hitIds = CASE WHEN hit.hitId IN coalesce(r.hitIds, []) THEN r.hitIds ELSE coalesce(r.hitIds, []) + hit.hitId END`,
        { readIds: [...readIds], hits: hits.map((h) => ({ readId: h.readId, hitId: h.hitId })) },
      );
    },
    async unaggregatedReads(limit) {
      return toStored(await read(
        `MATCH ${node} WHERE r.aggregated IS NULL RETURN ${storedReadFields} ORDER BY r.receivedAtMs, r.readId LIMIT $limit`,
        { limit: neo4j.int(Math.trunc(limit)) },
      ));
    },
    async markAggregated(readIds) {
      await write(`UNWIND $readIds AS id MATCH ${node} WHERE r.readId = id SET r.aggregated = true`, { readIds: [...readIds] });
    },
    async purgeOlderThan(cutoffMs, batchSize = 5_000) {
      const purgedIds: string[] = [];
      for (;;) {
        const records = await write(
          `MATCH ${node} WHERE r.capturedAtMs < $cutoffMs AND r.hit = false
           WITH r LIMIT $batchSize WITH r, r.readId AS readId DETACH DELETE r RETURN readId`,
          { cutoffMs, batchSize: neo4j.int(Math.trunc(batchSize)) },
        );
        for (const record of records) purgedIds.push(record.get('readId') as string);
        if (records.length < batchSize) break;
      }
      return { purged: purgedIds.length, digest: deletionDigest(purgedIds) };
    },
    async readsOfPlate(plate, fromMs, toMs) {
      const records = await read(
        `MATCH ${node} WHERE r.capturedAtMs >= $fromMs AND r.capturedAtMs < $toMs AND $plate IN r.candidateTexts
         RETURN ${storedReadFields},
           [i IN range(0, size(r.candidateTexts) - 1) WHERE r.candidateTexts[i] = $plate | r.candidateConfidences[i]][0] AS confidence
         ORDER BY r.capturedAtMs, r.readId`,
        { plate, fromMs, toMs },
      );
      return toStored(records).map((stored, i) => ({ ...stored, confidence: Number(records[i]?.get('confidence') ?? 0) }));
    },
    async countReads() {
      const records = await read(`MATCH ${node} RETURN count(r) AS n`, {});
      return Number(records[0]?.get('n') ?? 0);
    },
  };
}
