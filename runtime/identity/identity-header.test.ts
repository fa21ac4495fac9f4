import { describe, expect, it } from 'vitest';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { signIdentityHeader, verifyIdentityHeader, type SubgraphRequestTarget } from './identity-header.js';
import { inProcessIdentityNonceLedger } from './identity-nonce-ledger.js';
import { sampleUsers } from './sample-users.js';

const secret = 'a-test-secret-of-at-least-32-bytes-long';
const access: RequestAccess = { identity: sampleUsers['police-investigator'], purpose: 'investigation', caseNumber: 'C-1' };
const target: SubgraphRequestTarget = { subgraph: 'police', method: 'POST', path: '/graphql', body: '{"query":"{ wantedVehicles { plate } }"}' };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof DongseonError ? error.code : String(error);
  }
}

describe('the identity header', () => {
  it('carries who asks and why to the request it was signed for', async () => {
    const header = await signIdentityHeader(access, secret, target);
    expect(await verifyIdentityHeader(header, secret, target, inProcessIdentityNonceLedger())).toEqual(access);
  });

  it('finding 4(b): a replayed identity header is refused', async () => {
    const nonces = inProcessIdentityNonceLedger();
    const header = await signIdentityHeader(access, secret, target);
    await verifyIdentityHeader(header, secret, target, nonces);
    expect(await codeOf(verifyIdentityHeader(header, secret, target, nonces))).toBe('DS_AUTH_IDENTITY_REPLAYED');
  });

  it.each([
    ['another body', { ...target, body: '{"query":"{ cases { caseNumber } }"}' }],
    ['the same body re-serialised', { ...target, body: `${target.body as string}\n` }],
    ['another path', { ...target, path: '/graphql/' }],
    ['another method', { ...target, method: 'GET' }],
    ['another subgraph', { ...target, subgraph: 'civic' }],
  ])('finding 4(b): an identity header transplanted onto %s is refused', async (_, other) => {
    const header = await signIdentityHeader(access, secret, target);
    expect(await codeOf(verifyIdentityHeader(header, secret, other, inProcessIdentityNonceLedger()))).toBe('DS_AUTH_UNAUTHENTICATED');
  });

  it('is refused when signed with another secret, or missing', async () => {
    const forged = await signIdentityHeader(access, 'another-secret-that-is-32-bytes-long!', target);
    expect(await codeOf(verifyIdentityHeader(forged, secret, target, inProcessIdentityNonceLedger()))).toBe('DS_AUTH_UNAUTHENTICATED');
    expect(await codeOf(verifyIdentityHeader(undefined, secret, target, inProcessIdentityNonceLedger()))).toBe('DS_AUTH_UNAUTHENTICATED');
  });
});

describe('the in-process nonce ledger', () => {
  it('accepts a nonce once, forgets it after it expires, and refuses new nonces when full instead of forgetting live ones', async () => {
    let now = 1_000_000;
    const ledger = inProcessIdentityNonceLedger(2, () => now);
    const expiry = now / 1000 + 60;
    expect(await ledger.claim('a', expiry)).toBe(true);
    expect(await ledger.claim('a', expiry)).toBe(false);
    expect(await ledger.claim('b', expiry)).toBe(true);
    expect(await codeOf(ledger.claim('c', expiry))).toBe('DS_SUBGRAPH_UNAVAILABLE');
    expect(await ledger.claim('a', expiry)).toBe(false);
    now += 61_000;
    expect(await ledger.claim('c', now / 1000 + 60)).toBe(true);
  });
});
