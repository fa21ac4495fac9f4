import neo4j, { type Driver } from 'neo4j-driver';

/** What the public may know of a camera: where it stands and whether it reads plates. */
export interface PublicCameraRow {
  readonly id: string;
  readonly municipalityName: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly anprCapable: boolean;
}

export interface PublicCameraStore {
  /** Cameras in service, by id; of one municipality when given. */
  list(municipalityId?: string): Promise<PublicCameraRow[]>;
}

// Reads cctv's registry nodes, public properties only. Camera nodes other subgraphs merge by id (tracking's
// sightings and roads) carry no position and no IN link until cctv registers them, so they never show here.
const publicCameras = `
MATCH (camera:Camera)-[:IN]->(municipality:Municipality)
WHERE camera.latitude IS NOT NULL AND camera.longitude IS NOT NULL
  AND camera.status <> 'DECOMMISSIONED'
  AND ($municipalityId IS NULL OR municipality.id = $municipalityId)
RETURN camera.id AS id, municipality.name AS municipalityName, camera.latitude AS latitude, camera.longitude AS longitude,
  camera.anprCapable AS anprCapable
ORDER BY camera.id`;

export function createPublicCameraStore(driver: Driver): PublicCameraStore {
  return {
    async list(municipalityId) {
      const { records } = await driver.executeQuery(publicCameras, { municipalityId: municipalityId ?? null }, { routing: neo4j.routing.READ });
      return records.map((record) => ({
        id: record.get('id') as string,
        municipalityName: record.get('municipalityName') as string,
        latitude: Number(record.get('latitude')),
        longitude: Number(record.get('longitude')),
        anprCapable: record.get('anprCapable') as boolean,
      }));
    },
  };
}
