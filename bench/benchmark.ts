import type { ServerName } from '../infra/stack/server.js';

/** What every benchmark under bench/ declares; the runner starts what it needs and prints its figures. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** Servers of the local stack the benchmark talks to; the runner starts them and stops what it started. */
  readonly needs: readonly ServerName[];
  /** Run the measuring process on one CPU (taskset) so "per core" figures mean what they say. */
  readonly oneCore: boolean;
  /**
   * The options `--quick` stands for: tiny sizes and seconds, through the same code, so `npm test` can run every
   * benchmark and a benchmark that rots fails CI. Options given on the command line win over these.
   */
  readonly quickArgs: readonly string[];
  /** Prints human-readable figures as it goes; returns the figures for the closing JSON line. */
  run(args: readonly string[]): Promise<Record<string, unknown>>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function numericArgument(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
  return value;
}

export const round = (value: number, digits = 0): number => Number(value.toFixed(digits));
