import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayStack, type ThrowawayStack } from '../../infra/stack/throwaway-stack.js';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { demoRegistryFile, readCameraRegistryFile, seedCameraRegistry, type CameraRegistry } from './camera-registry-import.js';
import { createCameraRegistryStore, type CameraRegistryStore } from './camera-registry-store.js';

// Seeding looks at the whole registry, so it runs on a Neo4j of its own that starts empty.
let stack: ThrowawayStack;
let driver: Driver;
let store: CameraRegistryStore;
let seed: CameraRegistry;

const registeredIds = async () => ({
  municipalities: (await store.listMunicipalities()).map((entry) => entry.id).sort(),
  cameras: (await store.listCameras({ first: 10_000 })).map((entry) => entry.id).sort(),
});
const idsOf = (registry: CameraRegistry) => ({
  municipalities: registry.municipalities.map((entry) => entry.id).sort(),
  cameras: registry.cameras.map((entry) => entry.id).sort(),
});

beforeAll(async () => {
  stack = await startThrowawayStack(loadStackConfig(), await mkdtemp(join(tmpdir(), 'dongseon-registry-seed-')));
  // A plain driver: the seed must not depend on how its caller configured it.
  driver = neo4j.driver(stack.neo4jEndpoint.uri, neo4j.auth.basic(stack.neo4jEndpoint.user, stack.neo4jEndpoint.password));
  store = createCameraRegistryStore(driver);
  await store.ensureConstraints();
  seed = await readCameraRegistryFile(demoRegistryFile);
}, 240_000);

afterAll(async () => {
  await driver?.close();
  await stack?.dispose();
}, 120_000);

describe('seedCameraRegistry', () => {
  it('bug: a seed cut short after the municipalities left the registry without cameras, and no later start completed it', async () => {
    // The half-written registry the failed seed left: every municipality, no camera.
    await store.upsertMunicipalities(seed.municipalities);

    const report = await seedCameraRegistry(store, demoRegistryFile);

    expect(report?.cameras.created).toBe(seed.cameras.length);
    expect(report?.municipalities).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await registeredIds()).toEqual(idsOf(seed));
  });

  it('completes a seed cut short among the cameras, keeping what was registered and edited meanwhile', async () => {
    const [kept, dropped] = seed.cameras as [CameraRegistry['cameras'][number], CameraRegistry['cameras'][number]];
    await store.setCameraStatus(kept.id, 'DEGRADED');
    await driver.executeQuery('MATCH (camera:Camera {id: $id}) DETACH DELETE camera', { id: dropped.id });

    const report = await seedCameraRegistry(store, demoRegistryFile);

    expect(report?.cameras).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await registeredIds()).toEqual(idsOf(seed));
    expect((await store.findCameras([kept.id])).get(kept.id)?.status).toBe('DEGRADED');
  });

  it('leaves a complete seed alone, and a registry in use beyond the seed', async () => {
    expect(await seedCameraRegistry(store, demoRegistryFile)).toBeUndefined();

    const dropped = seed.cameras[0]?.id as string;
    await driver.executeQuery('MATCH (camera:Camera {id: $id}) DETACH DELETE camera', { id: dropped });
    await store.upsertMunicipalities([{ id: 'operatorstown', name: '운영 시', districtCode: '41999' }]);

    expect(await seedCameraRegistry(store, demoRegistryFile)).toBeUndefined();
    expect((await store.findCameras([dropped])).size).toBe(0);
  });

  it('writes a registry in one transaction: a write refused among the cameras leaves no municipality behind', async () => {
    const municipality = { id: 'halfwritten', name: '반쯤 시', districtCode: '41998' };
    const orphan = { ...seed.cameras[0]!, id: 'orphan-camera', municipalityId: 'nowhere' };
    await expect(store.upsertRegistry({ municipalities: [municipality], cameras: [orphan] })).rejects.toThrow(/linked 0 of 1 cameras/);
    expect((await store.findMunicipalities([municipality.id])).size).toBe(0);
  });
});
