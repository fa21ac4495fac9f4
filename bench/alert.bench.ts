import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { confusionMisreads } from '../domain/plates/confusion-variants.js';
import { freePorts } from '../infra/stack/ports.js';
import { Queue } from 'bullmq';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { openAlertFeed } from '../gateway/realtime/alert-feed.js';
import { realtimePath, startRealtimeServer } from '../gateway/realtime/realtime-server.js';
import { openAuditLog } from '../runtime/audit/open-audit-log.js';
import { importAccessTokenPublicKey } from '../runtime/identity/access-token.js';
import { createDevIdentityProvider, generateDevKeyPair } from '../runtime/identity/dev-identity-provider.js';
import { sampleUsers } from '../runtime/identity/sample-users.js';
import { alertChannel, parseAlertEvent } from '../runtime/alerts/alert-channel.js';
import { regionHitsQueueName } from '../runtime/queues/pipeline-jobs.js';
import { policeKeys } from '../stores/police/police-keys.js';
import { createWantedVehicleStore } from '../stores/police/wanted-vehicle-store.js';
import { numericArgument, round, type Benchmark } from './benchmark.js';
import { summariseLatencies } from './pipeline/latency.js';
import { batchMaker, listedPlates, postBatch } from './pipeline/read-batches.js';
import {
  openPipelineBench, pipelineEnvironment, publishBenchHotlist, Redis, startEdges, startWorker,
} from './pipeline/pipeline-processes.js';
import { createCleanup } from './cleanup.js';

export const alertBenchmark: Benchmark = {
  name: 'alert',
  description: 'edges + graph-writer + alert-delivery + CAD receiver under background reads: hit read 202 → ds:alerts and → CAD delivery',
  needs: ['redis', 'neo4j', 'mosquitto'],
  oneCore: false,
  quickArgs: ['--hits', '10', '--spacing', '50', '--background', '500', '--background-batch', '50'],
  async run(args) {
    const hits = numericArgument(args, 'hits', 200);
    const spacingMs = numericArgument(args, 'spacing', 100);
    const backgroundPerSec = numericArgument(args, 'background', 10_000);
    const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: availableParallelism(), node: process.version };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores (shared by load generator, edges, workers, Redis, Neo4j, MQTT), node ${machine.node}`);
    console.log('measured at a graphql-ws subscriber of the gateway\'s real-time endpoint (in the bench process), at a Redis subscriber of ds:alerts and at the CAD receiver');

    const runId = randomUUID().slice(0, 8);
    const prefix = `bench-alert-${runId}-`;
    let stopBackground = false;
    const background: Promise<void>[] = [];
    // Undone in reverse: the load stops, the real-time endpoint and the processes stop, then their data goes and
    // the clients close, all before the runner may stop servers it started.
    const cleanup = createCleanup();
    try {
      const { stateDir, redisUrl, redis, started, cameras, credentials } = await openPipelineBench('alert', prefix, cleanup);
      const subscriber = new Redis(redisUrl);
      cleanup.defer('closing the alert subscriber', () => subscriber.quit());
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
      const env = pipelineEnvironment(redisUrl, {
        DS_EDGE_STATE_DIR: stateDir, DS_CAD_RECEIVER_PORT: String(cadPort), DS_CAD_WEBHOOK_URL: `${cadUrl}/112/alerts`,
      });
      await startWorker('cad-receiver', 'infra/cad-receiver/main.ts', env, started, `${cadUrl}/deliveries`);
      await startWorker('alert-delivery', 'workers/alert-delivery/main.ts', env, started);
      await startWorker('graph-writer', 'workers/graph-writer/main.ts', env, started);
      const edges = await startEdges(env, header.version, started);
      console.log(`pipeline up: ${edges.length} edges, graph-writer, alert-delivery, CAD receiver at ${cadUrl}`);

      const alertAt = new Map<string, number>();
      const channelDuplicates: string[] = [];
      const firstAlertId = new Map<string, string>();
      subscriber.on('message', (_channel: string, message: string) => {
        const alert = parseAlertEvent(message);
        if (!alert) return;
        // The first arrival counts; a second alert for one sent hit is a duplicate, reported as such.
        const first = firstAlertId.get(alert.wantedVehicleId);
        if (first === undefined) {
          firstAlertId.set(alert.wantedVehicleId, alert.id);
          alertAt.set(alert.wantedVehicleId, performance.timeOrigin + performance.now());
        } else {
          channelDuplicates.push(first === alert.id ? `${alert.id} again` : `${alert.id} after ${first}`);
        }
      });
      await subscriber.subscribe(alertChannel);

      // The gateway's real-time endpoint, served in this process over its own Redis subscription, and an officer's
      // graphql-ws subscription to it.
      const keys = await generateDevKeyPair();
      const identity = await createDevIdentityProvider(keys);
      const feedRedis = new Redis(redisUrl);
      cleanup.defer('closing the alert feed\'s Redis client', () => feedRedis.quit());
      const feed = await openAlertFeed(feedRedis);
      cleanup.defer('closing the alert feed', () => feed.close());
      const realtimeAudit = await openAuditLog({ dir: join(stateDir, 'realtime-audit'), rotateBytes: 64 * 1024 * 1024 });
      cleanup.defer('closing the real-time audit log', () => realtimeAudit.close());
      const realtime = await startRealtimeServer({ publicKey: await importAccessTokenPublicKey(keys.publicJwk), feed, audit: realtimeAudit }, { host: '127.0.0.1', port: 0 });
      cleanup.defer('closing the real-time endpoint', () => realtime.close());
      const wsClient = createClient({
        url: `${realtime.origin.replace(/^http/, 'ws')}${realtimePath}`, webSocketImpl: WebSocket, retryAttempts: 0,
        connectionParams: { authorization: `Bearer ${await identity.mintToken(sampleUsers['police-officer'])}`, purpose: '수배차량 실시간 추적', caseNumber: `BENCH-${runId}` },
      });
      cleanup.defer('closing the graphql-ws client', () => wsClient.dispose());
      const streamedAt = new Map<string, number>();
      wsClient.subscribe({ query: 'subscription { alertRaised { id wantedVehicleId } }' }, {
        next: (result) => {
          const raised = (result.data as { alertRaised?: { wantedVehicleId: string } } | null | undefined)?.alertRaised;
          if (raised && !streamedAt.has(raised.wantedVehicleId)) streamedAt.set(raised.wantedVehicleId, performance.timeOrigin + performance.now());
        },
        error: (error) => console.error('graphql-ws subscription failed:', error),
        complete: () => undefined,
      });
      for (let waited = 0; feed.subscriberCount < 1; waited += 50) {
        if (waited > 10_000) throw new Error('the graphql-ws subscription did not start');
        await sleep(50);
      }

      // Background plates avoid the listed plates and every misread of them: a background read that is a possible
      // hit would raise an alert of its own for a listed vehicle and spoil that vehicle's latency.
      const maker = batchMaker(prefix, [], new Set(plates.flatMap((plate) => [plate, ...confusionMisreads(plate).map((misread) => misread.read)])), 3);
      const batchReads = numericArgument(args, 'background-batch', 500);
      const perEdgeIntervalMs = (1000 * batchReads * edges.length) / backgroundPerSec;
      let backgroundReads = 0;
      for (const edge of edges) {
        background.push((async () => {
          while (!stopBackground) {
            const began = performance.now();
            backgroundReads += (await postBatch(edge.url, maker.batch(batchReads, cameras[edge.municipality], 0), credentials)).accepted;
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
        sends.push(postBatch(edge.url, [read], credentials).then((outcome) => { sentAt.set(ids[i] as string, outcome.acceptedAtMs); }));
        await sleep(spacingMs);
      }
      await Promise.all(sends);
      const waitUntil = Date.now() + 30_000;
      let deliveries: { body?: { wantedVehicleId?: string }; receivedAt: string }[] = [];
      for (;;) {
        deliveries = await (await fetch(`${cadUrl}/deliveries`)).json() as typeof deliveries;
        const cadDone = deliveries.filter((d) => d.body?.wantedVehicleId?.startsWith(prefix)).length >= hits;
        if ((cadDone && alertAt.size >= hits && streamedAt.size >= hits) || Date.now() > waitUntil) break;
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
      const toStream: number[] = [];
      const toCad: number[] = [];
      for (const [id, sent] of sentAt) {
        const alerted = alertAt.get(id);
        const streamed = streamedAt.get(id);
        const delivered = cadAt.get(id);
        if (alerted !== undefined) toAlert.push(alerted - sent);
        if (streamed !== undefined) toStream.push(streamed - sent);
        if (delivered !== undefined) toCad.push(delivered - sent);
      }
      const stream = summariseLatencies(toStream);
      const alert = summariseLatencies(toAlert);
      const cad = summariseLatencies(toCad);
      const stages = await hitStageLatencies(redis, sentAt, alertAt);
      for (const [stage, latency] of Object.entries(stages)) {
        console.log(`  stage ${stage}: p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`);
      }
      console.log(`202 → graphql-ws subscriber: ${toStream.length} of ${hits} alerts, p50 ${stream.p50.toFixed(1)} ms, p99 ${stream.p99.toFixed(1)} ms, max ${stream.max.toFixed(1)} ms`);
      console.log(`202 → ds:alerts: ${toAlert.length} of ${hits} alerts, p50 ${alert.p50.toFixed(1)} ms, p99 ${alert.p99.toFixed(1)} ms, max ${alert.max.toFixed(1)} ms`);
      console.log(`202 → CAD receiver: ${toCad.length} of ${hits} deliveries, p50 ${cad.p50.toFixed(1)} ms, p99 ${cad.p99.toFixed(1)} ms, max ${cad.max.toFixed(1)} ms`);
      console.log(`background reads accepted: ${backgroundReads.toLocaleString()}; duplicate alerts on the channel: ${channelDuplicates.length}${channelDuplicates.length > 0 ? ` (${channelDuplicates.slice(0, 5).join(', ')})` : ''}`);
      return {
        p50Ms: round(stream.p50, 1), p99Ms: round(stream.p99, 1), maxMs: round(stream.max, 1), streamed: toStream.length,
        channelP50Ms: round(alert.p50, 1), channelP99Ms: round(alert.p99, 1),
        cadP50Ms: round(cad.p50, 1), cadP99Ms: round(cad.p99, 1), cadMaxMs: round(cad.max, 1),
        stages: Object.fromEntries(Object.entries(stages).map(([stage, l]) => [stage, { p50Ms: round(l.p50, 1), p99Ms: round(l.p99, 1) }])),
        duplicateAlerts: channelDuplicates.length,
        hits, alerts: toAlert.length, cadDeliveries: toCad.length, spacingMs, backgroundReadsPerSec: backgroundPerSec, backgroundReads,
        measuredAt: 'graphql-ws subscriber of the real-time endpoint (p50Ms/p99Ms), ds:alerts Redis subscriber (channel*), CAD receiver (cad*)', machine,
      };
    } finally {
      stopBackground = true;
      await Promise.allSettled(background);
      await cleanup.run();
    }
  },
};

/**
 * Where an alert's time goes, from the region hits queue's job times: the edge (HTTP accept → hit job added), the
 * queue wait (added → taken by the graph writer) and the graph writer up to the alert on the channel.
 */
async function hitStageLatencies(redis: Redis, sentAt: ReadonlyMap<string, number>, alertAt: ReadonlyMap<string, number>) {
  // BullMQ leaves a connection it was given open at close: this one is closed here, or it would retry forever once
  // the stack is down and keep the benchmark from exiting.
  const connection = redis.duplicate();
  const queue = new Queue(regionHitsQueueName, { connection });
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
    await connection.quit();
  }
}
