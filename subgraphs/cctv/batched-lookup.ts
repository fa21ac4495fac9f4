export type Lookup<Value> = (id: string) => Promise<Value | undefined>;

/**
 * Looks values up by id, one store round trip for all ids asked within the same tick (e.g. every representation
 * of one `_entities` call), each id at most once. Make one per request, so nothing is cached across requests.
 */
export function createBatchedLookup<Value>(loadMany: (ids: readonly string[]) => Promise<ReadonlyMap<string, Value>>): Lookup<Value> {
  const answers = new Map<string, Promise<Value | undefined>>();
  let batch: { ids: string[]; loaded: Promise<ReadonlyMap<string, Value>> } | undefined;
  return (id) => {
    const known = answers.get(id);
    if (known) return known;
    if (!batch) {
      const ids: string[] = [];
      batch = {
        ids,
        loaded: Promise.resolve().then(() => {
          batch = undefined;
          return loadMany(ids);
        }),
      };
    }
    batch.ids.push(id);
    const answer = batch.loaded.then((values) => values.get(id));
    answers.set(id, answer);
    return answer;
  };
}
