import type { AccessPurpose, Identity } from '../../domain/access/index.js';
import { isDongseonError } from '../../domain/errors/index.js';
import { bearerToken, verifyAccessToken, type AccessTokenKey } from '../../runtime/identity/access-token.js';
import { caseNumberHeaderName, purposeHeaderName } from '../gateway-context.js';
import type { GatewayPlugin } from '../gateway-plugin.js';
import { refusal } from '../refusal.js';

export interface AuthenticationOptions {
  /** The ES256 public key access tokens are verified with. */
  readonly publicKey: AccessTokenKey;
}

/** The longest purpose and case number the signed identity header carries. */
export const purposeLimits = { purpose: 500, caseNumber: 100 } as const;

/**
 * Header values travel as ISO-8859-1, so clients percent-encode the UTF-8 of a purpose written in Korean
 * (`encodeURIComponent`); a literal `%` is sent as `%25`.
 */
function headerText(value: string | undefined, name: string, maxLength: number): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let text: string;
  try {
    text = decodeURIComponent(value).trim();
  } catch {
    throw refusal('DS_INVALID_INPUT', `${name} is not valid percent-encoded UTF-8`);
  }
  if (text.length > maxLength) throw refusal('DS_INVALID_INPUT', `${name} is longer than ${maxLength} characters`);
  return text === '' ? undefined : text;
}

export function statedPurpose(headers: { get(name: string): string | undefined }): AccessPurpose {
  const purpose = headerText(headers.get(purposeHeaderName), purposeHeaderName, purposeLimits.purpose);
  const caseNumber = headerText(headers.get(caseNumberHeaderName), caseNumberHeaderName, purposeLimits.caseNumber);
  return { ...(purpose ? { purpose } : {}), ...(caseNumber ? { caseNumber } : {}) };
}

/**
 * Every request names who is asking with an ES256 access token (`Authorization: Bearer …`) and, for personal
 * data, why (purpose and case-number headers). Without a valid token nothing else runs: 401.
 */
export function useAuthentication(options: AuthenticationOptions): GatewayPlugin {
  return {
    async onRequest(request) {
      const token = bearerToken(request.headers.get('authorization'));
      if (!token) {
        throw refusal('DS_AUTH_UNAUTHENTICATED', 'an access token is required (Authorization: Bearer <token>)', { 'www-authenticate': 'Bearer' });
      }
      let identity: Identity;
      try {
        identity = await verifyAccessToken(token, options.publicKey);
      } catch (error) {
        if (isDongseonError(error)) throw refusal(error.code, error.message, { 'www-authenticate': 'Bearer error="invalid_token"' });
        throw error;
      }
      request.access = { identity, ...statedPurpose(request.headers) };
    },
  };
}
