import {
  dayPeriodOf, fastestEdgePath, fitTrackingModel, freeFlowCosts, interval80, localHourOf, planInterception, predictNextCameras,
  reconstructGap, trackingModelOf, tripGaps, unitTravelSeconds,
  type CameraSighting, type DayPeriod, type PatrolUnit, type StreetNetwork, type TrackingModel, type TrackingParameters,
} from '../domain/tracking/index.js';
import { seededRandom } from '../domain/plates/index.js';
import { freeFlowRoute, transitionFrequencyBaseline } from './tracking-baselines.js';
import { splitScenario, trainingDataOf, type EvaluatedVehicle, type LoadedScenario } from './tracking-scenario.js';

const mean = (values: readonly number[]) => (values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length);
const share = (flags: readonly boolean[]) => mean(flags.map((f) => (f ? 1 : 0)));
const round = (value: number) => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null);

/** Length-weighted F1 of the driven edges (after the first, which both share). */
function edgeF1(network: StreetNetwork, predicted: readonly number[], truth: readonly number[]): number {
  const length = (edge: number) => Math.max(1, network.edges[edge]?.lengthMeters ?? 1);
  const p = new Set(predicted.slice(1));
  const t = new Set(truth.slice(1));
  let overlap = 0;
  let pTotal = 0;
  let tTotal = 0;
  for (const e of p) {
    pTotal += length(e);
    if (t.has(e)) overlap += length(e);
  }
  for (const e of t) tTotal += length(e);
  if (pTotal === 0 && tTotal === 0) return 1;
  if (overlap === 0) return 0;
  const precision = overlap / pTotal;
  const recall = overlap / tTotal;
  return (2 * precision * recall) / (precision + recall);
}

const sameEdges = (a: readonly number[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && a.every((e, i) => e === b[i]);

function truthEdges(network: StreetNetwork, vehicle: EvaluatedVehicle, fromIndex: number, toIndex: number): number[] {
  return vehicle.trip.edges.slice(fromIndex, toIndex + 1).map((id) => network.edgeIndexById.get(id) ?? -1);
}

function evaluateRoutes(model: TrackingModel, test: readonly EvaluatedVehicle[]) {
  const costs = freeFlowCosts(model.network);
  const exact: boolean[] = [];
  const f1: number[] = [];
  const baseExact: boolean[] = [];
  const baseF1: number[] = [];
  const confidence: number[] = [];
  const pathsByPair = new Map<string, Map<string, number>>();
  for (const vehicle of test) {
    const passOf = new Map(vehicle.sightings.map((s) => [s as CameraSighting, s.pass]));
    for (const [from, to] of tripGaps(vehicle.sightings, model.parameters.maxGapSeconds)) {
      const a = passOf.get(from);
      const b = passOf.get(to);
      if (!a || !b || b.edgeIndex <= a.edgeIndex) continue;
      const truth = truthEdges(model.network, vehicle, a.edgeIndex, b.edgeIndex);
      const pair = `${from.cameraId}>${to.cameraId}`;
      const paths = pathsByPair.get(pair) ?? new Map<string, number>();
      paths.set(truth.join(','), (paths.get(truth.join(',')) ?? 0) + 1);
      pathsByPair.set(pair, paths);
      const best = reconstructGap(model, from, to).candidates[0];
      const baseline = freeFlowRoute(model.network, costs, from.cameraId, to.cameraId);
      exact.push(sameEdges(best?.edges, truth));
      f1.push(best ? edgeF1(model.network, best.edges, truth) : 0);
      confidence.push(best?.probability ?? 0);
      baseExact.push(sameEdges(baseline, truth));
      baseF1.push(baseline ? edgeF1(model.network, baseline, truth) : 0);
    }
  }
  return {
    exactPath: round(share(exact)), edgeF1: round(mean(f1)), baselineExactPath: round(share(baseExact)), baselineEdgeF1: round(mean(baseF1)),
    meanConfidence: round(mean(confidence)),
    /** A ceiling, not a model: the test set's own most frequent true drive per camera pair. */
    oracleExactPath: round([...pathsByPair.values()].reduce((sum, paths) => sum + Math.max(...paths.values()), 0) / Math.max(1, exact.length)),
    gaps: exact.length,
  };
}

interface ForecastSample {
  readonly vehicle: EvaluatedVehicle;
  readonly history: readonly CameraSighting[];
  readonly latest: CameraSighting & { readonly pass: EvaluatedVehicle['passes'][number] };
  readonly period: DayPeriod;
}

function forecastSamples(model: TrackingModel, test: readonly EvaluatedVehicle[]): ForecastSample[] {
  const samples: ForecastSample[] = [];
  for (const vehicle of test) {
    vehicle.sightings.forEach((latest, i) => {
      const hour = localHourOf(latest.capturedAtMs, model.file.utcOffsetMinutes);
      samples.push({ vehicle, history: vehicle.sightings.slice(0, i + 1), latest, period: dayPeriodOf(hour) });
    });
  }
  return samples;
}

function evaluateNextCameras(model: TrackingModel, samples: readonly ForecastSample[], baselineRanking: (cameraId: string) => string[], originMs: number) {
  const costs = freeFlowCosts(model.network);
  const hits1: boolean[] = [];
  const hits3: boolean[] = [];
  const reciprocal: number[] = [];
  const base1: boolean[] = [];
  const base3: boolean[] = [];
  const baseReciprocal: number[] = [];
  const ape: Record<DayPeriod, number[]> = { peak: [], 'off-peak': [], night: [] };
  const baseApe: Record<DayPeriod, number[]> = { peak: [], 'off-peak': [], night: [] };
  const covered: Record<DayPeriod, boolean[]> = { peak: [], 'off-peak': [], night: [] };
  const probabilityOfTop: number[] = [];
  const outcomesByContext = new Map<string, Map<string, number>>();
  for (const { vehicle, history, latest, period } of samples) {
    const next = vehicle.passes.find((pass) => pass.edgeIndex > latest.pass.edgeIndex);
    if (!next) continue;
    const previous = [...history].reverse().find((s) => s.cameraId !== latest.cameraId && latest.capturedAtMs - s.capturedAtMs <= model.parameters.maxGapSeconds * 1000);
    const context = `${previous?.cameraId ?? ''}>${latest.cameraId}`;
    const outcomes = outcomesByContext.get(context) ?? new Map<string, number>();
    outcomes.set(next.cameraId, (outcomes.get(next.cameraId) ?? 0) + 1);
    outcomesByContext.set(context, outcomes);
    const answer = predictNextCameras(model, history, Infinity);
    const ranked = answer?.forecasts.map((f) => f.cameraId) ?? [];
    const rank = ranked.indexOf(next.cameraId);
    hits1.push(rank === 0);
    hits3.push(rank >= 0 && rank < 3);
    reciprocal.push(rank >= 0 ? 1 / (rank + 1) : 0);
    probabilityOfTop.push(answer?.forecasts[0]?.probability ?? 0);
    const baseRanked = baselineRanking(latest.cameraId);
    const baseRank = baseRanked.indexOf(next.cameraId);
    base1.push(baseRank === 0);
    base3.push(baseRank >= 0 && baseRank < 3);
    baseReciprocal.push(baseRank >= 0 ? 1 / (baseRank + 1) : 0);

    const actualSeconds = originMs + next.atSeconds * 1000 - latest.capturedAtMs;
    if (actualSeconds <= 0) continue;
    const actual = actualSeconds / 1000;
    let eta = answer?.forecasts.find((f) => f.cameraId === next.cameraId)?.eta;
    if (!eta) {
      const hour = localHourOf(latest.capturedAtMs, model.file.utcOffsetMinutes);
      const from = model.network.cameras.get(latest.cameraId);
      const to = model.network.cameras.get(next.cameraId);
      const path = from && to ? fastestEdgePath(model.network, model.linkSeconds(hour), from.edgeIndex, to.edgeIndex) : undefined;
      if (path) eta = interval80(Math.max(1, path.seconds), (model.file.travelTimes.hourSigmas[hour] ?? 0.35) * model.parameters.etaSigmaScale * 1.5);
    }
    const from = model.network.cameras.get(latest.cameraId);
    const to = model.network.cameras.get(next.cameraId);
    const freeFlow = from && to ? fastestEdgePath(model.network, costs, from.edgeIndex, to.edgeIndex)?.seconds : undefined;
    if (!eta || freeFlow === undefined) continue;
    ape[period].push(Math.abs(eta.medianSeconds - actual) / actual);
    baseApe[period].push(Math.abs(Math.max(1, freeFlow) - actual) / actual);
    covered[period].push(actual >= eta.lowSeconds && actual <= eta.highSeconds);
  }
  const allCovered = [...covered.peak, ...covered['off-peak'], ...covered.night];
  // A ceiling, not a model: the test set's own most frequent next camera per (previous, latest) camera pair.
  const oracleHits = [...outcomesByContext.values()].reduce((sum, outcomes) => sum + Math.max(...outcomes.values()), 0);
  return {
    acc1: round(share(hits1)), acc3: round(share(hits3)), mrr: round(mean(reciprocal)),
    baselineAcc1: round(share(base1)), baselineAcc3: round(share(base3)), baselineMrr: round(mean(baseReciprocal)),
    meanTopProbability: round(mean(probabilityOfTop)), oracleAcc1: round(oracleHits / Math.max(1, hits1.length)),
    etaMapePeak: round(mean(ape.peak)), baselineEtaMapePeak: round(mean(baseApe.peak)),
    etaMapeOffPeak: round(mean(ape['off-peak'])), baselineEtaMapeOffPeak: round(mean(baseApe['off-peak'])),
    etaMapeNight: round(mean(ape.night)), baselineEtaMapeNight: round(mean(baseApe.night)),
    coverage80: round(share(allCovered)),
    coverage80Peak: round(share(covered.peak)), coverage80OffPeak: round(share(covered['off-peak'])), coverage80Night: round(share(covered.night)),
    samples: hits1.length,
    etaSamples: { peak: ape.peak.length, offPeak: ape['off-peak'].length, night: ape.night.length },
  };
}

function evaluateInterception(model: TrackingModel, samples: readonly ForecastSample[], baselineRanking: (cameraId: string) => string[], originMs: number) {
  const junctions = [...model.network.junctions.keys()];
  const costs = freeFlowCosts(model.network);
  const { dispatchSeconds, interceptMarginSeconds } = model.parameters;
  const unitTimes = new Map<string, Map<string, number>>();
  const unitSecondsTo = (unit: PatrolUnit, junctionId: string) => {
    let times = unitTimes.get(unit.junctionId);
    if (!times) {
      times = unitTravelSeconds(model.network, unit.junctionId);
      unitTimes.set(unit.junctionId, times);
    }
    return times.get(junctionId);
  };
  const success1: boolean[] = [];
  const success3: boolean[] = [];
  const base1: boolean[] = [];
  const base3: boolean[] = [];
  const anyInTime: boolean[] = [];
  samples.forEach(({ vehicle, history, latest }, index) => {
    const trip = vehicle.trip;
    if (latest.pass.edgeIndex >= trip.edges.length - 1) return;
    const random = seededRandom(index + 1);
    const units: PatrolUnit[] = Array.from({ length: 1 + (index % 3) }, (_, u) => ({ id: `unit-${u + 1}`, junctionId: junctions[Math.floor(random() * junctions.length)] as string }));
    const latestSeconds = (latest.capturedAtMs - originMs) / 1000;
    const vehicleAt = new Map<string, number>();
    for (let k = latest.pass.edgeIndex + 1; k < trip.edges.length; k++) {
      const edge = model.network.edges[model.network.edgeIndexById.get(trip.edges[k] as string) ?? -1];
      if (edge && !vehicleAt.has(edge.to)) vehicleAt.set(edge.to, trip.exitSeconds[k] as number);
    }
    const intercepted = (junctionId: string, unit: PatrolUnit | undefined) => {
      const passesAt = vehicleAt.get(junctionId);
      const unitSeconds = unit && unitSecondsTo(unit, junctionId);
      return passesAt !== undefined && unitSeconds !== undefined && passesAt - latestSeconds >= dispatchSeconds + unitSeconds + interceptMarginSeconds;
    };
    anyInTime.push([...vehicleAt.keys()].some((junctionId) => units.some((unit) => intercepted(junctionId, unit))));
    const plan = planInterception(model, history, units, latest.capturedAtMs, 3);
    const points = plan?.points ?? [];
    const outcomes = points.map((p) => intercepted(p.junctionId, units.find((u) => u.id === p.unitId)));
    success1.push(outcomes[0] === true);
    success3.push(outcomes.slice(0, 3).some(Boolean));

    // Baseline: the cameras downstream along the most frequent next-camera chain, each with its nearest unit; the
    // first three a unit reaches before the vehicle's free-flow arrival, else simply the first three.
    const chain: { junctionId: string; vehicleSeconds: number }[] = [];
    let at = latest.cameraId;
    let seconds = 0;
    const visited = new Set([at]);
    for (let hop = 0; hop < 6; hop++) {
      const next = baselineRanking(at).find((id) => !visited.has(id));
      const from = model.network.cameras.get(at);
      const to = next ? model.network.cameras.get(next) : undefined;
      const path = from && to ? fastestEdgePath(model.network, costs, from.edgeIndex, to.edgeIndex) : undefined;
      if (!next || !to || !path) break;
      seconds += path.seconds;
      chain.push({ junctionId: model.network.edges[to.edgeIndex]?.to as string, vehicleSeconds: seconds });
      visited.add(next);
      at = next;
    }
    const withUnit = chain.map((point) => {
      const timed = units.map((unit) => ({ unit, seconds: unitSecondsTo(unit, point.junctionId) ?? Infinity })).sort((a, b) => a.seconds - b.seconds)[0];
      return { ...point, unit: timed?.unit, reachable: (timed?.seconds ?? Infinity) + dispatchSeconds + interceptMarginSeconds <= point.vehicleSeconds };
    });
    const recommended = [...withUnit.filter((p) => p.reachable), ...withUnit.filter((p) => !p.reachable)].slice(0, 3);
    const baseOutcomes = recommended.map((p) => intercepted(p.junctionId, p.unit));
    base1.push(baseOutcomes[0] === true);
    base3.push(baseOutcomes.some(Boolean));
  });
  return {
    success1: round(share(success1)), success3: round(share(success3)),
    baselineSuccess1: round(share(base1)), baselineSuccess3: round(share(base3)),
    /** The ceiling: some unit could have been ≥ margin early somewhere on the vehicle's true remaining drive. */
    oracleSuccess: round(share(anyInTime)), samples: success1.length,
  };
}

export interface TrackingEvaluation {
  readonly scenario: string;
  readonly split: string;
  readonly route: ReturnType<typeof evaluateRoutes>;
  readonly next: ReturnType<typeof evaluateNextCameras>;
  readonly intercept: ReturnType<typeof evaluateInterception>;
  readonly counts: Record<string, number>;
  /** The fitted model's parameters (smoothing, destination share, ETA spread), as calibrated on the training split. */
  readonly parameters: TrackingParameters;
  readonly seconds: { readonly fit: number; readonly evaluate: number };
}

/** Fits on the scenario's training split and scores route, next camera and interception on its test split, with baselines. */
export function evaluateTracking(scenario: LoadedScenario): TrackingEvaluation {
  const split = splitScenario(scenario);
  const data = trainingDataOf(scenario, split.train);
  const fitStarted = performance.now();
  const file = fitTrackingModel(data, { utcOffsetMinutes: scenario.utcOffsetMinutes, scenario: scenario.dir, split: split.description });
  const model = trackingModelOf(file);
  const evaluateStarted = performance.now();
  const baselineRanking = transitionFrequencyBaseline(data.sequences, model.parameters.maxGapSeconds);
  const samples = forecastSamples(model, split.test);
  const route = evaluateRoutes(model, split.test);
  const next = evaluateNextCameras(model, samples, baselineRanking, scenario.originMs);
  const intercept = evaluateInterception(model, samples, baselineRanking, scenario.originMs);
  const done = performance.now();
  return {
    scenario: scenario.dir, split: split.description, route, next, intercept,
    counts: {
      trainVehicles: split.train.length, testVehicles: split.test.length, trainSightingSequences: data.sequences.length,
      aggregateCells: data.cells.length, anprCameras: model.network.cameras.size, edges: model.network.edges.length,
      routeGaps: route.gaps, nextSamples: next.samples, interceptSamples: intercept.samples,
    },
    parameters: model.parameters,
    seconds: { fit: Math.round((evaluateStarted - fitStarted) / 100) / 10, evaluate: Math.round((done - evaluateStarted) / 100) / 10 },
  };
}
