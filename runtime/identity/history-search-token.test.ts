import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDevKeyPair } from './dev-identity-provider.js';
import {
  historySigningJwkVariable, historyVerifyJwkVariable, importHistorySearchKey, signHistorySearch, verifyHistorySearch,
  type HistorySearchGrant,
} from './history-search-token.js';
import { sampleUsers } from './sample-users.js';

const grant: HistorySearchGrant = {
  searchId: 'search-1',
  access: { identity: sampleUsers['police-investigator'], purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142' },
  query: { plate: '12가3456', from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' },
};

async function keys() {
  const pair = await generateDevKeyPair();
  return { signing: await importHistorySearchKey(pair.privateJwk), verifying: await importHistorySearchKey(pair.publicJwk), pair };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the signed history search', () => {
  it('carries who, why and exactly what to the edge node it was signed for', async () => {
    const { signing, verifying } = await keys();
    const token = await signHistorySearch(grant, 'suwon', signing);
    expect(await verifyHistorySearch(token, 'suwon', verifying)).toEqual(grant);
  });

  it('is refused by another edge node, under another key, when altered, when missing and once expired', async () => {
    const { signing, verifying } = await keys();
    const other = await keys();
    const token = await signHistorySearch(grant, 'suwon', signing);
    const refused = expect.objectContaining({ code: 'DS_AUTH_UNAUTHENTICATED' });
    await expect(verifyHistorySearch(token, 'osan', verifying)).rejects.toThrow(refused);
    await expect(verifyHistorySearch(token, 'suwon', other.verifying)).rejects.toThrow(refused);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), scopes: ['everything'] })).toString('base64url');
    await expect(verifyHistorySearch(`${header}.${altered}.${signature}`, 'suwon', verifying)).rejects.toThrow(refused);
    await expect(verifyHistorySearch(undefined, 'suwon', verifying)).rejects.toThrow(refused);
    vi.useFakeTimers({ now: Date.now() + 61_000 });
    await expect(verifyHistorySearch(token, 'suwon', verifying)).rejects.toThrow(refused);
  });

  it('takes a private key for signing and only a public key for verifying', async () => {
    const { pair } = await keys();
    expect(historySigningJwkVariable.safeParse(JSON.stringify(pair.privateJwk)).success).toBe(true);
    expect(historySigningJwkVariable.safeParse(JSON.stringify(pair.publicJwk)).success).toBe(false);
    expect(historyVerifyJwkVariable.safeParse(JSON.stringify(pair.publicJwk)).success).toBe(true);
    expect(historyVerifyJwkVariable.safeParse(JSON.stringify(pair.privateJwk)).success).toBe(false);
    expect(historyVerifyJwkVariable.safeParse('not json').success).toBe(false);
  });
});
