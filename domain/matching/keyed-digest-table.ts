/**
 * Digest words are compared as signed 32-bit integers whichever typed array they come from.
 *
 * An open-addressing hash table from 64-bit keyed digests to 32-bit values, in two typed arrays: a million
 * hotlist plates and their misreads fit in tens of megabytes and a lookup allocates nothing. The digests are
 * HMAC output, uniformly random, so the first word indexes the table directly.
 */
export class KeyedDigestTable {
  readonly #mask: number;
  readonly #keys: Int32Array;
  /** 0 marks an empty slot; stored values are offset by one. */
  readonly #values: Uint32Array;
  #size = 0;

  constructor(expectedEntries: number) {
    let capacity = 16;
    while (capacity * 0.7 < expectedEntries) capacity *= 2;
    this.#mask = capacity - 1;
    this.#keys = new Int32Array(capacity * 2);
    this.#values = new Uint32Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  get capacity(): number {
    return this.#values.length;
  }

  /** Stores `update(previous)` under the digest; `previous` is -1 when the digest is new. */
  upsert(word0: number, word1: number, update: (previous: number) => number): void {
    word0 |= 0;
    word1 |= 0;
    let slot = word0 & this.#mask;
    for (;;) {
      const stored = this.#values[slot] as number;
      if (stored === 0) {
        if ((this.#size + 1) > this.#values.length * 0.9) throw new RangeError('KeyedDigestTable is full');
        this.#keys[slot * 2] = word0;
        this.#keys[slot * 2 + 1] = word1;
        this.#values[slot] = update(-1) + 1;
        this.#size++;
        return;
      }
      if (this.#keys[slot * 2] === word0 && this.#keys[slot * 2 + 1] === word1) {
        this.#values[slot] = update(stored - 1) + 1;
        return;
      }
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The value under the digest, or -1. */
  get(word0: number, word1: number): number {
    word0 |= 0;
    word1 |= 0;
    let slot = word0 & this.#mask;
    for (;;) {
      const stored = this.#values[slot] as number;
      if (stored === 0) return -1;
      if (this.#keys[slot * 2] === word0 && this.#keys[slot * 2 + 1] === word1) return stored - 1;
      slot = (slot + 1) & this.#mask;
    }
  }
}
