/** A binary min-heap of (priority, value) pairs, for Dijkstra's frontier. */
export class BinaryMinHeap<T> {
  readonly #priorities: number[] = [];
  readonly #values: T[] = [];

  get size(): number {
    return this.#values.length;
  }

  push(priority: number, value: T): void {
    const p = this.#priorities;
    const v = this.#values;
    let i = v.length;
    p.push(priority);
    v.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((p[parent] as number) <= priority) break;
      p[i] = p[parent] as number;
      v[i] = v[parent] as T;
      i = parent;
    }
    p[i] = priority;
    v[i] = value;
  }

  /** Removes and returns the entry with the smallest priority. */
  pop(): { priority: number; value: T } | undefined {
    const p = this.#priorities;
    const v = this.#values;
    if (v.length === 0) return undefined;
    const top = { priority: p[0] as number, value: v[0] as T };
    const lastPriority = p.pop() as number;
    const lastValue = v.pop() as T;
    const n = v.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && (p[child + 1] as number) < (p[child] as number)) child++;
        if ((p[child] as number) >= lastPriority) break;
        p[i] = p[child] as number;
        v[i] = v[child] as T;
        i = child;
      }
      p[i] = lastPriority;
      v[i] = lastValue;
    }
    return top;
  }
}
