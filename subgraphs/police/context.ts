import type { AccessContext } from '../../runtime/graphql/enforce-access.js';

/** What every police resolver receives: the verified request access (its stores join here as they land). */
export type PoliceContext = AccessContext;
