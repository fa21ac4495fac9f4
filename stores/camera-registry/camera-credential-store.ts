import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { newCameraSecret } from '../../runtime/identity/camera-credential.js';
import type { RegistryWriteScope } from './camera-registry-store.js';

// (:CameraCredential {keyId, secretSha256, issuedAt})-[:AUTHENTICATES]->(:Camera). Only the secret's SHA-256 is
// stored; the secret itself is returned once, by `issue`. Revoking deletes the node: an edge node stops accepting
// the credential at its next camera refresh.

/** The most credentials a camera holds at once: the current one and its successor while it rotates. */
export const maxCredentialsPerCamera = 2;

export const cameraCredentialConstraint =
  'CREATE CONSTRAINT camera_credential_key_unique IF NOT EXISTS FOR (credential:CameraCredential) REQUIRE credential.keyId IS UNIQUE';

export interface IssuedCameraCredential {
  readonly cameraId: string;
  readonly municipalityId: string;
  readonly keyId: string;
  /** `<keyId>.<secret>`: shown once, never stored. */
  readonly token: string;
  readonly issuedAt: string;
}

export interface CameraCredentialInfo {
  readonly keyId: string;
  readonly issuedAt: string;
}

/** A registered camera's credential hashes, as an edge node loads them with its cameras. */
export interface CameraCredentialHash {
  readonly keyId: string;
  readonly secretSha256: string;
}

function refuseOutside(scope: RegistryWriteScope | undefined, municipalityId: string, what: string): void {
  if (scope && !scope.municipalities.includes(municipalityId)) {
    throw new DongseonError('DS_AUTH_MUNICIPALITY_FORBIDDEN', `${what}: the caller may not change the registry of municipality "${municipalityId}"`);
  }
}

// Setting credentialRevision write-locks the camera, so two issues at once cannot both see one credential held.
async function lockCamera(tx: ManagedTransaction, cameraId: string): Promise<{ municipalityId: string; keyIds: string[] } | undefined> {
  const result = await tx.run(
    `MATCH (camera:Camera {id: $cameraId}) WHERE camera.registryRevision IS NOT NULL
     SET camera.credentialRevision = coalesce(camera.credentialRevision, 0) + 1
     WITH camera
     OPTIONAL MATCH (held:CameraCredential)-[:AUTHENTICATES]->(camera)
     RETURN camera.municipalityId AS municipalityId, collect(held.keyId) AS keyIds`,
    { cameraId },
  );
  const record = result.records[0];
  return record ? { municipalityId: String(record.get('municipalityId')), keyIds: record.get('keyIds') as string[] } : undefined;
}

export function createCameraCredentialStore(driver: Driver) {
  const write = <Result>(work: (tx: ManagedTransaction) => Promise<Result>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    return session.executeWrite(work).finally(() => session.close());
  };

  return {
    /**
     * Issues a new credential for a registered camera; undefined when there is no such camera. Refused when the
     * camera is outside the caller's scope or already holds `maxCredentialsPerCamera`.
     */
    async issue(cameraId: string, scope?: RegistryWriteScope, now = new Date()): Promise<IssuedCameraCredential | undefined> {
      const issued = newCameraSecret();
      const issuedAt = now.toISOString();
      return write(async (tx) => {
        const camera = await lockCamera(tx, cameraId);
        if (!camera) return undefined;
        refuseOutside(scope, camera.municipalityId, 'issueCameraCredential');
        if (camera.keyIds.length >= maxCredentialsPerCamera) {
          throw new DongseonError('DS_CAMERA_CREDENTIAL_LIMIT', `issueCameraCredential: camera "${cameraId}" already holds ${camera.keyIds.length} credentials; revoke one first`);
        }
        await tx.run(
          `MATCH (camera:Camera {id: $cameraId})
           CREATE (:CameraCredential {keyId: $keyId, cameraId: $cameraId, secretSha256: $secretSha256, issuedAt: $issuedAt})-[:AUTHENTICATES]->(camera)`,
          { cameraId, keyId: issued.keyId, secretSha256: issued.secretSha256, issuedAt },
        );
        return { cameraId, municipalityId: camera.municipalityId, keyId: issued.keyId, token: issued.token, issuedAt };
      });
    },

    /** Revokes one of a camera's credentials: `revoked` is false when the camera holds no such key; undefined when there is no such camera. */
    async revoke(cameraId: string, keyId: string, scope?: RegistryWriteScope): Promise<{ readonly municipalityId: string; readonly revoked: boolean } | undefined> {
      return write(async (tx) => {
        const camera = await lockCamera(tx, cameraId);
        if (!camera) return undefined;
        refuseOutside(scope, camera.municipalityId, 'revokeCameraCredential');
        if (!camera.keyIds.includes(keyId)) return { municipalityId: camera.municipalityId, revoked: false };
        await tx.run(
          'MATCH (credential:CameraCredential {keyId: $keyId})-[:AUTHENTICATES]->(:Camera {id: $cameraId}) DETACH DELETE credential',
          { cameraId, keyId },
        );
        return { municipalityId: camera.municipalityId, revoked: true };
      });
    },

    /**
     * For tools that drive cameras themselves (the simulator, the benchmarks, the tests): issues each camera one more
     * credential, revoking its oldest first when it already holds two, and returns camera id → credential (a camera
     * not registered is left out). A tool revokes what it was given when it is done (`revokeAll`).
     */
    async issueForTool(cameraIds: readonly string[]): Promise<Map<string, { readonly keyId: string; readonly token: string }>> {
      const issuedByCamera = new Map<string, { keyId: string; token: string }>();
      for (const cameraId of new Set(cameraIds)) {
        const issued = newCameraSecret();
        const done = await write(async (tx) => {
          const camera = await lockCamera(tx, cameraId);
          if (!camera) return false;
          await tx.run(
            `MATCH (held:CameraCredential)-[:AUTHENTICATES]->(:Camera {id: $cameraId})
             WITH held ORDER BY held.issuedAt, held.keyId LIMIT $evict
             DETACH DELETE held`,
            { cameraId, evict: neo4j.int(Math.max(0, camera.keyIds.length - maxCredentialsPerCamera + 1)) },
          );
          await tx.run(
            `MATCH (camera:Camera {id: $cameraId})
             CREATE (:CameraCredential {keyId: $keyId, cameraId: $cameraId, secretSha256: $secretSha256, issuedAt: $issuedAt})-[:AUTHENTICATES]->(camera)`,
            { cameraId, keyId: issued.keyId, secretSha256: issued.secretSha256, issuedAt: new Date().toISOString() },
          );
          return true;
        });
        if (done) issuedByCamera.set(cameraId, { keyId: issued.keyId, token: issued.token });
      }
      return issuedByCamera;
    },

    /** Revokes the given credentials, by key id, whichever cameras hold them. */
    async revokeAll(keyIds: readonly string[]): Promise<void> {
      await driver.executeQuery('MATCH (credential:CameraCredential) WHERE credential.keyId IN $keyIds DETACH DELETE credential', { keyIds: [...keyIds] });
    },

    /** The key ids a camera holds, oldest first; never a secret or its hash. */
    async list(cameraId: string): Promise<CameraCredentialInfo[]> {
      const { records } = await driver.executeQuery(
        `MATCH (credential:CameraCredential)-[:AUTHENTICATES]->(:Camera {id: $cameraId})
         RETURN credential.keyId AS keyId, credential.issuedAt AS issuedAt ORDER BY issuedAt, keyId`,
        { cameraId }, { routing: neo4j.routing.READ },
      );
      return records.map((record) => ({ keyId: String(record.get('keyId')), issuedAt: String(record.get('issuedAt')) }));
    },

    /** Every registered camera of a municipality with the hashes of the credentials it holds (none: it cannot send). */
    async municipalityCameras(municipalityId: string): Promise<Map<string, CameraCredentialHash[]>> {
      const { records } = await driver.executeQuery(
        `MATCH (camera:Camera)-[:IN]->(:Municipality {id: $municipalityId})
         WHERE camera.registryRevision IS NOT NULL
         OPTIONAL MATCH (credential:CameraCredential)-[:AUTHENTICATES]->(camera)
         RETURN camera.id AS id, collect(credential {.keyId, .secretSha256}) AS credentials`,
        { municipalityId }, { routing: neo4j.routing.READ },
      );
      return new Map(records.map((record) => [String(record.get('id')), record.get('credentials') as CameraCredentialHash[]]));
    },
  };
}

export type CameraCredentialStore = ReturnType<typeof createCameraCredentialStore>;
