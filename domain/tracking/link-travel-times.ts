import { fastestEdgePath } from './edge-paths.js';
import { z80 } from './log-normal.js';
import { freeFlowCosts, type StreetNetwork } from './street-network.js';

/**
 * One camera-to-camera cell of the edge nodes' anonymous aggregates: how many vehicles went from one camera to
 * the next in a local hour of day, and the median and 90th percentile of their travel times.
 */
export interface CameraTransitionCell {
  readonly fromCameraId: string;
  readonly toCameraId: string;
  readonly hourOfDay: number;
  readonly count: number;
  readonly medianSeconds: number;
  readonly p90Seconds: number;
}

/**
 * Travel time per edge and hour as a multiple of free flow: `hourFactors[h]` for the whole network, times
 * e^`edgeLogResiduals[edge][h]` where the aggregates say more about an edge. `hourSigmas[h]` is the log-scale
 * spread of one camera-to-camera trip in that hour.
 */
export interface LinkTravelTimesFile {
  readonly hourFactors: readonly number[];
  readonly hourSigmas: readonly number[];
  readonly edgeLogResiduals: Readonly<Record<string, readonly number[]>>;
}

export interface LinkTravelTimeOptions {
  /** Cells whose median is outside these multiples of the free-flow time are detours or stops, not travel. */
  readonly ratioRange: readonly [number, number];
  /** Pseudo-vehicles pulling an edge's residual towards its all-day value, and that towards the network's. */
  readonly shrinkage: number;
  /** Hours apart that still inform an hour, with weight halving per hour. */
  readonly hourBandwidth: number;
  readonly defaultSigma: number;
}

export const defaultLinkTravelTimeOptions: LinkTravelTimeOptions = { ratioRange: [0.5, 5], shrinkage: 10, hourBandwidth: 2, defaultSigma: 0.35 };

interface Observation {
  readonly hour: number;
  readonly weight: number;
  readonly logRatio: number;
  readonly sigma: number;
  readonly edges: readonly number[];
  readonly shares: readonly number[];
}

const hours = Array.from({ length: 24 }, (_, h) => h);
const hourDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 24 - Math.abs(a - b));

/** Count-weighted mean over every hour of the day; undefined with no data. */
function allDayMean(cells: readonly { weight: number; value: number }[]) {
  const total = cells.reduce((sum, cell) => sum + cell.weight, 0);
  return total > 0 ? { mean: cells.reduce((sum, cell) => sum + cell.weight * cell.value, 0) / total, weight: total } : undefined;
}

/** Weighted mean over hours near `hour`, each observation's weight halving per hour away; undefined with no data. */
function smoothedAt(hour: number, cells: readonly { hour: number; weight: number; value: number }[], bandwidth: number) {
  let sum = 0;
  let total = 0;
  for (const cell of cells) {
    const distance = hourDistance(hour, cell.hour);
    if (distance > bandwidth) continue;
    const weight = cell.weight * 0.5 ** distance;
    sum += weight * cell.value;
    total += weight;
  }
  return total > 0 ? { mean: sum / total, weight: total } : undefined;
}

/**
 * Fits hourly link travel times from camera-to-camera aggregates: each cell's median against the free-flow time
 * of the fastest path between its cameras, spread over that path's edges by their share of the free-flow time.
 * Hours and edges without data fall back to the network's hour, then to free flow.
 */
export function fitLinkTravelTimes(
  network: StreetNetwork, cells: readonly CameraTransitionCell[], options: LinkTravelTimeOptions = defaultLinkTravelTimeOptions,
): LinkTravelTimesFile {
  const freeFlow = freeFlowCosts(network);
  const observations: Observation[] = [];
  for (const cell of cells) {
    const from = network.cameras.get(cell.fromCameraId);
    const to = network.cameras.get(cell.toCameraId);
    if (!from || !to || from.edgeIndex === to.edgeIndex || cell.count <= 0) continue;
    const path = fastestEdgePath(network, freeFlow, from.edgeIndex, to.edgeIndex);
    if (!path || path.seconds <= 0) continue;
    const ratio = cell.medianSeconds / path.seconds;
    if (ratio < options.ratioRange[0] || ratio > options.ratioRange[1]) continue;
    const edges = path.edges.slice(1);
    observations.push({
      hour: cell.hourOfDay, weight: cell.count, logRatio: Math.log(ratio),
      sigma: cell.p90Seconds > cell.medianSeconds ? Math.log(cell.p90Seconds / cell.medianSeconds) / z80 : 0,
      edges, shares: edges.map((edge) => (freeFlow[edge] as number) / path.seconds),
    });
  }
  const hourly = (value: (o: Observation) => number) => observations.map((o) => ({ hour: o.hour, weight: o.weight, value: value(o) }));
  const overall = allDayMean(hourly((o) => o.logRatio))?.mean ?? 0;
  const hourLog = hours.map((h) => smoothedAt(h, hourly((o) => o.logRatio), options.hourBandwidth)?.mean ?? overall);
  const overallSigma = allDayMean(hourly((o) => o.sigma))?.mean ?? options.defaultSigma;
  const hourSigmas = hours.map((h) => smoothedAt(h, hourly((o) => o.sigma), options.hourBandwidth)?.mean ?? overallSigma);

  // Residuals: what an edge's trips say beyond their hour's network factor, shrunk towards nothing where thin.
  const perEdge = new Map<number, { hour: number; weight: number; value: number }[]>();
  for (const o of observations) {
    const residual = o.logRatio - (hourLog[o.hour] as number);
    o.edges.forEach((edge, i) => {
      const list = perEdge.get(edge) ?? [];
      list.push({ hour: o.hour, weight: o.weight * (o.shares[i] as number), value: residual });
      perEdge.set(edge, list);
    });
  }
  const edgeLogResiduals: Record<string, number[]> = {};
  for (const [edge, list] of perEdge) {
    const all = allDayMean(list);
    if (!all) continue;
    const allDay = (all.mean * all.weight) / (all.weight + options.shrinkage);
    edgeLogResiduals[network.edges[edge]?.id as string] = hours.map((h) => {
      const near = smoothedAt(h, list, options.hourBandwidth);
      const value = near ? (near.mean * near.weight + allDay * options.shrinkage) / (near.weight + options.shrinkage) : allDay;
      return Math.round(value * 1e4) / 1e4;
    });
  }
  return {
    hourFactors: hourLog.map((log) => Math.round(Math.exp(log) * 1e4) / 1e4),
    hourSigmas: hourSigmas.map((sigma) => Math.round(Math.max(0.05, sigma) * 1e4) / 1e4),
    edgeLogResiduals,
  };
}

/** Seconds on each edge in a local hour of day, as a cost array for path searches; cached per hour. */
export function linkSecondsOf(network: StreetNetwork, times: LinkTravelTimesFile): (hourOfDay: number) => Float64Array {
  const cache = new Map<number, Float64Array>();
  const residuals = network.edges.map((edge) => times.edgeLogResiduals[edge.id]);
  return (hourOfDay) => {
    let costs = cache.get(hourOfDay);
    if (!costs) {
      const factor = times.hourFactors[hourOfDay] ?? 1;
      costs = Float64Array.from(network.edges, (edge, i) => edge.freeFlowSeconds * factor * Math.exp(residuals[i]?.[hourOfDay] ?? 0));
      cache.set(hourOfDay, costs);
    }
    return costs;
  };
}
