import type { Benchmark } from './benchmark.js';
import { platesBenchmark } from './plates.bench.js';

export const benchmarks: readonly Benchmark[] = [platesBenchmark];
