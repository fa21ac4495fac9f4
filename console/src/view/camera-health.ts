export type CameraHealth = 'online' | 'degraded' | 'silent' | 'offline' | 'decommissioned';

export interface CameraHealthInput {
  readonly status: 'ONLINE' | 'DEGRADED' | 'OFFLINE' | 'DECOMMISSIONED';
  readonly lastHeartbeatAt?: string | null;
}

/** A camera whose last heartbeat is older than this is silent, whatever its registered status says. */
export const silenceAfterMs = 5 * 60_000;

/**
 * What the graph tells of a camera's health: its registered status, and its last heartbeat when the registry has one
 * (a camera that never sent one is judged by its status alone).
 */
export function cameraHealth(camera: CameraHealthInput, nowMs: number): CameraHealth {
  if (camera.status === 'DECOMMISSIONED') return 'decommissioned';
  if (camera.status === 'OFFLINE') return 'offline';
  const heartbeat = camera.lastHeartbeatAt ? Date.parse(camera.lastHeartbeatAt) : Number.NaN;
  if (!Number.isNaN(heartbeat) && nowMs - heartbeat > silenceAfterMs) return 'silent';
  return camera.status === 'DEGRADED' ? 'degraded' : 'online';
}

/** Map colours: silent and offline cameras stand out against the dark map; all pass 3:1 contrast on it. */
export const healthColours: Readonly<Record<CameraHealth, string>> = {
  online: '#3ddc84',
  degraded: '#ffb020',
  silent: '#ff3b7f',
  offline: '#ff5a36',
  decommissioned: '#8a8f98',
};

export const healthOrder: readonly CameraHealth[] = ['online', 'degraded', 'silent', 'offline', 'decommissioned'];
