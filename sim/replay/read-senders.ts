import { setTimeout as sleep } from 'node:timers/promises';
import mqtt, { type MqttClient } from 'mqtt';
import type { CameraReadInput } from '../../domain/ingest/index.js';
import { framePayload } from '../../edge/frames/mqtt-frame-payload.js';
import { rejectedTopic } from '../../edge/ingest/mqtt-ingest.js';
import { cameraAuthorization, parseCameraToken } from '../../runtime/identity/camera-credential.js';
import { cameraFramesTopic } from '../../stores/broker-accounts/broker-accounts.js';

/** What the edges answered, counted over a replay. */
export interface DeliveryCounts {
  sent: number;
  accepted: number;
  rejected: number;
  /** Rejections by code, e.g. `DS_READ_UNKNOWN_CAMERA`. */
  readonly rejectedByCode: Map<string, number>;
}

export const emptyDeliveryCounts = (): DeliveryCounts => ({ sent: 0, accepted: 0, rejected: 0, rejectedByCode: new Map() });

const countRejections = (counts: DeliveryCounts, rejected: readonly { code?: string }[]) => {
  counts.rejected += rejected.length;
  for (const { code = 'unknown' } of rejected) counts.rejectedByCode.set(code, (counts.rejectedByCode.get(code) ?? 0) + 1);
};

/** Most attempts for a batch an edge answers 503 (queue unavailable) or cannot be reached for: resending is safe. */
const maxAttempts = 5;

/**
 * Posts one camera's batch to an edge's `POST /v1/reads` with that camera's credential (`token`) and counts its
 * answer. A 503 or a network failure is retried with the same batch: read ids make resending idempotent.
 */
export async function postReadBatch(edgeUrl: string, reads: readonly CameraReadInput[], token: string, counts: DeliveryCounts): Promise<void> {
  counts.sent += reads.length;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${edgeUrl}/v1/reads`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: cameraAuthorization(token) }, body: JSON.stringify(reads), signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { accepted?: number; rejected?: { code?: string }[]; errors?: { extensions?: { code?: string } }[] };
      if (response.status === 503 && attempt < maxAttempts) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      if (body.rejected) {
        counts.accepted += body.accepted ?? 0;
        countRejections(counts, body.rejected);
      } else {
        countRejections(counts, reads.map(() => ({ code: body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}` })));
      }
      return;
    } catch (error) {
      if (attempt >= maxAttempts) {
        countRejections(counts, reads.map(() => ({ code: error instanceof Error ? error.name : 'network' })));
        return;
      }
      await sleep(200 * 2 ** attempt);
    }
  }
}

/** What a frame says about itself: the camera's own frame id, unique per camera, and its capture time. */
export interface FrameMetadata {
  readonly cameraId: string;
  readonly frameId: string;
  readonly capturedAt: string;
}

/**
 * Posts one frame to an edge's `POST /v1/frames` (JPEG body, metadata in the query) with its camera's credential and
 * counts the answer; resolves to the refusal's code, if any. A 503 queue refusal or a network failure is retried with
 * the same frame id (the edge takes a frame sent again as the same frame); `DS_RECOGNITION_UNAVAILABLE` is not: the
 * node runs no recognition, and resending will not change that.
 */
export async function postFrame(edgeUrl: string, metadata: FrameMetadata, jpeg: Uint8Array, token: string, counts: DeliveryCounts): Promise<string | undefined> {
  counts.sent += 1;
  const query = new URLSearchParams({ cameraId: metadata.cameraId, frameId: metadata.frameId, capturedAt: metadata.capturedAt });
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${edgeUrl}/v1/frames?${query}`, {
        method: 'POST', headers: { 'content-type': 'image/jpeg', authorization: cameraAuthorization(token) }, body: jpeg, signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json().catch(() => ({}))) as { accepted?: number; errors?: { extensions?: { code?: string } }[] };
      const code = body.errors?.[0]?.extensions?.code;
      if (response.status === 503 && code !== 'DS_RECOGNITION_UNAVAILABLE' && attempt < maxAttempts) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      if (response.status === 202) {
        counts.accepted += 1;
        return undefined;
      }
      countRejections(counts, [{ code: code ?? `HTTP ${response.status}` }]);
      return code ?? `HTTP ${response.status}`;
    } catch (error) {
      if (attempt >= maxAttempts) {
        const code = error instanceof Error ? error.name : 'network';
        countRejections(counts, [{ code }]);
        return code;
      }
      await sleep(200 * 2 ** attempt);
    }
  }
}

export const readsTopic = (municipalityId: string, cameraId: string) => `dongseon/${municipalityId}/cameras/${cameraId}/reads`;

export interface MqttCameraSender {
  /** Publishes one camera's reads as one message, QoS 1, as that camera: resolves once the broker has them. */
  publish(municipalityId: string, cameraId: string, reads: readonly CameraReadInput[]): Promise<void>;
  /**
   * Publishes one frame of a camera without ANPR on its frames topic (`framePayload`: metadata line, then the JPEG),
   * QoS 1, as that camera, counted in the frame counts.
   */
  publishFrame(municipalityId: string, cameraId: string, metadata: FrameMetadata, jpeg: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** Connects to the broker as one camera: username its credential's key id, password its secret. */
export function connectCamera(url: string, clientId: string, token: string, options: { readonly clean?: boolean } = {}): Promise<MqttClient> {
  const credential = parseCameraToken(token);
  if (credential === undefined) throw new Error('not a camera credential');
  return mqtt.connectAsync(url, { clientId, clean: options.clean ?? true, username: credential.keyId, password: credential.secret, reconnectPeriod: 1_000 }, false);
}

/**
 * Publishes reads (and frames) on the cameras' MQTT topics, each camera over a connection of its own with its own
 * credential (`tokens`: camera id → `<keyId>.<secret>`), and listens on its `rejected` topic (the only one its broker
 * account may read): an edge says only what it refused, so a published read or frame counts as accepted until a
 * rejection names it. A camera sends either reads (ANPR) or frames (CCTV), so its rejections count as that.
 */
export function connectMqttCameraSender(
  url: string, clientIdPrefix: string, counts: DeliveryCounts, tokens: ReadonlyMap<string, string>, frameCounts: DeliveryCounts = emptyDeliveryCounts(),
  onFrameRejected: (municipalityId: string, code: string) => void = () => undefined,
): MqttCameraSender {
  const cameras = new Map<string, Promise<MqttClient>>();
  const sendsFrames = new Set<string>();
  const onRejection = (municipalityId: string, cameraId: string, payload: Buffer) => {
    try {
      const message = JSON.parse(payload.toString('utf8')) as { rejected?: { code?: string }[]; errors?: { extensions?: { code?: string } }[] };
      const rejected = message.rejected ?? (message.errors ?? []).map((e) => ({ code: e.extensions?.code ?? 'unknown' }));
      const own = sendsFrames.has(cameraId) ? frameCounts : counts;
      own.accepted -= rejected.length;
      countRejections(own, rejected);
      if (own === frameCounts) for (const { code = 'unknown' } of rejected) onFrameRejected(municipalityId, code);
    } catch {
      // a rejection we cannot read is not ours to count
    }
  };
  const cameraClient = (municipalityId: string, cameraId: string, token: string): Promise<MqttClient> => {
    let client = cameras.get(cameraId);
    if (client === undefined) {
      client = (async () => {
        const connected = await connectCamera(url, `${clientIdPrefix}-${cameraId}`, token);
        const topic = rejectedTopic(municipalityId, cameraId);
        connected.on('message', (messageTopic, payload) => {
          if (messageTopic === topic) onRejection(municipalityId, cameraId, payload);
        });
        await connected.subscribeAsync(topic, { qos: 1 });
        return connected;
      })();
      cameras.set(cameraId, client);
    }
    return client;
  };
  const send = async (municipalityId: string, cameraId: string, own: DeliveryCounts, items: number, topic: string, payload: string | Buffer) => {
    own.sent += items;
    const token = tokens.get(cameraId);
    if (token === undefined) {
      countRejections(own, Array.from({ length: items }, () => ({ code: 'no camera credential' })));
      return;
    }
    try {
      const client = await cameraClient(municipalityId, cameraId, token);
      await client.publishAsync(topic, payload, { qos: 1 });
      own.accepted += items;
    } catch (error) {
      countRejections(own, Array.from({ length: items }, () => ({ code: error instanceof Error ? `MQTT ${error.message}` : 'MQTT' })));
    }
  };
  return {
    publish: (municipalityId, cameraId, reads) => send(municipalityId, cameraId, counts, reads.length, readsTopic(municipalityId, cameraId), JSON.stringify(reads)),
    publishFrame(municipalityId, cameraId, metadata, jpeg) {
      sendsFrames.add(cameraId);
      return send(municipalityId, cameraId, frameCounts, 1, cameraFramesTopic(municipalityId, cameraId), framePayload(metadata, jpeg));
    },
    async close() {
      await Promise.all([...cameras.values()].map((client) => client.then((connected) => connected.endAsync(), () => undefined)));
    },
  };
}
