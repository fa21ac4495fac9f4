import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import type { KeyedHotlistSnapshot } from '../../domain/matching/index.js';

export interface HotlistSnapshotHeader {
  /** Monotonic per region: a later publication always carries a higher version. */
  readonly version: number;
  /** The key the digests were made under; the key itself never travels with the snapshot. */
  readonly keyId: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly maxSubstitutions: number;
  /** Wanted-list entries carried: every ref of `snapshot.refs` plus every partial pattern. */
  readonly entryCount: number;
}

/** A wildcard entry (`12가34??`): not hashable, so listed as a pattern, explicitly marked, never a full plate. */
export interface PartialPlateEntry {
  readonly ref: string;
  readonly pattern: string;
}

/** What the police publish and an edge node loads. */
export interface HotlistPublication {
  readonly header: HotlistSnapshotHeader;
  readonly snapshot: KeyedHotlistSnapshot;
  readonly partialPatterns: readonly PartialPlateEntry[];
}

const magic = Buffer.from('DSHL', 'ascii');
const formatVersion = 1;
/** magic, format, 3 reserved bytes, meta length, plate count, misread count. */
const fixedHeaderBytes = 4 + 4 + 4 + 4 + 4;
const checksumBytes = 32;
const maxMetaBytes = 64 * 1024 * 1024;

const metaSchema = z.object({
  version: z.number().int().positive(),
  keyId: z.string().min(1),
  createdAt: z.iso.datetime(),
  maxSubstitutions: z.number().int().min(0).max(4),
  entryCount: z.number().int().min(0),
  refs: z.array(z.array(z.string().min(1)).min(1)),
  partialPatterns: z.array(z.object({ ref: z.string().min(1), pattern: z.string().min(1) })),
});

const invalid = (reason: string) => new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', `hotlist snapshot refused: ${reason}`);

export function encodeHotlistPublication(publication: HotlistPublication): Buffer {
  const { header, snapshot, partialPatterns } = publication;
  if (header.keyId !== snapshot.keyId || header.maxSubstitutions !== snapshot.maxSubstitutions) {
    throw invalid('the header disagrees with the snapshot on its key or substitutions');
  }
  const meta = Buffer.from(JSON.stringify({
    version: header.version, keyId: header.keyId, createdAt: header.createdAt,
    maxSubstitutions: header.maxSubstitutions, entryCount: header.entryCount,
    refs: snapshot.refs, partialPatterns: partialPatterns.map(({ ref, pattern }) => ({ ref, pattern })),
  }), 'utf8');
  const plates = snapshot.refs.length;
  const misreads = snapshot.misreadPositions.length;
  const bodyBytes = fixedHeaderBytes + meta.length + plates * 16 + misreads * 10;
  const out = Buffer.alloc(bodyBytes + checksumBytes);
  magic.copy(out, 0);
  out.writeUInt8(formatVersion, 4);
  out.writeUInt32LE(meta.length, 8);
  out.writeUInt32LE(plates, 12);
  out.writeUInt32LE(misreads, 16);
  let at = fixedHeaderBytes;
  at += meta.copy(out, at);
  for (const word of snapshot.exactDigests) at = out.writeUInt32LE(word >>> 0, at);
  for (const word of snapshot.misreadDigests) at = out.writeUInt32LE(word >>> 0, at);
  for (const positions of snapshot.misreadPositions) at = out.writeUInt16LE(positions, at);
  if (at !== bodyBytes) throw invalid('the snapshot digest arrays do not match its references');
  createHash('sha256').update(out.subarray(0, bodyBytes)).digest().copy(out, bodyBytes);
  return out;
}

/** Decodes and checks a publication; anything truncated, altered or inconsistent is refused, never half-loaded. */
export function decodeHotlistPublication(bytes: Uint8Array): HotlistPublication {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < fixedHeaderBytes + checksumBytes) throw invalid('too short');
  if (!data.subarray(0, 4).equals(magic)) throw invalid('not a hotlist snapshot');
  if (data.readUInt8(4) !== formatVersion) throw invalid(`unknown format ${data.readUInt8(4)}`);
  const bodyBytes = data.length - checksumBytes;
  const checksum = createHash('sha256').update(data.subarray(0, bodyBytes)).digest();
  if (!checksum.equals(data.subarray(bodyBytes))) throw invalid('checksum mismatch');
  const metaBytes = data.readUInt32LE(8);
  const plates = data.readUInt32LE(12);
  const misreads = data.readUInt32LE(16);
  if (metaBytes > maxMetaBytes || fixedHeaderBytes + metaBytes + plates * 16 + misreads * 10 !== bodyBytes) {
    throw invalid('section lengths do not add up');
  }
  let meta: z.infer<typeof metaSchema>;
  try {
    meta = metaSchema.parse(JSON.parse(data.toString('utf8', fixedHeaderBytes, fixedHeaderBytes + metaBytes)));
  } catch {
    throw invalid('malformed header');
  }
  if (meta.refs.length !== plates) throw invalid('reference count does not match the digests');
  const refCount = meta.refs.reduce((sum, refs) => sum + refs.length, 0);
  if (meta.entryCount !== refCount + meta.partialPatterns.length) throw invalid('entry count does not match the entries');
  let at = fixedHeaderBytes + metaBytes;
  const exactDigests = new Uint32Array(plates * 4);
  for (let i = 0; i < exactDigests.length; i++, at += 4) exactDigests[i] = data.readUInt32LE(at);
  const misreadDigests = new Uint32Array(misreads * 2);
  for (let i = 0; i < misreadDigests.length; i++, at += 4) misreadDigests[i] = data.readUInt32LE(at);
  const misreadPositions = new Uint16Array(misreads);
  for (let i = 0; i < misreads; i++, at += 2) {
    const positions = data.readUInt16LE(at);
    if (positions === 0) throw invalid('a misread digest names no substituted position');
    misreadPositions[i] = positions;
  }
  const { version, keyId, createdAt, maxSubstitutions, entryCount, refs, partialPatterns } = meta;
  return {
    header: { version, keyId, createdAt, maxSubstitutions, entryCount },
    snapshot: { keyId, maxSubstitutions, refs, exactDigests, misreadDigests, misreadPositions },
    partialPatterns,
  };
}
