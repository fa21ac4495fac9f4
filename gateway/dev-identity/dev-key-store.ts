import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { generateDevKeyPair, type DevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { stackDir } from '../../runtime/endpoints/stack-paths.js';

/** Development only, git-ignored: tokens minted with this key stay valid across gateway restarts. */
export const devIdentityDir = join(stackDir, 'identity');
export const devKeyFileName = 'access-token-keys.json';

const jwkSchema = z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() });
const keyFileSchema = z.object({
  privateJwk: jwkSchema.extend({ d: z.string() }),
  publicJwk: jwkSchema,
});

function readKeyPair(file: string): DevKeyPair {
  const parsed = keyFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new DongseonError('DS_CONFIG_INVALID', `${file} is not a development key pair; delete it to make a new one`);
  return parsed.data;
}

/**
 * The development key pair access tokens are signed with, made once and kept in `dir`. Two processes starting
 * together (the gateway and the identity CLI) agree on one pair: the file appears atomically, and the one that
 * loses the race reads the winner's.
 */
export async function loadOrCreateDevKeyPair(dir: string = devIdentityDir): Promise<DevKeyPair> {
  const file = join(dir, devKeyFileName);
  try {
    return readKeyPair(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const draft = join(dir, `.${devKeyFileName}.${randomUUID()}`);
  writeFileSync(draft, `${JSON.stringify(await generateDevKeyPair(), null, 2)}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readKeyPair(file);
}
