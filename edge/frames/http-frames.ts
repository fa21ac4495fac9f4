import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFrameMetadata, type ReadValidationPolicy } from '../../domain/ingest/index.js';
import { bearerTokenOf } from '../../runtime/identity/camera-credential.js';
import { refuse } from '../http-refusal.js';
import type { KnownCameras } from '../ingest/known-cameras.js';
import type { FrameEnqueuer } from './enqueue-frame.js';

export interface HttpFramesOptions {
  readonly enqueuer: FrameEnqueuer;
  readonly knownCameras: KnownCameras;
  readonly policy: ReadValidationPolicy;
  readonly maxFrameBytes: number;
  readonly now?: () => number;
}

/**
 * `POST /v1/frames?cameraId=…&frameId=…&capturedAt=…` with the JPEG (or PNG) as the body (`Content-Type:
 * image/jpeg`), for cameras without ANPR of their own: the binary form, no multipart. The camera's credential is
 * checked before the body is read; the metadata as a read's; the image's header before anything decodes it. 202
 * once the frame is spooled and queued; a frame sent again under its id is the same frame. Register in its own scope.
 */
export async function httpFrames(app: FastifyInstance, options: HttpFramesOptions): Promise<void> {
  const { enqueuer, knownCameras, policy, maxFrameBytes, now = Date.now } = options;
  const authenticated = new WeakMap<FastifyRequest, string>();
  const authenticateCamera = async (request: FastifyRequest, reply: FastifyReply) => {
    const cameraId = await knownCameras.authenticate(bearerTokenOf(request.headers.authorization));
    if (cameraId === undefined) return refuse(reply, 'DS_CAMERA_UNAUTHENTICATED', 'authorization: send the camera\'s credential as Bearer <keyId>.<secret>');
    authenticated.set(request, cameraId);
    return undefined;
  };

  app.addContentTypeParser(['image/jpeg', 'image/png'], { parseAs: 'buffer', bodyLimit: maxFrameBytes }, (_request, body, done) => done(null, body));
  const isImageType = (request: FastifyRequest) => /^image\/(jpeg|png)\s*(;|$)/i.test(request.headers['content-type'] ?? '');
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    if (error.statusCode === 413) return refuse(reply, 'DS_FRAME_TOO_LARGE', `body: larger than ${maxFrameBytes} bytes`);
    // Another content type (a JSON body, a form) failed in its own parser: it is not a frame.
    if (error.statusCode === 415 || !isImageType(request)) return refuse(reply, 'DS_FRAME_NOT_IMAGE', 'body: send the frame as image/jpeg or image/png');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return refuse(reply, 'DS_FRAME_MALFORMED', 'request: not a frame');
    return refuse(reply, 'DS_INTERNAL', 'internal error');
  });

  app.post<{ Querystring: Record<string, unknown> }>('/v1/frames', { bodyLimit: maxFrameBytes, onRequest: authenticateCamera }, async (request, reply) => {
    if (!Buffer.isBuffer(request.body)) return refuse(reply, 'DS_FRAME_NOT_IMAGE', 'body: send the frame as image/jpeg or image/png');
    const { cameraId, frameId, capturedAt } = request.query;
    const checked = checkFrameMetadata({ cameraId, frameId, capturedAt }, authenticated.get(request) as string, policy, (id) => knownCameras.has(id), now());
    if (!checked.ok) return refuse(reply, checked.code, checked.message);
    const outcome = await enqueuer.enqueue(checked.frame, request.body);
    if (outcome.kind === 'refused') return refuse(reply, outcome.problem.code, outcome.problem.message);
    return reply.code(202).send({ accepted: 1, frameId: outcome.frameId });
  });
}
