import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { stackEndpoints } from '../infra/stack/endpoints.js';
import type { RunningService } from '../infra/services/service-processes.js';
import { Queue } from 'bullmq';
import { alertChannel, parseAlertEvent } from '../runtime/alerts/alert-channel.js';
import { regionHitsQueueName } from '../runtime/queues/pipeline-jobs.js';
import { policeKeys } from '../subgraphs/police/police-keys.js';
import { createWantedVehicleStore } from '../subgraphs/police/wanted-vehicle-store.js';
import { numericArgument, round, type Benchmark } from './benchmark.js';
import { freePorts } from './load/free-ports.js';
import { summariseLatencies } from './pipeline/latency.js';
import { batchMaker, listedPlates, postBatch } from './pipeline/read-batches.js';
import {
  benchRedisUrl, claimBenchRedis, demoCameras, pipelineEnvironment, publishBenchHotlist, Redis, removeBenchReads, startEdges, startWorker, stopServices,
} from './pipeline/pipeline-processes.js';

export const alertBenchmark: Benchmark = {
  name: 'alert',
  description: 'edges + graph-writer + alert-delivery + CAD receiver under background reads: hit read 202 → ds:alerts and → CAD delivery',
  needs: ['redis', 'neo4j', 'mosquitto'],
  oneCore: false,
  async run(args) {
    const hits = numericArgument(args, 'hits', 200);
    const spacingMs = numericArgument(args, 'spacing', 100);
    const backgroundPerSec = numericArgument(args, 'background', 1500);
    const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism(), node: process.version };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores (shared by load generator, edges, workers, Redis, Neo4j, MQTT), node ${machine.node}`);
    console.log('measured at a Redis subscriber of ds:alerts and at the CAD receiver (the gateway realtime endpoint is not started)');

    const runId = randomUUID().slice(0, 8);
    const prefix = `bench-alert-${runId}-`;
    const endpoints = stackEndpoints();
    const stateDir = await mkdtemp(join(tmpdir(), 'dongseon-bench-alert-'));
    const redis = new Redis(benchRedisUrl());
    const subscriber = new Redis(benchRedisUrl());
    const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
    const started: RunningService[] = [];
    let claimed = false;
    let stopBackground = false;
    const background: Promise<void>[] = [];
    try {
      await claimBenchRedis(redis);
      claimed = true;
      const cameras = await demoCameras(driver);
      const plates = listedPlates(hits, Date.now() % 1_000_000);
      const wanted = createWantedVehicleStore(redis, policeKeys());
      const nowIso = new Date(Date.now() - 60_000).toISOString();
      const ids = plates.map((_, i) => `${prefix}wv-${i}`);
      for (const [i, plate] of plates.entries()) {
        await wanted.add({
          id: ids[i] as string, kind: 'FULL_PLATE', plate, reason: 'STOLEN', priority: 50, validFrom: nowIso, caseNumber: `BENCH-${runId}`,
          owningAgency: 'bench', createdAt: nowIso, createdBy: 'bench',
        });
      }
      const { header } = await publishBenchHotlist(redis, plates.map((plate, i) => ({ ref: ids[i] as string, plate })));

      const [cadPort] = await freePorts(1);
      const cadUrl = `http://127.0.0.1:${cadPort}`;
      const env = pipelineEnvironment({
        DS_EDGE_STATE_DIR: stateDir, DS_CAD_RECEIVER_PORT: String(cadPort), DS_CAD_WEBHOOK_URL: `${cadUrl}/112/alerts`,
      });
      await startWorker('cad-receiver', 'infra/cad-receiver/main.ts', env, started, `${cadUrl}/deliveries`);
      await startWorker('alert-delivery', 'workers/alert-delivery/main.ts', env, started);
      await startWorker('graph-writer', 'workers/graph-writer/main.ts', env, started);
      const edges = await startEdges(env, header.version, started);
      console.log(`pipeline up: ${edges.length} edges, graph-writer, alert-delivery, CAD receiver at ${cadUrl}`);

      const alertAt = new Map<string, number>();
      subscriber.on('message', (_channel: string, message: string) => {
        const alert = parseAlertEvent(message);
        if (alert) alertAt.set(alert.wantedVehicleId, performance.timeOrigin + performance.now());
      });
      await subscriber.subscribe(alertChannel);

      const maker = batchMaker(prefix, [], new Set(plates), 3);
      const batchReads = 100;
      const perEdgeIntervalMs = (1000 * batchReads * edges.length) / backgroundPerSec;
      let backgroundReads = 0;
      for (const edge of edges) {
        background.push((async () => {
          while (!stopBackground) {
            const began = performance.now();
            backgroundReads += (await postBatch(edge.url, maker.batch(batchReads, cameras[edge.municipality], 0))).accepted;
            await sleep(Math.max(0, perEdgeIntervalMs - (performance.now() - began)));
          }
        })());
      }
      await sleep(3000);
      console.log(`background: ~${backgroundPerSec} non-hit reads/s in batches of ${batchReads}; sending ${hits} hits ${spacingMs} ms apart`);

      const sentAt = new Map<string, number>();
      const sends: Promise<void>[] = [];
      for (const [i, plate] of plates.entries()) {
        const edge = edges[i % edges.length] as (typeof edges)[number];
        const read = maker.read(plate, cameras[edge.municipality][i % cameras[edge.municipality].length] as string);
        sends.push(postBatch(edge.url, [read]).then((outcome) => { sentAt.set(ids[i] as string, outcome.acceptedAtMs); }));
        await sleep(spacingMs);
      }
      await Promise.all(sends);
      const waitUntil = Date.now() + 30_000;
      let deliveries: { body?: { wantedVehicleId?: string }; receivedAt: string }[] = [];
      for (;;) {
        deliveries = await (await fetch(`${cadUrl}/deliveries`)).json() as typeof deliveries;
        const cadDone = deliveries.filter((d) => d.body?.wantedVehicleId?.startsWith(prefix)).length >= hits;
        if ((cadDone && alertAt.size >= hits) || Date.now() > waitUntil) break;
        await sleep(500);
      }
      stopBackground = true;
      await Promise.all(background);

      const cadAt = new Map<string, number>();
      for (const delivery of deliveries) {
        const id = delivery.body?.wantedVehicleId;
        if (id !== undefined && !cadAt.has(id)) cadAt.set(id, Date.parse(delivery.receivedAt));
      }
      const toAlert: number[] = [];
      const toCad: number[] = [];
      for (const [id, sent] of sentAt) {
        const alerted = alertAt.get(id);
        const delivered = cadAt.get(id);
        if (alerted !== undefined) toAlert.push(alerted - sent);
        if (delivered !== undefined) toCad.push(delivered - sent);
      }
      const alert = summariseLatencies(toAlert);
      const cad = summariseLatencies(toCad);
      const stages = await hitStageLatencies(redis, sentAt, alertAt);
      for (const [stage, latency] of Object.entries(stages)) {
        console.log(`  stage ${stage}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);
      }
      console.log(`202 → ds:alerts: ${toAlert.length} of ${hits} alerts, p50 ${alert.p50.toFixed(1)} ms, p99 ${alert.p99.toFixed(1)} ms, max ${alert.max.toFixed(1)} ms`);
      console.log(`202 → CAD receiver: ${toCad.length} of ${hits} deliveries, p50 ${cad.p50.toFixed(1)} ms, p99 ${cad.p99.toFixed(1)} ms, max ${cad.max.toFixed(1)} ms`);
      console.log(`background reads accepted: ${backgroundReads.toLocaleString()}`);
      return {
        p50Ms: round(alert.p50, 1), p99Ms: round(alert.p99, 1), maxMs: round(alert.max, 1),
        cadP50Ms: round(cad.p50, 1), cadP99Ms: round(cad.p99, 1), cadMaxMs: round(cad.max, 1),
        stages: Object.fromEntries(Object.entries(stages).map(([stage, l]) => [stage, { p50Ms: round(l.p50, 1), p99Ms: round(l.p99, 1) }])),
        hits, alerts: toAlert.length, cadDeliveries: toCad.length, spacingMs, backgroundReadsPerSec: backgroundPerSec, backgroundReads,
        measuredAt: 'redis ds:alerts subscriber and CAD receiver (no gateway realtime)', machine,
      };
    } finally {
      stopBackground = true;
      await Promise.allSettled(background);
      await stopServices(started);
      await removeBenchReads(driver, prefix).catch((error: unknown) => console.error('removing bench reads failed:', error));
      if (claimed) await redis.flushdb();
      subscriber.disconnect();
      redis.disconnect();
      await driver.close();
      await rm(stateDir, { recursive: true, force: true });
    }
  },
};

/**
 * Where an alert's time goes, from the region hits queue's job times: the edge (HTTP accept → hit job added), the
 * queue wait (added → taken by the graph writer) and the graph writer up to the alert on the channel.
 */
async function hitStageLatencies(redis: Redis, sentAt: ReadonlyMap<string, number>, alertAt: ReadonlyMap<string, number>) {
  const queue = new Queue(regionHitsQueueName, { connection: redis.duplicate() });
  try {
    const edge: number[] = [];
    const wait: number[] = [];
    const writer: number[] = [];
    for (const job of await queue.getJobs(['completed'])) {
      const hits = (job.data as { hits?: { wantedVehicleId: string }[] }).hits ?? [];
      for (const hit of hits) {
        const sent = sentAt.get(hit.wantedVehicleId);
        const alerted = alertAt.get(hit.wantedVehicleId);
        if (sent === undefined || job.processedOn === undefined) continue;
        edge.push(job.timestamp - sent);
        wait.push(job.processedOn - job.timestamp);
        if (alerted !== undefined) writer.push(alerted - job.processedOn);
      }
    }
    return { edge: summariseLatencies(edge), queueWait: summariseLatencies(wait), graphWriterToAlert: summariseLatencies(writer) };
  } finally {
    await queue.close();
  }
}
