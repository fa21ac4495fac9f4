import { DongseonError } from '../errors/index.js';
import { confusionMisreads } from '../plates/confusion-variants.js';
import type { PlateHasher } from '../plates/keyed-plate-hash.js';
import { KeyedDigestTable } from './keyed-digest-table.js';

/** One wanted plate as the police hold it, in clear. Never leaves the region. */
export interface ClearHotlistEntry {
  /** Opaque reference the edge may forward with a hit (a hotlist entry id, never the plate). */
  readonly ref: string;
  /** Canonical plate (see `normalizePlate`). */
  readonly plate: string;
}

/**
 * What an edge node receives: keyed digests only. `exactDigests` holds 4 words (128 bits) per plate, in the
 * order of `refs`; `misreadDigests` holds 2 words (64 bits) per text a recogniser may emit for some listed
 * plate, in no order and with no reference, so the list says nothing about which plate a misread belongs to.
 */
export interface KeyedHotlistSnapshot {
  readonly keyId: string;
  readonly maxSubstitutions: number;
  /** Per plate, the references of every entry that lists it. */
  readonly refs: readonly (readonly string[])[];
  readonly exactDigests: Uint32Array;
  readonly misreadDigests: Uint32Array;
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
  const scratch = new Uint32Array(4);
  let index = 0;
  for (const plate of refsByPlate.keys()) {
    hasher.digestWordsInto(plate, exactDigests, index * 4);
    for (const misread of confusionMisreads(plate, { maxSubstitutions })) {
      hasher.digestWordsInto(misread.read, scratch);
      misreadWords.push(scratch[0] as number, scratch[1] as number);
    }
    index++;
  }
  return {
    keyId: hasher.keyId,
    maxSubstitutions,
    refs: [...refsByPlate.values()],
    exactDigests,
    misreadDigests: Uint32Array.from(misreadWords),
  };
}

const confusableBit = 1;
/** The value of a digest that is a misread of some listed plate and no listed plate itself. */
export const confusableOnly = confusableBit;

/** Edge side: the snapshot loaded into a table keyed by the first 64 bits of each digest. */
export interface KeyedHotlistIndex {
  readonly keyId: string;
  readonly maxSubstitutions: number;
  readonly refs: readonly (readonly string[])[];
  readonly exactDigests: Uint32Array;
  /** Value: ((plate index + 1) << 1) | confusable bit; plate index + 1 = 0 when no listed plate has this digest. */
  readonly table: KeyedDigestTable;
}

export function loadKeyedHotlist(snapshot: KeyedHotlistSnapshot): KeyedHotlistIndex {
  const plates = snapshot.refs.length;
  if (snapshot.exactDigests.length !== plates * 4 || snapshot.misreadDigests.length % 2 !== 0) {
    throw new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', 'hotlist snapshot digest arrays do not match its references');
  }
  const table = new KeyedDigestTable(plates + snapshot.misreadDigests.length / 2);
  for (let plate = 0; plate < plates; plate++) {
    const exact = (plate + 1) << 1;
    table.upsert(snapshot.exactDigests[plate * 4] as number, snapshot.exactDigests[plate * 4 + 1] as number,
      (previous) => (previous === -1 ? exact : exact | (previous & confusableBit)));
  }
  for (let i = 0; i < snapshot.misreadDigests.length; i += 2) {
    table.upsert(snapshot.misreadDigests[i] as number, snapshot.misreadDigests[i + 1] as number,
      (previous) => (previous === -1 ? confusableBit : previous | confusableBit));
  }
  return { keyId: snapshot.keyId, maxSubstitutions: snapshot.maxSubstitutions, refs: snapshot.refs, exactDigests: snapshot.exactDigests, table };
}

/** Decoded table value. */
export function exactPlateIndexOf(value: number): number {
  return value < 0 ? -1 : (value >>> 1) - 1;
}

export function isConfusable(value: number): boolean {
  return value >= 0 && (value & confusableBit) === confusableBit;
}
