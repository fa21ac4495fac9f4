/**
 * The edge's lookup structure: an open-addressing hash table keyed by the first 64 bits of keyed digests, one
 * 16-byte slot each (two key words, the listed plate's index, the misread positions), so a lookup touches one
 * cache line and allocates nothing. A million listed plates and their ten million misreads fit in ~270 MB.
 * Digests are HMAC output, uniformly random, so the first word indexes the table directly. Words are compared
 * as signed 32-bit integers whichever typed array they come from.
 */
export class HotlistDigestTable {
  readonly #mask: number;
  /** Per slot: key word 0, key word 1, listed plate index + 1 (0: none), misread position mask (0: none). */
  readonly #slots: Int32Array;
  #size = 0;

  constructor(expectedDigests: number) {
    let capacity = 16;
    while (capacity * 0.7 < expectedDigests) capacity *= 2;
    this.#mask = capacity - 1;
    this.#slots = new Int32Array(capacity * 4);
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#slots.length / 4;
  }

  get byteLength(): number {
    return this.#slots.byteLength;
  }

  /** The slot holding the digest, or -1. */
  find(word0: number, word1: number): number {
    word0 |= 0;
    word1 |= 0;
    const slots = this.#slots;
    let slot = word0 & this.#mask;
    for (;;) {
      const base = slot * 4;
      if (slots[base + 2] === 0 && slots[base + 3] === 0) return -1;
      if (slots[base] === word0 && slots[base + 1] === word1) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Index of the listed plate whose own digest this is, or -1. */
  exactPlateAt(slot: number): number {
    return (this.#slots[slot * 4 + 2] as number) - 1;
  }

  /** Bit i set: some listed plate differs from this text by a confusion at position i. 0 when none does. */
  misreadPositionsAt(slot: number): number {
    return this.#slots[slot * 4 + 3] as number;
  }

  addExact(word0: number, word1: number, plateIndex: number): void {
    const base = this.#slotFor(word0, word1) * 4;
    this.#slots[base + 2] = plateIndex + 1;
  }

  addMisread(word0: number, word1: number, positions: number): void {
    if (positions === 0) throw new RangeError('a misread has at least one substituted position');
    const base = this.#slotFor(word0, word1) * 4;
    this.#slots[base + 3] = (this.#slots[base + 3] as number) | positions;
  }

  #slotFor(word0: number, word1: number): number {
    word0 |= 0;
    word1 |= 0;
    const slots = this.#slots;
    let slot = word0 & this.#mask;
    for (;;) {
      const base = slot * 4;
      if (slots[base + 2] === 0 && slots[base + 3] === 0) {
        if (this.#size + 1 > this.capacity * 0.9) throw new RangeError('HotlistDigestTable is full');
        slots[base] = word0;
        slots[base + 1] = word1;
        this.#size++;
        return slot;
      }
      if (slots[base] === word0 && slots[base + 1] === word1) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }
}
