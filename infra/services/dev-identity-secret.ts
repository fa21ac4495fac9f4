import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stackDir } from '../stack/paths.js';

export const devIdentitySecretFile = join(stackDir, 'identity', 'identity-header-secret');

/**
 * The secret the local gateway signs identity headers with and the local subgraphs verify, made once per checkout
 * and kept under the git-ignored .stack/ so restarts keep working. Never used outside development.
 */
export function devIdentityHeaderSecret(): string {
  if (existsSync(devIdentitySecretFile)) return readFileSync(devIdentitySecretFile, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(devIdentitySecretFile), { recursive: true });
  writeFileSync(devIdentitySecretFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}
