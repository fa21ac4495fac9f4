import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, type ErrorCode } from '../domain/errors/index.js';
import { refusalBody } from '../runtime/graphql/subgraph-request.js';

/** A coded refusal, as every edge endpoint answers one: `{ errors: [{ message, extensions: { code, httpStatus } }] }`. */
export function refuse(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.code(errorCodes[code].httpStatus).type('application/json').send(refusalBody(code, message));
}

/**
 * Fastify's own answers to a URL it cannot route (a path segment longer than a parameter may be, a URL it cannot
 * decode) and to an unknown path repeat the URL. The edge faces cameras and whoever else reaches it: those get a
 * coded refusal that names no value, like every other refusal of the node. Pass as Fastify's `frameworkErrors`.
 */
export function refuseUnroutable(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  refuse(reply, 'DS_INVALID_INPUT', 'path: not a URL this node serves');
}

export function refuseUnknownRoutes(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => refuse(reply, 'DS_NOT_FOUND', 'path: not an endpoint of this node'));
}
