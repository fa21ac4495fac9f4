import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  cameraReadInputSchema, validateReadBatch, type ReadBatchValidation, type ReadValidationPolicy,
} from '../../domain/ingest/index.js';
import type { CameraHealthStore } from './camera-health.js';
import type { IngestOutcome, ReadBatchEnqueuer } from './enqueue-read-batch.js';
import type { KnownCameras } from './known-cameras.js';
import { refuse } from '../http-refusal.js';
import { validateNgsiLdBatch } from './read-batch-sources.js';

export const defaultBodyLimitBytes = 1024 * 1024;

export interface HttpIngestOptions {
  readonly enqueuer: ReadBatchEnqueuer;
  readonly knownCameras: KnownCameras;
  readonly health: CameraHealthStore;
  readonly policy: ReadValidationPolicy;
  readonly bodyLimitBytes?: number;
  readonly now?: () => number;
}

function answer(reply: FastifyReply, outcome: IngestOutcome): FastifyReply {
  switch (outcome.kind) {
    case 'enqueued':
      return reply.code(202).send({ accepted: outcome.accepted, batchId: outcome.batchId, rejected: outcome.rejected });
    case 'nothing-accepted':
      return reply.code(400).send({ accepted: 0, rejected: outcome.rejected });
    case 'refused':
      return refuse(reply, outcome.problem.code, outcome.problem.message);
  }
}

/**
 * The edge node's HTTP ingest for cameras and ANPR platforms: `POST /v1/reads` (the open read schema),
 * `POST /ngsi-ld/v1/entities` (NGSI-LD ANPR entities), heartbeats and the camera health list. Register it in its
 * own scope: its error handler answers every body problem with a coded refusal that never repeats the body.
 */
export async function httpIngest(app: FastifyInstance, options: HttpIngestOptions): Promise<void> {
  const { enqueuer, knownCameras, health, policy, bodyLimitBytes = defaultBodyLimitBytes, now = Date.now } = options;
  const knownCamera = (cameraId: string) => knownCameras.has(cameraId);

  app.addContentTypeParser('application/ld+json', { parseAs: 'string', bodyLimit: bodyLimitBytes }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    // Fastify's parse errors quote the offending input; none of it goes back to the sender.
    if (error.statusCode === 413) return refuse(reply, 'DS_BATCH_TOO_LARGE', `body: larger than ${bodyLimitBytes} bytes`);
    if (error.statusCode === 415) return refuse(reply, 'DS_BATCH_MALFORMED', 'body: send application/json');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 'DS_BATCH_MALFORMED', 'body: not valid JSON');
    }
    return refuse(reply, 'DS_INTERNAL', 'internal error');
  });

  const ingest = async (reply: FastifyReply, validation: ReadBatchValidation) => answer(reply, await enqueuer.enqueue(validation));

  app.post('/v1/reads', { bodyLimit: bodyLimitBytes }, (request, reply) =>
    ingest(reply, validateReadBatch(request.body, policy, knownCamera, now())));

  app.post('/ngsi-ld/v1/entities', { bodyLimit: bodyLimitBytes }, (request, reply) =>
    ingest(reply, validateNgsiLdBatch(request.body, policy, knownCamera, now())));

  app.post<{ Params: { cameraId: string } }>('/v1/cameras/:cameraId/heartbeat', { bodyLimit: 4096 }, async (request, reply) => {
    const cameraId = cameraReadInputSchema.shape.cameraId.safeParse(request.params.cameraId);
    if (!cameraId.success) return refuse(reply, 'DS_READ_MALFORMED', 'cameraId: not a well-formed camera id');
    if (!knownCamera(cameraId.data)) return refuse(reply, 'DS_READ_UNKNOWN_CAMERA', 'cameraId: not a camera of this edge node');
    await health.recordHeartbeat(cameraId.data, now());
    return reply.code(204).send();
  });

  app.get('/v1/cameras/health', async () => ({ cameras: await health.health(knownCameras.ids(), now()) }));
}
