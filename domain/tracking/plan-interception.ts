import { BinaryMinHeap } from './binary-min-heap.js';
import { localHourOf } from './day-period.js';
import { forecastDrives, type DriveStep } from './drive-forecast.js';
import { logNormalSurvival } from './log-normal.js';
import { latestSightingsOf, nextCamerasWithBelief } from './predict-next-cameras.js';
import type { CameraSighting } from './reconstruct-route.js';
import type { StreetNetwork } from './street-network.js';
import type { TrackingModel } from './tracking-model.js';

/** A patrol unit, placed at the junction nearest to it. */
export interface PatrolUnit {
  readonly id: string;
  readonly junctionId: string;
}

export interface InterceptionPoint {
  readonly junctionId: string;
  /** The camera whose edge ends at this junction, when there is one. */
  readonly cameraId: string | null;
  readonly municipalityId: string;
  readonly unitId: string;
  /** Chance the vehicle passes here within the horizon. */
  readonly passProbability: number;
  /** Chance it passes here and the unit is there at least the margin before it: the ranking score. */
  readonly interceptProbability: number;
  /** Median seconds from the latest sighting until the vehicle passes here (given it does). */
  readonly vehicleSeconds: number;
  /** Seconds from now until the unit can be here (dispatch included). */
  readonly unitSeconds: number;
  /** vehicleSeconds − unitSeconds − elapsed since the sighting: how much earlier than the vehicle the unit would be. */
  readonly slackSeconds: number;
}

export interface InterceptionPlan {
  readonly latest: CameraSighting;
  readonly hourOfDay: number;
  /** Most promising first; at most one point per junction. */
  readonly points: readonly InterceptionPoint[];
}

const junctionLinkCache = new WeakMap<StreetNetwork, ReadonlyMap<string, readonly { to: string; seconds: number }[]>>();

/** Each junction's outgoing streets at free flow, built once per network. */
function junctionLinksOf(network: StreetNetwork) {
  let links = junctionLinkCache.get(network);
  if (!links) {
    const out = new Map<string, { to: string; seconds: number }[]>();
    for (const edge of network.edges) {
      const list = out.get(edge.from) ?? [];
      list.push({ to: edge.to, seconds: edge.freeFlowSeconds });
      out.set(edge.from, list);
    }
    links = out;
    junctionLinkCache.set(network, links);
  }
  return links;
}

/** Seconds to drive from a junction to every junction it reaches, at free flow: a unit with lights and siren. */
export function unitTravelSeconds(network: StreetNetwork, fromJunctionId: string): Map<string, number> {
  const out = junctionLinksOf(network);
  const settled = new Map<string, number>();
  const frontier = new BinaryMinHeap<string>();
  frontier.push(0, fromJunctionId);
  for (let entry = frontier.pop(); entry !== undefined; entry = frontier.pop()) {
    if (settled.has(entry.value)) continue;
    settled.set(entry.value, entry.priority);
    for (const link of out.get(entry.value) ?? []) if (!settled.has(link.to)) frontier.push(entry.priority + link.seconds, link.to);
  }
  return settled;
}

/** The junction nearest to a position (equirectangular distance; junctions are metres to kilometres apart). */
export function nearestJunction(network: StreetNetwork, latitude: number, longitude: number): string | undefined {
  const cosLatitude = Math.cos((latitude * Math.PI) / 180);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const junction of network.junctions.values()) {
    const dy = junction.latitude - latitude;
    const dx = (junction.longitude - longitude) * cosLatitude;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = junction.id;
    }
  }
  return best;
}

interface PlannedStep {
  readonly junctionId: string;
  readonly parent: number;
  readonly seconds: number;
  readonly probability: number;
  /** P(unit u is there ≥ margin before the vehicle | the vehicle drives this prefix), per unit. */
  readonly inTime: Float64Array;
  /** Mass of the drives that end here: this prefix's probability less its continuations'. */
  ownMass: number;
  /** The forecast's weight for the first camera this drive passes. */
  readonly weight: number;
}

/**
 * Where patrol units can be before the vehicle: junctions the likely drives from the latest sighting pass within
 * the horizon, each with the unit most likely there ≥ margin before the vehicle (the vehicle's time a log-normal
 * around each drive's expected time). The drives are re-weighted by the next-camera forecast, so the plan agrees
 * with it. Points are chosen greedily so that together they catch the most drives: a point on the branch the
 * first one already covers adds little, one on another branch adds its own drives. `nowMs` is when the plan is
 * made: time since the sighting is already spent.
 */
export function planInterception(
  model: TrackingModel, sightings: readonly CameraSighting[], units: readonly PatrolUnit[], nowMs: number, limit = 5,
): InterceptionPlan | undefined {
  const ends = latestSightingsOf(model, sightings);
  const camera = ends && model.network.cameras.get(ends.latest.cameraId);
  if (!ends || !camera) return undefined;
  const { latest } = ends;
  const hourOfDay = localHourOf(latest.capturedAtMs, model.file.utcOffsetMinutes);
  const elapsedSeconds = Math.max(0, (nowMs - latest.capturedAtMs) / 1000);
  const forecasted = nextCamerasWithBelief(model, sightings, Infinity);
  const forecast = forecasted?.answer;
  const cameraWeights = new Map(forecast?.forecasts.map((f) => [f.cameraId, f.reasons.roadModelProbability > 0 ? Math.min(20, f.probability / f.reasons.roadModelProbability) : 1]));
  const { dispatchSeconds, interceptMarginSeconds, horizonSeconds, minDriveProbability, etaSigmaScale, destinationWeight } = model.parameters;
  const sigma = (model.file.travelTimes.hourSigmas[hourOfDay] ?? 0.35) * etaSigmaScale;
  const unitSeconds = units.map((unit) => unitTravelSeconds(model.network, unit.junctionId));
  const startJunction = model.network.edges[camera.edgeIndex]?.to;

  const steps: PlannedStep[] = [];
  const addStep = (edgeIndex: number, parent: number, seconds: number, probability: number, firstCamera: string | undefined) => {
    const edge = model.network.edges[edgeIndex];
    if (!edge) return -1;
    const weight = firstCamera === undefined ? 1 : cameraWeights.get(firstCamera) ?? 1;
    const inTime = new Float64Array(units.length);
    if (edge.to !== startJunction) {
      units.forEach((_, u) => {
        const unitDrive = unitSeconds[u]?.get(edge.to);
        if (unitDrive === undefined) return;
        inTime[u] = logNormalSurvival(elapsedSeconds + dispatchSeconds + unitDrive + interceptMarginSeconds, Math.max(1, seconds), sigma);
      });
    }
    steps.push({ junctionId: edge.to, parent, seconds, probability, inTime, ownMass: probability, weight });
    if (parent >= 0) (steps[parent] as PlannedStep).ownMass -= probability;
    return steps.length - 1;
  };
  const turnShare = 1 - destinationWeight;
  if (turnShare > 0) {
    const indexOf = new Map<DriveStep, number>();
    forecastDrives(model, camera.edgeIndex, hourOfDay, { stopAtCameras: false, horizonSeconds, minProbability: minDriveProbability }, (step) => {
      const parent = step.parent ? indexOf.get(step.parent) ?? -1 : -1;
      const firstCamera = step.passedCameraId ?? model.network.camerasOnEdge.get(step.edge)?.[0]?.id;
      const index = addStep(step.edge, parent, step.seconds, turnShare * step.probability, firstCamera);
      if (index >= 0) indexOf.set(step, index);
    });
  }
  if (destinationWeight > 0 && forecasted) {
    const { tree, order, passProbability, cameraBefore } = forecasted.belief;
    const indexOf = new Map<number, number>();
    for (let k = 1; k < order.length; k++) {
      const edge = order[k] as number;
      const via = tree.via[edge] as number;
      const probability = destinationWeight * (passProbability[edge] as number);
      const parentIndex = via === camera.edgeIndex ? -1 : indexOf.get(via);
      if (parentIndex === undefined || probability < minDriveProbability) continue;
      if (via !== camera.edgeIndex && (tree.seconds[via] as number) > horizonSeconds) continue;
      const firstCamera = cameraBefore.get(edge) ?? model.network.camerasOnEdge.get(edge)?.[0]?.id;
      const index = addStep(edge, parentIndex, tree.seconds[edge] as number, probability, firstCamera);
      if (index >= 0) indexOf.set(edge, index);
    }
  }
  const drives = steps.map((step, i) => ({ i, raw: Math.max(0, step.ownMass), mass: Math.max(0, step.ownMass) * step.weight })).filter((drive) => drive.raw > 1e-12);
  const weighted = drives.reduce((sum, drive) => sum + drive.mass, 0);
  const scale = weighted > 0 ? drives.reduce((sum, drive) => sum + drive.raw, 0) / weighted : 1;

  // Pass probabilities per junction, and per drive the junctions where some unit can be in time, as (point, step) pairs.
  const pointIndex = new Map<string, number>();
  const pointIds: string[] = [];
  const pass: number[] = [];
  const weightedSeconds: number[] = [];
  const pointOf = (junctionId: string) => {
    let point = pointIndex.get(junctionId);
    if (point === undefined) {
      point = pointIds.length;
      pointIndex.set(junctionId, point);
      pointIds.push(junctionId);
      pass.push(0);
      weightedSeconds.push(0);
    }
    return point;
  };
  for (const step of steps) {
    if (step.junctionId === startJunction) continue;
    const point = pointOf(step.junctionId);
    pass[point] = (pass[point] as number) + step.probability * step.weight * scale;
    weightedSeconds[point] = (weightedSeconds[point] as number) + step.probability * step.weight * scale * step.seconds;
  }
  // Steps come parent first, so each prefix's list extends its parent's (shared where it adds nothing).
  const entriesOf: (readonly number[])[] = [];
  steps.forEach((step, i) => {
    const inherited = step.parent >= 0 ? (entriesOf[step.parent] as readonly number[]) : [];
    if (!step.inTime.some((p) => p > 1e-4)) {
      entriesOf.push(inherited);
      return;
    }
    const point = pointOf(step.junctionId);
    const again = inherited.some((e, k) => k % 2 === 0 && e === point);
    entriesOf.push(again ? inherited : [...inherited, point, i]);
  });
  const driveEntries = drives.map((drive) => entriesOf[drive.i] as readonly number[]);
  const unitCount = units.length;
  const residual = Float64Array.from(drives, (drive) => drive.mass * scale);
  const cameraAt = new Map([...model.network.cameras.values()].map((c) => [model.network.edges[c.edgeIndex]?.to as string, c.id]));
  const chosen: InterceptionPoint[] = [];
  const taken = new Set<number>();
  const gain = new Float64Array(pointIds.length * unitCount);
  const own = new Float64Array(pointIds.length * unitCount);
  while (chosen.length < limit) {
    gain.fill(0);
    own.fill(0);
    driveEntries.forEach((entries, d) => {
      const mass = (drives[d] as { mass: number }).mass * scale;
      for (let k = 0; k < entries.length; k += 2) {
        const point = entries[k] as number;
        if (taken.has(point)) continue;
        const inTime = (steps[entries[k + 1] as number] as PlannedStep).inTime;
        for (let u = 0; u < unitCount; u++) {
          gain[point * unitCount + u] = (gain[point * unitCount + u] as number) + (residual[d] as number) * (inTime[u] as number);
          own[point * unitCount + u] = (own[point * unitCount + u] as number) + mass * (inTime[u] as number);
        }
      }
    });
    let best = -1;
    for (let k = 0; k < gain.length; k++) {
      if (taken.has(Math.floor(k / unitCount)) || (gain[k] as number) <= 0) continue;
      if (best < 0 || (gain[k] as number) > (gain[best] as number)) best = k;
    }
    if (best < 0) break;
    const point = Math.floor(best / unitCount);
    const u = best % unitCount;
    const junctionId = pointIds[point] as string;
    taken.add(point);
    driveEntries.forEach((entries, d) => {
      for (let k = 0; k < entries.length; k += 2) {
        if (entries[k] !== point) continue;
        residual[d] = (residual[d] as number) * (1 - ((steps[entries[k + 1] as number] as PlannedStep).inTime[u] as number));
      }
    });
    const passProbability = pass[point] as number;
    const vehicleSeconds = (weightedSeconds[point] as number) / Math.max(1e-12, passProbability);
    const unitTotal = dispatchSeconds + (unitSeconds[u]?.get(junctionId) as number);
    chosen.push({
      junctionId, cameraId: cameraAt.get(junctionId) ?? null, municipalityId: model.network.junctions.get(junctionId)?.municipalityId ?? '',
      unitId: (units[u] as PatrolUnit).id, passProbability: Math.min(1, passProbability),
      interceptProbability: Math.min(1, passProbability, own[best] as number),
      vehicleSeconds, unitSeconds: unitTotal, slackSeconds: vehicleSeconds - elapsedSeconds - unitTotal,
    });
  }
  // The greedy's first point is the single best; the rest are listed by their own chance, as operators read them.
  chosen.sort((a, b) => b.interceptProbability - a.interceptProbability || b.slackSeconds - a.slackSeconds);
  return { latest, hourOfDay, points: chosen };
}
