import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { importAccessTokenPublicKey, verifyAccessToken } from '../../runtime/identity/access-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { devKeyFileName, loadOrCreateDevKeyPair } from './dev-key-store.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ds-dev-keys-'));
  dirs.push(dir);
  return join(dir, 'identity');
};

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateDevKeyPair', () => {
  it('makes a key pair once, readable by the owner only, and returns the same pair afterwards', async () => {
    const dir = tempDir();
    const first = await loadOrCreateDevKeyPair(dir);
    expect(statSync(join(dir, devKeyFileName)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateDevKeyPair(dir)).toEqual(first);
  });

  it('a token minted before a restart still verifies after it', async () => {
    const dir = tempDir();
    const token = await (await createDevIdentityProvider(await loadOrCreateDevKeyPair(dir))).mintToken(sampleUsers['police-officer']);
    const publicKey = await importAccessTokenPublicKey((await loadOrCreateDevKeyPair(dir)).publicJwk);
    expect((await verifyAccessToken(token, publicKey)).subject).toBe('police-officer-kim');
  });

  it('processes racing to create it agree on one pair', async () => {
    const dir = tempDir();
    const pairs = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevKeyPair(dir)));
    for (const pair of pairs) expect(pair).toEqual(pairs[0]);
  });
});
