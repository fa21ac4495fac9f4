import { statedPurpose, statedPurposeLimits, type AccessPurpose, type Identity } from '../../domain/access/index.js';
import { isDongseonError } from '../../domain/errors/index.js';
import {
  bearerToken, defaultAccessTokenTimeLimits, verifyAccessToken, type AccessTokenKey, type AccessTokenTimeLimits,
} from '../../runtime/identity/access-token.js';
import { caseNumberHeaderName, purposeHeaderName } from '../gateway-context.js';
import type { GatewayPlugin } from '../gateway-plugin.js';
import { refusal } from '../refusal.js';

export interface AuthenticationOptions {
  /** The ES256 public key access tokens are verified with. */
  readonly publicKey: AccessTokenKey;
  readonly tokenTimeLimits?: AccessTokenTimeLimits;
}

// Each character of a purpose is at most 4 UTF-8 bytes, each byte at most 3 characters encoded.
const encodedLength = (maxLength: number) => maxLength * 12;

/**
 * Header values travel as ISO-8859-1, so clients percent-encode the UTF-8 of a purpose written in Korean
 * (`encodeURIComponent`); a literal `%` is sent as `%25`. Raw UTF-8 would arrive as mojibake and is refused with a
 * code that says so.
 */
function headerText(value: string | undefined, name: string, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  if (/[^\p{ASCII}]/u.test(value)) throw refusal('DS_HEADER_NOT_PERCENT_ENCODED', `${name} holds raw non-ASCII: percent-encode its UTF-8 (encodeURIComponent)`);
  if (value.length > encodedLength(maxLength)) throw refusal('DS_INVALID_INPUT', `${name} is longer than ${maxLength} characters`);
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    throw refusal('DS_INVALID_INPUT', `${name} is not valid percent-encoded UTF-8`);
  }
  return text;
}

/** The purpose and case number a request states in its headers, validated as the audit log records them. */
function statedPurposeOf(headers: { get(name: string): string | undefined }, repeatedHeaders: ReadonlySet<string> = new Set()): AccessPurpose {
  // Sent twice, a header arrives joined with a comma, and the request would state two purposes as one.
  for (const name of [purposeHeaderName, caseNumberHeaderName]) {
    if (repeatedHeaders.has(name)) throw refusal('DS_HEADER_REPEATED', `${name} was sent more than once`);
  }
  const purpose = headerText(headers.get(purposeHeaderName), purposeHeaderName, statedPurposeLimits.purpose);
  const caseNumber = headerText(headers.get(caseNumberHeaderName), caseNumberHeaderName, statedPurposeLimits.caseNumber);
  try {
    return statedPurpose(purpose, caseNumber, { purpose: purposeHeaderName, caseNumber: caseNumberHeaderName });
  } catch (error) {
    if (isDongseonError(error)) throw refusal(error.code, error.message);
    throw error;
  }
}

/**
 * Every request names who is asking with an ES256 access token (`Authorization: Bearer …`) and, for personal
 * data, why (purpose and case-number headers). Without a valid token nothing else runs: 401. A known caller whose
 * purpose or case number is malformed is refused once the operation is known, not before: a refused request for
 * personal data is then recorded in the audit log like any other refusal.
 */
export function useAuthentication(options: AuthenticationOptions): GatewayPlugin {
  return {
    async onRequest(request) {
      if (request.repeatedHeaders?.has('authorization')) throw refusal('DS_HEADER_REPEATED', 'authorization was sent more than once');
      const token = bearerToken(request.headers.get('authorization'));
      if (!token) {
        throw refusal('DS_AUTH_UNAUTHENTICATED', 'an access token is required (Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
      }
      let identity: Identity;
      try {
        identity = await verifyAccessToken(token, options.publicKey, options.tokenTimeLimits ?? defaultAccessTokenTimeLimits);
      } catch (error) {
        if (isDongseonError(error)) throw refusal(error.code, error.message, { 'www-authenticate': 'Bearer error="invalid_token"' });
        throw error;
      }
      try {
        request.access = { identity, ...statedPurposeOf(request.headers, request.repeatedHeaders) };
      } catch (error) {
        request.access = { identity };
        request.deferredRefusal = error;
      }
    },
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation() {
          if (contextValue.deferredRefusal) throw contextValue.deferredRefusal;
        },
      };
    },
  };
}
