import { BinaryMinHeap } from './binary-min-heap.js';
import { localHourOf } from './day-period.js';
import { forecastDrives } from './drive-forecast.js';
import { logNormalSurvival } from './log-normal.js';
import { latestSightingsOf, predictNextCameras } from './predict-next-cameras.js';
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

/** Seconds to drive from a junction to every junction it reaches, at free flow: a unit with lights and siren. */
export function unitTravelSeconds(network: StreetNetwork, fromJunctionId: string): Map<string, number> {
  const out = new Map<string, { to: string; seconds: number }[]>();
  for (const edge of network.edges) out.set(edge.from, [...(out.get(edge.from) ?? []), { to: edge.to, seconds: edge.freeFlowSeconds }]);
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

/**
 * Where patrol units can be before the vehicle: every junction the likely drives from the latest sighting pass
 * within the horizon, scored by P(vehicle passes) × P(unit there ≥ margin before it), the vehicle's time a
 * log-normal around each drive's expected time. The drives are re-weighted by the next-camera forecast, so the
 * plan agrees with it. `nowMs` is when the plan is made: time since the sighting is already spent.
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
  const forecast = predictNextCameras(model, sightings, Infinity);
  const cameraWeights = new Map(forecast?.forecasts.map((f) => [f.cameraId, f.reasons.roadModelProbability > 0 ? Math.min(20, f.probability / f.reasons.roadModelProbability) : 1]));
  const { dispatchSeconds, interceptMarginSeconds, horizonSeconds, minDriveProbability, etaSigmaScale } = model.parameters;
  const sigma = (model.file.travelTimes.hourSigmas[hourOfDay] ?? 0.35) * etaSigmaScale;
  const unitSeconds = units.map((unit) => unitTravelSeconds(model.network, unit.junctionId));
  const startJunction = model.network.edges[camera.edgeIndex]?.to;
  const points = new Map<string, { pass: number; weightedSeconds: number; inTime: Float64Array }>();
  forecastDrives(model, camera.edgeIndex, hourOfDay, { stopAtCameras: false, horizonSeconds, minProbability: minDriveProbability }, (step) => {
    const edge = model.network.edges[step.edge];
    if (!edge || edge.to === startJunction) return;
    const firstCamera = step.passedCameraId ?? model.network.camerasOnEdge.get(step.edge)?.[0]?.id;
    const probability = step.probability * (firstCamera === undefined ? 1 : cameraWeights.get(firstCamera) ?? 1);
    const point = points.get(edge.to) ?? { pass: 0, weightedSeconds: 0, inTime: new Float64Array(units.length) };
    point.pass += probability;
    point.weightedSeconds += probability * step.seconds;
    units.forEach((_, u) => {
      const seconds = unitSeconds[u]?.get(edge.to);
      if (seconds === undefined) return;
      const needed = elapsedSeconds + dispatchSeconds + seconds + interceptMarginSeconds;
      point.inTime[u] = (point.inTime[u] as number) + probability * logNormalSurvival(needed, Math.max(1, step.seconds), sigma);
    });
    points.set(edge.to, point);
  });
  const cameraAt = new Map([...model.network.cameras.values()].map((c) => [model.network.edges[c.edgeIndex]?.to as string, c.id]));
  const ranked = [...points].flatMap(([junctionId, point]): InterceptionPoint[] => {
    let best = -1;
    for (let u = 0; u < units.length; u++) if (best < 0 || (point.inTime[u] as number) > (point.inTime[best] as number)) best = u;
    const unit = units[best];
    const seconds = unitSeconds[best]?.get(junctionId);
    if (!unit || seconds === undefined) return [];
    const vehicleSeconds = point.weightedSeconds / point.pass;
    const unitTotal = dispatchSeconds + seconds;
    return [{
      junctionId, cameraId: cameraAt.get(junctionId) ?? null, municipalityId: model.network.junctions.get(junctionId)?.municipalityId ?? '',
      unitId: unit.id, passProbability: Math.min(1, point.pass), interceptProbability: Math.min(1, point.inTime[best] as number),
      vehicleSeconds, unitSeconds: unitTotal, slackSeconds: vehicleSeconds - elapsedSeconds - unitTotal,
    }];
  });
  ranked.sort((a, b) => b.interceptProbability - a.interceptProbability || b.slackSeconds - a.slackSeconds);
  return { latest, hourOfDay, points: ranked.slice(0, limit) };
}
