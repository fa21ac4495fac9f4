import { DongseonError } from '../errors/index.js';
import { confusionMisreads } from '../plates/confusion-variants.js';
import type { PlateHasher } from '../plates/keyed-plate-hash.js';
import { HotlistDigestTable } from './hotlist-digest-table.js';

/** One wanted plate as the police hold it, in clear. Never leaves the region. */
export interface ClearHotlistEntry {
  /** Opaque reference the edge may forward with a hit (a hotlist entry id, never the plate). */
  readonly ref: string;
  /** Canonical plate (see `normalizePlate`). */
  readonly plate: string;
}

/**
 * What an edge node receives: keyed digests only. `exactDigests` holds 4 words (128 bits) per listed plate, in
 * the order of `refs`. `misreadDigests` holds 2 words (64 bits) per text a recogniser may emit for some listed
 * plate, with `misreadPositions` the bit mask of the characters that differ from it: no reference, in no
 * order, so the list says nothing about which plate a misread belongs to. What the positions reveal, a hit
 * reveals anyway, and only a read that hits can find them.
 */
export interface KeyedHotlistSnapshot {
  readonly keyId: string;
  readonly maxSubstitutions: number;
  /** Per listed plate, the references of every entry that lists it. */
  readonly refs: readonly (readonly string[])[];
  readonly exactDigests: Uint32Array;
  readonly misreadDigests: Uint32Array;
  readonly misreadPositions: Uint16Array;
}

export interface PublishOptions {
  readonly maxSubstitutions?: number;
}

/** Police side: turns the clear list into the confidential snapshot edge nodes match against. */
export function publishKeyedHotlist(
  entries: Iterable<ClearHotlistEntry>, hasher: PlateHasher, options: PublishOptions = {},
): KeyedHotlistSnapshot {
  const maxSubstitutions = options.maxSubstitutions ?? 1;
  const refsByPlate = new Map<string, string[]>();
  for (const entry of entries) {
    const refs = refsByPlate.get(entry.plate);
    if (refs) refs.push(entry.ref);
    else refsByPlate.set(entry.plate, [entry.ref]);
  }
  const exactDigests = new Uint32Array(refsByPlate.size * 4);
  const misreadWords: number[] = [];
  const misreadPositions: number[] = [];
  const scratch = new Uint32Array(4);
  let index = 0;
  for (const plate of refsByPlate.keys()) {
    hasher.digestWordsInto(plate, exactDigests, index * 4);
    for (const misread of confusionMisreads(plate, { maxSubstitutions })) {
      hasher.digestWordsInto(misread.read, scratch);
      misreadWords.push(scratch[0] as number, scratch[1] as number);
      misreadPositions.push(misread.substitutions.reduce((mask, s) => mask | (1 << s.position), 0));
    }
    index++;
  }
  return {
    keyId: hasher.keyId,
    maxSubstitutions,
    refs: [...refsByPlate.values()],
    exactDigests,
    misreadDigests: Uint32Array.from(misreadWords),
    misreadPositions: Uint16Array.from(misreadPositions),
  };
}

/** Edge side: the snapshot loaded into the digest table. */
export interface KeyedHotlistIndex {
  readonly keyId: string;
  readonly maxSubstitutions: number;
  readonly refs: readonly (readonly string[])[];
  readonly exactDigests: Uint32Array;
  readonly table: HotlistDigestTable;
}

export function loadKeyedHotlist(snapshot: KeyedHotlistSnapshot): KeyedHotlistIndex {
  const plates = snapshot.refs.length;
  const misreads = snapshot.misreadPositions.length;
  if (snapshot.exactDigests.length !== plates * 4 || snapshot.misreadDigests.length !== misreads * 2) {
    throw new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', 'hotlist snapshot digest arrays do not match its references');
  }
  const table = new HotlistDigestTable(plates + misreads);
  for (let plate = 0; plate < plates; plate++) {
    table.addExact(snapshot.exactDigests[plate * 4] as number, snapshot.exactDigests[plate * 4 + 1] as number, plate);
  }
  for (let i = 0; i < misreads; i++) {
    const positions = snapshot.misreadPositions[i] as number;
    if (positions === 0) throw new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', 'a misread digest names no substituted position');
    table.addMisread(snapshot.misreadDigests[i * 2] as number, snapshot.misreadDigests[i * 2 + 1] as number, positions);
  }
  return { keyId: snapshot.keyId, maxSubstitutions: snapshot.maxSubstitutions, refs: snapshot.refs, exactDigests: snapshot.exactDigests, table };
}
