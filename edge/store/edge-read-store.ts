import neo4j, { type Driver } from 'neo4j-driver';
import { deletionDigest } from '../../domain/audit/deletion-digest.js';
import { DongseonError } from '../../domain/errors/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import { municipalityIdPattern } from '../../domain/municipality/municipality-id.js';

/** One read as the edge keeps it; the plate is the best candidate's cleaned text. */
export interface StoredRead {
  readonly readId: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
  readonly receivedAtMs: number;
  readonly plate: string;
  readonly hit: boolean;
}

export interface ReadsToAggregate {
  readonly reads: StoredRead[];
  readonly throughSeq: number;
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
   * Stores reads; a read already stored is left as it is, so a replayed batch changes nothing. Resolves to the ids
   * of the reads this call created: the ones no earlier batch brought.
   */
  storeReads(reads: readonly CameraRead[]): Promise<string[]>;
  /**
   * Marks reads as part of a hit, so retention keeps them; marking one twice changes nothing. A read not stored yet
   * keeps its marks until `storeReads` brings it (which then counts it as created).
   */
  markHits(hits: readonly { readonly readId: string; readonly hitId: string }[]): Promise<void>;
  /**
   * The reads stored since the last `markAggregatedThrough`, in store order, at most about `limit` (never a store
   * write split in two), with the store sequence number they run through; undefined when there are none.
   */
  readsToAggregate(limit: number): Promise<ReadsToAggregate | undefined>;
  /** Records that every read up to store sequence `throughSeq` is counted in a forwarded aggregate. */
  markAggregatedThrough(throughSeq: number): Promise<void>;
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

const storedReadFields = 'r.readId AS readId, r.cameraId AS cameraId, r.capturedAtMs AS capturedAtMs, r.receivedAtMs AS receivedAtMs, r.candidateTexts[0] AS plate, r.hit AS hit';

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

  const storeNewReads = async (reads: readonly CameraRead[]): Promise<string[]> => {
    if (reads.length === 0) return [];
    // Only what the matcher, aggregates and the history search read back: the ISO times, the best candidate and
    // absent image references are derivable or empty, and every stored property costs the busy edge. One row per
    // read id: the query below checks each id once, before it creates any.
    const rows = [...new Map(reads.map((r) => [r.readId, {
      readId: r.readId,
      cameraId: r.cameraId,
      capturedAtMs: r.capturedAtMs,
      receivedAtMs: r.receivedAtMs,
      candidateTexts: r.candidates.map((c) => c.text),
      candidateConfidences: r.candidates.map((c) => c.confidence),
      ...(r.plateImageRef === undefined ? {} : { plateImageRef: r.plateImageRef }),
      ...(r.vehicleImageRef === undefined ? {} : { vehicleImageRef: r.vehicleImageRef }),
    }])).values()];
    // Each write takes the next store sequence number from the municipality's state node (locking it, so writes
    // commit in sequence order) and stamps its new reads with it: aggregation then walks a range index instead of
    // marking every read. Only a new read, or a placeholder a hit mark left (`awaitingRead`), takes the row: a
    // replayed read keeps its first-stored values, hit marks and sequence.
    // Hazard: CREATE after a look-up instead of MERGE (a third less work per read for Neo4j) is safe only because
    // the state node's lock, taken first, keeps two writes of one municipality from checking the same id at once;
    // should one slip past (two edges for one municipality), the uniqueness constraint fails the write, which is
    // retried and then finds the read.
    const records = await write(
      `MERGE (s:EdgeStoreState {municipality: $municipalityId}) ON CREATE SET s.seq = 0, s.aggregatedSeq = 0
       SET s.seq = s.seq + 1
       WITH s.seq AS seq
       UNWIND $rows AS row
       OPTIONAL MATCH (old:${label} {readId: row.readId})
       WITH seq, row, old WHERE old IS NULL OR old.awaitingRead
       FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END | CREATE (r:EdgeRead:${label}) SET r = row, r.storeSeq = seq, r.hit = false)
       FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END | SET old += row, old.storeSeq = seq REMOVE old.awaitingRead)
       RETURN row.readId AS readId`,
      { rows, municipalityId },
    );
    return records.map((record) => record.get('readId') as string);
  };

  return {
    municipalityId,
    label,
    async ensureSchema() {
      await write(`CREATE CONSTRAINT edge_${municipalityId}_read_id IF NOT EXISTS FOR (r:${label}) REQUIRE r.readId IS UNIQUE`, {});
      await write(`CREATE INDEX edge_${municipalityId}_captured_at IF NOT EXISTS FOR (r:${label}) ON (r.capturedAtMs)`, {});
      await write(`CREATE INDEX edge_${municipalityId}_store_seq IF NOT EXISTS FOR (r:${label}) ON (r.storeSeq)`, {});
      await write('CREATE CONSTRAINT edge_store_state_municipality IF NOT EXISTS FOR (s:EdgeStoreState) REQUIRE s.municipality IS UNIQUE', {});
    },
    storeReads: storeNewReads,
    async markHits(hits) {
      if (hits.length === 0) return;
      // A read not stored yet gets a placeholder that holds its marks (no capture time, candidates or sequence, so
      // no search, aggregate, count or purge sees it) until its own write completes it.
      await write(
        `UNWIND $hits AS hit MERGE (r:EdgeRead:${label} {readId: hit.readId}) ON CREATE SET r.awaitingRead = true
         SET r.hit = true, r.hitIds = CASE WHEN hit.hitId IN coalesce(r.hitIds, []) THEN r.hitIds ELSE coalesce(r.hitIds, []) + hit.hitId END`,
        { hits: hits.map((h) => ({ readId: h.readId, hitId: h.hitId })) },
      );
    },
    async readsToAggregate(limit) {
      const [state] = await read('MATCH (s:EdgeStoreState {municipality: $municipalityId}) RETURN s.seq AS seq, s.aggregatedSeq AS aggregatedSeq', { municipalityId });
      const fromSeq = Number(state?.get('aggregatedSeq') ?? 0);
      const upToSeq = Number(state?.get('seq') ?? 0);
      if (upToSeq <= fromSeq) return undefined;
      const records = await read(
        `MATCH ${node} WHERE r.storeSeq > $fromSeq AND r.storeSeq <= $upToSeq
         RETURN ${storedReadFields}, r.storeSeq AS storeSeq ORDER BY r.storeSeq, r.readId LIMIT $limit`,
        { fromSeq: neo4j.int(fromSeq), upToSeq: neo4j.int(upToSeq), limit: neo4j.int(Math.trunc(limit)) },
      );
      const rows = records.map((record, i) => ({ read: toStored([record])[0] as StoredRead, seq: Number(records[i]?.get('storeSeq')) }));
      if (rows.length < limit) return { reads: rows.map((row) => row.read), throughSeq: upToSeq };
      // Cut before the last write's reads so a write is never split across two aggregates; one write larger than
      // `limit` is taken whole.
      const lastSeq = rows[rows.length - 1]?.seq ?? upToSeq;
      const whole = rows.filter((row) => row.seq < lastSeq);
      if (whole.length > 0) return { reads: whole.map((row) => row.read), throughSeq: lastSeq - 1 };
      return { reads: toStored(await read(`MATCH ${node} WHERE r.storeSeq = $lastSeq RETURN ${storedReadFields} ORDER BY r.readId`, { lastSeq: neo4j.int(lastSeq) })), throughSeq: lastSeq };
    },
    async markAggregatedThrough(throughSeq) {
      await write(
        'MATCH (s:EdgeStoreState {municipality: $municipalityId}) SET s.aggregatedSeq = CASE WHEN s.aggregatedSeq > $throughSeq THEN s.aggregatedSeq ELSE $throughSeq END',
        { municipalityId, throughSeq: neo4j.int(throughSeq) },
      );
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
      const records = await read(`MATCH ${node} WHERE r.awaitingRead IS NULL RETURN count(r) AS n`, {});
      return Number(records[0]?.get('n') ?? 0);
    },
  };
}
