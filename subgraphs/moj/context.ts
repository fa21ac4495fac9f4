import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { MonitoredSubjectStore } from './monitored-subject-store.js';

/** What the moj subgraph adds to each request. */
export interface MojRequestState {
  readonly subjects: MonitoredSubjectStore;
}

/**
 * What every moj resolver receives: the verified request access and the monitoring store. Who may read a subject
 * is decided from the schema's @access before any resolver here runs; resolvers never decide it themselves.
 */
export type MojContext = AccessContext & MojRequestState;
