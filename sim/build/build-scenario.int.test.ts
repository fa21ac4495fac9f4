import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PassRecord, ScenarioRead } from '../../domain/simulation/index.js';
import { readAllJsonLinesGz, readJsonFile, scenarioFiles, sumoWorkDir } from '../scenario-files.js';
import { runSumoCommand, ensureSumo } from '../sumo/sumo-installation.js';
import { buildScenario, type BuildOptions } from './build-scenario.js';
import type { ScenarioManifest } from './scenario-manifest.js';

interface GroundTruthRow {
  vehicleId: string;
  plate: string;
  departSeconds: number;
  arrivalSeconds: number;
  edges: string[];
  exitSeconds: number[];
}

interface RoadGraphFile {
  junctions: { id: string; latitude: number; longitude: number; municipalityId: string }[];
  edges: { id: string; from: string; to: string; municipalityId: string }[];
  connections: [string, string][];
}

/** The routes duarouter gave SUMO, read straight from the XML: what each vehicle was told to drive. */
async function routedEdges(routeFile: string): Promise<Map<string, string[]>> {
  const xml = await readFile(routeFile, 'utf8');
  const routes = new Map<string, string[]>();
  for (const match of xml.matchAll(/<vehicle id="([^"]+)"[^>]*>\s*<route edges="([^"]+)"/g)) routes.set(match[1] as string, (match[2] as string).split(' '));
  return routes;
}

describe('sim build on a SUMO network made from scratch', () => {
  let dir: string;
  let options: BuildOptions;
  let manifest: ScenarioManifest;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dongseon-sim-build-'));
    const sumo = await ensureSumo();
    const net = join(dir, 'grid.net.xml');
    await runSumoCommand('netgenerate', sumo.netgenerate, [
      '--grid', '--grid.number', '6', '--grid.length', '150', '--default.lanenumber', '1', '--no-turnarounds', '--seed', '1', '--output-file', net,
    ]);
    options = {
      net, routes: [], additional: [], hours: 2, startHour: 7, peakVehiclesPerHour: 300, municipalities: 3,
      municipalityIds: ['simbuilda', 'simbuildb', 'simbuildc'], cameraCoverage: 0.25, cctvCoverage: 0.05, cameraMissRate: [0.02, 0.1],
      wantedVehicles: 4, seed: 11, out: join(dir, 'scenario'), date: '2026-11-24',
    };
    ({ manifest } = await buildScenario(options));
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a manifest whose counts match the files', async () => {
    const out = options.out;
    const roadGraph = await readJsonFile<RoadGraphFile>(out, scenarioFiles.roadGraph);
    const truth = await readAllJsonLinesGz<GroundTruthRow>(out, scenarioFiles.groundTruth);
    const reads = await readAllJsonLinesGz<ScenarioRead>(out, scenarioFiles.reads);
    const registry = await readJsonFile<{ municipalities: unknown[]; cameras: unknown[] }>(out, scenarioFiles.cameraRegistry);
    const wanted = await readJsonFile<{ wantedVehicles: unknown[] }>(out, scenarioFiles.wantedVehicles);
    expect(manifest.counts).toMatchObject({
      edges: roadGraph.edges.length, junctions: roadGraph.junctions.length, municipalities: 3, cameras: registry.cameras.length,
      vehicles: truth.length, reads: reads.length, wantedVehicles: wanted.wantedVehicles.length,
    });
    expect(manifest.counts.vehicles).toBeGreaterThan(300);
    expect(manifest.counts.reads).toBeGreaterThan(0);
    expect(manifest.counts.wantedVehicles).toBe(4);
    expect(manifest.parameters).toMatchObject({ seed: 11, cameraCoverage: 0.25, municipalityIds: ['simbuilda', 'simbuildb', 'simbuildc'] });
    expect(manifest.projection.kind).toBe('local-korea');
    for (const junction of roadGraph.junctions) {
      expect(junction.latitude).toBeGreaterThan(37);
      expect(junction.latitude).toBeLessThan(37.5);
      expect(['simbuilda', 'simbuildb', 'simbuildc']).toContain(junction.municipalityId);
    }
  });

  it('generates demand with the hourly profile: the 8 o’clock hour busier than the 7 o’clock one', async () => {
    const [seven, eight] = manifest.parameters.hourlyInsertionRates ?? [];
    expect(eight).toBe(300);
    expect(seven).toBeLessThan(eight as number);
    const truth = await readAllJsonLinesGz<GroundTruthRow>(options.out, scenarioFiles.groundTruth);
    const departed = (from: number, to: number) => truth.filter((t) => t.departSeconds >= from && t.departSeconds < to).length;
    expect(departed(3600, 7200)).toBeGreaterThan(departed(0, 3600));
  });

  it('holds, for every vehicle, the route SUMO was given, driven along allowed turns with times that only go forward', async () => {
    const out = options.out;
    const truth = await readAllJsonLinesGz<GroundTruthRow>(out, scenarioFiles.groundTruth);
    const routes = await routedEdges(join(out, sumoWorkDir, 'demand.rou.xml'));
    const roadGraph = await readJsonFile<RoadGraphFile>(out, scenarioFiles.roadGraph);
    const turns = new Set(roadGraph.connections.map(([from, to]) => `${from}>${to}`));
    const edges = new Map(roadGraph.edges.map((edge) => [edge.id, edge]));
    expect(truth.length).toBe(routes.size);
    for (const trip of truth) {
      expect(trip.edges).toEqual(routes.get(trip.vehicleId));
      expect(trip.exitSeconds).toHaveLength(trip.edges.length);
      expect(trip.exitSeconds[0]).toBeGreaterThanOrEqual(trip.departSeconds);
      expect(trip.exitSeconds[trip.exitSeconds.length - 1]).toBe(trip.arrivalSeconds);
      for (let i = 1; i < trip.edges.length; i++) {
        expect(trip.exitSeconds[i]).toBeGreaterThanOrEqual(trip.exitSeconds[i - 1] as number);
        expect(turns.has(`${trip.edges[i - 1]}>${trip.edges[i]}`)).toBe(true);
        expect(edges.get(trip.edges[i - 1] as string)?.to).toBe(edges.get(trip.edges[i] as string)?.from);
      }
    }
  });

  it('reads every pass that was neither missed nor lost to an outage, at the time the vehicle left the camera’s edge', async () => {
    const out = options.out;
    const truth = new Map((await readAllJsonLinesGz<GroundTruthRow>(out, scenarioFiles.groundTruth)).map((t) => [t.vehicleId, t]));
    const passes = await readAllJsonLinesGz<PassRecord>(out, scenarioFiles.cameraPasses);
    const reads = new Map((await readAllJsonLinesGz<ScenarioRead>(out, scenarioFiles.reads)).map((r) => [r.readId, r]));
    const cameras = new Map((await readJsonFile<{ id: string; edgeId: string }[]>(out, scenarioFiles.cameras)).map((c) => [c.id, c]));
    for (const pass of passes) {
      const trip = truth.get(pass.vehicleId) as GroundTruthRow;
      expect(trip.edges[pass.edgeIndex]).toBe(cameras.get(pass.cameraId)?.edgeId);
      expect(pass.atSeconds).toBe(trip.exitSeconds[pass.edgeIndex]);
      expect(pass.readIds.length > 0).toBe(pass.outcome === 'read');
      for (const readId of pass.readIds) expect(Math.abs((reads.get(readId)?.atSeconds as number) - pass.atSeconds)).toBeLessThan(3.5);
    }
    expect(passes.filter((pass) => pass.outcome === 'read').length).toBeGreaterThan(passes.length * 0.8);
  });

  it('gives the same scenario, byte for byte, for the same seed', async () => {
    const again = join(dir, 'again');
    await buildScenario({ ...options, out: again });
    const files = Object.values(scenarioFiles);
    expect((await readdir(again)).filter((name) => name !== sumoWorkDir).sort()).toEqual([...files].sort());
    for (const file of files) expect(await readFile(join(again, file)), file).toEqual(await readFile(join(options.out, file)));
  }, 120_000);
});
