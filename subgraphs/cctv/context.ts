import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import { createBatchedLookup, type Lookup } from './batched-lookup.js';
import type { CameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import type { CameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import type { HitEvidenceFetcher } from './edge-evidence-client.js';
import type { PlateHistorySearcher } from './edge-history-client.js';
import type { RegisteredCamera, RegisteredMunicipality } from '../../stores/camera-registry/registry-entries.js';

/** What the cctv subgraph adds to each request: its registry, lookups batched within that request, the edge nodes. */
export interface CctvRequestState {
  readonly registry: CameraRegistryStore;
  /** Camera credentials: issued and revoked under `cameras:write`. */
  readonly credentials: CameraCredentialStore;
  /** Undefined when history search is not configured. */
  readonly history: PlateHistorySearcher | undefined;
  /** Undefined when no edge nodes are configured (the same configuration as history search). */
  readonly evidence: HitEvidenceFetcher | undefined;
  readonly cameraById: Lookup<RegisteredCamera>;
  readonly municipalityById: Lookup<RegisteredMunicipality>;
}

/** What every cctv resolver receives: the verified request access and the camera registry. */
export type CctvContext = AccessContext & CctvRequestState;

export function cctvRequestState(
  registry: CameraRegistryStore, credentials: CameraCredentialStore, history?: PlateHistorySearcher, evidence?: HitEvidenceFetcher,
): CctvRequestState {
  return {
    registry,
    credentials,
    history,
    evidence,
    cameraById: createBatchedLookup((ids) => registry.findCameras(ids)),
    municipalityById: createBatchedLookup((ids) => registry.findMunicipalities(ids)),
  };
}
