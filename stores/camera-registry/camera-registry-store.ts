import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import {
  sameCameraEntry, sameMunicipalityEntry,
  type CameraEntry, type CameraStatus, type MunicipalityEntry, type RegisteredCamera, type RegisteredMunicipality,
} from './registry-entries.js';
import { numberFromNeo4j, optionalNumberFromNeo4j } from '../neo4j/neo4j-numbers.js';
import { countsOf, registryChanges, type RegistryCounts } from './registry-changes.js';
import { cameraCredentialConstraint } from './camera-credential-store.js';

// The tracking subgraph MERGEs (:Camera {id}) and (:Municipality {id}) nodes for its own relationships and never
// sets registry properties. Only a node carrying `registryRevision` has been written by this registry; every read
// filters on it, and every write MERGEs by id and SETs all registry properties.

const constraints = [
  'CREATE CONSTRAINT camera_id_unique IF NOT EXISTS FOR (camera:Camera) REQUIRE camera.id IS UNIQUE',
  'CREATE CONSTRAINT municipality_id_unique IF NOT EXISTS FOR (municipality:Municipality) REQUIRE municipality.id IS UNIQUE',
  'CREATE INDEX camera_municipality_id IF NOT EXISTS FOR (camera:Camera) ON (camera.municipalityId)',
  cameraCredentialConstraint,
];

/**
 * Whose entries a write may touch: a caller's `cameras:write` reaches only the municipalities its identity names (a
 * camera both where it is and where it goes). Absent for the registry's own imports and seeds.
 */
export interface RegistryWriteScope {
  readonly municipalities: readonly string[];
}

function refuseOutside(scope: RegistryWriteScope | undefined, municipalityIds: readonly string[], what: string): void {
  const outside = scope ? [...new Set(municipalityIds)].filter((id) => !scope.municipalities.includes(id)) : [];
  if (outside.length > 0) {
    throw new DongseonError('DS_AUTH_MUNICIPALITY_FORBIDDEN', `${what}: the caller may not change the registry of municipality ${outside.map((id) => `"${id}"`).join(', ')}`);
  }
}

const cameraFields = `camera {
  .id, .name, .municipalityId, .latitude, .longitude, .roadLinkId, .headingDegrees, .anprCapable, .resolution, .status,
  .lastHeartbeatAt, .registryRevision
} AS camera`;
const municipalityFields = 'municipality {.id, .name, .districtCode, .registryRevision} AS municipality';

// Numbers arrive as whatever the caller's driver makes of them (Integer, number or bigint): each is converted here.
interface CameraNode {
  id: string; name: string; municipalityId: string; latitude: unknown; longitude: unknown; roadLinkId: string | null;
  headingDegrees: unknown; anprCapable: boolean; resolution: string | null; status: CameraStatus;
  lastHeartbeatAt: unknown; registryRevision: unknown;
}

interface MunicipalityNode {
  id: string; name: string; districtCode: string; registryRevision: unknown;
}

function cameraOf(node: CameraNode): RegisteredCamera {
  const { latitude, longitude, headingDegrees, lastHeartbeatAt, registryRevision, ...rest } = node;
  return {
    ...rest,
    position: { latitude: numberFromNeo4j(latitude), longitude: numberFromNeo4j(longitude) },
    headingDegrees: optionalNumberFromNeo4j(headingDegrees),
    lastHeartbeatAt: lastHeartbeatAt === null || lastHeartbeatAt === undefined ? null : String(lastHeartbeatAt),
    registryRevision: numberFromNeo4j(registryRevision),
  };
}

const municipalityOf = (node: MunicipalityNode): RegisteredMunicipality =>
  ({ ...node, registryRevision: numberFromNeo4j(node.registryRevision) });

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
  return result.records.map((record) => municipalityOf(record.get('municipality') as MunicipalityNode));
}

async function readCameras(tx: ManagedTransaction, ids: readonly string[]): Promise<RegisteredCamera[]> {
  const result = await tx.run(
    `MATCH (camera:Camera) WHERE camera.id IN $ids AND camera.registryRevision IS NOT NULL RETURN ${cameraFields}`,
    { ids },
  );
  return result.records.map((record) => cameraOf(record.get('camera') as CameraNode));
}

async function writeMunicipalities(tx: ManagedTransaction, entries: readonly MunicipalityEntry[], scope?: RegistryWriteScope): Promise<RegistryCounts> {
  refuseOutside(scope, entries.map((entry) => entry.id), 'upsertMunicipality');
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
}

async function writeCameras(tx: ManagedTransaction, entries: readonly CameraEntry[], scope?: RegistryWriteScope): Promise<RegistryCounts> {
  const existing = byId(await readCameras(tx, entries.map((entry) => entry.id)));
  refuseOutside(scope, [...entries.map((entry) => entry.municipalityId), ...[...existing.values()].map((camera) => camera.municipalityId)], 'upsertCamera');
  const changes = registryChanges<CameraEntry>(existing, entries, sameCameraEntry);
  const changed = [...changes.created, ...changes.updated];
  const result = await tx.run(
    `UNWIND $entries AS entry
     MATCH (municipality:Municipality {id: entry.municipalityId}) WHERE municipality.registryRevision IS NOT NULL
     MERGE (camera:Camera {id: entry.id})
     WITH camera, municipality, entry WHERE $allowed IS NULL OR camera.municipalityId IS NULL OR camera.municipalityId IN $allowed
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
    // The scope again, after MERGE has locked the camera: one moved meanwhile is not written, and the count fails the write.
    { entries: changed.map(cameraParameters), allowed: scope ? [...scope.municipalities] : null },
  );
  const written = numberFromNeo4j(result.records[0]?.get('written') ?? 0);
  if (written !== changed.length) throw new Error(`camera registry write linked ${written} of ${changed.length} cameras to a municipality`);
  return countsOf(changes);
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

    async findMunicipalities(ids: readonly string[]): Promise<Map<string, RegisteredMunicipality>> {
      return byId(await read((tx) => readMunicipalities(tx, ids)));
    },

    async listMunicipalities(): Promise<RegisteredMunicipality[]> {
      const { records } = await driver.executeQuery(
        `MATCH (municipality:Municipality) WHERE municipality.registryRevision IS NOT NULL
         RETURN ${municipalityFields} ORDER BY municipality.id`,
        {}, { routing: neo4j.routing.READ },
      );
      return records.map((record) => municipalityOf(record.get('municipality') as MunicipalityNode));
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

    /**
     * True when the registry holds a municipality or camera whose id is not among the given ones: it is in use
     * beyond them (a seed file's entries, say).
     */
    async holdsEntriesBeyond(ids: { readonly municipalities: readonly string[]; readonly cameras: readonly string[] }): Promise<boolean> {
      const { records } = await driver.executeQuery(
        `RETURN EXISTS {
           MATCH (municipality:Municipality) WHERE municipality.registryRevision IS NOT NULL AND NOT municipality.id IN $municipalities
         } OR EXISTS {
           MATCH (camera:Camera) WHERE camera.registryRevision IS NOT NULL AND NOT camera.id IN $cameras
         } AS beyond`,
        { municipalities: ids.municipalities, cameras: ids.cameras }, { routing: neo4j.routing.READ },
      );
      return records[0]?.get('beyond') === true;
    },

    /** Creates or updates municipalities; an entry identical to the registry's is left alone, revision included. */
    async upsertMunicipalities(entries: readonly MunicipalityEntry[], scope?: RegistryWriteScope): Promise<RegistryCounts> {
      return write((tx) => writeMunicipalities(tx, entries, scope));
    },

    /**
     * Creates or updates cameras, each linked (IN) to its municipality only. Every municipality must already be
     * registered: callers check first, and a camera whose municipality is missing aborts the whole write.
     */
    async upsertCameras(entries: readonly CameraEntry[], scope?: RegistryWriteScope): Promise<RegistryCounts> {
      return write((tx) => writeCameras(tx, entries, scope));
    },

    /**
     * Municipalities, then the cameras in them, in one transaction: a write that fails midway leaves the registry as
     * it was, never with municipalities whose cameras are missing.
     */
    async upsertRegistry(entries: { readonly municipalities: readonly MunicipalityEntry[]; readonly cameras: readonly CameraEntry[] }): Promise<{
      readonly municipalities: RegistryCounts; readonly cameras: RegistryCounts;
    }> {
      return write(async (tx) => ({
        municipalities: await writeMunicipalities(tx, entries.municipalities),
        cameras: await writeCameras(tx, entries.cameras),
      }));
    },

    /** Sets a camera's status; undefined when the registry has no such camera. */
    async setCameraStatus(id: string, status: CameraStatus, scope?: RegistryWriteScope): Promise<RegisteredCamera | undefined> {
      // One statement: the scope is checked on the camera as it is when its status is set.
      const { records } = await driver.executeQuery(
        `MATCH (camera:Camera {id: $id}) WHERE camera.registryRevision IS NOT NULL
         WITH camera, ($allowed IS NULL OR camera.municipalityId IN $allowed) AS allowed
         FOREACH (_ IN CASE WHEN allowed THEN [1] ELSE [] END |
           SET camera.registryRevision = camera.registryRevision + CASE WHEN camera.status = $status THEN 0 ELSE 1 END,
               camera.status = $status)
         RETURN ${cameraFields}, allowed`,
        { id, status, allowed: scope ? [...scope.municipalities] : null },
      );
      const record = records[0];
      if (!record) return undefined;
      const camera = cameraOf(record.get('camera') as CameraNode);
      if (record.get('allowed') !== true) refuseOutside(scope, [camera.municipalityId], 'setCameraStatus');
      return camera;
    },
  };
}

export type CameraRegistryStore = ReturnType<typeof createCameraRegistryStore>;
