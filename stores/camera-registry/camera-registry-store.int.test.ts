import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recordSightings } from '../sightings/record-sightings.js';
import { createCameraRegistryStore } from './camera-registry-store.js';
import type { CameraEntry } from './registry-entries.js';

const endpoint = inject('stackEndpoints').neo4j;
const prefix = `t${randomUUID().slice(0, 8)}-`;

// A driver as a caller who never heard of disableLosslessIntegers creates it: integers come back as neo4j Integers.
let driver: Driver;

const camera = (id: string, overrides: Partial<CameraEntry> = {}): CameraEntry => ({
  id: `${prefix}${id}`, name: `camera ${id}`, municipalityId: `${prefix}town`, position: { latitude: 37.25, longitude: 127 },
  roadLinkId: null, headingDegrees: 90, anprCapable: true, resolution: null, status: 'ONLINE', ...overrides,
});

beforeAll(async () => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password));
  await createCameraRegistryStore(driver).ensureConstraints();
});

afterAll(async () => {
  await driver.executeQuery('MATCH (node) WHERE (node:Camera OR node:Municipality OR node:Sighting OR node:Vehicle) AND node.id STARTS WITH $prefix DETACH DELETE node', { prefix });
  await driver.close();
});

describe('the camera registry store on a driver with lossless integers', () => {
  it('bug: a registry write compared a Neo4j Integer with a number and failed with "linked 12 of 12 cameras"', async () => {
    const store = createCameraRegistryStore(driver);
    const report = await store.upsertRegistry({
      municipalities: [{ id: `${prefix}town`, name: '테스트', districtCode: '41110' }],
      cameras: [camera('a'), camera('b', { headingDegrees: null })],
    });
    expect(report.cameras).toEqual({ created: 2, updated: 0, unchanged: 0 });

    // A second write of one camera goes through the same count check.
    expect(await store.upsertCameras([camera('a', { name: 'renamed' })])).toEqual({ created: 0, updated: 1, unchanged: 0 });
  });

  it('reads every number as a JS number, whatever the driver was configured with', async () => {
    const store = createCameraRegistryStore(driver);
    const cameras = await store.findCameras([`${prefix}a`, `${prefix}b`]);
    expect(cameras.get(`${prefix}a`)).toMatchObject({ registryRevision: 2, headingDegrees: 90, position: { latitude: 37.25, longitude: 127 } });
    expect(cameras.get(`${prefix}b`)).toMatchObject({ registryRevision: 1, headingDegrees: null });
    const [municipality] = (await store.listMunicipalities()).filter((entry) => entry.id === `${prefix}town`);
    expect(municipality?.registryRevision).toBe(1);
    expect((await store.setCameraStatus(`${prefix}a`, 'OFFLINE'))?.registryRevision).toBe(3);
    const listed = await store.listCameras({ municipalityId: `${prefix}town`, first: 10 });
    for (const entry of listed) expect(typeof entry.registryRevision).toBe('number');
  });

  it('the sighting writer counts what it recorded as a number', async () => {
    const sighting = {
      id: `${prefix}sighting`, vehicleId: `${prefix}vehicle`, cameraId: `${prefix}a`, capturedAt: '2026-11-25T09:00:00+09:00',
      receivedAt: '2026-11-25T09:00:01+09:00', matchKind: 'EXACT' as const, confidence: 0.9,
    };
    expect(await recordSightings(driver, [sighting])).toEqual({ recorded: 1 });
    expect(await recordSightings(driver, [sighting])).toEqual({ recorded: 0 });
  });
});
