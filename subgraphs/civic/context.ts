import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { CameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import type { PublicCameraStore } from './public-camera-store.js';

/** What every civic resolver receives: the verified request access and the stores of public data. */
export type CivicContext = AccessContext & {
  readonly publicCameras: PublicCameraStore;
  readonly volumes: CameraVolumeStore;
};
