import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
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

/** A stored read with everything the store keeps of it. */
export interface StoredReadRecord {
  readonly readId: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
  readonly candidates: { readonly text: string; readonly confidence: number }[];
  readonly plateImageRef?: string;
  readonly vehicleImageRef?: string;
  readonly hitIds: string[];
}

export interface PurgeResult {
  readonly purged: number;
  /** `deletionDigest` of the purged read ids. */
  readonly digest: string;
  /** Plate images (evidence of recognised reads) purged with their reads, or kept for no stored read. */
  readonly imagesPurged: number;
}

/** The plate crop the edge's recogniser read a plate from, kept as the read's evidence. */
export interface ReadEvidence {
  readonly readId: string;
  readonly capturedAtMs: number;
  readonly mediaType: 'image/png' | 'image/jpeg';
  readonly image: Buffer;
  /** Frames of the pass the read fused. */
  readonly frames: number;
}

export interface EdgeReadStore {
  readonly municipalityId: string;
  /** The database file. */
  readonly file: string;
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
  /**
   * Deletes non-hit reads captured before `cutoffMs`, in batches of `batchSize`, with their evidence, and evidence
   * older than that of no hit read.
   */
  purgeOlderThan(cutoffMs: number, batchSize?: number): Promise<PurgeResult>;
  /** Keeps a recognised read's evidence; evidence kept already is left as it is. */
  putEvidence(evidence: ReadEvidence): Promise<void>;
  /** A read's evidence with whether the read is stored as part of a hit (only those may leave the node). */
  evidenceOf(readId: string): Promise<(ReadEvidence & { readonly hitIds: readonly string[] }) | undefined>;
  /** The municipality's reads of one plate in a capture-time window: for the case-bound history search. */
  readsOfPlate(plate: string, fromMs: number, toMs: number): Promise<StoredReadOfPlate[]>;
  /** Stored reads (placeholders of early hit marks not counted). */
  countReads(): Promise<number>;
  /** Of `readIds`, those stored (placeholders not counted), as kept: for tools that check an outcome. */
  storedReads(readIds: readonly string[]): Promise<StoredReadRecord[]>;
  close(): void;
}

/** Checks a municipality id before it names a store; throws DS_EDGE_MUNICIPALITY_ID_INVALID otherwise. */
export function checkEdgeMunicipalityId(municipalityId: string): string {
  if (!municipalityIdPattern.test(municipalityId)) {
    throw new DongseonError('DS_EDGE_MUNICIPALITY_ID_INVALID', `municipality id ${JSON.stringify(municipalityId.slice(0, 40))} must match ${municipalityIdPattern.source}`);
  }
  return municipalityId;
}

/** Where an edge node keeps its reads: `<DS_EDGE_STATE_DIR>/<municipality>/reads.sqlite`. */
export function edgeReadStoreFile(stateRoot: string, municipalityId: string): string {
  return join(stateRoot, checkEdgeMunicipalityId(municipalityId), 'reads.sqlite');
}

export interface EdgeReadStoreOptions {
  readonly file: string;
  readonly municipalityId: string;
  /** Tools that look at a node's store from outside it: the file must exist, and the schema is left alone. */
  readonly existing?: boolean;
}

interface ReadRow {
  read_id: string;
  camera_id: string;
  captured_at_ms: number;
  received_at_ms: number;
  candidates: string;
  hit: number;
}

const schema = `
  CREATE TABLE IF NOT EXISTS reads (
    read_id TEXT PRIMARY KEY,
    camera_id TEXT,
    captured_at_ms INTEGER,
    received_at_ms INTEGER,
    candidates TEXT,
    plate_image_ref TEXT,
    vehicle_image_ref TEXT,
    store_seq INTEGER,
    hit INTEGER NOT NULL DEFAULT 0,
    hit_ids TEXT NOT NULL DEFAULT '[]'
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS reads_by_store_seq ON reads (store_seq);
  CREATE INDEX IF NOT EXISTS reads_by_captured_at ON reads (captured_at_ms);
  CREATE TABLE IF NOT EXISTS read_plates (
    plate TEXT NOT NULL,
    captured_at_ms INTEGER NOT NULL,
    read_id TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (plate, captured_at_ms, read_id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS store_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL,
    aggregated_seq INTEGER NOT NULL
  );
  INSERT OR IGNORE INTO store_state (id, seq, aggregated_seq) VALUES (1, 0, 0);
  CREATE TABLE IF NOT EXISTS read_evidence (
    read_id TEXT PRIMARY KEY,
    captured_at_ms INTEGER NOT NULL,
    media_type TEXT NOT NULL,
    image BLOB NOT NULL,
    frames INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS read_evidence_by_captured_at ON read_evidence (captured_at_ms);
`;

const storedReadColumns = 'read_id, camera_id, captured_at_ms, received_at_ms, candidates, hit';

const toStoredRead = (row: ReadRow): StoredRead => {
  const candidates = JSON.parse(row.candidates) as [string, number][];
  return {
    readId: row.read_id,
    cameraId: row.camera_id,
    capturedAtMs: row.captured_at_ms,
    receivedAtMs: row.received_at_ms,
    plate: candidates[0]?.[0] ?? '',
    hit: row.hit === 1,
  };
};

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The edge's own read store: an embedded SQLite database in the node's state folder (WAL, every commit synced), so
 * raw reads never cross the network and two edges never share a store. Non-hit reads never leave it except as
 * plate-free aggregates. A placeholder row (no store sequence) holds hit marks that reached the store before their
 * read; no search, aggregate, count or purge sees it.
 *
 * The API is asynchronous although SQLite answers synchronously: callers stay the same whatever the store, and the
 * longest synchronous step (one group commit of a few thousand reads) blocks the node for milliseconds.
 */
export function openEdgeReadStore(options: EdgeReadStoreOptions): EdgeReadStore {
  const municipalityId = checkEdgeMunicipalityId(options.municipalityId);
  if (options.existing !== true) mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, options.existing === true ? { fileMustExist: true } : {});
  db.pragma('journal_mode = WAL');
  // Hazard: a store job is completed (and its reads leave the durable queue) once this commit returns, so every
  // commit must reach the disk: FULL, not WAL's usual NORMAL.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  if (options.existing !== true) db.exec(schema);

  const nextSeq = db.prepare<[], { seq: number }>('UPDATE store_state SET seq = seq + 1 WHERE id = 1 RETURNING seq');
  // A new read inserts; a placeholder (store_seq IS NULL) is completed and keeps its marks; a stored read is left
  // as it is (changes = 0), so a replay neither rewrites it nor moves it to a later sequence.
  const upsertRead = db.prepare(
    `INSERT INTO reads (read_id, camera_id, captured_at_ms, received_at_ms, candidates, plate_image_ref, vehicle_image_ref, store_seq)
     VALUES (@readId, @cameraId, @capturedAtMs, @receivedAtMs, @candidates, @plateImageRef, @vehicleImageRef, @seq)
     ON CONFLICT (read_id) DO UPDATE SET camera_id = excluded.camera_id, captured_at_ms = excluded.captured_at_ms,
       received_at_ms = excluded.received_at_ms, candidates = excluded.candidates, plate_image_ref = excluded.plate_image_ref,
       vehicle_image_ref = excluded.vehicle_image_ref, store_seq = excluded.store_seq
     WHERE reads.store_seq IS NULL`,
  );
  const insertPlate = db.prepare('INSERT OR IGNORE INTO read_plates (plate, captured_at_ms, read_id, confidence) VALUES (?, ?, ?, ?)');
  const hitIdsOf = db.prepare<[string], { hit_ids: string }>('SELECT hit_ids FROM reads WHERE read_id = ?');
  const insertPlaceholder = db.prepare('INSERT INTO reads (read_id, hit, hit_ids) VALUES (?, 1, ?)');
  const setHitIds = db.prepare('UPDATE reads SET hit = 1, hit_ids = ? WHERE read_id = ?');
  const state = db.prepare<[], { seq: number; aggregated_seq: number }>('SELECT seq, aggregated_seq FROM store_state WHERE id = 1');
  const readsInSeqRange = db.prepare<[number, number, number], ReadRow & { store_seq: number }>(
    `SELECT ${storedReadColumns}, store_seq FROM reads WHERE store_seq > ? AND store_seq <= ? ORDER BY store_seq, read_id LIMIT ?`,
  );
  const readsOfSeq = db.prepare<[number], ReadRow>(`SELECT ${storedReadColumns} FROM reads WHERE store_seq = ? ORDER BY read_id`);
  const markAggregated = db.prepare('UPDATE store_state SET aggregated_seq = max(aggregated_seq, ?) WHERE id = 1');
  const purgeCandidates = db.prepare<[number, number], { read_id: string; captured_at_ms: number; candidates: string }>(
    'SELECT read_id, captured_at_ms, candidates FROM reads WHERE captured_at_ms < ? AND hit = 0 AND store_seq IS NOT NULL LIMIT ?',
  );
  const deleteRead = db.prepare('DELETE FROM reads WHERE read_id = ?');
  const deleteEvidence = db.prepare('DELETE FROM read_evidence WHERE read_id = ?');
  const deleteOrphanEvidence = db.prepare<[number, number], { read_id: string }>(
    `DELETE FROM read_evidence WHERE read_id IN (
       SELECT e.read_id FROM read_evidence e LEFT JOIN reads r ON r.read_id = e.read_id
       WHERE e.captured_at_ms < ? AND (r.read_id IS NULL OR r.store_seq IS NULL) LIMIT ?)
     RETURNING read_id`,
  );
  const insertEvidence = db.prepare('INSERT OR IGNORE INTO read_evidence (read_id, captured_at_ms, media_type, image, frames) VALUES (?, ?, ?, ?, ?)');
  const evidenceRow = db.prepare<[string], { read_id: string; captured_at_ms: number; media_type: string; image: Buffer; frames: number; hit_ids: string | null }>(
    `SELECT e.read_id, e.captured_at_ms, e.media_type, e.image, e.frames, r.hit_ids
     FROM read_evidence e LEFT JOIN reads r ON r.read_id = e.read_id WHERE e.read_id = ?`,
  );
  const deletePlate = db.prepare('DELETE FROM read_plates WHERE plate = ? AND captured_at_ms = ? AND read_id = ?');
  const readsOfPlateQuery = db.prepare<[string, number, number], ReadRow & { confidence: number }>(
    `SELECT r.read_id, r.camera_id, r.captured_at_ms, r.received_at_ms, r.candidates, r.hit, p.confidence
     FROM read_plates p JOIN reads r ON r.read_id = p.read_id
     WHERE p.plate = ? AND p.captured_at_ms >= ? AND p.captured_at_ms < ? AND r.store_seq IS NOT NULL
     ORDER BY p.captured_at_ms, p.read_id`,
  );
  const countStored = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM reads WHERE store_seq IS NOT NULL');
  const storedRead = db.prepare<[string], ReadRow & { plate_image_ref: string | null; vehicle_image_ref: string | null; hit_ids: string }>(
    `SELECT ${storedReadColumns}, plate_image_ref, vehicle_image_ref, hit_ids FROM reads WHERE read_id = ? AND store_seq IS NOT NULL`,
  );

  const storeInOneCommit = db.transaction((reads: readonly CameraRead[]): string[] => {
    const seq = nextSeq.get()?.seq ?? 0;
    const created: string[] = [];
    const seen = new Set<string>();
    for (const read of reads) {
      if (seen.has(read.readId)) continue;
      seen.add(read.readId);
      const changes = upsertRead.run({
        readId: read.readId, cameraId: read.cameraId, capturedAtMs: read.capturedAtMs, receivedAtMs: read.receivedAtMs,
        candidates: JSON.stringify(read.candidates.map((c) => [c.text, c.confidence])),
        plateImageRef: read.plateImageRef ?? null, vehicleImageRef: read.vehicleImageRef ?? null, seq,
      }).changes;
      if (changes === 0) continue;
      created.push(read.readId);
      for (const candidate of read.candidates) insertPlate.run(candidate.text, read.capturedAtMs, read.readId, candidate.confidence);
    }
    return created;
  });

  const markInOneCommit = db.transaction((hits: readonly { readonly readId: string; readonly hitId: string }[]) => {
    for (const { readId, hitId } of hits) {
      const row = hitIdsOf.get(readId);
      if (row === undefined) {
        insertPlaceholder.run(readId, JSON.stringify([hitId]));
        continue;
      }
      const hitIds = JSON.parse(row.hit_ids) as string[];
      setHitIds.run(JSON.stringify(hitIds.includes(hitId) ? hitIds : [...hitIds, hitId]), readId);
    }
  });

  const purgeBatch = db.transaction((cutoffMs: number, batchSize: number): { readIds: string[]; images: number } => {
    const rows = purgeCandidates.all(cutoffMs, batchSize);
    let images = 0;
    for (const row of rows) {
      for (const [plate] of JSON.parse(row.candidates) as [string, number][]) deletePlate.run(plate, row.captured_at_ms, row.read_id);
      deleteRead.run(row.read_id);
      images += deleteEvidence.run(row.read_id).changes;
    }
    return { readIds: rows.map((row) => row.read_id), images };
  });

  return {
    municipalityId,
    file: options.file,
    async storeReads(reads) {
      return reads.length === 0 ? [] : storeInOneCommit(reads);
    },
    async markHits(hits) {
      if (hits.length > 0) markInOneCommit(hits);
    },
    async readsToAggregate(limit) {
      const current = state.get();
      const fromSeq = current?.aggregated_seq ?? 0;
      const upToSeq = current?.seq ?? 0;
      if (upToSeq <= fromSeq) return undefined;
      const rows = readsInSeqRange.all(fromSeq, upToSeq, Math.trunc(limit));
      if (rows.length < limit) return { reads: rows.map(toStoredRead), throughSeq: upToSeq };
      // Cut before the last write's reads so a write is never split across two aggregates; one write larger than
      // `limit` is taken whole.
      const lastSeq = rows[rows.length - 1]?.store_seq ?? upToSeq;
      const whole = rows.filter((row) => row.store_seq < lastSeq);
      if (whole.length > 0) return { reads: whole.map(toStoredRead), throughSeq: lastSeq - 1 };
      return { reads: readsOfSeq.all(lastSeq).map(toStoredRead), throughSeq: lastSeq };
    },
    async markAggregatedThrough(throughSeq) {
      markAggregated.run(throughSeq);
    },
    async purgeOlderThan(cutoffMs, batchSize = 5_000) {
      const purgedIds: string[] = [];
      let imagesPurged = 0;
      for (;;) {
        const { readIds, images } = purgeBatch(cutoffMs, Math.trunc(batchSize));
        purgedIds.push(...readIds);
        imagesPurged += images;
        if (readIds.length < batchSize) break;
        // Between batches, ingest and the matcher get the node back.
        await yieldToEventLoop();
      }
      // Evidence of a read that never reached the store (a pass whose read was lost before storing) goes too.
      for (;;) {
        const orphans = deleteOrphanEvidence.all(cutoffMs, Math.trunc(batchSize)).length;
        imagesPurged += orphans;
        if (orphans < batchSize) break;
        await yieldToEventLoop();
      }
      return { purged: purgedIds.length, digest: deletionDigest(purgedIds), imagesPurged };
    },
    async readsOfPlate(plate, fromMs, toMs) {
      return readsOfPlateQuery.all(plate, fromMs, toMs).map((row) => ({ ...toStoredRead(row), confidence: row.confidence }));
    },
    async putEvidence(evidence) {
      insertEvidence.run(evidence.readId, evidence.capturedAtMs, evidence.mediaType, evidence.image, evidence.frames);
    },
    async evidenceOf(readId) {
      const row = evidenceRow.get(readId);
      if (row === undefined) return undefined;
      return {
        readId: row.read_id, capturedAtMs: row.captured_at_ms, mediaType: row.media_type as ReadEvidence['mediaType'], image: row.image,
        frames: row.frames, hitIds: row.hit_ids === null ? [] : JSON.parse(row.hit_ids) as string[],
      };
    },
    async countReads() {
      return countStored.get()?.n ?? 0;
    },
    async storedReads(readIds) {
      return readIds.flatMap((readId) => {
        const row = storedRead.get(readId);
        if (row === undefined) return [];
        return [{
          readId: row.read_id, cameraId: row.camera_id, capturedAtMs: row.captured_at_ms,
          candidates: (JSON.parse(row.candidates) as [string, number][]).map(([text, confidence]) => ({ text, confidence })),
          ...(row.plate_image_ref === null ? {} : { plateImageRef: row.plate_image_ref }),
          ...(row.vehicle_image_ref === null ? {} : { vehicleImageRef: row.vehicle_image_ref }),
          hitIds: JSON.parse(row.hit_ids) as string[],
        }];
      });
    },
    close() {
      db.close();
    },
  };
}
