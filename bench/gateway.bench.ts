import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { loadOrCreateDevKeyPair } from '../gateway/dev-identity/dev-key-store.js';
import { stopServices, type RunningService } from '../infra/services/service-processes.js';
import { stackEndpoints } from '../runtime/endpoints/stack-endpoints.js';
import { createDevIdentityProvider, type DevIdentityProvider } from '../runtime/identity/dev-identity-provider.js';
import { median, numericArgument, round, type Benchmark } from './benchmark.js';
import { createCleanup } from './cleanup.js';
import { startGatewayProcesses, startSubgraphsProcess } from './load/bench-processes.js';
import { gatewayHeaders, subgraphHeaders } from './load/caller-headers.js';
import { runClosedLoopLoad, type LoadOptions, type LoadRequest, type LoadResult } from './load/closed-loop-load.js';
import { benchDataPlan, removeBenchData, writeBenchData } from './load/gateway-bench-fixtures.js';
import { benchOperations, type BenchOperation, type GraphQLCall } from './load/gateway-bench-operations.js';

/** A run with more failed requests than this is refused: its figures would measure errors, not the graph. */
const maxFailureShare = 0.01;

const layouts = ['gateway', 'gatewayPerCore', 'direct'] as const;
type Layout = (typeof layouts)[number];

interface OperationLoads {
  readonly operation: BenchOperation;
  readonly loads: Record<Layout, LoadRequest>;
}

const bodyOf = (call: GraphQLCall) => JSON.stringify({ query: call.query, variables: call.variables });

/** Sends one request and checks its answer holds what the benchmark wrote, before any load is timed. */
async function verifyOnce(url: string, load: LoadRequest, call: GraphQLCall): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await load.headers()) }, body: load.body });
  const answer = await response.json() as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || answer.errors !== undefined) throw new Error(`${url} answered HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  call.verify(answer.data);
}

async function loadsOf(operation: BenchOperation, urls: { gateways: readonly string[]; direct: string }, tokens: DevIdentityProvider, identitySecret: string): Promise<OperationLoads> {
  const gatewayCallHeaders = gatewayHeaders(await tokens.mintToken(operation.gateway.caller), operation.gateway.purpose);
  const gatewayLoad = (gatewayUrls: readonly string[]): LoadRequest => ({ urls: gatewayUrls, body: bodyOf(operation.gateway), headers: () => gatewayCallHeaders });
  return {
    operation,
    loads: {
      gateway: gatewayLoad(urls.gateways.slice(0, 1)),
      gatewayPerCore: gatewayLoad(urls.gateways),
      direct: {
        urls: [urls.direct],
        body: bodyOf(operation.direct),
        headers: subgraphHeaders({ identity: operation.direct.caller, ...operation.direct.purpose }, identitySecret, { subgraph: operation.direct.subgraph, body: bodyOf(operation.direct) }),
      },
    },
  };
}

const layoutLabel = (layout: Layout, gatewayProcesses: number) =>
  ({ gateway: 'gateway, 1 process', gatewayPerCore: `gateway, ${gatewayProcesses} processes`, direct: 'subgraph direct' })[layout];

function describeLoad(result: LoadResult): string {
  return `${Math.round(result.rps).toLocaleString().padStart(6)} req/s  p50 ${result.latency.p50Ms.toFixed(2).padStart(7)} ms  ` +
    `p99 ${result.latency.p99Ms.toFixed(2).padStart(7)} ms  (${result.failures} of ${result.requests.toLocaleString()} failed; ` +
    `load generator ${result.clientCpuCores.toFixed(2)} cores)`;
}

function refuseFailingLoad(name: string, layout: string, result: LoadResult): void {
  if (result.failures > maxFailureShare * result.requests) {
    throw new Error(`${name} (${layout}): ${result.failures} of ${result.requests} requests failed (over ${maxFailureShare * 100} %); first: ${result.firstFailure ?? '?'}`);
  }
}

const medianOf = (results: readonly LoadResult[], pick: (result: LoadResult) => number) => median(results.map(pick));

export const gatewayBenchmark: Benchmark = {
  name: 'gateway',
  description: 'three federated operations: gateway vs straight to the owning subgraph, one gateway process vs one per core',
  needs: ['redis', 'neo4j'],
  oneCore: false,
  quickArgs: ['--runs', '1', '--seconds', '1', '--warmup', '0.5', '--concurrency', '4', '--gateways', '2'],
  async run(args) {
    const load: LoadOptions = {
      concurrency: numericArgument(args, 'concurrency', 16),
      warmupSeconds: numericArgument(args, 'warmup', 2),
      measureSeconds: numericArgument(args, 'seconds', 8),
    };
    const runs = numericArgument(args, 'runs', 3);
    const gatewayProcesses = numericArgument(args, 'gateways', availableParallelism());
    const machine = { cpu: cpus()[0]?.model.trim() ?? 'unknown', cores: gatewayProcesses, node: process.version };
    console.log(`machine: ${machine.cpu}, ${machine.cores} cores (shared by the load generator, the gateways, the subgraphs, Redis and Neo4j), node ${machine.node}`);
    console.log(`load: closed loop, ${load.concurrency} in flight on keep-alive sockets; ${load.warmupSeconds} s warm-up + ${load.measureSeconds} s measured; ${runs} runs, medians reported`);

    const endpoints = stackEndpoints();
    const plan = benchDataPlan(randomUUID());
    const identitySecret = randomBytes(32).toString('base64url');
    const started: RunningService[] = [];
    let wantedVehicleId: string | undefined;
    // Undone in reverse: the gateways and subgraphs stop, the bench data goes, then the clients close.
    const cleanup = createCleanup();
    try {
      const workDir = await mkdtemp(join(tmpdir(), 'dongseon-bench-gateway-'));
      cleanup.defer('removing the work folder', () => rm(workDir, { recursive: true, force: true }));
      const redis = new Redis(endpoints.redisUrl);
      cleanup.defer('closing the Redis client', () => redis.quit());
      const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
      cleanup.defer('closing the Neo4j driver', () => driver.close());
      cleanup.defer('removing the bench data', () => removeBenchData(plan, wantedVehicleId, { redis, neo4j: driver }));
      cleanup.defer('stopping the gateways and subgraphs', () => stopServices(started));
      const tokens = await createDevIdentityProvider(await loadOrCreateDevKeyPair(join(workDir, 'identity')));
      const subgraphs = await startSubgraphsProcess({ identitySecret, policeKeyPrefix: plan.policeKeyPrefix });
      started.push(subgraphs.running);
      const written = await writeBenchData(plan, { redis, neo4j: driver, policeUrl: subgraphs.urls.police, identitySecret }, (id) => { wantedVehicleId = id; });
      const gateways = await startGatewayProcesses(gatewayProcesses, {
        identitySecret, subgraphUrls: subgraphs.urls, publicJwk: tokens.publicJwk, redisUrl: endpoints.redisUrl, workDir,
      });
      started.push(...gateways.running);
      console.log(`subgraphs in one process; ${gatewayProcesses} gateway processes at ${gateways.urls.join(', ')}`);

      const operations = await Promise.all(benchOperations(plan, written).map((operation) =>
        loadsOf(operation, { gateways: gateways.urls, direct: subgraphs.urls[operation.direct.subgraph] }, tokens, identitySecret)));
      for (const { operation, loads } of operations) {
        for (const url of loads.gatewayPerCore.urls) await verifyOnce(url, loads.gatewayPerCore, operation.gateway);
        await verifyOnce(loads.direct.urls[0] as string, loads.direct, operation.direct);
      }

      const results = operations.map(() => ({ gateway: [] as LoadResult[], gatewayPerCore: [] as LoadResult[], direct: [] as LoadResult[] }));
      for (let run = 1; run <= runs; run++) {
        for (const [index, { operation, loads }] of operations.entries()) {
          for (const layout of layouts) {
            const result = await runClosedLoopLoad(loads[layout], load);
            const label = layoutLabel(layout, gatewayProcesses);
            console.log(`run ${run}  ${operation.name.padEnd(56)} ${label.padEnd(22)} ${describeLoad(result)}`);
            refuseFailingLoad(operation.name, label, result);
            results[index]?.[layout].push(result);
          }
        }
      }

      const figures = operations.map(({ operation }, index) => {
        const { gateway, gatewayPerCore, direct } = results[index] as Record<Layout, LoadResult[]>;
        return {
          name: operation.name,
          rps: Math.round(medianOf(gateway, (r) => r.rps)),
          p50Ms: round(medianOf(gateway, (r) => r.latency.p50Ms), 2),
          p99Ms: round(medianOf(gateway, (r) => r.latency.p99Ms), 2),
          directRps: Math.round(medianOf(direct, (r) => r.rps)),
          directP50Ms: round(medianOf(direct, (r) => r.latency.p50Ms), 2),
          directP99Ms: round(medianOf(direct, (r) => r.latency.p99Ms), 2),
          rpsPerCoreProcesses: Math.round(medianOf(gatewayPerCore, (r) => r.rps)),
          perCoreP50Ms: round(medianOf(gatewayPerCore, (r) => r.latency.p50Ms), 2),
          perCoreP99Ms: round(medianOf(gatewayPerCore, (r) => r.latency.p99Ms), 2),
          failures: [...gateway, ...gatewayPerCore, ...direct].reduce((sum, r) => sum + r.failures, 0),
        };
      });
      const overheadRatio = round(median(figures.map((figure) => figure.directRps / figure.rps)), 2);
      console.log(`\nmedians over ${runs} runs (req/s · p50 · p99):`);
      for (const figure of figures) {
        console.log(`  ${figure.name}\n    gateway ×1 ${figure.rps.toLocaleString()} · ${figure.p50Ms} ms · ${figure.p99Ms} ms; ` +
          `gateway ×${gatewayProcesses} ${figure.rpsPerCoreProcesses.toLocaleString()} · ${figure.perCoreP50Ms} ms · ${figure.perCoreP99Ms} ms; ` +
          `subgraph direct ${figure.directRps.toLocaleString()} · ${figure.directP50Ms} ms · ${figure.directP99Ms} ms (${round(figure.directRps / figure.rps, 2)}×)`);
      }
      console.log(`direct ÷ gateway throughput, median over the operations: ${overheadRatio}×`);
      return {
        operations: figures,
        overheadRatio,
        gatewayProcesses,
        concurrency: load.concurrency,
        seconds: load.measureSeconds,
        warmupSeconds: load.warmupSeconds,
        runs,
        machine,
      };
    } finally {
      await cleanup.run();
    }
  },
};
