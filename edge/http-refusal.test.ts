import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { refuseUnknownRoutes, refuseUnroutable } from './http-refusal.js';

async function edgeLikeApp() {
  const app = Fastify({ frameworkErrors: refuseUnroutable });
  refuseUnknownRoutes(app);
  app.post('/v1/cameras/:cameraId/heartbeat', async (_request, reply) => reply.code(204).send());
  await app.ready();
  return app;
}

describe('refusals of URLs the edge does not serve', () => {
  it.each([
    ['an unknown path', '/v1/%3Cscript%3Ealert(1)%3C/script%3E', 404, 'DS_NOT_FOUND'],
    ['a path segment longer than a parameter may be', `/v1/cameras/${'%3Cscript%3E'.repeat(20)}/heartbeat`, 400, 'DS_INVALID_INPUT'],
    ['a URL that does not decode', '/v1/cameras/%E0%A4%A/heartbeat', 400, 'DS_INVALID_INPUT'],
  ])('bug: Fastify answered %s by repeating the URL; now a coded refusal that names no value', async (_name, url, status, code) => {
    const app = await edgeLikeApp();
    const response = await app.inject({ method: 'POST', url });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ errors: [{ message: expect.stringMatching(/^path: /), extensions: { code, httpStatus: status } }] });
    expect(response.body).not.toMatch(/script|%3C|%E0/i);
    await app.close();
  });
});
