import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError } from '../../domain/errors/index.js';
import type { Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { describeImport, importCameraRegistryFile } from '../../stores/camera-registry/camera-registry-import.js';
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

/**
 * Waits until every edge node lists the cameras it will receive reads from (`GET /v1/cameras/health`): an edge
 * reloads the registry every `DS_EDGE_CAMERA_REFRESH_S` (60 s by default), so newly registered cameras take up to
 * that long to be accepted.
 */
export async function waitForEdgesToKnowCameras(
  edges: ReadonlyMap<string, string>, camerasOf: ReadonlyMap<string, readonly string[]>, deadlineMs = 120_000, onWait: (line: string) => void = () => undefined,
): Promise<void> {
  const started = Date.now();
  let told = false;
  for (const [municipality, url] of edges) {
    const expected = camerasOf.get(municipality) ?? [];
    for (;;) {
      let known: Set<string> = new Set();
      try {
        const response = await fetch(`${url}/v1/cameras/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.ok) known = new Set(((await response.json()) as { cameras: { cameraId: string }[] }).cameras.map((c) => c.cameraId));
      } catch {
        // not up yet
      }
      const missing = expected.filter((id) => !known.has(id));
      if (missing.length === 0) break;
      if (Date.now() - started > deadlineMs) {
        throw new DongseonError('DS_SIM_SCENARIO_INVALID', `edge ${municipality} (${url}) still does not know ${missing.length} of the scenario's cameras (e.g. ${missing[0]}) after ${deadlineMs / 1000} s; is it running and reading the same camera registry?`);
      }
      if (!told) {
        onWait(`waiting for the edge nodes to load the scenario's cameras from the registry (they reload every DS_EDGE_CAMERA_REFRESH_S)`);
        told = true;
      }
      await sleep(1_000);
    }
  }
}
