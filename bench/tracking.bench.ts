import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PassRecord } from '../domain/simulation/index.js';
import { caseNumberHeaderName, purposeHeaderName } from '../gateway/gateway-context.js';
import { startInProcessHub } from '../infra/services/in-process-hub.js';
import { stackEndpoints } from '../runtime/endpoints/stack-endpoints.js';
import { sampleUsers } from '../runtime/identity/sample-users.js';
import { readAllJsonLinesGz, scenarioFiles } from '../sim/scenario-files.js';
import { recordSightings } from '../stores/sightings/record-sightings.js';
import { median, numericArgument, round, type Benchmark } from './benchmark.js';
import { createCleanup } from './cleanup.js';
import { percentile } from './load/latency-summary.js';

const demoCity = join(import.meta.dirname, '../data/demo-city');
const demoCityStart = Date.parse('2026-11-24T08:00:00+09:00');

/**
 * A 50-sighting track at the demo city's cameras, as the served model knows them: the read passes of one demo-city
 * vehicle after another, each trip starting ten minutes after the previous one ended.
 */
async function fiftySightings(vehicleId: string, count: number) {
  const reads = new Map<string, PassRecord[]>();
  for (const pass of await readAllJsonLinesGz<PassRecord>(demoCity, scenarioFiles.cameraPasses)) {
    if (pass.outcome === 'read') reads.set(pass.vehicleId, [...(reads.get(pass.vehicleId) ?? []), pass]);
  }
  const trips = [...reads.values()].filter((passes) => passes.length >= 3).sort((a, b) => b.length - a.length);
  const sightings = [];
  let offsetSeconds = 0;
  for (const trip of trips) {
    const first = (trip[0] as PassRecord).atSeconds;
    for (const pass of trip) {
      if (sightings.length === count) break;
      const capturedMs = demoCityStart + (offsetSeconds + pass.atSeconds - first) * 1000;
      sightings.push({
        id: `${vehicleId}-${sightings.length}`, vehicleId, cameraId: pass.cameraId, capturedAt: new Date(capturedMs).toISOString(),
        receivedAt: new Date(capturedMs + 2000).toISOString(), matchKind: 'EXACT' as const, confidence: 0.9,
      });
    }
    offsetSeconds += (trip[trip.length - 1] as PassRecord).atSeconds - first + 600;
    if (sightings.length === count) break;
  }
  return sightings;
}

export const trackingBenchmark: Benchmark = {
  name: 'tracking',
  description: 'p50/p95 of route + next cameras + interception plan through the gateway for a vehicle with 50 sightings',
  needs: ['redis', 'neo4j', 'mosquitto'],
  oneCore: false,
  quickArgs: ['--runs', '1', '--requests', '10'],
  async run(args) {
    const runs = numericArgument(args, 'runs', 5);
    const requests = numericArgument(args, 'requests', 200);
    const sightingCount = numericArgument(args, 'sightings', 50);
    const hub = await startInProcessHub({ endpoints: stackEndpoints() });
    const vehicleId = `bench-tracking-${randomUUID().slice(0, 8)}`;
    const cleanup = createCleanup();
    cleanup.defer('closing the hub', () => hub.close());
    cleanup.defer('removing the bench vehicle', () =>
      hub.neo4jDriver.executeQuery('MATCH (v:Vehicle {id: $id}) OPTIONAL MATCH (v)-[:SIGHTED]->(s:Sighting) DETACH DELETE v, s', { id: vehicleId }));
    try {
      const sightings = await fiftySightings(vehicleId, sightingCount);
      await recordSightings(hub.neo4jDriver, sightings);
      const query = await readFile(join(import.meta.dirname, '../operations/vehicle-forecast.graphql'), 'utf8');
      const headers = {
        'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(sampleUsers['police-officer'])}`,
        [purposeHeaderName]: encodeURIComponent('도난 차량 추적'), [caseNumberHeaderName]: encodeURIComponent('2026-경기남부-0142'),
      };
      const body = JSON.stringify({ query, variables: { id: vehicleId, units: [
        { id: 'unit-1', latitude: 37.2, longitude: 127.03 }, { id: 'unit-2', latitude: 37.195, longitude: 127.025 },
      ] } });
      const ask = async () => {
        const started = performance.now();
        const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body });
        const answer = await response.json() as { data?: { vehicle?: { route?: { legs: unknown[] } } }; errors?: unknown };
        const elapsed = performance.now() - started;
        if (answer.errors !== undefined || response.status !== 200) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(answer.errors).slice(0, 400)}`);
        return { elapsed, legs: answer.data?.vehicle?.route?.legs.length ?? 0 };
      };
      const { legs } = await ask();
      console.log(`vehicle ${vehicleId}: ${sightings.length} sightings, ${legs} route legs; ${runs} runs of ${requests} sequential requests`);
      for (let i = 0; i < 20; i++) await ask();
      const p50s: number[] = [];
      const p95s: number[] = [];
      const p99s: number[] = [];
      for (let run = 0; run < runs; run++) {
        const latencies: number[] = [];
        for (let i = 0; i < requests; i++) latencies.push((await ask()).elapsed);
        latencies.sort((a, b) => a - b);
        p50s.push(percentile(latencies, 50));
        p95s.push(percentile(latencies, 95));
        p99s.push(percentile(latencies, 99));
        console.log(`run ${run + 1}: p50 ${p50s[run]?.toFixed(1)} ms  p95 ${p95s[run]?.toFixed(1)} ms  p99 ${p99s[run]?.toFixed(1)} ms`);
      }
      return {
        operation: 'VehicleForecast (route legs, next cameras, interception plan for 2 units)', sightings: sightings.length, legs, runs, requests,
        p50Ms: round(median(p50s), 1), p95Ms: round(median(p95s), 1), p99Ms: round(median(p99s), 1), p95MsPerRun: p95s.map((p) => round(p, 1)),
      };
    } finally {
      await cleanup.run();
    }
  },
};
