import type { StreetNetwork } from './street-network.js';

/** Learned turn counts: `counts[fromEdge][toEdge]`, soft (routes reconstructed with probabilities add fractions). */
export interface TurnCountsFile {
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Pseudo-turns spread evenly over an edge's allowed turns: where drivers were seldom seen, every turn is as likely. */
  readonly priorWeight: number;
}

/** P(next edge | edge) for every allowed turn, aligned with `network.successors`. */
export interface TurnPreferences {
  readonly probabilities: readonly Float64Array[];
  readonly logProbabilities: readonly Float64Array[];
  /** How many (soft) vehicles each edge's turn estimate rests on. */
  readonly observed: Float64Array;
}

export function turnPreferencesOf(network: StreetNetwork, file: TurnCountsFile): TurnPreferences {
  const observed = new Float64Array(network.edges.length);
  const probabilities = network.edges.map((edge, from) => {
    const next = network.successors[from] ?? [];
    const counts = file.counts[edge.id] ?? {};
    const row = next.map((to) => counts[network.edges[to]?.id as string] ?? 0);
    const total = row.reduce((sum, count) => sum + count, 0);
    observed[from] = total;
    return Float64Array.from(row, (count) => (count + file.priorWeight / next.length) / (total + file.priorWeight));
  });
  return { probabilities, logProbabilities: probabilities.map((row) => row.map(Math.log)), observed };
}

/** Log-probability of the turns along a path (its first edge is given, not chosen). */
export function pathTurnLogProbability(network: StreetNetwork, turns: TurnPreferences, edges: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < edges.length; i++) {
    const from = edges[i - 1] as number;
    const at = network.successors[from]?.indexOf(edges[i] as number) ?? -1;
    total += at < 0 ? -Infinity : (turns.logProbabilities[from]?.[at] as number);
  }
  return total;
}

/** Adds a path's turns, weighted by its probability, to mutable counts keyed by edge id. */
export function countTurns(network: StreetNetwork, counts: Record<string, Record<string, number>>, edges: readonly number[], weight: number): void {
  for (let i = 1; i < edges.length; i++) {
    const from = network.edges[edges[i - 1] as number]?.id as string;
    const to = network.edges[edges[i] as number]?.id as string;
    const row = (counts[from] ??= {});
    row[to] = (row[to] ?? 0) + weight;
  }
}
