import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stackDir } from '../stack/paths.js';

export const devSecretsDir = join(stackDir, 'identity');

/**
 * A secret of the local hub (the identity-header secret, an edge's pseudonym secret, the CAD webhook secret), made
 * once per checkout under the git-ignored .stack/ so restarts keep working. Never used outside development.
 */
export function devSecret(name: string, bytes = 48): string {
  const file = join(devSecretsDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(bytes).toString('base64');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
