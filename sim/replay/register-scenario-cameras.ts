import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError } from '../../domain/errors/index.js';
import type { Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { describeImport, importCameraRegistryFile } from '../../stores/camera-registry/camera-registry-import.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { createCameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { brokerAccountsAt, type BrokerAdminEndpoint } from '../../stores/broker-accounts/broker-accounts.js';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { scenarioFiles } from '../scenario-files.js';

/**
 * Registers the scenario's municipalities and cameras in the regional camera registry, as the cctv importer does
 * (idempotent: a second run changes nothing). Edge nodes accept reads only from registered cameras.
 */
export async function registerScenarioCameras(dir: string, neo4j: Neo4jEndpoint): Promise<string> {
  const driver = connectNeo4j(neo4j);
  try {
    const registry = createCameraRegistryStore(driver);
    await registry.ensureConstraints();
    return describeImport(await importCameraRegistryFile(registry, join(dir, scenarioFiles.cameraRegistry)));
  } finally {
    await driver.close();
  }
}

/** The credentials the replay's cameras send with: camera id → `<keyId>.<secret>`; `revoke` when the replay is done. */
export interface ScenarioCredentials {
  readonly tokens: ReadonlyMap<string, string>;
  revoke(): Promise<void>;
}

/**
 * Issues each of the scenario's cameras a credential of the replay's own in the camera registry and on the broker
 * (the oldest is revoked first when a camera already holds two), as an operator would with issueCameraCredential.
 */
export async function issueScenarioCredentials(
  cameraIds: readonly string[], neo4j: Neo4jEndpoint, broker: BrokerAdminEndpoint = brokerAdminEndpoint(),
): Promise<ScenarioCredentials> {
  const driver = connectNeo4j(neo4j);
  const accounts = brokerAccountsAt(broker);
  try {
    const issued = await createCameraCredentialStore(driver, accounts).issueForTool(cameraIds);
    return {
      tokens: new Map([...issued].map(([cameraId, { token }]) => [cameraId, token])),
      async revoke() {
        const revoking = connectNeo4j(neo4j);
        const revokingAccounts = brokerAccountsAt(broker);
        try {
          await createCameraCredentialStore(revoking, revokingAccounts).revokeAll([...issued.values()].map(({ keyId }) => keyId));
        } finally {
          await revokingAccounts.close();
          await revoking.close();
        }
      },
    };
  } finally {
    await accounts.close();
    await driver.close();
  }
}

/**
 * Waits until every edge node accepts the credential of each camera it will receive reads from (each camera asks
 * `GET /v1/cameras/health` for its own row): an edge reloads the registry when it meets an unknown key, and in any
 * case every `DS_EDGE_CAMERA_REFRESH_S` (60 s by default).
 */
export async function waitForEdgesToKnowCameras(
  edges: ReadonlyMap<string, string>, camerasOf: ReadonlyMap<string, readonly string[]>, tokens: ReadonlyMap<string, string>,
  deadlineMs = 120_000, onWait: (line: string) => void = () => undefined,
): Promise<void> {
  const started = Date.now();
  let told = false;
  const knows = async (url: string, cameraId: string): Promise<boolean> => {
    const token = tokens.get(cameraId);
    if (token === undefined) return false;
    try {
      const response = await fetch(`${url}/v1/cameras/health`, { headers: { authorization: cameraAuthorization(token) }, signal: AbortSignal.timeout(5_000) });
      return response.ok && ((await response.json()) as { cameras: { cameraId: string }[] }).cameras.some((c) => c.cameraId === cameraId);
    } catch {
      return false; // not up yet
    }
  };
  for (const [municipality, url] of edges) {
    for (const cameraId of camerasOf.get(municipality) ?? []) {
      while (!(await knows(url, cameraId))) {
        if (Date.now() - started > deadlineMs) {
          throw new DongseonError('DS_SIM_SCENARIO_INVALID', `edge ${municipality} (${url}) still does not accept camera ${cameraId} after ${deadlineMs / 1000} s; is it running and reading the same camera registry?`);
        }
        if (!told) {
          onWait(`waiting for the edge nodes to load the scenario's cameras and credentials from the registry`);
          told = true;
        }
        await sleep(1_000);
      }
    }
  }
}
