import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  sameCameraEntry, sameMunicipalityEntry,
  type CameraEntry, type CameraStatus, type MunicipalityEntry, type RegisteredCamera, type RegisteredMunicipality,
} from './registry-entries.js';
import { countsOf, registryChanges, type RegistryCounts } from './registry-changes.js';

// The tracking subgraph MERGEs (:Camera {id}) and (:Municipality {id}) nodes for its own relationships and never
// sets registry properties. Only a node carrying `registryRevision` has been written by this registry; every read
// filters on it, and every write MERGEs by id and SETs all registry properties.

const constraints = [
  'CREATE CONSTRAINT camera_id_unique IF NOT EXISTS FOR (camera:Camera) REQUIRE camera.id IS UNIQUE',
  'CREATE CONSTRAINT municipality_id_unique IF NOT EXISTS FOR (municipality:Municipality) REQUIRE municipality.id IS UNIQUE',
  'CREATE INDEX camera_municipality_id IF NOT EXISTS FOR (camera:Camera) ON (camera.municipalityId)',
];

const cameraFields = `camera {
  .id, .name, .municipalityId, .latitude, .longitude, .roadLinkId, .headingDegrees, .anprCapable, .resolution, .status,
  .lastHeartbeatAt, .registryRevision
} AS camera`;
const municipalityFields = 'municipality {.id, .name, .districtCode, .registryRevision} AS municipality';

interface CameraNode {
  id: string; name: string; municipalityId: string; latitude: number; longitude: number; roadLinkId: string | null;
  headingDegrees: number | null; anprCapable: boolean; resolution: string | null; status: CameraStatus;
  lastHeartbeatAt: unknown; registryRevision: number;
}

function cameraOf(node: CameraNode): RegisteredCamera {
  const { latitude, longitude, lastHeartbeatAt, ...rest } = node;
  return {
    ...rest,
    position: { latitude, longitude },
    lastHeartbeatAt: lastHeartbeatAt === null || lastHeartbeatAt === undefined ? null : String(lastHeartbeatAt),
  };
}

const cameraParameters = (entry: CameraEntry) => {
  const { position, ...rest } = entry;
  return { ...rest, latitude: position.latitude, longitude: position.longitude };
};

const byId = <Value extends { id: string }>(values: readonly Value[]): Map<string, Value> =>
  new Map(values.map((value) => [value.id, value]));

async function readMunicipalities(tx: ManagedTransaction, ids: readonly string[]): Promise<RegisteredMunicipality[]> {
  const result = await tx.run(
    `MATCH (municipality:Municipality) WHERE municipality.id IN $ids AND municipality.registryRevision IS NOT NULL
     RETURN ${municipalityFields}`,
    { ids },
  );
  return result.records.map((record) => record.get('municipality') as RegisteredMunicipality);
}

async function readCameras(tx: ManagedTransaction, ids: readonly string[]): Promise<RegisteredCamera[]> {
  const result = await tx.run(
    `MATCH (camera:Camera) WHERE camera.id IN $ids AND camera.registryRevision IS NOT NULL RETURN ${cameraFields}`,
    { ids },
  );
  return result.records.map((record) => cameraOf(record.get('camera') as CameraNode));
}

/** The regional camera registry in Neo4j: municipalities and the cameras (IN) them. */
export function createCameraRegistryStore(driver: Driver) {
  const read = <Result>(work: (tx: ManagedTransaction) => Promise<Result>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    return session.executeRead(work).finally(() => session.close());
  };
  const write = <Result>(work: (tx: ManagedTransaction) => Promise<Result>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    return session.executeWrite(work).finally(() => session.close());
  };

  return {
    async ensureConstraints(): Promise<void> {
      for (const statement of constraints) {
        try {
          await driver.executeQuery(statement);
        } catch (error) {
          // Two processes starting at once can both pass IF NOT EXISTS; the loser's error means the rule exists.
          if ((error as { code?: string }).code !== 'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists') throw error;
        }
      }
    },

    async isEmpty(): Promise<boolean> {
      const { records } = await driver.executeQuery(
        'MATCH (municipality:Municipality) WHERE municipality.registryRevision IS NOT NULL RETURN municipality.id LIMIT 1',
        {}, { routing: neo4j.routing.READ },
      );
      return records.length === 0;
    },

    async findMunicipalities(ids: readonly string[]): Promise<Map<string, RegisteredMunicipality>> {
      return byId(await read((tx) => readMunicipalities(tx, ids)));
    },

    async listMunicipalities(): Promise<RegisteredMunicipality[]> {
      const { records } = await driver.executeQuery(
        `MATCH (municipality:Municipality) WHERE municipality.registryRevision IS NOT NULL
         RETURN ${municipalityFields} ORDER BY municipality.id`,
        {}, { routing: neo4j.routing.READ },
      );
      return records.map((record) => record.get('municipality') as RegisteredMunicipality);
    },

    async findCameras(ids: readonly string[]): Promise<Map<string, RegisteredCamera>> {
      return byId(await read((tx) => readCameras(tx, ids)));
    },

    /** Cameras by id, at most `first` of them; `first` must already be bounded by the caller. */
    async listCameras(filter: { readonly municipalityId?: string; readonly first: number }): Promise<RegisteredCamera[]> {
      const { records } = await driver.executeQuery(
        `MATCH (camera:Camera)
         WHERE camera.registryRevision IS NOT NULL AND ($municipalityId IS NULL OR camera.municipalityId = $municipalityId)
         RETURN ${cameraFields} ORDER BY camera.id LIMIT $first`,
        { municipalityId: filter.municipalityId ?? null, first: neo4j.int(filter.first) },
        { routing: neo4j.routing.READ },
      );
      return records.map((record) => cameraOf(record.get('camera') as CameraNode));
    },

    /** Creates or updates municipalities; an entry identical to the registry's is left alone, revision included. */
    async upsertMunicipalities(entries: readonly MunicipalityEntry[]): Promise<RegistryCounts> {
      return write(async (tx) => {
        const existing = byId(await readMunicipalities(tx, entries.map((entry) => entry.id)));
        const changes = registryChanges<MunicipalityEntry>(existing, entries, sameMunicipalityEntry);
        await tx.run(
          `UNWIND $entries AS entry
           MERGE (municipality:Municipality {id: entry.id})
           SET municipality.name = entry.name, municipality.districtCode = entry.districtCode,
               municipality.registryRevision = coalesce(municipality.registryRevision, 0) + 1`,
          { entries: [...changes.created, ...changes.updated] },
        );
        return countsOf(changes);
      });
    },

    /**
     * Creates or updates cameras, each linked (IN) to its municipality only. Every municipality must already be
     * registered: callers check first, and a camera whose municipality is missing aborts the whole write.
     */
    async upsertCameras(entries: readonly CameraEntry[]): Promise<RegistryCounts> {
      return write(async (tx) => {
        const existing = byId(await readCameras(tx, entries.map((entry) => entry.id)));
        const changes = registryChanges<CameraEntry>(existing, entries, sameCameraEntry);
        const changed = [...changes.created, ...changes.updated];
        const result = await tx.run(
          `UNWIND $entries AS entry
           MATCH (municipality:Municipality {id: entry.municipalityId}) WHERE municipality.registryRevision IS NOT NULL
           MERGE (camera:Camera {id: entry.id})
           SET camera.name = entry.name, camera.municipalityId = entry.municipalityId,
               camera.latitude = entry.latitude, camera.longitude = entry.longitude, camera.roadLinkId = entry.roadLinkId,
               camera.headingDegrees = entry.headingDegrees, camera.anprCapable = entry.anprCapable,
               camera.resolution = entry.resolution, camera.status = entry.status,
               camera.registryRevision = coalesce(camera.registryRevision, 0) + 1
           WITH camera, municipality
           OPTIONAL MATCH (camera)-[previous:IN]->(elsewhere:Municipality) WHERE elsewhere <> municipality
           WITH camera, municipality, collect(previous) AS previousLinks
           FOREACH (link IN previousLinks | DELETE link)
           MERGE (camera)-[:IN]->(municipality)
           RETURN count(camera) AS written`,
          { entries: changed.map(cameraParameters) },
        );
        const written = result.records[0]?.get('written') as number | undefined;
        if (written !== changed.length) throw new Error(`camera registry write linked ${written ?? 0} of ${changed.length} cameras to a municipality`);
        return countsOf(changes);
      });
    },

    /** Sets a camera's status; undefined when the registry has no such camera. */
    async setCameraStatus(id: string, status: CameraStatus): Promise<RegisteredCamera | undefined> {
      const { records } = await driver.executeQuery(
        `MATCH (camera:Camera {id: $id}) WHERE camera.registryRevision IS NOT NULL
         SET camera.registryRevision = camera.registryRevision + CASE WHEN camera.status = $status THEN 0 ELSE 1 END,
             camera.status = $status
         RETURN ${cameraFields}`,
        { id, status },
      );
      const node = records[0]?.get('camera') as CameraNode | undefined;
      return node && cameraOf(node);
    },
  };
}

export type CameraRegistryStore = ReturnType<typeof createCameraRegistryStore>;
