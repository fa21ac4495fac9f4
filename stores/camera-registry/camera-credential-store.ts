import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { newCameraSecret, parseCameraToken } from '../../runtime/identity/camera-credential.js';
import type { BrokerAccounts } from '../broker-accounts/broker-accounts.js';
import type { RegistryWriteScope } from './camera-registry-store.js';

// (:CameraCredential {keyId, secretSha256, issuedAt})-[:AUTHENTICATES]->(:Camera). Only the secret's SHA-256 is
// stored; the secret itself is returned once, by `issue`. Revoking deletes the node: an edge node stops accepting
// the credential at its next camera refresh.
//
// Every credential is also the camera's account on the MQTT broker (username = key id, password = secret), so the
// broker and the registry are written together, in an order that a retry converges from: issuing creates the broker
// client inside the registry transaction, after its checks and before the node is created (a failed commit deletes
// the client again; a client whose key id the registry never kept has a secret no one holds); revoking deletes the
// broker client before the node (a failure leaves the node, so the revoke can be retried, and deleting a client
// that is gone already is no error). A broker failure is DS_BROKER_UNAVAILABLE and nothing is kept.

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
     OPTIONAL MATCH (camera)-[:IN]->(municipality:Municipality)
     OPTIONAL MATCH (held:CameraCredential)-[:AUTHENTICATES]->(camera)
     RETURN coalesce(camera.municipalityId, municipality.id) AS municipalityId, collect(held.keyId) AS keyIds`,
    { cameraId },
  );
  const record = result.records[0];
  return record ? { municipalityId: String(record.get('municipalityId')), keyIds: record.get('keyIds') as string[] } : undefined;
}

const secretOf = (token: string): string => (parseCameraToken(token) as { secret: string }).secret;

/**
 * `broker`: the broker's accounts, which every issue and revoke keeps in step with the registry. Without it (an edge
 * node, which only reads hashes) issuing and revoking are refused.
 */
export function createCameraCredentialStore(driver: Driver, broker?: BrokerAccounts) {
  const write = <Result>(work: (tx: ManagedTransaction) => Promise<Result>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
    return session.executeWrite(work).finally(() => session.close());
  };
  const accounts = (): BrokerAccounts => {
    if (broker === undefined) throw new DongseonError('DS_BROKER_UNAVAILABLE', 'camera credentials: this process has no broker account store, so it issues and revokes nothing');
    return broker;
  };
  /** Runs `work`; if it fails after the broker client was made, deletes the client again (best effort) and rethrows. */
  const withClientUndone = async <Result>(keyIds: () => readonly string[], work: () => Promise<Result>): Promise<Result> => {
    try {
      return await work();
    } catch (error) {
      for (const keyId of keyIds()) await accounts().deleteCameraClient(keyId).catch(() => undefined);
      throw error;
    }
  };

  return {
    /**
     * Issues a new credential for a registered camera; undefined when there is no such camera. Refused when the
     * camera is outside the caller's scope or already holds `maxCredentialsPerCamera`.
     */
    async issue(cameraId: string, scope?: RegistryWriteScope, now = new Date()): Promise<IssuedCameraCredential | undefined> {
      const issued = newCameraSecret();
      const issuedAt = now.toISOString();
      const brokerAccounts = accounts();
      let clientMade = false;
      return withClientUndone(() => (clientMade ? [issued.keyId] : []), () => write(async (tx) => {
        const camera = await lockCamera(tx, cameraId);
        if (!camera) return undefined;
        refuseOutside(scope, camera.municipalityId, 'issueCameraCredential');
        if (camera.keyIds.length >= maxCredentialsPerCamera) {
          throw new DongseonError('DS_CAMERA_CREDENTIAL_LIMIT', `issueCameraCredential: camera "${cameraId}" already holds ${camera.keyIds.length} credentials; revoke one first`);
        }
        await brokerAccounts.createCameraClient(camera.municipalityId, cameraId, issued.keyId, secretOf(issued.token));
        clientMade = true;
        await tx.run(
          `MATCH (camera:Camera {id: $cameraId})
           CREATE (:CameraCredential {keyId: $keyId, cameraId: $cameraId, secretSha256: $secretSha256, issuedAt: $issuedAt})-[:AUTHENTICATES]->(camera)`,
          { cameraId, keyId: issued.keyId, secretSha256: issued.secretSha256, issuedAt },
        );
        return { cameraId, municipalityId: camera.municipalityId, keyId: issued.keyId, token: issued.token, issuedAt };
      }));
    },

    /** Revokes one of a camera's credentials: `revoked` is false when the camera holds no such key; undefined when there is no such camera. */
    async revoke(cameraId: string, keyId: string, scope?: RegistryWriteScope): Promise<{ readonly municipalityId: string; readonly revoked: boolean } | undefined> {
      const brokerAccounts = accounts();
      return write(async (tx) => {
        const camera = await lockCamera(tx, cameraId);
        if (!camera) return undefined;
        refuseOutside(scope, camera.municipalityId, 'revokeCameraCredential');
        if (!camera.keyIds.includes(keyId)) return { municipalityId: camera.municipalityId, revoked: false };
        await brokerAccounts.deleteCameraClient(keyId);
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
      const brokerAccounts = accounts();
      for (const cameraId of new Set(cameraIds)) {
        const issued = newCameraSecret();
        let clientMade = false;
        const done = await withClientUndone(() => (clientMade ? [issued.keyId] : []), () => write(async (tx) => {
          const camera = await lockCamera(tx, cameraId);
          if (!camera) return false;
          const { records: evicted } = await tx.run(
            `MATCH (held:CameraCredential)-[:AUTHENTICATES]->(:Camera {id: $cameraId})
             WITH held ORDER BY held.issuedAt, held.keyId LIMIT $evict
             RETURN held.keyId AS keyId`,
            { cameraId, evict: neo4j.int(Math.max(0, camera.keyIds.length - maxCredentialsPerCamera + 1)) },
          );
          const evictedKeyIds = evicted.map((record) => String(record.get('keyId')));
          for (const keyId of evictedKeyIds) await brokerAccounts.deleteCameraClient(keyId);
          await tx.run('MATCH (held:CameraCredential) WHERE held.keyId IN $keyIds DETACH DELETE held', { keyIds: evictedKeyIds });
          await brokerAccounts.createCameraClient(camera.municipalityId, cameraId, issued.keyId, secretOf(issued.token));
          clientMade = true;
          await tx.run(
            `MATCH (camera:Camera {id: $cameraId})
             CREATE (:CameraCredential {keyId: $keyId, cameraId: $cameraId, secretSha256: $secretSha256, issuedAt: $issuedAt})-[:AUTHENTICATES]->(camera)`,
            { cameraId, keyId: issued.keyId, secretSha256: issued.secretSha256, issuedAt: new Date().toISOString() },
          );
          return true;
        }));
        if (done) issuedByCamera.set(cameraId, { keyId: issued.keyId, token: issued.token });
      }
      return issuedByCamera;
    },

    /** Revokes the given credentials, by key id, whichever cameras hold them. */
    async revokeAll(keyIds: readonly string[]): Promise<void> {
      const brokerAccounts = accounts();
      for (const keyId of keyIds) await brokerAccounts.deleteCameraClient(keyId);
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
