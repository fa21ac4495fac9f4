import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { edgeReadStoreFile, openEdgeReadStore } from '../../edge/store/edge-read-store.js';
import { readAlertLog, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { edgeReadsQueueName, edgeStoreQueueName, regionHitsQueueName, regionSightingsQueueName } from '../../runtime/queues/pipeline-jobs.js';
import { deadLetterQueueName, queueNames } from '../../runtime/queues/queue-names.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import type { PipelineLedger, PipelineOutcome } from './exactly-once.js';
import type { ReliabilityPipeline } from './reliability-pipeline.js';

/**
 * Every alert raised, in order, read from the durable alert log (the channel itself only reaches subscribers that
 * are connected at that moment, and a Redis restart leaves a gap); keeps reading across restarts.
 */
export interface AlertChannelRecorder {
  readonly alerts: AlertEvent[];
  /** Resolves once the log has been read (again, after a restart) since this call. */
  subscribed(): Promise<void>;
  close(): void;
}

export async function recordAlertChannel(redisUrl: string): Promise<AlertChannelRecorder> {
  const reader = new Redis(redisUrl, { retryStrategy: () => 50, maxRetriesPerRequest: 1 });
  reader.on('error', () => undefined);
  const alerts: AlertEvent[] = [];
  let lastId = '0';
  let reads = 0;
  let closed = false;
  const poll = async (): Promise<void> => {
    while (!closed) {
      try {
        const next = await readAlertLog(reader, lastId);
        alerts.push(...next.alerts);
        lastId = next.lastId;
        reads++;
        if (next.alerts.length === 0) await sleep(50);
      } catch {
        await sleep(50);
      }
    }
  };
  void poll();
  const readAgain = async (): Promise<void> => {
    const from = reads;
    while (reads < from + 2) await sleep(20);
  };
  await readAgain();
  return {
    alerts,
    subscribed: readAgain,
    close: () => {
      closed = true;
      reader.disconnect();
    },
  };
}

interface CadDelivery {
  readonly deliveryId: string;
  readonly body: AlertEvent;
}

export interface PipelineObserver {
  /** What the pipeline did with everything in `ledger`. */
  observe(ledger: PipelineLedger): Promise<PipelineOutcome>;
  /**
   * Waits until every acknowledged read is stored, every pass delivered to CAD and no job is left to run (or
   * `timeoutMs` passes), then a quiet moment more for anything that would arrive twice.
   */
  settle(ledger: PipelineLedger, timeoutMs: number): Promise<void>;
  /** The state of one job (`active`, `completed`…), `unknown` when there is none. */
  jobState(queueName: string, jobId: string): Promise<string>;
  activeJobs(queueName: string): Promise<number>;
  close(): Promise<void>;
}

export async function observePipeline(pipeline: ReliabilityPipeline, channel: AlertChannelRecorder): Promise<PipelineObserver> {
  const connection = await connectQueueRedis(pipeline.servers.redisUrl);
  const queues = [
    ...pipeline.edges.flatMap((edge) => [edgeReadsQueueName(edge.municipality), edgeStoreQueueName(edge.municipality)]), regionHitsQueueName, regionSightingsQueueName,
    queueNames.alertDelivery,
  ]
    .map((name) => ({ name, queue: new Queue(name, { connection }), dead: new Queue(deadLetterQueueName(name), { connection }) }));
  const queueNamed = (name: string): Queue => {
    const found = queues.find((queue) => queue.name === name);
    if (found === undefined) throw new Error(`no queue ${name} in this pipeline`);
    return found.queue;
  };
  const hits = createHitStore(pipeline.redis, policeKeys());
  const driver: Driver = pipeline.neo4j;

  // Each edge keeps its reads in its own store; a read id is its store's key, so each is there once or not at all.
  const storedReads = async (readIds: readonly string[]): Promise<Map<string, number>> => {
    const stored = new Map<string, number>();
    for (const edge of pipeline.edges) {
      const file = edgeReadStoreFile(pipeline.edgeStateDir, edge.municipality);
      if (!existsSync(file)) continue;
      const store = openEdgeReadStore({ file, municipalityId: edge.municipality, existing: true });
      try {
        for (const { readId } of await store.storedReads(readIds)) stored.set(readId, (stored.get(readId) ?? 0) + 1);
      } finally {
        store.close();
      }
    }
    return stored;
  };
  const cadDeliveries = async (): Promise<CadDelivery[]> => (await (await fetch(`${pipeline.cadUrl}/deliveries`)).json()) as CadDelivery[];
  const jobsLeft = async (): Promise<{ pending: number; unfinished: string[] }> => {
    let pending = 0;
    const unfinished: string[] = [];
    for (const { name, queue, dead } of queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      const open = (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0);
      pending += open;
      const deadLetters = (await dead.getJobCounts('waiting')).waiting ?? 0;
      if (open > 0) unfinished.push(`${name}: ${open} jobs not done`);
      if ((counts.failed ?? 0) > 0) unfinished.push(`${name}: ${counts.failed} jobs failed`);
      if (deadLetters > 0) unfinished.push(`${name}: ${deadLetters} dead letters`);
    }
    return { pending, unfinished };
  };

  return {
    async observe(ledger) {
      const wantedVehicleIds = [...new Set(ledger.passes.map((pass) => pass.wantedVehicleId))];
      const policeHits = (await Promise.all(wantedVehicleIds.map((id) => hits.ofWantedVehicle(id)))).flat();
      const { records } = await driver.executeQuery(
        'MATCH (v:Vehicle)-[:SIGHTED]->(s:Sighting)-[:AT]->(c:Camera) RETURN s.id AS id, v.id AS wantedVehicleId, c.id AS cameraId', {}, { routing: 'READ' },
      );
      return {
        storedReads: await storedReads([...ledger.acknowledged.keys()]),
        policeHits: policeHits.map(({ id, wantedVehicleId, cameraId, status }) => ({ id, wantedVehicleId, cameraId, status })),
        sightings: records.map((record) => ({
          id: record.get('id') as string, wantedVehicleId: record.get('wantedVehicleId') as string, cameraId: record.get('cameraId') as string,
        })),
        channelAlerts: [...channel.alerts],
        cadDeliveries: (await cadDeliveries()).map(({ deliveryId, body }) => ({ deliveryId, id: body.id, wantedVehicleId: body.wantedVehicleId, cameraId: body.cameraId })),
        unfinishedJobs: (await jobsLeft()).unfinished,
      };
    },
    async settle(ledger, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      const passKeys = new Set(ledger.passes.map((pass) => `${pass.wantedVehicleId}@${pass.cameraId}`));
      while (Date.now() < deadline) {
        try {
          const stored = await storedReads([...ledger.acknowledged.keys()]);
          const delivered = new Set((await cadDeliveries()).map(({ body }) => `${body.wantedVehicleId}@${body.cameraId}`));
          const done = stored.size === ledger.acknowledged.size && [...passKeys].every((key) => delivered.has(key)) && (await jobsLeft()).pending === 0;
          if (done) break;
        } catch {
          // a server on its way back: ask again
        }
        await sleep(500);
      }
      await sleep(2_000);
    },
    async jobState(queueName, jobId) {
      return (await queueNamed(queueName).getJobState(jobId));
    },
    async activeJobs(queueName) {
      return (await queueNamed(queueName).getJobCounts('active')).active ?? 0;
    },
    async close() {
      await Promise.all(queues.flatMap(({ queue, dead }) => [queue.close(), dead.close()]));
      connection.disconnect();
    },
  };
}
