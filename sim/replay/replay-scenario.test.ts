import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioRead } from '../../domain/simulation/index.js';
import { scenarioFiles, writeJsonLinesGz } from '../scenario-files.js';
import type { FramedPass } from './cctv-passes.js';
import { replayScenario, type ReplayResult } from './replay-scenario.js';

/** One edge in process: takes every read batch and every frame, and notes when each frame came. */
interface Arrival {
  readonly path: string;
  readonly receivedAtMs: number;
  readonly capturedAtMs?: number;
}

const read = (readId: string, atSeconds: number): ScenarioRead => ({
  readId, cameraId: 'cam-a-t001', municipalityId: 'a', atSeconds, candidates: [{ text: '12가3456', confidence: 0.9 }], vehicleColour: 'white', vehicleType: 'car',
});

const framed: FramedPass = {
  index: 0, vehicleId: 'v1', cameraId: 'cctv-a-t001', municipalityId: 'a', edgeIndex: 2, atSeconds: 20, plate: '12가3456', plateKind: 'national-2',
  why: 'wanted', wantedVehicleId: 'wv-1',
};

describe('replayScenario with frames', () => {
  let dir: string;
  let server: Server;
  const arrivals: Arrival[] = [];
  let result: ReplayResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dongseon-replay-frames-'));
    await writeJsonLinesGz(join(dir, scenarioFiles.reads), [read('r1', 10), read('r2', 30)]);
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://edge');
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const capturedAt = url.searchParams.get('capturedAt');
        arrivals.push({ path: url.pathname, receivedAtMs: Date.now(), ...(capturedAt ? { capturedAtMs: Date.parse(capturedAt) } : {}) });
        const body = url.pathname === '/v1/reads' ? { accepted: (JSON.parse(Buffer.concat(chunks).toString()) as unknown[]).length, rejected: [] } : { accepted: 1 };
        response.writeHead(url.pathname === '/v1/reads' ? 200 : 202, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const edgeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    result = await replayScenario({
      dir, speed: 20, edges: new Map([['a', edgeUrl]]), cameraTokens: new Map([['cam-a-t001', 'k1.s1'], ['cctv-a-t001', 'k2.s2']]),
      mqttUrl: 'mqtt://127.0.0.1:1', transport: 'http', runId: 'unit',
      frames: {
        passes: [framed], maxFramesPerSecond: 100,
        render: () => [0, 1, 2].map((index) => ({ index, offsetMs: (index - 2) * 200, jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xd9]), plates: ['12가3456'] })),
      },
    });
  }, 30_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the reads and the pass\'s frames, and counts both', () => {
    expect(result).toMatchObject({ sent: 2, accepted: 2, rejected: 0 });
    expect(result.frames).toEqual({ passes: 1, passesSent: 1, passesSkipped: {}, sent: 3, accepted: 3, rejected: 0, rejectedByCode: {} });
  });

  it('sends the frames between the reads around them, at the pass\'s moment on the replay clock, stamped no later than sent', () => {
    const frames = arrivals.filter((a) => a.path === '/v1/frames');
    const reads = arrivals.filter((a) => a.path === '/v1/reads');
    expect(frames).toHaveLength(3);
    expect(Math.min(...frames.map((f) => f.receivedAtMs))).toBeGreaterThanOrEqual(reads[0]!.receivedAtMs);
    expect(Math.max(...frames.map((f) => f.receivedAtMs))).toBeLessThanOrEqual(reads[1]!.receivedAtMs + 50);
    expect(Math.abs(Math.min(...frames.map((f) => f.receivedAtMs)) - result.clock.sendAtMs(20))).toBeLessThan(300);
    expect(frames.map((f) => f.capturedAtMs as number).sort((a, b) => a - b)).toEqual([-400, -200, 0].map((offset) => Math.round(result.clock.capturedAtMs(20) + offset)));
    for (const frame of frames) expect(frame.capturedAtMs).toBeLessThan(frame.receivedAtMs);
  });
});
