import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import { createBatchedLookup, type Lookup } from './batched-lookup.js';
import type { CameraRegistryStore } from './camera-registry-store.js';
import type { RegisteredCamera, RegisteredMunicipality } from './registry-entries.js';

/** What the cctv subgraph adds to each request: its registry, and lookups batched within that request. */
export interface CctvRequestState {
  readonly registry: CameraRegistryStore;
  readonly cameraById: Lookup<RegisteredCamera>;
  readonly municipalityById: Lookup<RegisteredMunicipality>;
}

/** What every cctv resolver receives: the verified request access and the camera registry. */
export type CctvContext = AccessContext & CctvRequestState;

export function cctvRequestState(registry: CameraRegistryStore): CctvRequestState {
  return {
    registry,
    cameraById: createBatchedLookup((ids) => registry.findCameras(ids)),
    municipalityById: createBatchedLookup((ids) => registry.findMunicipalities(ids)),
  };
}
