import { localHourOf } from './day-period.js';
import { destinationNextCameras, inferDestinations, type DestinationBelief } from './destination-forecast.js';
import { driveEdges, firstCameraHits } from './drive-forecast.js';
import { pathInTree } from './edge-paths.js';
import { interval80, type SecondsInterval } from './log-normal.js';
import type { CameraSighting } from './reconstruct-route.js';
import type { TrackingModel } from './tracking-model.js';

/** Why a camera is forecast: the road model's share, what past vehicles did, the drive that leads there. */
export interface NextCameraReasons {
  /** The share of likely drives whose first camera this is: learned turns in the hour's times, mixed with destinations. */
  readonly roadModelProbability: number;
  /** Destination inference alone: the share of likely destinations whose fastest drive passes this camera first. */
  readonly destinationProbability: number;
  /** Past vehicles seen at the latest camera: how many passed this camera next, of how many. */
  readonly transitionsFromCamera: { readonly count: number; readonly total: number };
  /** The same, for past vehicles that also came from the previous sighting's camera; null without one. */
  readonly transitionsAfterPrevious: { readonly count: number; readonly total: number } | null;
  /** The most likely drive there, as edge indices after the latest camera's edge. */
  readonly likeliestDrive: readonly number[];
}

export interface NextCameraForecast {
  readonly cameraId: string;
  readonly municipalityId: string;
  /** Calibrated probability that this is the next camera the vehicle passes (given it passes one within the horizon). */
  readonly probability: number;
  /** Seconds from the latest sighting: median and the 80 % interval. */
  readonly eta: SecondsInterval;
  readonly reasons: NextCameraReasons;
}

export interface NextCamerasAnswer {
  readonly latest: CameraSighting;
  readonly previous: CameraSighting | undefined;
  readonly hourOfDay: number;
  /** Most probable first. */
  readonly forecasts: readonly NextCameraForecast[];
}

type Counts = Readonly<Record<string, number>> | undefined;
const totalOf = (counts: Counts) => Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);

/** First-order camera transitions smoothed towards the road model, second-order ones towards the first-order. */
function blendedProbabilities(model: TrackingModel, roadModel: ReadonlyMap<string, number>, order1: Counts, order2: Counts) {
  const { order1Concentration: a1, order2Concentration: a2 } = model.parameters;
  const cameras = new Set([...roadModel.keys(), ...Object.keys(order1 ?? {}), ...Object.keys(order2 ?? {})]);
  const n1 = totalOf(order1);
  const n2 = totalOf(order2);
  const blended = new Map<string, number>();
  for (const camera of cameras) {
    const q0 = roadModel.get(camera) ?? 0;
    const q1 = roadModel.size === 0 && n1 === 0 ? 0 : ((order1?.[camera] ?? 0) + a1 * q0) / (n1 + a1);
    blended.set(camera, ((order2?.[camera] ?? 0) + a2 * q1) / (n2 + a2));
  }
  const total = [...blended.values()].reduce((sum, p) => sum + p, 0);
  if (total > 0) for (const [camera, p] of blended) blended.set(camera, p / total);
  return blended;
}

/**
 * The road model's first-camera probabilities: the learned-turn drives' share, mixed with destination inference's
 * (`destinationWeight`), which knows where the drive so far was heading; and destination inference's alone.
 */
function roadModelOf(model: TrackingModel, hits: ReturnType<typeof firstCameraHits>, belief: DestinationBelief) {
  const { destinationWeight } = model.parameters;
  const hitMass = [...hits.values()].reduce((sum, hit) => sum + hit.probability, 0);
  const roadModel = new Map(hitMass > 0 ? [...hits].map(([id, hit]) => [id, ((1 - destinationWeight) * hit.probability) / hitMass]) : []);
  const byDestination = destinationNextCameras(belief);
  if (destinationWeight > 0) for (const [cameraId, p] of byDestination) roadModel.set(cameraId, (roadModel.get(cameraId) ?? 0) + destinationWeight * p);
  return { roadModel, byDestination };
}

/** The latest sighting and, when it belongs to the same trip, the one before it at another camera. */
export function latestSightingsOf(model: TrackingModel, sightings: readonly CameraSighting[]) {
  const known = sightings.filter((s) => model.network.cameras.has(s.cameraId)).sort((a, b) => a.capturedAtMs - b.capturedAtMs);
  const latest = known[known.length - 1];
  if (!latest) return undefined;
  const previous = [...known].reverse().find((s) => s.cameraId !== latest.cameraId);
  const sameTrip = previous && latest.capturedAtMs - previous.capturedAtMs <= model.parameters.maxGapSeconds * 1000;
  return { latest, previous: sameTrip ? previous : undefined };
}

/**
 * The cameras the vehicle will pass next, ranked, with calibrated probabilities and 80 % arrival intervals. Drives
 * from the latest sighting's edge (its camera fixes the heading) follow the learned turns in that hour up to the
 * first camera; what vehicles seen at that camera (and coming from the previous one) did next sharpens them.
 */
export function predictNextCameras(model: TrackingModel, sightings: readonly CameraSighting[], limit = 10): NextCamerasAnswer | undefined {
  return nextCamerasWithBelief(model, sightings, limit)?.answer;
}

/** The forecast and the destination belief it rests on, for interception plans, which drive on that belief too. */
export function nextCamerasWithBelief(model: TrackingModel, sightings: readonly CameraSighting[], limit: number) {
  const ends = latestSightingsOf(model, sightings);
  if (!ends) return undefined;
  const { latest, previous } = ends;
  const camera = model.network.cameras.get(latest.cameraId);
  if (!camera) return undefined;
  const hourOfDay = localHourOf(latest.capturedAtMs, model.file.utcOffsetMinutes);
  const { horizonSeconds, minDriveProbability, etaSigmaScale, destinationDetourWeight } = model.parameters;
  const hits = firstCameraHits(model, camera.edgeIndex, hourOfDay, horizonSeconds, minDriveProbability);
  const previousEdge = previous ? model.network.cameras.get(previous.cameraId)?.edgeIndex : undefined;
  const belief = inferDestinations(model, model.linkSeconds(hourOfDay), camera.edgeIndex, previousEdge, destinationDetourWeight);
  const { roadModel, byDestination } = roadModelOf(model, hits, belief);
  const order1 = model.file.cameraTransitions.order1[latest.cameraId];
  const order2 = previous ? model.file.cameraTransitions.order2[`${previous.cameraId}>${latest.cameraId}`] : undefined;
  const blended = blendedProbabilities(model, roadModel, order1, order2);
  const hourSigma = (model.file.travelTimes.hourSigmas[hourOfDay] ?? 0.35) * etaSigmaScale;
  const forecasts = [...blended]
    .filter(([, probability]) => probability > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([cameraId, probability]): NextCameraForecast => {
      const target = model.network.cameras.get(cameraId);
      const hit = hits.get(cameraId);
      let eta: SecondsInterval;
      let likeliestDrive: readonly number[] = [];
      if (hit && hit.drives.length > 0) {
        const mean = hit.drives.reduce((sum, d) => sum + d.probability * Math.log(Math.max(1, d.seconds)), 0) / hit.probability;
        const spread = hit.drives.reduce((sum, d) => sum + d.probability * (Math.log(Math.max(1, d.seconds)) - mean) ** 2, 0) / hit.probability;
        eta = interval80(Math.exp(mean), Math.sqrt(hourSigma ** 2 + spread));
        const likeliest = hit.drives.reduce((best, d) => (d.probability > best.probability ? d : best));
        likeliestDrive = driveEdges(likeliest.step);
      } else {
        const path = target ? pathInTree(belief.tree, target.edgeIndex) : undefined;
        eta = interval80(Math.max(1, path?.seconds ?? horizonSeconds), hourSigma * 1.5);
        likeliestDrive = path?.edges.slice(1) ?? [];
      }
      return {
        cameraId, municipalityId: target?.municipalityId ?? '', probability, eta,
        reasons: {
          roadModelProbability: roadModel.get(cameraId) ?? 0,
          destinationProbability: byDestination.get(cameraId) ?? 0,
          transitionsFromCamera: { count: order1?.[cameraId] ?? 0, total: totalOf(order1) },
          transitionsAfterPrevious: previous ? { count: order2?.[cameraId] ?? 0, total: totalOf(order2) } : null,
          likeliestDrive,
        },
      };
    });
  const answer: NextCamerasAnswer = { latest, previous, hourOfDay, forecasts };
  return { answer, belief };
}
