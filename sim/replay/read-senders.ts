import { setTimeout as sleep } from 'node:timers/promises';
import mqtt, { type MqttClient } from 'mqtt';
import type { CameraReadInput } from '../../domain/ingest/index.js';
import { rejectedTopic } from '../../edge/ingest/mqtt-ingest.js';
import { cameraAuthorization, parseCameraToken } from '../../runtime/identity/camera-credential.js';

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

export const readsTopic = (municipalityId: string, cameraId: string) => `dongseon/${municipalityId}/cameras/${cameraId}/reads`;

export interface MqttReadSender {
  /** Publishes one camera's reads as one message, QoS 1, as that camera: resolves once the broker has them. */
  publish(municipalityId: string, cameraId: string, reads: readonly CameraReadInput[]): Promise<void>;
  close(): Promise<void>;
}

/** Connects to the broker as one camera: username its credential's key id, password its secret. */
export function connectCamera(url: string, clientId: string, token: string, options: { readonly clean?: boolean } = {}): Promise<MqttClient> {
  const credential = parseCameraToken(token);
  if (credential === undefined) throw new Error('not a camera credential');
  return mqtt.connectAsync(url, { clientId, clean: options.clean ?? true, username: credential.keyId, password: credential.secret, reconnectPeriod: 1_000 }, false);
}

/**
 * Publishes reads on the cameras' MQTT topics, each camera over a connection of its own with its own credential
 * (`tokens`: camera id → `<keyId>.<secret>`), and listens on its `rejected` topic (the only one its broker account
 * may read): an edge says only what it refused, so a published read counts as accepted until a rejection names it.
 */
export function connectMqttReadSender(url: string, clientIdPrefix: string, counts: DeliveryCounts, tokens: ReadonlyMap<string, string>): MqttReadSender {
  const cameras = new Map<string, Promise<MqttClient>>();
  const onRejection = (payload: Buffer) => {
    try {
      const message = JSON.parse(payload.toString('utf8')) as { rejected?: { code?: string }[]; errors?: { extensions?: { code?: string } }[] };
      const rejected = message.rejected ?? (message.errors ?? []).map((e) => ({ code: e.extensions?.code ?? 'unknown' }));
      counts.accepted -= rejected.length;
      countRejections(counts, rejected);
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
          if (messageTopic === topic) onRejection(payload);
        });
        await connected.subscribeAsync(topic, { qos: 1 });
        return connected;
      })();
      cameras.set(cameraId, client);
    }
    return client;
  };
  return {
    async publish(municipalityId, cameraId, reads) {
      counts.sent += reads.length;
      const token = tokens.get(cameraId);
      if (token === undefined) {
        countRejections(counts, reads.map(() => ({ code: 'no camera credential' })));
        return;
      }
      try {
        const client = await cameraClient(municipalityId, cameraId, token);
        await client.publishAsync(readsTopic(municipalityId, cameraId), JSON.stringify(reads), { qos: 1 });
        counts.accepted += reads.length;
      } catch (error) {
        countRejections(counts, reads.map(() => ({ code: error instanceof Error ? `MQTT ${error.message}` : 'MQTT' })));
      }
    },
    async close() {
      await Promise.all([...cameras.values()].map((client) => client.then((connected) => connected.endAsync(), () => undefined)));
    },
  };
}
