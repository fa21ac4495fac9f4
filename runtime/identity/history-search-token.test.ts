import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
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

/** The same signed search with other times, as only a holder of the signing key could make it. */
async function withTimes(token: string, times: { iat: number; exp: number }, signing: Awaited<ReturnType<typeof keys>>['signing']): Promise<string> {
  return new SignJWT({ ...decodeJwt(token), ...times }).setProtectedHeader({ alg: 'ES256' }).sign(signing);
}

describe('the signed history search', () => {
  it('carries who, why and exactly what to the edge node it was signed for', async () => {
    const { signing, verifying } = await keys();
    const token = await signHistorySearch(grant, 'suwon', signing);
    const { exp } = decodeJwt(token);
    expect(await verifyHistorySearch(token, 'suwon', verifying)).toEqual({ ok: true, grant, acceptedUntilMs: ((exp ?? 0) + 5) * 1000 });
  });

  it('is refused by another edge node, under another key, when altered and when missing', async () => {
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
    const expiredOfAnotherEdge = await withTimes(await signHistorySearch(grant, 'osan', signing), { iat: 1_000, exp: 1_060 }, signing);
    await expect(verifyHistorySearch(expiredOfAnotherEdge, 'suwon', verifying)).rejects.toThrow(refused);
  });

  it.each<[string, number, { iat: number; exp: number } | undefined, string | undefined]>([
    ['taken as signed', 0, undefined, undefined],
    ['taken within the clock skew either side', 0, { iat: 4, exp: 64 }, undefined],
    ['taken a minute and the clock skew later', 65_000, undefined, undefined],
    ['finding 8: a grant issued an hour ago (and still unexpired) is refused', 0, { iat: -3600, exp: 30 }, 'valid for longer than 60 seconds'],
    ['finding 8: a grant issued an hour ago (and expired) is refused', 0, { iat: -3600, exp: -3540 }, 'issued more than 60 seconds ago'],
    ['finding 8: a 10-day grant is refused', 0, { iat: 0, exp: 10 * 24 * 3600 }, 'valid for longer than 60 seconds'],
    ['finding 8: a grant issued in the future is refused', 0, { iat: 3600, exp: 3660 }, 'issued in the future'],
    ['finding 8: a grant more than a minute and the skew old is refused', 70_000, undefined, 'issued more than 60 seconds ago'],
    ['finding 8: a grant past its exp and the skew is refused', 0, { iat: -40, exp: -6 }, 'has expired'],
  ])('%s', async (_name, laterMs, times, refusal) => {
    const { signing, verifying } = await keys();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const signed = await signHistorySearch(grant, 'suwon', signing);
    const token = times ? await withTimes(signed, { iat: nowSeconds + times.iat, exp: nowSeconds + times.exp }, signing) : signed;
    const verified = await verifyHistorySearch(token, 'suwon', verifying, nowSeconds * 1000 + laterMs);
    expect(verified.grant).toEqual(grant);
    if (refusal === undefined) expect(verified.ok).toBe(true);
    else expect(verified).toMatchObject({ ok: false, code: 'DS_HISTORY_SEARCH_TIME_INVALID', reason: expect.stringContaining(refusal) });
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
