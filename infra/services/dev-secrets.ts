import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stackDir } from '../../runtime/endpoints/stack-paths.js';

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

/**
 * A key pair of the local hub as JWK JSON (the history search's: the cctv subgraph signs with the private key, edge
 * nodes verify with the public one), made once per checkout like `devSecret`. Never used outside development.
 */
export function devKeyPair(name: string): { privateJwk: string; publicJwk: string } {
  const file = join(devSecretsDir, `${name}.json`);
  if (!existsSync(file)) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ privateJwk: privateKey.export({ format: 'jwk' }), publicJwk: publicKey.export({ format: 'jwk' }) })}\n`, { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: unknown; publicJwk: unknown };
  return { privateJwk: JSON.stringify(stored.privateJwk), publicJwk: JSON.stringify(stored.publicJwk) };
}
