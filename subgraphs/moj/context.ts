import type { AccessContext } from '../../runtime/graphql/enforce-access.js';

/** What every moj resolver receives: the verified request access (its stores join here as they land). */
export type MojContext = AccessContext;
