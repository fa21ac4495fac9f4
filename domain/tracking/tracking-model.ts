import { z } from 'zod';
import { DongseonError } from '../errors/index.js';
import { linkSecondsOf, type LinkTravelTimesFile } from './link-travel-times.js';
import { loadStreetNetwork, streetCamerasFileSchema, streetGraphFileSchema, type StreetNetwork } from './street-network.js';
import { turnPreferencesOf, type TurnCountsFile, type TurnPreferences } from './turn-preferences.js';

export const trackingModelFormat = 'dongseon-tracking-model/1';

/**
 * How often consecutive sightings led from one camera to the next, after route reconstruction put back the
 * cameras a vehicle passed unread. `order2` is keyed `<previous camera>><camera>`.
 */
export interface CameraTransitionCountsFile {
  readonly order1: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly order2: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface TrackingParameters {
  /** Chance that a working camera on the route did not produce a sighting (missed pass, outage, unreadable plate). */
  readonly missedPassProbability: number;
  /** Weight of the "stopped on the way" explanation for a gap much longer than any route takes. */
  readonly stopProbability: number;
  /** Multiplies the hour's trip spread (σ) in the route likelihood. */
  readonly routeSigmaScale: number;
  /**
   * Route choice: drivers take (nearly) the fastest route, so a drive x % slower at free flow than the fastest
   * candidate loses `routeDetourWeight`·x/100 in log-likelihood (a logit route-choice model).
   */
  readonly routeDetourWeight: number;
  /** Weight of the learned turn preferences, and of the observed time, against route choice (both are noisy). */
  readonly routeTurnWeight: number;
  readonly routeTimeWeight: number;
  /** Multiplies the ETA spread (σ) so that 80 % intervals cover 80 %; calibrated on held-out training vehicles. */
  readonly etaSigmaScale: number;
  /**
   * Share of the road model's forward drives that come from destination inference (fastest drives to the places
   * the drive so far leads towards directly) rather than from the learned turns alone.
   */
  readonly destinationWeight: number;
  /** Log-likelihood a destination loses per unit of relative detour the drive so far would be for it. */
  readonly destinationDetourWeight: number;
  /** Pseudo-counts of the road model behind the learned first-order camera transitions. */
  readonly order1Concentration: number;
  /** Pseudo-counts of the first-order estimate behind the second-order (previous camera) transitions. */
  readonly order2Concentration: number;
  /** Sightings further apart than this start a new trip. */
  readonly maxGapSeconds: number;
  /** How far ahead next-camera forecasts and interception plans look. */
  readonly horizonSeconds: number;
  /** Drives less likely than this are not followed further. */
  readonly minDriveProbability: number;
  /** Seconds a patrol unit needs before it starts to drive. */
  readonly dispatchSeconds: number;
  /** A unit must be at the point this long before the vehicle. */
  readonly interceptMarginSeconds: number;
}

export const defaultTrackingParameters: TrackingParameters = {
  missedPassProbability: 0.1, stopProbability: 0.02, routeSigmaScale: 1, routeDetourWeight: 30, routeTurnWeight: 0.2,
  routeTimeWeight: 0.3, etaSigmaScale: 1, destinationWeight: 0.75, destinationDetourWeight: 20, order1Concentration: 5,
  order2Concentration: 5, maxGapSeconds: 1800, horizonSeconds: 1200, minDriveProbability: 5e-4, dispatchSeconds: 30,
  interceptMarginSeconds: 60,
};

/** What a model was fitted on, so every answer can say so. */
export interface TrainingSummary {
  readonly scenario: string;
  readonly split: string;
  readonly sightingSequences: number;
  readonly transitionCells: number;
}

/** A fitted tracking model as a committed JSON file: the street network it runs on and everything learned. */
export interface TrackingModelFile {
  readonly format: typeof trackingModelFormat;
  /** Local time zone of the hours of day, minutes east of UTC (Korea: 540). */
  readonly utcOffsetMinutes: number;
  readonly network: { readonly graph: z.infer<typeof streetGraphFileSchema>; readonly cameras: z.infer<typeof streetCamerasFileSchema> };
  readonly travelTimes: LinkTravelTimesFile;
  readonly turns: TurnCountsFile;
  readonly cameraTransitions: CameraTransitionCountsFile;
  readonly parameters: TrackingParameters;
  readonly training: TrainingSummary;
}

/** A model ready to answer: the network indexed, costs per hour cached, turn probabilities computed. */
export interface TrackingModel {
  readonly file: TrackingModelFile;
  readonly network: StreetNetwork;
  readonly parameters: TrackingParameters;
  /** Seconds per edge in a local hour of day. */
  readonly linkSeconds: (hourOfDay: number) => Float64Array;
  readonly turns: TurnPreferences;
}

const numberRecord = z.record(z.string(), z.record(z.string(), z.number().nonnegative()));
const trackingModelFileSchema = z.object({
  format: z.literal(trackingModelFormat),
  utcOffsetMinutes: z.number().int().min(-720).max(840),
  network: z.object({ graph: z.unknown(), cameras: z.unknown() }),
  travelTimes: z.object({
    hourFactors: z.array(z.number().positive()).length(24),
    hourSigmas: z.array(z.number().positive()).length(24),
    edgeLogResiduals: z.record(z.string(), z.array(z.number()).length(24)),
  }),
  turns: z.object({ counts: numberRecord, priorWeight: z.number().positive() }),
  cameraTransitions: z.object({ order1: numberRecord, order2: numberRecord }),
  parameters: z.object({
    missedPassProbability: z.number().gt(0).lt(1), stopProbability: z.number().gt(0).lt(1), routeSigmaScale: z.number().positive(),
    routeDetourWeight: z.number().nonnegative(), routeTurnWeight: z.number().nonnegative(), routeTimeWeight: z.number().nonnegative(),
    etaSigmaScale: z.number().positive(), destinationWeight: z.number().min(0).max(1), destinationDetourWeight: z.number().nonnegative(),
    order1Concentration: z.number().positive(), order2Concentration: z.number().positive(),
    maxGapSeconds: z.number().positive(), horizonSeconds: z.number().positive(), minDriveProbability: z.number().gt(0).lt(1),
    dispatchSeconds: z.number().nonnegative(), interceptMarginSeconds: z.number().nonnegative(),
  }),
  training: z.object({ scenario: z.string(), split: z.string(), sightingSequences: z.number(), transitionCells: z.number() }),
});

/** Indexes a model file; a malformed file refuses to load rather than answer from half a model. */
export function loadTrackingModel(source: unknown): TrackingModel {
  const parsed = trackingModelFileSchema.safeParse(source);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    throw new DongseonError('DS_TRACKING_MODEL_INVALID', `tracking model: malformed at ${where || 'the top level'}`);
  }
  return trackingModelOf(source as TrackingModelFile);
}

/** Indexes a model file already known to be well formed (one just fitted). */
export function trackingModelOf(file: TrackingModelFile): TrackingModel {
  const network = loadStreetNetwork(file.network.graph, file.network.cameras);
  return {
    file, network, parameters: file.parameters,
    linkSeconds: linkSecondsOf(network, file.travelTimes),
    turns: turnPreferencesOf(network, file.turns),
  };
}
