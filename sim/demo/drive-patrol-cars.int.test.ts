import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { readJsonFile, scenarioFiles } from '../scenario-files.js';
import { loadGroundTruthVehicles, loadScenario } from '../scenario.js';
import { drivePatrolCars } from './drive-patrol-cars.js';
import { choosePatrolCars, patrolPositionAt, type PatrolRoadGraph } from './patrol-cars.js';

const demoCity = join(import.meta.dirname, '../../data/demo-city');
let hub: InProcessHub;

beforeAll(async () => {
  hub = await startInProcessHub({ endpoints: inject('stackEndpoints') });
}, 120_000);

afterAll(async () => {
  await hub.close();
});

describe('the demo\'s patrol cars', () => {
  it('register in the police registry and report where the twin has them, through the gateway, until stopped', async () => {
    const scenario = await loadScenario(demoCity);
    const roads = await readJsonFile<PatrolRoadGraph>(demoCity, scenarioFiles.roadGraph);
    const cars = choosePatrolCars(await loadGroundTruthVehicles(demoCity), roads, scenario.manifest.municipalities.map(({ id }) => id));
    expect(cars.map((car) => car.unitId)).toEqual(['suwon-patrol-1', 'hwaseong-patrol-1', 'osan-patrol-1']);
    let simSeconds = 600;
    const lines: string[] = [];
    const drive = await drivePatrolCars(cars, {
      graphqlUrl: hub.gatewayUrl, reportEveryMs: 200, simSeconds: () => simSeconds, log: (line) => lines.push(line),
      registrarToken: await hub.tokenFor(sampleUsers['police-investigator']), reporterToken: await hub.tokenFor(sampleUsers['patrol-car']),
    });
    simSeconds = 900;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await drive.stop();
    expect(lines).toEqual([]);
    expect(drive.counts().refused).toBe(0);
    expect(drive.counts().reported).toBeGreaterThanOrEqual(2 * cars.length);

    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(sampleUsers['police-officer'])}` },
      body: JSON.stringify({ query: '{ patrolUnits { id callSign stale position { latitude longitude } } }' }),
    });
    const { data } = await response.json() as { data: { patrolUnits: { id: string; callSign: string; stale: boolean; position: { latitude: number; longitude: number } }[] } };
    expect(data.patrolUnits.map((unit) => [unit.id, unit.callSign, unit.stale])).toEqual([
      ['hwaseong-patrol-1', '화성11', false], ['osan-patrol-1', '오산11', false], ['suwon-patrol-1', '수원11', false],
    ]);
    const suwon = data.patrolUnits.find((unit) => unit.id === 'suwon-patrol-1');
    const expected = patrolPositionAt(cars[0] as (typeof cars)[number], 900);
    expect(suwon?.position.latitude).toBeCloseTo(expected.latitude, 9);
    expect(suwon?.position.longitude).toBeCloseTo(expected.longitude, 9);

    // A second run finds its units registered already and goes on reporting.
    const again = await drivePatrolCars(cars, {
      graphqlUrl: hub.gatewayUrl, reportEveryMs: 10_000, simSeconds: () => simSeconds, log: (line) => lines.push(line),
      registrarToken: await hub.tokenFor(sampleUsers['police-investigator']), reporterToken: await hub.tokenFor(sampleUsers['patrol-car']),
    });
    await again.stop();
    expect(again.counts()).toEqual({ reported: cars.length, refused: 0 });
  });
});
