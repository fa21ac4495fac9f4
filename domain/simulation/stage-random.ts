import { seededRandom, type RandomSource } from '../plates/index.js';

/** FNV-1a over a string: a stable 32-bit hash for deriving seeds, never for anything secret. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A random source of its own for one stage or one item of the build (`stageRandom(seed, 'cameras')`,
 * `stageRandom(seed, 'pass', vehicleId, '3')`), so a change in one stage, or one vehicle, does not shift what
 * every other one draws: a scenario stays reproducible piece by piece, not only as a whole.
 */
export function stageRandom(seed: number, ...labels: readonly string[]): RandomSource {
  return seededRandom(stableHash(`${seed >>> 0}/${labels.join('/')}`));
}

/** A uniform number in [from, to). */
export const uniform = (random: RandomSource, from: number, to: number): number => from + random() * (to - from);

/** Approximately normal (Irwin–Hall of four uniforms), mean 0 and the given standard deviation, clipped to ±3σ. */
export function roughlyNormal(random: RandomSource, standardDeviation: number): number {
  const sum = random() + random() + random() + random() - 2;
  const z = sum * Math.sqrt(3);
  return Math.max(-3, Math.min(3, z)) * standardDeviation;
}

/** Fisher–Yates, in place on a copy. */
export function shuffled<T>(random: RandomSource, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Draws a key by weight. */
export function weightedChoice<K extends string>(random: RandomSource, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}
