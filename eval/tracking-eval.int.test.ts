import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario } from '../sim/build/build-scenario.js';
import { ensureSumo, runSumoCommand } from '../sim/sumo/sumo-installation.js';
import { evaluateTracking, type TrackingEvaluation } from './evaluate-tracking.js';
import { loadScenario } from './tracking-scenario.js';

// A random SUMO network with six hours of generated demand (morning peak included), built from scratch: the
// harness must work on any `sim build` output, and the models must beat their baselines on held-out vehicles and hours.
describe('eval:tracking on a small generated scenario', () => {
  let dir: string;
  let result: TrackingEvaluation;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dongseon-tracking-eval-'));
    const sumo = await ensureSumo();
    const net = join(dir, 'random.net.xml');
    await runSumoCommand('netgenerate', sumo.netgenerate, [
      '--rand', '--rand.iterations', '200', '--rand.min-distance', '120', '--rand.max-distance', '300', '--default.lanenumber', '1',
      '--no-turnarounds', '--seed', '7', '--output-file', net,
    ]);
    await buildScenario({
      net, routes: [], additional: [], hours: 6, startHour: 6, peakVehiclesPerHour: 2500, municipalities: 3,
      municipalityIds: ['evala', 'evalb', 'evalc'], cameraCoverage: 0.2, cctvCoverage: 0.02, cameraMissRate: [0.02, 0.1],
      wantedVehicles: 1, seed: 5, out: join(dir, 'scenario'), date: '2026-11-24',
    });
    result = evaluateTracking(await loadScenario(join(dir, 'scenario')));
  }, 240_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('states its split and the counts it measured on', () => {
    expect(result.split).toMatch(/test: vehicles hashed/);
    expect(result.counts.routeGaps).toBeGreaterThan(50);
    expect(result.counts.nextSamples).toBeGreaterThan(50);
    expect(result.counts.interceptSamples).toBeGreaterThan(100);
  });

  it('forecasts arrival times better than free flow at the peak, with honest 80 % intervals', () => {
    expect(result.next.etaMapePeak).toBeLessThan(0.7 * (result.next.baselineEtaMapePeak as number));
    expect(result.next.coverage80).toBeGreaterThan(0.65);
    expect(result.next.coverage80).toBeLessThan(0.95);
  });

  it('plans interceptions that succeed more often than the nearest downstream camera', () => {
    expect(result.intercept.success3).toBeGreaterThan(result.intercept.baselineSuccess3 as number);
    expect(result.intercept.success1).toBeGreaterThan(result.intercept.baselineSuccess1 as number);
  });

  it('never claims more interceptions than the ceiling of a unit in time somewhere on the true drive', () => {
    expect(result.intercept.success3).toBeLessThanOrEqual(result.intercept.oracleSuccess as number);
    expect(result.intercept.oracleSuccess).toBeLessThan(1);
  });

  it('reconstructs routes and ranks next cameras at least as well as the baselines (within noise)', () => {
    expect(result.route.exactPath).toBeGreaterThanOrEqual((result.route.baselineExactPath as number) - 0.03);
    expect(result.route.edgeF1).toBeGreaterThanOrEqual((result.route.baselineEdgeF1 as number) - 0.02);
    expect(result.next.acc3).toBeGreaterThanOrEqual((result.next.baselineAcc3 as number) - 0.03);
  });
});
