import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import type { DevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';

/** Exists only while DS_DEV_IDENTITY is on, which the configuration allows in development on loopback only. */
export const devTokenPath = '/dev/token';

export const devTokenTtlSeconds = { default: 8 * 3600, min: 60, max: 24 * 3600 } as const;

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
