import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import type { DevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';

/** Exists only while DS_DEV_IDENTITY is on, which the configuration allows in development on loopback only. */
export const devTokenPath = '/dev/token';

export const devTokenTtlSeconds = { default: 8 * 3600, min: 60, max: 24 * 3600 } as const;

const loopbackHostnames = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `host` (a Host header, or an Origin's host) names this server on loopback: a loopback name and our port. */
function isOwnLoopbackHost(host: string, port: number): boolean {
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return false;
  }
  return url.host === host.toLowerCase() && loopbackHostnames.has(url.hostname) && Number(url.port || 80) === port;
}

export interface DevTokenRequestHead {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly contentType: string | undefined;
  /** The port the request came in on. */
  readonly localPort: number;
}

/**
 * A page on another site can make a browser POST here, and with DNS rebinding even read the answer: its request
 * then names a foreign Host or Origin, or a simple content type (text/plain needs no preflight). Only a request
 * that names this gateway on loopback, with a JSON body, gets a token.
 */
export function checkDevTokenRequest(head: DevTokenRequestHead): void {
  if (head.host === undefined || !isOwnLoopbackHost(head.host, head.localPort)) {
    throw new DongseonError('DS_FOREIGN_ORIGIN', 'dev tokens are issued only to requests for this gateway on loopback (Host)');
  }
  if (head.origin !== undefined) {
    let origin: URL | undefined;
    try {
      origin = new URL(head.origin);
    } catch {
      origin = undefined;
    }
    if (origin?.protocol !== 'http:' || origin.origin !== head.origin.toLowerCase() || !isOwnLoopbackHost(origin.host, head.localPort)) {
      throw new DongseonError('DS_FOREIGN_ORIGIN', 'dev tokens are issued only to pages of this gateway on loopback (Origin)');
    }
  }
  if (head.contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw new DongseonError('DS_UNSUPPORTED_MEDIA_TYPE', 'send the dev token request as application/json');
  }
}

const isSampleUser = (name: string): name is SampleUserName => Object.hasOwn(sampleUsers, name);

const devTokenRequestSchema = z.object({
  user: z.string().refine(isSampleUser, { message: `expected one of ${Object.keys(sampleUsers).join(', ')}` }),
  ttlSeconds: z.number().int().min(devTokenTtlSeconds.min).max(devTokenTtlSeconds.max).optional(),
});

export interface DevToken {
  readonly token: string;
  readonly user: SampleUserName;
  readonly expiresInSeconds: number;
}

/** Signs an access token for a sample user, as the GraphiQL page's dev sign-in asks: `{ "user": "police-officer" }`. */
export async function mintDevToken(body: unknown, provider: DevIdentityProvider): Promise<DevToken> {
  const request = devTokenRequestSchema.safeParse(body);
  if (!request.success) {
    throw new DongseonError('DS_INVALID_INPUT', request.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
  }
  const user = request.data.user as SampleUserName;
  const expiresInSeconds = request.data.ttlSeconds ?? devTokenTtlSeconds.default;
  return { token: await provider.mintToken(sampleUsers[user], { ttlSeconds: expiresInSeconds }), user, expiresInSeconds };
}
