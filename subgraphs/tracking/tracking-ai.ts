import {
  nearestJunction, planInterception, predictNextCameras, reconstructRoute,
  type CameraSighting, type RouteCandidate, type TrackingModel,
} from '../../domain/tracking/index.js';
import { haversineMeters } from '../../domain/geo/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { patrolStaleAfterMs } from '../../stores/patrol-units/patrol-unit-store.js';
import { formatInstant, instantOf, listSizeOf, maxListSize } from '../../runtime/graphql/scalar-arguments.js';
import type { TrackingContext } from './context.js';
import type { CaptureWindow, SightingRow } from './sighting-store.js';

// The tracking AI's answers as plain objects in the shape of schema/tracking.graphql; Sighting and Camera parents
// are the store's rows, which the existing field resolvers already understand.

/** Forecasts and interception points computed per answer; the `first` of each list picks from these. */
const maxAnswers = 20;

const municipality = (id: string) => ({ __typename: 'Municipality' as const, id });
const camera = (model: TrackingModel, id: string) => ({ id, name: null, municipalityId: model.network.cameras.get(id)?.municipalityId ?? null });

function modelInfo(model: TrackingModel) {
  const { training } = model.file;
  return { scenario: training.scenario, split: training.split, sightingSequences: training.sightingSequences, aggregateCells: training.transitionCells };
}

function roadSegment(model: TrackingModel, edgeIndex: number) {
  const edge = model.network.edges[edgeIndex];
  if (!edge) throw codedGraphQLError('DS_INTERNAL', 'tracking model: edge index out of range');
  return { id: edge.id, fromJunction: edge.from, toJunction: edge.to, municipality: municipality(edge.municipalityId), lengthMeters: edge.lengthMeters };
}

const asCameraSighting = (row: SightingRow): CameraSighting => ({ id: row.id, cameraId: row.camera.id, capturedAtMs: Date.parse(row.capturedAt) });

async function sightingRowsOf(context: TrackingContext, vehicleId: string, window: CaptureWindow = {}) {
  return context.sightings.sightingsOf(vehicleId, window, maxListSize);
}

/** The latest sightings, for forecasts from the latest one (a vehicle may have more than a list's worth). */
async function recentSightingRowsOf(context: TrackingContext, vehicleId: string) {
  return context.sightings.recentSightingsOf(vehicleId, maxListSize);
}

function rowOf(rows: ReadonlyMap<string, SightingRow>, sighting: CameraSighting): SightingRow {
  const row = rows.get(sighting.id ?? '');
  if (!row) throw codedGraphQLError('DS_INTERNAL', 'tracking: a model answer names a sighting that was not asked about');
  return row;
}

function alternativeOf(model: TrackingModel, candidate: RouteCandidate, quickestFreeFlowSeconds: number) {
  return {
    probability: candidate.probability,
    roads: candidate.edges.slice(1).map((edge) => roadSegment(model, edge)),
    lengthMeters: candidate.lengthMeters,
    freeFlowSeconds: candidate.freeFlowSeconds,
    expectedSeconds: candidate.expectedSeconds,
    reasons: {
      detourShare: quickestFreeFlowSeconds > 0 ? candidate.freeFlowSeconds / quickestFreeFlowSeconds - 1 : 0,
      turnLogProbability: candidate.turnLogProbability,
      timeLogLikelihood: candidate.timeLogLikelihood,
      unseenCameras: candidate.unseenCameraIds.map((id) => camera(model, id)),
    },
  };
}

const verdictEnum = { used: 'USED', repeat: 'REPEAT', 'unknown-camera': 'UNKNOWN_CAMERA', implausible: 'IMPLAUSIBLE' } as const;

/** The reconstructed route of a vehicle over its sightings in the window; null when it has none. */
export async function vehicleRoute(context: TrackingContext, vehicleId: string, window: CaptureWindow) {
  const rows = await sightingRowsOf(context, vehicleId, window);
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const { model } = context;
  const route = reconstructRoute(model, rows.map(asCameraSighting));
  return {
    sightings: route.sightings.map(({ sighting, verdict }) => ({ sighting: rowOf(byId, sighting), verdict: verdictEnum[verdict] })),
    legs: route.gaps.map((gap) => {
      const quickest = Math.min(...gap.candidates.map((c) => c.freeFlowSeconds));
      return {
        from: rowOf(byId, gap.from), to: rowOf(byId, gap.to), elapsedSeconds: gap.elapsedSeconds, hourOfDay: gap.hourOfDay,
        alternatives: gap.candidates.map((candidate) => alternativeOf(model, candidate, quickest)),
      };
    }),
    confidence: route.confidence,
    lengthMeters: route.gaps.reduce((total, gap) => total + (gap.candidates[0]?.lengthMeters ?? 0), 0),
    model: modelInfo(model),
  };
}

function outsideModel(): never {
  throw codedGraphQLError('DS_TRACKING_NO_ROUTE', 'the vehicle\'s sightings are at cameras the tracking model\'s street network does not have');
}

/** The next cameras from the vehicle's latest sighting; null when it has no sighting. */
export async function nextCameras(context: TrackingContext, vehicleId: string) {
  const rows = await recentSightingRowsOf(context, vehicleId);
  if (rows.length === 0) return null;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const { model } = context;
  const answer = predictNextCameras(model, rows.map(asCameraSighting), maxAnswers);
  if (!answer) outsideModel();
  const latestMs = answer.latest.capturedAtMs;
  return {
    latest: rowOf(byId, answer.latest),
    previous: answer.previous ? rowOf(byId, answer.previous) : null,
    hourOfDay: answer.hourOfDay,
    forecasts: answer.forecasts.map((forecast) => ({
      camera: camera(model, forecast.cameraId),
      municipality: municipality(forecast.municipalityId),
      probability: forecast.probability,
      arrival: {
        ...forecast.eta,
        earliestAt: formatInstant(latestMs + forecast.eta.lowSeconds * 1000),
        expectedAt: formatInstant(latestMs + forecast.eta.medianSeconds * 1000),
        latestAt: formatInstant(latestMs + forecast.eta.highSeconds * 1000),
      },
      reasons: { ...forecast.reasons, likeliestDrive: forecast.reasons.likeliestDrive.map((edge) => roadSegment(model, edge)) },
    })),
    model: modelInfo(model),
  };
}

const maxReachableMinutes = 120;

/** Cameras and municipalities reachable from the latest sighting within the minutes, over the learned flows. */
export async function reachableSet(context: TrackingContext, vehicleId: string, withinMinutes: number) {
  if (!Number.isInteger(withinMinutes) || withinMinutes < 1 || withinMinutes > maxReachableMinutes) {
    throw codedGraphQLError('DS_INVALID_INPUT', `withinMinutes must be a whole number from 1 to ${maxReachableMinutes} (got ${withinMinutes})`);
  }
  const latest = await context.sightings.lastSightingOf(vehicleId);
  if (!latest) return null;
  const hour = new Date(latest.capturedAt).getUTCHours();
  let hourOfDayUtc: number | null = hour;
  let rows = await context.flows.reachableCameras(latest.camera.id, hour, withinMinutes * 60);
  if (rows.length === 0) {
    hourOfDayUtc = null;
    rows = await context.flows.reachableCameras(latest.camera.id, null, withinMinutes * 60);
  }
  const firstReached = new Map<string, number>();
  for (const row of rows) {
    if (row.municipalityId !== null && !firstReached.has(row.municipalityId)) firstReached.set(row.municipalityId, row.seconds);
  }
  return {
    from: latest, withinMinutes, hourOfDayUtc,
    cameras: rows.map((row) => ({
      camera: { id: row.cameraId, name: null, municipalityId: row.municipalityId },
      municipality: row.municipalityId === null ? null : municipality(row.municipalityId), seconds: row.seconds, hops: row.hops,
    })),
    municipalities: [...firstReached].map(([id, seconds]) => ({ municipality: municipality(id), seconds })),
  };
}

const maxPatrolUnits = 20;

type UnitPosition = { readonly id: string; readonly latitude: number; readonly longitude: number };

/** Interception points for the units from the vehicle's latest sighting, as of `at` (default: now). */
export async function interceptionPlan(context: TrackingContext, vehicleId: string, units: readonly UnitPosition[], at: string | null | undefined) {
  if (units.length < 1 || units.length > maxPatrolUnits) throw codedGraphQLError('DS_INVALID_INPUT', `units: give 1 to ${maxPatrolUnits} patrol units (got ${units.length})`);
  for (const unit of units) {
    if (!(Math.abs(unit.latitude) <= 90 && Math.abs(unit.longitude) <= 180)) throw codedGraphQLError('DS_INVALID_INPUT', `units: ${unit.id} has no valid position`);
  }
  const plannedAtMs = at == null ? Date.now() : instantOf(at, 'at');
  const rows = await recentSightingRowsOf(context, vehicleId);
  if (rows.length === 0) return null;
  return planFrom(context, rows, units, plannedAtMs);
}

/**
 * Interception points for the registered patrol units (the police registry) whose position is fresh, the
 * `maxPatrolUnits` nearest to the vehicle's latest sighting, as of `at` (default: now).
 */
export async function patrolInterceptionPlan(context: TrackingContext, vehicleId: string, at: string | null | undefined) {
  const { patrolUnits, model } = context;
  if (!patrolUnits) throw codedGraphQLError('DS_SUBGRAPH_UNAVAILABLE', 'this tracking subgraph reads no patrol-unit registry');
  const plannedAtMs = at == null ? Date.now() : instantOf(at, 'at');
  const rows = await recentSightingRowsOf(context, vehicleId);
  const latest = rows.at(-1);
  if (!latest) return null;
  const camera = model.network.cameras.get(latest.camera.id);
  const junction = camera && model.network.junctions.get(model.network.edges[camera.edgeIndex]?.to ?? '');
  if (!junction) outsideModel();
  // Freshness is judged now, not at `at`: a plan is only as good as the positions it starts from.
  const fresh = await patrolUnits.reportedSince(Date.now() - patrolStaleAfterMs, maxListSize);
  const placed = fresh.flatMap((unit) => (unit.latitude === undefined || unit.longitude === undefined
    ? [] : [{ id: unit.id, latitude: unit.latitude, longitude: unit.longitude }]));
  if (placed.length === 0) {
    throw codedGraphQLError('DS_NOT_FOUND', `no registered patrol unit has reported its position in the last ${patrolStaleAfterMs / 60_000} minutes`);
  }
  const nearest = placed
    .map((unit) => ({ unit, meters: haversineMeters(junction, unit) }))
    .sort((a, b) => a.meters - b.meters || a.unit.id.localeCompare(b.unit.id))
    .slice(0, maxPatrolUnits)
    .map(({ unit }) => unit);
  return planFrom(context, rows, nearest, plannedAtMs);
}

function planFrom(context: TrackingContext, rows: readonly SightingRow[], units: readonly UnitPosition[], plannedAtMs: number) {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const { model } = context;
  const placed = units.map((unit) => ({ id: unit.id, junctionId: nearestJunction(model.network, unit.latitude, unit.longitude) ?? '' }));
  const plan = planInterception(model, rows.map(asCameraSighting), placed, plannedAtMs, maxAnswers);
  if (!plan) outsideModel();
  return {
    latest: rowOf(byId, plan.latest),
    plannedAt: formatInstant(plannedAtMs),
    points: plan.points.map((point) => {
      const junction = model.network.junctions.get(point.junctionId);
      return {
        junctionId: point.junctionId, latitude: junction?.latitude ?? 0, longitude: junction?.longitude ?? 0,
        camera: point.cameraId === null ? null : camera(model, point.cameraId),
        municipality: municipality(point.municipalityId), unitId: point.unitId, unit: { __typename: 'PatrolUnit' as const, id: point.unitId },
        passProbability: point.passProbability, interceptProbability: point.interceptProbability,
        vehicleEtaSeconds: point.vehicleSeconds, unitSeconds: point.unitSeconds, slackSeconds: point.slackSeconds,
      };
    }),
    model: modelInfo(model),
  };
}

/** `first` on the tracking AI's nested lists (the gateway costs a query by them): the first items of the parent's list. */
function firstOf(field: string, schemaDefault: number) {
  return (parent: unknown, args: { first?: number | null }) =>
    ((parent as Record<string, readonly never[]>)[field] ?? []).slice(0, listSizeOf(args.first, schemaDefault));
}

export const trackingAnswerResolvers = {
  ReconstructedRoute: { sightings: firstOf('sightings', 100), legs: firstOf('legs', 50) },
  RouteLeg: { alternatives: firstOf('alternatives', 3) },
  RouteAlternative: { roads: firstOf('roads', 30) },
  RouteReasons: { unseenCameras: firstOf('unseenCameras', 5) },
  NextCameras: { forecasts: firstOf('forecasts', 5) },
  NextCameraReasons: { likeliestDrive: firstOf('likeliestDrive', 30) },
  ReachableSet: { cameras: firstOf('cameras', 50), municipalities: firstOf('municipalities', 20) },
  InterceptionPlan: { points: firstOf('points', 3) },
};
