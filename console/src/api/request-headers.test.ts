import { describe, expect, it } from 'vitest';
import { caseNumberHeaderName, purposeHeaderName, realtimeConnectionParams, requestHeaders, tokenScopes } from './request-headers.js';

const session = { user: 'police-investigator', token: 'eyJ.t.s', expiresAtMs: 0, purpose: ' 도난차량 추적 ', caseNumber: '2026-수원-0001' };

describe('what every console request carries', () => {
  it('sends the token, and purpose and case number percent-encoded', () => {
    const headers = requestHeaders(session);
    expect(headers.authorization).toBe('Bearer eyJ.t.s');
    expect(decodeURIComponent(headers[purposeHeaderName]!)).toBe('도난차량 추적');
    expect(headers[caseNumberHeaderName]).toBe(encodeURIComponent('2026-수원-0001'));
    expect(Object.values(headers).every((value) => /^[\x20-\x7e]*$/.test(value))).toBe(true);
  });

  it('leaves out an empty statement', () => {
    expect(Object.keys(requestHeaders({ ...session, purpose: ' ', caseNumber: '' }))).not.toContain(purposeHeaderName);
  });

  it('gives the real-time endpoint the same, as JSON', () => {
    expect(realtimeConnectionParams(session)).toEqual({ authorization: 'Bearer eyJ.t.s', purpose: '도난차량 추적', caseNumber: '2026-수원-0001' });
  });
});

describe('the scopes a token claims', () => {
  const token = (payload: unknown) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

  it('reads them from the payload', () => {
    expect(tokenScopes(token({ sub: '한', scopes: ['hits:read', 'audit:read'] }))).toEqual(['hits:read', 'audit:read']);
  });

  it('has none for a token without them or no token at all', () => {
    expect(tokenScopes(token({ sub: 'x' }))).toEqual([]);
    expect(tokenScopes('not a token')).toEqual([]);
  });
});
