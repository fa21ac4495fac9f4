import { join, resolve } from 'node:path';
import { inspect } from 'node:util';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import { displayUrl } from '../runtime/endpoints/stack-endpoints.js';
import { openAuditLog } from '../runtime/audit/open-audit-log.js';
import { runProcess } from '../runtime/config.js';
import { hotlistKeyRingOf } from '../runtime/hotlist/hotlist-key-ring-config.js';
import { importHistorySearchKey } from '../runtime/identity/history-search-token.js';
import { createQueue } from '../runtime/queues/create-queue.js';
import { connectQueueRedis } from '../runtime/queues/connect-queue-redis.js';
import { edgeReadsQueueName, type ReadBatchJob } from '../runtime/queues/pipeline-jobs.js';
import { stallRecoveryOf } from '../runtime/queues/stall-recovery.js';
import { connectDurableRedis } from '../runtime/redis/connect-durable-redis.js';
import { logText } from '../runtime/logging/log-text.js';
import { connectNeo4j, neo4jEndpointOf } from '../stores/neo4j/neo4j-connection.js';
import { loadEdgeConfig, readValidationPolicyOf } from './edge-config.js';
import { redisHistorySearchLedger } from './history/history-search-ledger.js';
import { httpEvidence } from './evidence/http-evidence.js';
import { httpHistorySearch } from './history/http-history-search.js';
import { refuseUnknownRoutes, refuseUnroutable } from './http-refusal.js';
import { createEdgeHotlist } from './hotlist/edge-hotlist.js';
import { startEdgeMatcher } from './matcher/edge-matcher-worker.js';
import { openThreadedEdgeReadStore } from './store/threaded-read-store.js';
import { startEdgeStoreWorker } from './store/edge-store-worker.js';
import { scheduleRetention } from './store/retention.js';
import { createCameraHealthStore } from './ingest/camera-health.js';
import { createReadBatchEnqueuer } from './ingest/enqueue-read-batch.js';
import { httpIngest } from './ingest/http-ingest.js';
import { createKnownCameras } from './ingest/known-cameras.js';
import { startMqttIngest } from './ingest/mqtt-ingest.js';
import { edgeBrokerUsername } from '../stores/broker-accounts/broker-accounts.js';
import { defaultImageLimits } from '../recognition/inference/image-input.js';
import { loadPlateModels } from '../recognition/inference/recognize-image.js';
import { edgeFramesQueueName, type FrameJob } from '../runtime/queues/pipeline-jobs.js';
import { createFrameEnqueuer, type FrameEnqueuer } from './frames/enqueue-frame.js';
import { createFrameSpool } from './frames/frame-spool.js';
import { httpFrames } from './frames/http-frames.js';
import { startRecognizeWorker, type RecognizeWorker } from './recognize/recognize-worker.js';

async function main(): Promise<void> {
  const config = loadEdgeConfig();
  const municipalityId = config.DS_EDGE_MUNICIPALITY;
  const policy = readValidationPolicyOf(config);
  // Errors of ingest quote what cameras and clients sent (topics, payloads): escaped and bounded, never raw.
  const logError = (error: unknown) => console.error(`edge ${municipalityId}: ${logText(error instanceof Error ? error.message : typeof error === 'string' ? error : inspect(error), 2_000)}`);

  const driver = connectNeo4j(neo4jEndpointOf(config));
  const knownCameras = createKnownCameras({ driver, municipalityId, refreshMs: config.DS_EDGE_CAMERA_REFRESH_S * 1000, onError: logError });
  await knownCameras.start();

  const queueRedis = await connectQueueRedis(config.REDIS_URL);
  const readsQueue = createQueue<ReadBatchJob>(edgeReadsQueueName(municipalityId), queueRedis);
  const healthRedis = await connectDurableRedis(config.REDIS_URL);
  const health = createCameraHealthStore(healthRedis, municipalityId, config.DS_EDGE_CAMERA_SILENCE_S * 1000);
  const enqueuer = createReadBatchEnqueuer({
    municipalityId, queue: readsQueue, enqueueTimeoutMs: config.DS_EDGE_ENQUEUE_TIMEOUT_MS,
    onEnqueued: (reads) => health.recordReads(reads), onError: logError,
  });

  // The matcher and the edge's own stores start before ingest opens and close after it has stopped taking reads.
  const stateDir = resolve(config.DS_EDGE_STATE_DIR, municipalityId);
  const regionRedis = new Redis(config.DS_EDGE_REGION_REDIS_URL ?? config.REDIS_URL);
  regionRedis.on('error', logError);
  const keyRing = hotlistKeyRingOf(config);
  const hotlist = createEdgeHotlist({
    redis: regionRedis, keyRing, cacheDirectory: join(stateDir, 'hotlist'), onError: logError,
  });
  await hotlist.start();
  // Raw reads stay on the node: an embedded database in its state folder, never on the region's servers.
  const store = await openThreadedEdgeReadStore({ file: join(stateDir, 'reads.sqlite'), municipalityId });
  const auditLog = await openAuditLog({ dir: join(stateDir, 'audit'), rotateBytes: 64 * 1024 * 1024 });
  if (auditLog.tornTail) logError(`audit log: a crash-torn last line was set aside: ${JSON.stringify(auditLog.tornTail)}`);
  const retention = scheduleRetention({ store, auditLog, municipalityId, retentionDays: config.DS_EDGE_RETENTION_DAYS, onError: logError });
  // Two stages: the matcher forwards hits as soon as reads are taken from the reads queue and hands them on to the
  // store queue; the store worker writes them to the read store at its own pace. A hit never waits for storage.
  const storeWorker = await startEdgeStoreWorker({
    municipalityId,
    redisUrl: config.REDIS_URL,
    ...(config.DS_EDGE_REGION_REDIS_URL ? { regionRedisUrl: config.DS_EDGE_REGION_REDIS_URL } : {}),
    store,
    pseudonymSecret: new Uint8Array(Buffer.from(config.DS_EDGE_PSEUDONYM_SECRET, 'base64')),
    aggregateEveryMs: config.DS_EDGE_AGGREGATE_EVERY_S * 1000,
    stallRecovery: stallRecoveryOf(config),
    onError: logError,
  });
  const matcher = await startEdgeMatcher({
    municipalityId,
    redisUrl: config.REDIS_URL,
    ...(config.DS_EDGE_REGION_REDIS_URL ? { regionRedisUrl: config.DS_EDGE_REGION_REDIS_URL } : {}),
    hotlist,
    stallRecovery: stallRecoveryOf(config),
    onError: logError,
  });

  // Frames: spooled and queued by ingest, read by the recognize worker, whose reads join the reads queue above.
  const frameLimits = { ...defaultImageLimits, maxBytes: config.DS_EDGE_FRAME_LIMIT_BYTES, maxPixels: config.DS_EDGE_FRAME_MAX_PIXELS };
  const spool = createFrameSpool(join(stateDir, 'frames'));
  const framesQueue = createQueue<FrameJob>(edgeFramesQueueName(municipalityId), queueRedis);
  let recognizeWorker: RecognizeWorker | undefined;
  let releaseModels = async (): Promise<void> => undefined;
  if (config.DS_EDGE_RECOGNIZE_WORKERS > 0) {
    try {
      const models = await loadPlateModels({ threads: config.DS_EDGE_RECOGNIZE_THREADS });
      releaseModels = models.release;
      recognizeWorker = await startRecognizeWorker({
        municipalityId, redisUrl: config.REDIS_URL, spool, models, store, limits: frameLimits, policy,
        tracking: { gapMs: config.DS_EDGE_PASS_GAP_MS, maxFrames: 12 }, stallRecovery: stallRecoveryOf(config), onError: logError,
      });
    } catch (error) {
      logError(`plate models not loaded, the node takes no frames: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const frameEnqueuer: FrameEnqueuer = recognizeWorker === undefined
    ? { enqueue: async () => ({ kind: 'refused', problem: { code: 'DS_RECOGNITION_UNAVAILABLE', message: 'this node takes no frames' } }) }
    : createFrameEnqueuer({
      municipalityId, queue: framesQueue, spool, limits: frameLimits, enqueueTimeoutMs: config.DS_EDGE_ENQUEUE_TIMEOUT_MS,
      onEnqueued: (frame) => health.recordHeartbeat(frame.cameraId, frame.receivedAtMs), onError: logError,
    });

  const app = Fastify({ logger: false, frameworkErrors: refuseUnroutable });
  refuseUnknownRoutes(app);
  await app.register(httpIngest, {
    enqueuer, knownCameras, health, policy, bodyLimitBytes: config.DS_EDGE_BODY_LIMIT_BYTES,
    ...(config.DS_EDGE_OPERATOR_TOKEN ? { operatorToken: config.DS_EDGE_OPERATOR_TOKEN } : {}),
  });
  await app.register(httpFrames, { enqueuer: frameEnqueuer, knownCameras, policy, maxFrameBytes: config.DS_EDGE_FRAME_LIMIT_BYTES });
  const historyKey = config.DS_EDGE_HISTORY_PUBLIC_JWK ? await importHistorySearchKey(config.DS_EDGE_HISTORY_PUBLIC_JWK) : undefined;
  // Each signed search is taken once: its id is kept in the edge's durable Redis, which every replica of this node shares.
  const ledger = redisHistorySearchLedger(healthRedis, municipalityId);
  await app.register(httpHistorySearch, { municipalityId, store, auditLog, keyRing, verifyKey: historyKey, ledger, onError: logError });
  await app.register(httpEvidence, { municipalityId, store, auditLog, verifyKey: historyKey, ledger, onError: logError });
  app.get('/health', async () => ({ status: 'ok', municipality: municipalityId, hotlist: hotlist.status() }));
  await app.listen({ host: config.DS_EDGE_HOST, port: config.DS_EDGE_PORT });

  const mqttClient = mqtt.connect(config.MQTT_URL, {
    clientId: config.DS_EDGE_MQTT_CLIENT_ID ?? `dongseon-edge-${municipalityId}`,
    // The node's broker account: its role lets it read its municipality's reads and answer its cameras, nothing else.
    username: config.DS_EDGE_MQTT_USERNAME ?? edgeBrokerUsername(municipalityId),
    password: config.DS_EDGE_MQTT_PASSWORD,
    // A persistent session: QoS 1 reads published while this node is down are delivered when it is back.
    clean: false,
    // startMqttIngest connects, once its handler is in place for the reads the session kept.
    manualConnect: true,
  });
  mqttClient.on('error', logError);
  const mqttIngest = await startMqttIngest({
    client: mqttClient, municipalityId, enqueuer, knownCameras, policy, maxPayloadBytes: config.DS_EDGE_BODY_LIMIT_BYTES, onError: logError,
    frames: { enqueuer: frameEnqueuer, maxFrameBytes: config.DS_EDGE_FRAME_LIMIT_BYTES },
  });
  console.log(`edge ${municipalityId}: ${knownCameras.ids().length} cameras, hotlist version ${hotlist.status().version ?? 'none yet'}; HTTP on ${config.DS_EDGE_HOST}:${config.DS_EDGE_PORT}, MQTT ${displayUrl(config.MQTT_URL)}; history search ${historyKey ? 'on' : 'off (DS_EDGE_HISTORY_PUBLIC_JWK unset)'}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`edge ${municipalityId}: ${signal}, stopping ingest`);
    // Stop taking reads first (in-flight requests finish and are answered), then close what they write to.
    await mqttIngest.stop().catch(logError);
    await mqttClient.endAsync();
    await app.close();
    await recognizeWorker?.close().catch(logError);
    await releaseModels().catch(logError);
    await framesQueue.close();
    await matcher.close().catch(logError);
    await storeWorker.close().catch(logError);
    await retention.stop();
    store.close();
    await auditLog.close();
    await hotlist.close();
    await regionRedis.quit();
    knownCameras.stop();
    await readsQueue.close();
    await queueRedis.quit();
    await healthRedis.quit();
    await driver.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

await runProcess(main);
