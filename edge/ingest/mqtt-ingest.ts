import type { MqttClient } from 'mqtt';
import { errorCodes } from '../../domain/errors/index.js';
import { cameraReadInputSchema, checkFrameMetadata, type ReadValidationPolicy } from '../../domain/ingest/index.js';
import type { FrameEnqueuer, FrameOutcome } from '../frames/enqueue-frame.js';
import { parseFramePayload } from '../frames/mqtt-frame-payload.js';
import type { IngestOutcome, ReadBatchEnqueuer } from './enqueue-read-batch.js';
import type { KnownCameras } from './known-cameras.js';
import { validateTopicBatch } from './read-batch-sources.js';

export const readsTopicFilter = (municipalityId: string): string => `dongseon/${municipalityId}/cameras/+/reads`;
export const framesTopicFilter = (municipalityId: string): string => `dongseon/${municipalityId}/cameras/+/frames`;
export const rejectedTopic = (municipalityId: string, cameraId: string): string => `dongseon/${municipalityId}/cameras/${cameraId}/rejected`;

export interface MqttIngestOptions {
  /**
   * Made with `clean: false` and a stable client id, so the broker keeps QoS 1 reads while the edge is down, and
   * with `manualConnect: true`: it is connected here, once the handler is in place (see startMqttIngest).
   */
  readonly client: MqttClient;
  readonly municipalityId: string;
  readonly enqueuer: ReadBatchEnqueuer;
  readonly knownCameras: KnownCameras;
  readonly policy: ReadValidationPolicy;
  /** Largest payload looked at; a bigger one is refused unparsed. */
  readonly maxPayloadBytes: number;
  /** Frames for the recognize worker, on each camera's frames topic; without it the node takes no frames. */
  readonly frames?: { readonly enqueuer: FrameEnqueuer; readonly maxFrameBytes: number };
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

/** What goes on a camera's rejected topic: the same coded shapes the HTTP API answers with. */
function rejectionMessage(outcome: IngestOutcome): object | undefined {
  switch (outcome.kind) {
    case 'enqueued':
      return outcome.rejected.length === 0 ? undefined : { accepted: outcome.accepted, batchId: outcome.batchId, rejected: outcome.rejected };
    case 'nothing-accepted':
      return { accepted: 0, rejected: outcome.rejected };
    case 'refused':
      return { errors: [{ message: outcome.problem.message, extensions: { code: outcome.problem.code, httpStatus: errorCodes[outcome.problem.code].httpStatus } }] };
  }
}

const topicPattern = /^dongseon\/([^/]+)\/cameras\/([^/]+)\/(reads|frames)$/;

function frameRejection(outcome: FrameOutcome): object | undefined {
  if (outcome.kind === 'enqueued') return undefined;
  return { errors: [{ message: outcome.problem.message, extensions: { code: outcome.problem.code, httpStatus: errorCodes[outcome.problem.code].httpStatus } }] };
}

function connected(client: MqttClient): Promise<void> {
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      client.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      client.off('connect', onConnect);
      reject(error);
    };
    client.once('connect', onConnect);
    client.once('error', onError);
    client.connect();
  });
}

/**
 * Subscribes (QoS 1) to every camera's reads topic of the municipality. A message is acknowledged to the broker
 * only after its accepted reads are in the queue: when the queue is unavailable the PUBACK is withheld and the
 * broker redelivers on the next session. Nothing in a payload can throw out of here.
 *
 * Hazard: the broker sends a persistent session's stored reads right after it accepts the connection, before any
 * SUBSCRIBE. mqtt.js's own handler acknowledges and drops them, so the handler here is installed before the
 * client connects; a client that is already connected may have lost some that way. And `stop` leaves the
 * subscription in the session: without it the broker would drop, not keep, the reads sent while the node is down.
 */
export async function startMqttIngest(options: MqttIngestOptions): Promise<{ stop(): Promise<void> }> {
  const { client, municipalityId, enqueuer, knownCameras, policy, maxPayloadBytes, now = Date.now, onError = () => undefined } = options;
  const knownCamera = (cameraId: string) => knownCameras.has(cameraId);


  const publishTo = async (cameraId: string, message: object | undefined): Promise<void> => {
    if (message !== undefined) await client.publishAsync(rejectedTopic(municipalityId, cameraId), JSON.stringify(message), { qos: 1 });
  };

  const ingestReads = async (cameraId: string, payload: Buffer): Promise<IngestOutcome> => {
    if (payload.length > maxPayloadBytes) {
      return { kind: 'refused', problem: { code: 'DS_BATCH_TOO_LARGE', message: `payload: larger than ${maxPayloadBytes} bytes` } };
    }
    let body: unknown;
    try {
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      return { kind: 'refused', problem: { code: 'DS_BATCH_MALFORMED', message: 'payload: not valid JSON' } };
    }
    return enqueuer.enqueue(validateTopicBatch(body, cameraId, policy, knownCamera, now()));
  };

  const ingestFrame = async (cameraId: string, payload: Buffer): Promise<FrameOutcome> => {
    if (options.frames === undefined) return { kind: 'refused', problem: { code: 'DS_NOT_FOUND', message: 'topic: this node takes no frames' } };
    if (payload.length > options.frames.maxFrameBytes) {
      return { kind: 'refused', problem: { code: 'DS_FRAME_TOO_LARGE', message: `payload: larger than ${options.frames.maxFrameBytes} bytes` } };
    }
    const parsed = parseFramePayload(payload);
    if (!parsed.ok) return { kind: 'refused', problem: { code: 'DS_FRAME_MALFORMED', message: parsed.message } };
    // The topic names the camera; the broker let only that camera's account publish on it.
    const checked = checkFrameMetadata(parsed.metadata, cameraId, policy, knownCamera, now());
    if (!checked.ok) return { kind: 'refused', problem: { code: checked.code, message: checked.message } };
    return options.frames.enqueuer.enqueue(checked.frame, parsed.image);
  };

  /** Resolves to whether the message may be acknowledged: not when its content could not be queued. */
  const ingest = async (topic: string, payload: Buffer): Promise<boolean> => {
    const match = topicPattern.exec(topic);
    if (match === null || match[1] !== municipalityId) return true;
    const cameraId = match[2] as string;
    const outcome = match[3] === 'frames' ? await ingestFrame(cameraId, payload) : await ingestReads(cameraId, payload);
    const message = match[3] === 'frames' ? frameRejection(outcome as FrameOutcome) : rejectionMessage(outcome as IngestOutcome);
    // The topic's camera id reaches a topic name only when it is a well-formed camera id: no junk is echoed.
    // Not awaited: the PUBACK for a QoS 1 publish is an incoming packet, and mqtt.js reads no incoming packet
    // until this message's handler calls back, so waiting here would deadlock the client.
    if (cameraReadInputSchema.shape.cameraId.safeParse(cameraId).success) void publishTo(cameraId, message).catch(onError);
    return !(outcome.kind === 'refused' && outcome.problem.code === 'DS_QUEUE_UNAVAILABLE');
  };

  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  const defaultHandleMessage = client.handleMessage.bind(client);
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return defaultHandleMessage(packet, callback);
    // No PUBACK once stopping: the broker keeps the message for the next session.
    if (stopped) return callback(new Error('ingest stopped; PUBACK withheld'));
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const handled = ingest(packet.topic, payload).then((acknowledge) => {
      if (!acknowledge) callback(new Error('not queued; PUBACK withheld'));
      else callback();
    }, (error: unknown) => {
      onError(error);
      callback();
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  };

  if (!client.connected) await connected(client);
  await client.subscribeAsync(readsTopicFilter(municipalityId), { qos: 1 });
  if (options.frames !== undefined) await client.subscribeAsync(framesTopicFilter(municipalityId), { qos: 1 });
  return {
    async stop() {
      stopped = true;
      await Promise.all(inFlight);
    },
  };
}
