import type { Driver } from 'neo4j-driver';

/** The cameras of this edge node's municipality, as registered in the camera registry; validation asks `has`. */
export interface KnownCameras {
  has(cameraId: string): boolean;
  ids(): readonly string[];
  /** Loads the set now; rejects when the registry cannot be read (the last good set stays). */
  refresh(): Promise<void>;
  /** Loads once (rejecting if that fails), then refreshes every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
}

export interface KnownCamerasOptions {
  readonly driver: Driver;
  readonly municipalityId: string;
  readonly refreshMs: number;
  /** A failed periodic refresh keeps the last good set and is reported here. */
  readonly onError?: (error: unknown) => void;
}

// Only a camera carrying `registryRevision` was written by the registry; the tracking subgraph MERGEs bare
// (:Camera {id}) nodes for its own relationships, and those are not cameras this edge may accept reads from.
const municipalityCameras = `
  MATCH (camera:Camera)-[:IN]->(:Municipality {id: $municipalityId})
  WHERE camera.registryRevision IS NOT NULL
  RETURN camera.id AS id`;

export function createKnownCameras(options: KnownCamerasOptions): KnownCameras {
  const { driver, municipalityId, refreshMs, onError = () => undefined } = options;
  let cameras = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    const { records } = await driver.executeQuery(municipalityCameras, { municipalityId }, { routing: 'READ' });
    cameras = new Set(records.map((record) => String(record.get('id'))));
  };

  return {
    has: (cameraId) => cameras.has(cameraId),
    ids: () => [...cameras].sort(),
    refresh,
    async start() {
      await refresh();
      timer = setInterval(() => void refresh().catch(onError), refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** A fixed set, for tests. */
export function fixedKnownCameras(ids: readonly string[]): KnownCameras {
  const cameras = new Set(ids);
  return {
    has: (cameraId) => cameras.has(cameraId),
    ids: () => [...cameras].sort(),
    refresh: () => Promise.resolve(),
    start: () => Promise.resolve(),
    stop: () => undefined,
  };
}
