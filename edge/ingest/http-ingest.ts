import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  cameraReadInputSchema, validateReadBatch, type ReadBatchValidation, type ReadValidationPolicy,
} from '../../domain/ingest/index.js';
import { bearerTokenOf } from '../../runtime/identity/camera-credential.js';
import type { CameraHealthStore } from './camera-health.js';
import type { IngestOutcome, ReadBatchEnqueuer } from './enqueue-read-batch.js';
import type { KnownCameras } from './known-cameras.js';
import { refuse } from '../http-refusal.js';
import { validateCameraBatch, validateNgsiLdBatch } from './read-batch-sources.js';

export const defaultBodyLimitBytes = 1024 * 1024;

export interface HttpIngestOptions {
  readonly enqueuer: ReadBatchEnqueuer;
  readonly knownCameras: KnownCameras;
  readonly health: CameraHealthStore;
  readonly policy: ReadValidationPolicy;
  /** The edge operator's secret: with it, `GET /v1/cameras/health` lists every camera; unset, each camera sees its own. */
  readonly operatorToken?: string;
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

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The operator check, in constant time whatever the length sent. */
function isOperator(token: string | undefined, operatorDigest: Buffer | undefined): boolean {
  return operatorDigest !== undefined && token !== undefined && timingSafeEqual(digest(token), operatorDigest);
}

/**
 * The edge node's HTTP ingest for cameras and ANPR platforms: `POST /v1/reads` (the open read schema),
 * `POST /ngsi-ld/v1/entities` (NGSI-LD ANPR entities), heartbeats and the camera health list. Register it in its
 * own scope: its error handler answers every body problem with a coded refusal that never repeats the body.
 *
 * Every request carries a camera's credential (`Authorization: Bearer <keyId>.<secret>`), checked before the body
 * is read: a batch may hold reads of that camera only, a heartbeat and the health list are that camera's own. The
 * operator's token (`operatorToken`) reads the whole health list. A refusal never repeats what was sent.
 */
export async function httpIngest(app: FastifyInstance, options: HttpIngestOptions): Promise<void> {
  const { enqueuer, knownCameras, health, policy, operatorToken, bodyLimitBytes = defaultBodyLimitBytes, now = Date.now } = options;
  const knownCamera = (cameraId: string) => knownCameras.has(cameraId);
  const operatorDigest = operatorToken === undefined ? undefined : digest(operatorToken);
  // The camera each request authenticated as, per request.
  const authenticated = new WeakMap<FastifyRequest, string>();
  const cameraOf = (request: FastifyRequest) => authenticated.get(request) as string;
  const authenticateCamera = async (request: FastifyRequest, reply: FastifyReply) => {
    const cameraId = await knownCameras.authenticate(bearerTokenOf(request.headers.authorization));
    if (cameraId === undefined) return refuse(reply, 'DS_CAMERA_UNAUTHENTICATED', 'authorization: send the camera\'s credential as Bearer <keyId>.<secret>');
    authenticated.set(request, cameraId);
    return undefined;
  };

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

  app.post('/v1/reads', { bodyLimit: bodyLimitBytes, onRequest: authenticateCamera }, (request, reply) => ingest(reply,
    Array.isArray(request.body)
      ? validateCameraBatch(request.body, cameraOf(request), policy, knownCamera, now())
      : validateReadBatch(request.body, policy, knownCamera, now())));

  app.post('/ngsi-ld/v1/entities', { bodyLimit: bodyLimitBytes, onRequest: authenticateCamera }, (request, reply) =>
    ingest(reply, validateNgsiLdBatch(request.body, cameraOf(request), policy, knownCamera, now())));

  app.post<{ Params: { cameraId: string } }>('/v1/cameras/:cameraId/heartbeat', { bodyLimit: 4096, onRequest: authenticateCamera }, async (request, reply) => {
    const cameraId = cameraReadInputSchema.shape.cameraId.safeParse(request.params.cameraId);
    if (!cameraId.success) return refuse(reply, 'DS_READ_MALFORMED', 'cameraId: not a well-formed camera id');
    if (cameraId.data !== cameraOf(request)) return refuse(reply, 'DS_CAMERA_FORBIDDEN', 'cameraId: not the camera of this credential');
    await health.recordHeartbeat(cameraId.data, now());
    return reply.code(204).send();
  });

  app.get('/v1/cameras/health', async (request, reply) => {
    const token = bearerTokenOf(request.headers.authorization);
    if (isOperator(token, operatorDigest)) return { cameras: await health.health(knownCameras.ids(), now()) };
    const cameraId = await knownCameras.authenticate(token);
    if (cameraId === undefined) return refuse(reply, 'DS_CAMERA_UNAUTHENTICATED', 'authorization: send a camera\'s credential or the edge operator token as Bearer');
    return { cameras: (await health.health([cameraId], now())).filter((row) => row.cameraId === cameraId) };
  });
}
