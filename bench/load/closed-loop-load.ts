import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarizeLatencies, type LatencySummary } from './latency-summary.js';

/** One GraphQL request, sent over and over. */
export interface LoadRequest {
  /** Where to send it, taken in turn (round-robin), e.g. one URL per gateway process. */
  readonly urls: readonly string[];
  /** The JSON body, the same for every request. */
  readonly body: string;
  /** Asked before each request, so a short-lived signed header can be renewed while the load runs. */
  readonly headers: () => Record<string, string> | Promise<Record<string, string>>;
}

export interface LoadOptions {
  /** Requests in flight at all times: each finished request starts the next one (closed loop). */
  readonly concurrency: number;
  /** Load that is sent but not measured, so JIT, connection pools and caches settle first. */
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
  readonly requestTimeoutMs?: number;
}

export interface LoadResult {
  /** Successful requests completed in the measured window, per second. */
  readonly rps: number;
  readonly latency: LatencySummary;
  /** Every request answered, warm-up included, and how many of them failed. */
  readonly requests: number;
  readonly failures: number;
  /** What the first failure was, to say why a run was refused. */
  readonly firstFailure: string | undefined;
  /** CPU the load generator itself used in the measured window, in cores: it shares the machine it measures. */
  readonly clientCpuCores: number;
}

/**
 * Why a response is not a clean GraphQL success, or undefined when it is: HTTP 200 and no `errors` entry. The
 * body is scanned rather than parsed, to keep the load generator's CPU off the machine it measures: `"errors":`
 * can only appear as an object key, since a quote inside a JSON string value is escaped.
 */
export function problemOf(status: number | undefined, body: string): string | undefined {
  if (status !== 200) return `HTTP ${status ?? '(none)'}: ${body.slice(0, 300)}`;
  if (body.includes('"errors":')) return `GraphQL errors: ${body.slice(0, 300)}`;
  return undefined;
}

function send(agent: Agent, url: URL, body: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const outgoing = request(url, {
      method: 'POST',
      agent,
      timeout: timeoutMs,
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) },
    }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { text += chunk; });
      response.on('end', () => resolve(problemOf(response.statusCode, text)));
      response.on('error', (error) => resolve(`response: ${error.message}`));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error) => resolve(`request: ${error.message}`));
    outgoing.end(body);
  });
}

/**
 * Runs a closed-loop load: `concurrency` requests always in flight on keep-alive sockets, for the warm-up and then
 * the measured window. Throughput counts the successes that complete inside the window; latency is theirs too.
 */
export async function runClosedLoopLoad(load: LoadRequest, options: LoadOptions): Promise<LoadResult> {
  const urls = load.urls.map((url) => new URL(url));
  if (urls.length === 0) throw new Error('runClosedLoopLoad needs at least one URL');
  const body = Buffer.from(load.body);
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  // A fresh pool per load: a socket left idle since an earlier load may be closed by the server as it is reused.
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const measureFrom = performance.now() + options.warmupSeconds * 1000;
  const measureTo = measureFrom + options.measureSeconds * 1000;
  const latencies: number[] = [];
  let turn = 0;
  let requests = 0;
  let failures = 0;
  let firstFailure: string | undefined;

  const sender = async () => {
    while (performance.now() < measureTo) {
      const url = urls[turn++ % urls.length] as URL;
      const headers = await load.headers();
      const started = performance.now();
      const problem = await send(agent, url, body, headers, timeoutMs);
      const finished = performance.now();
      requests++;
      if (problem !== undefined) {
        failures++;
        firstFailure ??= problem;
      } else if (finished >= measureFrom && finished <= measureTo) {
        latencies.push(finished - started);
      }
    }
  };

  let cpuAtMeasureFrom = process.cpuUsage();
  const measureStarts = setTimeout(() => { cpuAtMeasureFrom = process.cpuUsage(); }, options.warmupSeconds * 1000);
  let clientCpuCores: number;
  try {
    await Promise.all(Array.from({ length: options.concurrency }, sender));
    const cpu = process.cpuUsage(cpuAtMeasureFrom);
    clientCpuCores = (cpu.user + cpu.system) / 1e6 / options.measureSeconds;
  } finally {
    clearTimeout(measureStarts);
    agent.destroy();
  }
  if (latencies.length === 0) throw new Error(`no request succeeded in the measured window; first failure: ${firstFailure ?? 'none'}`);
  return {
    rps: latencies.length / options.measureSeconds,
    latency: summarizeLatencies(latencies),
    requests,
    failures,
    firstFailure,
    clientCpuCores,
  };
}
