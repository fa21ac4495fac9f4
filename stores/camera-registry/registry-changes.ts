export interface RegistryChanges<Entry> {
  readonly created: readonly Entry[];
  readonly updated: readonly Entry[];
  readonly unchanged: readonly Entry[];
}

export interface RegistryCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * Sorts incoming entries by what writing them would do, so that re-importing the same file changes nothing —
 * not even the registry revision.
 */
export function registryChanges<Entry extends { readonly id: string }>(
  existing: ReadonlyMap<string, Entry>, incoming: readonly Entry[], same: (a: Entry, b: Entry) => boolean,
): RegistryChanges<Entry> {
  const created: Entry[] = [];
  const updated: Entry[] = [];
  const unchanged: Entry[] = [];
  for (const entry of incoming) {
    const current = existing.get(entry.id);
    if (current === undefined) created.push(entry);
    else if (same(current, entry)) unchanged.push(entry);
    else updated.push(entry);
  }
  return { created, updated, unchanged };
}

export const countsOf = <Entry>(changes: RegistryChanges<Entry>): RegistryCounts => ({
  created: changes.created.length, updated: changes.updated.length, unchanged: changes.unchanged.length,
});
