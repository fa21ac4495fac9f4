import { alertBenchmark } from './alert.bench.js';
import type { Benchmark } from './benchmark.js';
import { consoleBenchmark } from './console.bench.js';
import { gatewayBenchmark } from './gateway.bench.js';
import { ingestBenchmark } from './ingest.bench.js';
import { platesBenchmark } from './plates.bench.js';
import { recognizeBenchmark } from './recognize.bench.js';
import { trackingBenchmark } from './tracking.bench.js';

export const benchmarks: readonly Benchmark[] = [platesBenchmark, gatewayBenchmark, ingestBenchmark, alertBenchmark, trackingBenchmark, recognizeBenchmark, consoleBenchmark];
