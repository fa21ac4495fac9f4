import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  assignPlates, cameraOutages, cameraPasses, cameraRoadGraph, chooseWantedVehicles, defaultFleetMix, defaultReadErrorModel,
  freeFlowSeconds, generateReads, municipalityNames, networkProjectionOf, partitionMunicipalities, placeCameras, stageRandom,
  type MunicipalityName, type VehicleTrip,
} from '../../domain/simulation/index.js';
import { generateDemand } from '../sumo/generate-demand.js';
import { readSumoNetwork } from '../sumo/read-sumo-network.js';
import { readVehicleRoutes } from '../sumo/read-vehicle-routes.js';
import { runSimulation } from '../sumo/run-simulation.js';
import { ensureSumo } from '../sumo/sumo-installation.js';
import { scenarioFiles, scenarioFormat, sumoWorkDir, writeJsonFile, writeJsonLinesGz } from '../scenario-files.js';
import type { ScenarioManifest } from './scenario-manifest.js';

export interface BuildOptions {
  readonly net: string;
  /** SUMO route files; demand is generated when there are none. */
  readonly routes: readonly string[];
  /** SUMO additional files the routes need (vehicle types, signal programmes). */
  readonly additional: readonly string[];
  /** Simulated hours of generated demand. */
  readonly hours: number;
  /** Local hour at simulation second 0. */
  readonly startHour: number;
  readonly peakVehiclesPerHour: number;
  readonly municipalities: number;
  readonly municipalityIds?: readonly string[];
  readonly cameraCoverage: number;
  readonly cctvCoverage: number;
  readonly cameraMissRate: readonly [number, number];
  readonly wantedVehicles: number;
  readonly seed: number;
  readonly out: string;
  /** The scenario's nominal date (YYYY-MM-DD). */
  readonly date: string;
  /**
   * Route-choice realism through SUMO's own mechanisms; without it every vehicle drives duarouter's free-flow
   * fastest path. `randomFactor` perturbs generated demand's routing per driver (duarouter
   * `--weights.random-factor`); `rerouteProbability` gives that share of vehicles SUMO's rerouting device, so
   * they choose and revise their routes on the travel times of the moment (congestion), every `periodSeconds`.
   */
  readonly routeChoice?: { readonly randomFactor: number; readonly rerouteProbability: number; readonly periodSeconds: number };
  readonly log?: (line: string) => void;
}

export interface BuildResult {
  readonly manifest: ScenarioManifest;
  readonly seconds: { readonly sumo: number; readonly total: number };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/**
 * Builds a scenario folder from any SUMO network: demand (given or generated), a SUMO run for the ground truth,
 * municipalities, cameras, plates, wanted vehicles, the read stream under the error model, and the manifest.
 * Deterministic for a seed (SUMO's run included: it is seeded too).
 */
export async function buildScenario(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const out = resolve(options.out);
  const workDir = join(out, sumoWorkDir);
  await mkdir(workDir, { recursive: true });
  const netFile = resolve(options.net);
  const model = defaultReadErrorModel;

  const sumo = await ensureSumo();
  log(`SUMO ${sumo.version}; reading ${options.net}`);
  const network = await readSumoNetwork(netFile);
  const projection = networkProjectionOf(network.location);
  log(`network: ${network.junctions.length} junctions, ${network.edges.length} edges, ${network.connections.length} turns; ${projection.kind} positions`);

  const routeChoice = options.routeChoice ?? { randomFactor: 1, rerouteProbability: 0, periodSeconds: 0 };
  const sumoStarted = performance.now();
  let routeFiles = options.routes.map((file) => resolve(file));
  let hourlyRates: number[] | undefined;
  if (routeFiles.length === 0) {
    const demand = await generateDemand(sumo, {
      netFile, workDir, seed: options.seed, startHour: options.startHour, hours: options.hours, peakVehiclesPerHour: options.peakVehiclesPerHour,
      routingRandomFactor: routeChoice.randomFactor,
    });
    routeFiles = [demand.routeFile];
    hourlyRates = demand.hourlyRates;
    log(`demand: randomTrips.py + duarouter, ${hourlyRates.reduce((sum, rate) => sum + rate, 0)} trips over ${options.hours} h (vehicles/h: ${hourlyRates.join(' ')})`);
  }
  const vehicleRoutes = await runSimulation(sumo, { netFile, routeFiles, additionalFiles: options.additional.map((file) => resolve(file)), workDir, seed: options.seed,
    rerouteProbability: routeChoice.rerouteProbability, reroutePeriodSeconds: routeChoice.periodSeconds,
  });
  const sumoSeconds = (performance.now() - sumoStarted) / 1000;
  const allTrips = await readVehicleRoutes(vehicleRoutes);
  const edgeIds = new Set(network.edges.map((edge) => edge.id));
  const trips = allTrips.filter((trip) => trip.edges.every((edge) => edgeIds.has(edge)));
  log(`SUMO: ${trips.length} vehicles arrived in ${round(sumoSeconds, 1)} s${allTrips.length > trips.length ? ` (${allTrips.length - trips.length} on edges outside the road graph dropped)` : ''}`);

  const names = municipalityNames(options.municipalities, options.municipalityIds);
  const partition = partitionMunicipalities(network, options.municipalities);
  const municipalityOfJunction = new Map([...partition.regionOf].map(([junction, region]) => [junction, (names[region] as MunicipalityName).id]));
  const cameras = placeCameras(stageRandom(options.seed, 'cameras'), network, municipalityOfJunction, {
    anprShare: options.cameraCoverage, cctvShare: options.cctvCoverage, missRateRange: options.cameraMissRate,
  });
  const passes = cameraPasses(trips, cameras);
  const drawnFleet = assignPlates(stageRandom(options.seed, 'plates'), trips.map((trip) => ({ vehicleId: trip.vehicleId, sumoType: trip.sumoType })));
  const { stories, fleet } = chooseWantedVehicles(stageRandom(options.seed, 'wanted'), drawnFleet, passes, options.wantedVehicles);
  const fleetById = new Map(fleet.map((vehicle) => [vehicle.vehicleId, vehicle]));
  const camerasById = new Map(cameras.map((camera) => [camera.id, camera]));
  const span = timeSpan(trips);
  const outages = cameraOutages(options.seed, cameras, span, model);
  const { reads, passes: passRecords } = generateReads(options.seed, passes, fleetById, camerasById, outages, model);
  log(`${cameras.filter((c) => c.anpr).length} ANPR cameras, ${passes.length} passes, ${reads.length} reads, ${stories.length} wanted vehicles`);

  const municipalityOfEdge = (edge: { to: string }) => municipalityOfJunction.get(edge.to) as string;
  const geo = (x: number, y: number) => projection.toGeo(x, y);
  const junctionsById = new Map(network.junctions.map((junction) => [junction.id, junction]));

  await writeJsonFile(join(out, scenarioFiles.roadGraph), {
    format: `${scenarioFormat}/road-graph`,
    junctions: network.junctions.map((junction) => ({
      id: junction.id, x: round(junction.x), y: round(junction.y), ...geo(junction.x, junction.y),
      type: junction.type, municipalityId: municipalityOfJunction.get(junction.id),
    })),
    edges: network.edges.map((edge) => ({
      id: edge.id, from: edge.from, to: edge.to, lengthMeters: round(edge.lengthMeters), speedLimitMps: round(edge.speedLimitMps),
      freeFlowSeconds: round(freeFlowSeconds(edge)), lanes: edge.lanes, municipalityId: municipalityOfEdge(edge),
    })),
    connections: network.connections.map(({ from, to }) => [from, to]),
  });
  await writeJsonFile(join(out, scenarioFiles.municipalities), names.map((name, region) => ({ ...name, junctions: partition.sizes[region] })));
  const cameraPosition = (junctionId: string) => {
    const junction = junctionsById.get(junctionId) as { x: number; y: number };
    return geo(junction.x, junction.y);
  };
  await writeJsonFile(join(out, scenarioFiles.cameras), cameras.map((camera) => ({ ...camera, position: cameraPosition(camera.junctionId) })));
  await writeJsonFile(join(out, scenarioFiles.cameraRegistry), {
    municipalities: names.map(({ id, name, districtCode }) => ({ id, name, districtCode })),
    cameras: cameras.map((camera) => ({
      id: camera.id,
      name: `${(names.find((n) => n.id === camera.municipalityId) as MunicipalityName).name} ${camera.anpr ? 'ANPR' : 'CCTV'} ${camera.id.slice(-4)} (교차로 ${camera.junctionId.slice(0, 60)})`,
      municipalityId: camera.municipalityId,
      position: cameraPosition(camera.junctionId),
      roadLinkId: camera.edgeId.length <= 100 ? camera.edgeId : null,
      headingDegrees: camera.headingDegrees,
      anprCapable: camera.anpr,
      resolution: camera.anpr ? '2560x1440' : '1920x1080',
      status: 'ONLINE',
    })),
  });
  await writeJsonFile(join(out, scenarioFiles.cameraRoadGraph), { roads: cameraRoadGraph(network, cameras) });
  await writeJsonFile(join(out, scenarioFiles.cameraOutages), outages);
  await writeJsonFile(join(out, scenarioFiles.wantedVehicles), { wantedVehicles: stories });
  await writeJsonLinesGz(join(out, scenarioFiles.groundTruth), trips.map((trip) => {
    const vehicle = fleetById.get(trip.vehicleId);
    return {
      vehicleId: trip.vehicleId, plate: vehicle?.plate, plateKind: vehicle?.plateKind, vehicleType: vehicle?.vehicleType, vehicleColour: vehicle?.vehicleColour,
      sumoType: trip.sumoType, departSeconds: trip.departSeconds, arrivalSeconds: trip.arrivalSeconds, edges: trip.edges, exitSeconds: trip.exitSeconds,
    };
  }));
  await writeJsonLinesGz(join(out, scenarioFiles.cameraPasses), passRecords);
  await writeJsonLinesGz(join(out, scenarioFiles.reads), reads);

  const manifest: ScenarioManifest = {
    format: scenarioFormat,
    counts: {
      edges: network.edges.length, junctions: network.junctions.length, connections: network.connections.length,
      cameras: cameras.length, anprCameras: cameras.filter((c) => c.anpr).length, cctvCameras: cameras.filter((c) => !c.anpr).length,
      municipalities: names.length, vehicles: trips.length, passes: passes.length, reads: reads.length, wantedVehicles: stories.length,
    },
    clock: {
      date: options.date, utcOffset: '+09:00', startHour: options.startHour,
      firstDepartSeconds: span[0], lastArrivalSeconds: span[1],
      firstReadSeconds: reads[0]?.atSeconds ?? 0, lastReadSeconds: reads[reads.length - 1]?.atSeconds ?? 0,
    },
    projection: { kind: projection.kind, description: projection.description },
    municipalities: names.map((name, region) => ({
      id: name.id, name: name.name, junctions: partition.sizes[region] as number,
      anprCameras: cameras.filter((camera) => camera.anpr && camera.municipalityId === name.id).length,
    })),
    parameters: {
      net: options.net, routes: options.routes, additional: options.additional,
      demand: hourlyRates ? 'generated: randomTrips.py + duarouter, weekday hourly profile' : 'given routes',
      ...(hourlyRates ? { hourlyInsertionRates: hourlyRates, hours: options.hours, peakVehiclesPerHour: options.peakVehiclesPerHour } : {}),
      routeChoice, seed: options.seed, municipalities: options.municipalities, municipalityIds: names.map((name) => name.id),
      cameraCoverage: options.cameraCoverage, cctvCoverage: options.cctvCoverage, cameraMissRate: options.cameraMissRate,
      wantedVehicles: options.wantedVehicles, readErrorModel: model, fleetMix: defaultFleetMix, sumoVersion: sumo.version,
    },
    droppedTrips: allTrips.length - trips.length,
    files: scenarioFiles,
  };
  await writeJsonFile(join(out, scenarioFiles.manifest), manifest, 'indented');
  return { manifest, seconds: { sumo: round(sumoSeconds, 1), total: round((performance.now() - started) / 1000, 1) } };
}

function timeSpan(trips: readonly VehicleTrip[]): [number, number] {
  if (trips.length === 0) return [0, 0];
  return [
    trips.reduce((min, trip) => Math.min(min, trip.departSeconds), Infinity),
    trips.reduce((max, trip) => Math.max(max, trip.arrivalSeconds), -Infinity),
  ];
}
