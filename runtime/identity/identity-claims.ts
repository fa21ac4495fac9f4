import { z } from 'zod';
import type { Identity } from '../../domain/access/index.js';

/** The Dongseon claims every access token and identity header carries. */
export const identityClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  agency: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  roles: z.array(z.string().max(60)).max(40).default([]),
  scopes: z.array(z.string().max(60)).max(100).default([]),
  clearance: z.number().int().min(0).max(3),
  municipalities: z.array(z.string().min(1).max(100)).max(200).optional(),
});

export type IdentityClaims = z.infer<typeof identityClaimsSchema>;

export function identityFromClaims(claims: IdentityClaims): Identity {
  return {
    subject: claims.sub, agency: claims.agency, roles: claims.roles, scopes: claims.scopes, clearance: claims.clearance,
    ...(claims.municipalities ? { municipalities: claims.municipalities } : {}),
  };
}

export function claimsFromIdentity(identity: Identity): IdentityClaims {
  return {
    sub: identity.subject, agency: identity.agency, roles: [...identity.roles], scopes: [...identity.scopes], clearance: identity.clearance,
    ...(identity.municipalities ? { municipalities: [...identity.municipalities] } : {}),
  };
}
