/** Who is signed in at the console, and what they stated; every request carries all of it. */
export interface ConsoleSession {
  readonly user: string;
  readonly token: string;
  readonly expiresAtMs: number;
  readonly purpose: string;
  readonly caseNumber: string;
}

/** The gateway's header names for purpose and case number (gateway/gateway-context.ts). */
export const purposeHeaderName = 'x-dongseon-purpose';
export const caseNumberHeaderName = 'x-dongseon-case-number';

/** Headers of one GraphQL request: the bearer token and, percent-encoded (headers are ISO-8859-1), purpose and case. */
export function requestHeaders(session: ConsoleSession): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    authorization: `Bearer ${session.token}`,
  };
  const purpose = session.purpose.trim();
  const caseNumber = session.caseNumber.trim();
  if (purpose) headers[purposeHeaderName] = encodeURIComponent(purpose.normalize('NFC'));
  if (caseNumber) headers[caseNumberHeaderName] = encodeURIComponent(caseNumber.normalize('NFC'));
  return headers;
}

/** The graphql-ws `connectionParams` of the real-time endpoint: the same token and statement, as JSON. */
export function realtimeConnectionParams(session: ConsoleSession): Record<string, string> {
  return {
    authorization: `Bearer ${session.token}`,
    ...(session.purpose.trim() ? { purpose: session.purpose.trim().normalize('NFC') } : {}),
    ...(session.caseNumber.trim() ? { caseNumber: session.caseNumber.trim().normalize('NFC') } : {}),
  };
}

/**
 * The scopes the token claims, read without verifying it: only to leave out what the user may not see (a supervisor
 * gets no hit queue, so the console does not fill the audit log with refused hit requests); the gateway decides.
 */
export function tokenScopes(token: string): readonly string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const scopes: unknown = (JSON.parse(json) as { scopes?: unknown }).scopes;
    return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
  } catch {
    return [];
  }
}
