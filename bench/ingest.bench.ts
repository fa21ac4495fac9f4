import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import type { RunningService } from '../infra/services/service-processes.js';
import { numericArgument, round, type Benchmark } from './benchmark.js';
import { batchMaker, listedPlates, postBatch } from './pipeline/read-batches.js';
import {
  countEdgeReads, openPipelineBench, pipelineEnvironment, publishBenchHotlist, serviceRssMb, startEdges,
} from './pipeline/pipeline-processes.js';
import { createCleanup } from './cleanup.js';

const sumRss = async (edges: readonly { running: RunningService }[]) => (await Promise.all(edges.map((e) => serviceRssMb(e.running)))).reduce((a, b) => a + b, 0);

export const ingestBenchmark: Benchmark = {
  name: 'ingest',
  description: 'three edge processes with a 1M-plate hotlist: HTTP batches offered at --rate reads/s (default 12,000, above the 10,000/s target so that a store that only just keeps up shows as lag; 0 = as fast as accepted) through matching to the edge store, stored reads/s, lag every 10 s, and RSS',
  needs: ['redis', 'neo4j', 'mosquitto'],
  oneCore: false,
  quickArgs: ['--seconds', '3', '--hotlist', '2000', '--batch', '100', '--concurrency', '1', '--rate', '1000', '--drain', '10'],
  async run(args) {
    const seconds = numericArgument(args, 'seconds', 60);
    const hotlistSize = numericArgument(args, 'hotlist', 1_000_000);
    const batchSize = numericArgument(args, 'batch', 500);
    const concurrency = numericArgument(args, 'concurrency', 4);
    const drainSeconds = numericArgument(args, 'drain', 60);
    // Offered reads/s across the three edges, paced open-loop; 0 posts as fast as the edges answer.
    const offeredRate = numericArgument(args, 'rate', 12_000);
    const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism(), node: process.version };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores (shared by load generator, 3 edges, Redis, Neo4j, MQTT), node ${machine.node}`);

    const runId = randomUUID().slice(0, 8);
    const prefix = `bench-ingest-${runId}-`;
    // Undone in reverse: the edges stop, then their reads and the Redis database go, then the clients close.
    const cleanup = createCleanup();
    try {
      const { stateDir, redisUrl, redis, started, cameras, credentials } = await openPipelineBench('ingest', prefix, cleanup);
      let t = Date.now();
      const listed = listedPlates(hotlistSize, 1);
      const { header, bytes } = await publishBenchHotlist(redis, listed.map((plate, i) => ({ ref: `bench-wv-${i}`, plate })));
      console.log(`hotlist: ${hotlistSize.toLocaleString()} plates published as version ${header.version} (${(bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      t = Date.now();
      const edges = await startEdges(pipelineEnvironment(redisUrl, { DS_EDGE_STATE_DIR: stateDir }), header.version, started);
      console.log(`edges up with the hotlist loaded in ${((Date.now() - t) / 1000).toFixed(1)} s: ${edges.map((e) => `${e.municipality} ${e.url}`).join(', ')}`);
      const rssMbStart = await sumRss(edges);

      const maker = batchMaker(prefix, listed, new Set(listed), 2);
      // Warm-up batch per edge, not counted.
      for (const edge of edges) await postBatch(edge.url, maker.batch(10, cameras[edge.municipality], 0.01), credentials);
      const warmup = edges.length * 10;
      let accepted = 0;
      const start = performance.now();
      const endAt = start + seconds * 1000;
      let batches = 0;
      const loops = edges.length * concurrency;
      // Each loop posts its k-th batch no earlier than start + k·period, so together they offer `offeredRate`.
      const periodMs = offeredRate > 0 ? (batchSize * loops * 1000) / offeredRate : 0;
      const loop = async (edge: (typeof edges)[number], index: number): Promise<void> => {
        for (let k = 0; performance.now() < endAt; k++) {
          const due = start + (k + index / loops) * periodMs;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          if (performance.now() >= endAt) break;
          const outcome = await postBatch(edge.url, maker.batch(batchSize, cameras[edge.municipality], 0.01), credentials);
          accepted += outcome.accepted;
          batches++;
        }
      };
      const rssMbSamples: number[] = [];
      // Accepted minus stored at each sample: a store that keeps up holds this flat; one that does not, growing.
      const lagSamples: number[] = [];
      const progress = setInterval(() => {
        const acceptedNow = accepted;
        void Promise.all([countEdgeReads(stateDir), sumRss(edges)]).then(([stored, rss]) => {
          rssMbSamples.push(Math.round(rss));
          lagSamples.push(Math.max(0, acceptedNow - Math.max(0, stored - warmup)));
          console.log(`  ${((performance.now() - start) / 1000).toFixed(0)} s: ${accepted.toLocaleString()} accepted, ${Math.max(0, stored - warmup).toLocaleString()} stored, edge RSS ${rss.toFixed(0)} MB`);
        }).catch((error: unknown) => console.error('progress count failed:', error));
      }, 10_000);
      try {
        await Promise.all(edges.flatMap((edge, e) => Array.from({ length: concurrency }, (_, c) => loop(edge, e * concurrency + c))));
      } finally {
        clearInterval(progress);
      }
      const durationS = (performance.now() - start) / 1000;
      const storedAtEnd = Math.max(0, (await countEdgeReads(stateDir)) - warmup);
      const rssMbEnd = await sumRss(edges);
      const acceptedPerSec = accepted / durationS;
      const readsPerSec = storedAtEnd / durationS;
      console.log(`window ${durationS.toFixed(1)} s: ${accepted.toLocaleString()} accepted (${Math.round(acceptedPerSec).toLocaleString()}/s) in ${batches} batches; ` +
        `${storedAtEnd.toLocaleString()} in the edge stores at the end (${Math.round(readsPerSec).toLocaleString()}/s); lag ${(accepted - storedAtEnd).toLocaleString()} reads`);
      const drainStart = performance.now();
      let stored = storedAtEnd;
      while (stored < accepted && performance.now() - drainStart < drainSeconds * 1000) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        stored = Math.max(0, (await countEdgeReads(stateDir)) - warmup);
      }
      const drainS = (performance.now() - drainStart) / 1000;
      console.log(`drain: ${stored.toLocaleString()} of ${accepted.toLocaleString()} stored ${drainS.toFixed(1)} s after the load stopped; ` +
        `sustained accept→store ${Math.round(stored / (durationS + drainS)).toLocaleString()}/s; edge RSS ${rssMbStart.toFixed(0)} → ${rssMbEnd.toFixed(0)} MB`);
      return {
        readsPerSec: Math.round(readsPerSec),
        acceptedPerSec: Math.round(acceptedPerSec),
        durationS: round(durationS, 1),
        accepted,
        storedAtEnd,
        lagReads: accepted - storedAtEnd,
        storedAfterDrain: stored,
        drainS: round(drainS, 1),
        rssMbStart: round(rssMbStart, 0),
        rssMbEnd: round(rssMbEnd, 0),
        rssMbSamples,
        lagSamples,
        offeredRate,
        edges: edges.length,
        hotlistSize,
        batchSize,
        concurrencyPerEdge: concurrency,
        machine,
      };
    } finally {
      await cleanup.run();
    }
  },
};
