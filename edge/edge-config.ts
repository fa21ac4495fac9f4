import { z } from 'zod';
import { municipalityIdSchema } from '../domain/municipality/municipality-id.js';
import { defaultMaxFutureSkewMs, defaultMaxReadAgeMs, maxReadsPerBatch, type ReadValidationPolicy } from '../domain/ingest/index.js';
import { localMqttUrl } from '../runtime/endpoints/stack-endpoints.js';
import { loadConfig, portVariable, urlVariable } from '../runtime/config.js';
import { hotlistKeyRingConfigSchema } from '../runtime/hotlist/hotlist-key-ring-config.js';
import { historyVerifyJwkVariable } from '../runtime/identity/history-search-token.js';
import { stallRecoveryVariables } from '../runtime/queues/stall-recovery.js';
import { redisVariables } from '../runtime/redis/connect-durable-redis.js';
import { neo4jVariables } from '../stores/neo4j/neo4j-connection.js';

const positiveInt = z.coerce.number().int().positive();

/** One edge node per municipality: the environment of `npm run edge`. */
export function edgeConfigSchema(env: Record<string, string | undefined>) {
  return z.object({
    /** The municipality this node serves, as registered in the camera registry. */
    DS_EDGE_MUNICIPALITY: municipalityIdSchema,
    DS_EDGE_HOST: z.string().min(1).default('127.0.0.1'),
    DS_EDGE_PORT: portVariable.default(8480),
    ...redisVariables,
    ...neo4jVariables(env),
    MQTT_URL: urlVariable(['mqtt', 'mqtts', 'ws', 'wss']).default(localMqttUrl),
    DS_EDGE_MQTT_CLIENT_ID: z.string().min(1).max(128).optional(),
    /** The node's broker account (dynamic security client `edge-<municipality>`, made by whoever launches the node). */
    DS_EDGE_MQTT_USERNAME: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'expected 1 to 128 printable ASCII characters, no spaces').optional(),
    DS_EDGE_MQTT_PASSWORD: z.string().regex(/^[\x21-\x7e]{16,256}$/, 'expected 16 to 256 printable ASCII characters, no spaces: the node\'s broker password'),
    /** Largest HTTP body or MQTT payload looked at. */
    DS_EDGE_BODY_LIMIT_BYTES: positiveInt.max(16 * 1024 * 1024).default(1024 * 1024),
    DS_EDGE_MAX_BATCH_ITEMS: positiveInt.max(maxReadsPerBatch).default(maxReadsPerBatch),
    DS_EDGE_MAX_FUTURE_SKEW_MS: z.coerce.number().int().min(0).default(defaultMaxFutureSkewMs),
    DS_EDGE_MAX_READ_AGE_MS: positiveInt.default(defaultMaxReadAgeMs),
    DS_EDGE_ENQUEUE_TIMEOUT_MS: positiveInt.default(5_000),
    DS_EDGE_CAMERA_REFRESH_S: positiveInt.default(60),
    DS_EDGE_CAMERA_SILENCE_S: positiveInt.default(300),
    /** The edge operator's secret for `GET /v1/cameras/health` (every camera); unset, each camera sees only its own row. */
    DS_EDGE_OPERATOR_TOKEN: z.string().regex(/^[\x21-\x7e]{32,200}$/, 'expected 32 to 200 printable ASCII characters, no spaces').optional(),
    /** Where the region's hotlist snapshots and the hits/aggregates queues live; the edge's Redis unless given. */
    DS_EDGE_REGION_REDIS_URL: urlVariable(['redis', 'rediss']).optional(),
    /** Base64, at least 32 bytes: daily pseudonym keys for transition statistics derive from it; it never leaves the edge. */
    DS_EDGE_PSEUDONYM_SECRET: z.string().refine((value) => Buffer.from(value, 'base64').length >= 32, { message: 'expected base64 of at least 32 bytes' }),
    DS_EDGE_RETENTION_DAYS: positiveInt.max(3650).default(30),
    /** The edge's own state: the last good hotlist snapshot and its audit log (retention receipts, history searches). */
    DS_EDGE_STATE_DIR: z.string().min(1).default('.stack/edge'),
    DS_EDGE_AGGREGATE_EVERY_S: positiveInt.default(900),
    /** Largest frame (`POST /v1/frames`, MQTT frames topic), bytes. */
    DS_EDGE_FRAME_LIMIT_BYTES: positiveInt.max(32 * 1024 * 1024).default(4 * 1024 * 1024),
    /** Most pixels a frame's header may declare (the decompression-bomb guard); 16 MP and 4096 px a side by default. */
    DS_EDGE_FRAME_MAX_PIXELS: positiveInt.max(64_000_000).default(16_000_000),
    /** Recognize workers (each one onnxruntime session pair); 0: the node takes no frames. */
    DS_EDGE_RECOGNIZE_WORKERS: z.coerce.number().int().min(0).max(1).default(1),
    /** onnxruntime intra-op threads per recognize worker. */
    DS_EDGE_RECOGNIZE_THREADS: positiveInt.max(16).default(1),
    /** A pass (one vehicle at one camera) ends when no frame of it came for this long. */
    DS_EDGE_PASS_GAP_MS: positiveInt.max(60_000).default(1_500),
    /** The public JWK of the cctv subgraph's history-search key; without it this node answers no history search. */
    DS_EDGE_HISTORY_PUBLIC_JWK: historyVerifyJwkVariable.optional(),
    /** How soon the matcher takes back a read batch from a matcher that died. */
    ...stallRecoveryVariables,
    ...hotlistKeyRingConfigSchema.shape,
  }).refine((config) => config.DS_HOTLIST_ACTIVE_KEY in config.DS_HOTLIST_KEYS, {
    message: 'expected the id of a key in DS_HOTLIST_KEYS', path: ['DS_HOTLIST_ACTIVE_KEY'],
  });
}

export type EdgeConfig = z.infer<ReturnType<typeof edgeConfigSchema>>;

export function loadEdgeConfig(env: Record<string, string | undefined> = process.env): EdgeConfig {
  return loadConfig('edge', edgeConfigSchema(env), env);
}

export const readValidationPolicyOf = (config: EdgeConfig): ReadValidationPolicy => ({
  maxFutureSkewMs: config.DS_EDGE_MAX_FUTURE_SKEW_MS,
  maxAgeMs: config.DS_EDGE_MAX_READ_AGE_MS,
  maxBatchItems: config.DS_EDGE_MAX_BATCH_ITEMS,
});
