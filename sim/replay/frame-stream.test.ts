import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { replayClock } from '../../domain/simulation/index.js';
import type { FramedPass } from './cctv-passes.js';
import { createFrameStream, frameIdOf, maxWaitingSampledPasses, skipReasonOf } from './frame-stream.js';
import { emptyDeliveryCounts } from './read-senders.js';
import type { PassFrame } from './render-pass-frames.js';

const pass = (index: number, why: FramedPass['why'], overrides: Partial<FramedPass> = {}): FramedPass => ({
  index, vehicleId: `v${index}`, cameraId: 'cctv-a-t001', municipalityId: 'a', edgeIndex: 0, atSeconds: 100 + index, plate: '12가3456',
  plateKind: 'national-2', why, ...(why === 'wanted' ? { wantedVehicleId: 'wv-1' } : {}), ...overrides,
});

describe('skipReasonOf', () => {
  const edges = new Map([['a', 'http://edge-a']]);
  const tokens = new Map([['cctv-a-t001', 'k.s']]);
  it.each([
    ['a wanted pass however many wait', pass(1, 'wanted'), 99, new Set<string>(), undefined],
    ['a sampled pass while few wait', pass(1, 'sample'), 3, new Set<string>(), undefined],
    ['a sampled pass once enough wait', pass(1, 'sample'), 4, new Set<string>(), 'rate cap'],
    ['a pass whose edge runs no recognition', pass(1, 'wanted'), 0, new Set(['a']), 'no recognition at the edge'],
    ['a pass of a municipality without an edge', pass(1, 'wanted', { municipalityId: 'b' }), 0, new Set<string>(), 'no edge node'],
    ['a pass of a camera without a credential', pass(1, 'wanted', { cameraId: 'cctv-a-t002' }), 0, new Set<string>(), 'no camera credential'],
  ])('%s', (_, offered, waiting, unavailable, reason) => {
    expect(skipReasonOf(offered, waiting, 4, unavailable, edges, tokens)).toBe(reason);
  });

  it('lets about two seconds of frames wait', () => {
    expect(maxWaitingSampledPasses(10, 5)).toBe(4);
    expect(maxWaitingSampledPasses(1, 5)).toBe(2);
  });
});

describe('frameIdOf', () => {
  it('is a frame id the edge takes, unique per pass and frame', () => {
    expect(frameIdOf('sim-20261207T222600Z', { index: 12 }, 3)).toBe('sim-20261207T222600Z.p12.3');
    expect(frameIdOf('run:1', { index: 0 }, 0)).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });
});

interface Received {
  readonly url: URL;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** An edge's frames endpoint in process: records what it gets and answers `answer`. */
async function fakeEdge(answer: (request: IncomingMessage) => { status: number; body: object }): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ url: new URL(request.url ?? '/', 'http://edge'), authorization: request.headers.authorization, contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
      const { status, body } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server?.address() as AddressInfo).port}`, received };
}

const fakeFrames = (rendered: FramedPass[]) => (p: FramedPass): PassFrame[] => {
  rendered.push(p);
  return [0, 1].map((index) => ({ index, offsetMs: (index - 1) * 200, jpeg: Buffer.from([0xff, 0xd8, p.index, index, 0xff, 0xd9]), plates: [p.plate] }));
};

describe('createFrameStream', () => {
  const clock = replayClock(100, 200, 10, Date.now());

  it('posts each frame to its edge with the camera\'s credential, its frame id and its capture time on the replay clock', async () => {
    const edge = await fakeEdge(() => ({ status: 202, body: { accepted: 1 } }));
    const counts = emptyDeliveryCounts();
    const rendered: FramedPass[] = [];
    const stream = createFrameStream({
      clock, runId: 'run1', edges: new Map([['a', edge.url]]), cameraTokens: new Map([['cctv-a-t001', 'key1.secret1']]), usesMqtt: () => false,
      counts, maxFramesPerSecond: 100, render: fakeFrames(rendered),
    });
    stream.offer(pass(7, 'wanted'));
    await stream.drain();
    expect(edge.received.map((r) => ({
      path: r.url.pathname, cameraId: r.url.searchParams.get('cameraId'), frameId: r.url.searchParams.get('frameId'),
      capturedAt: r.url.searchParams.get('capturedAt'), authorization: r.authorization, contentType: r.contentType, body: [...r.body],
    })).sort((x, y) => (x.frameId ?? '').localeCompare(y.frameId ?? ''))).toEqual([0, 1].map((index) => ({
      path: '/v1/frames', cameraId: 'cctv-a-t001', frameId: `run1.p7.${index}`,
      capturedAt: new Date(Math.round(clock.capturedAtMs(107) + (index - 1) * 200)).toISOString(),
      authorization: 'Bearer key1.secret1', contentType: 'image/jpeg', body: [0xff, 0xd8, 7, index, 0xff, 0xd9],
    })));
    expect(counts).toMatchObject({ sent: 2, accepted: 2, rejected: 0 });
    expect(stream.progress()).toEqual({ passes: 1, passesSent: 1, passesSkipped: {} });
  });

  it('keeps to the rate: a wanted pass always goes, sampled ones beyond the backlog are skipped unrendered', async () => {
    const edge = await fakeEdge(() => ({ status: 202, body: { accepted: 1 } }));
    const rendered: FramedPass[] = [];
    const stream = createFrameStream({
      clock, runId: 'run2', edges: new Map([['a', edge.url]]), cameraTokens: new Map([['cctv-a-t001', 'k.s']]), usesMqtt: () => false,
      counts: emptyDeliveryCounts(), maxFramesPerSecond: 20, render: fakeFrames(rendered),
    });
    const started = Date.now();
    // At 20 frames/s, 8 sampled passes may wait (maxWaitingSampledPasses(20, 5)); the first is taken at once.
    for (let i = 0; i < 12; i++) stream.offer(pass(i, 'sample'));
    stream.offer(pass(50, 'wanted'));
    await stream.drain();
    const progress = stream.progress();
    expect(progress).toEqual({ passes: 13, passesSent: 10, passesSkipped: { 'rate cap': 3 } });
    expect(rendered.map((p) => p.index)).toContain(50);
    expect(rendered.length).toBe(progress.passesSent);
    // The wanted pass jumps the queue of sampled ones.
    expect(rendered.findIndex((p) => p.index === 50)).toBeLessThanOrEqual(1);
    expect(edge.received).toHaveLength(2 * progress.passesSent);
    // 2 frames per pass at 20 frames/s: 50 ms apart at the least.
    expect(Date.now() - started).toBeGreaterThanOrEqual((2 * progress.passesSent - 1) * 50 - 10);
  });

  it('stops rendering for an edge that answers it runs no recognition, and counts the refusal', async () => {
    const edge = await fakeEdge(() => ({ status: 503, body: { errors: [{ message: 'no models', extensions: { code: 'DS_RECOGNITION_UNAVAILABLE' } }] } }));
    const counts = emptyDeliveryCounts();
    const rendered: FramedPass[] = [];
    const stream = createFrameStream({
      clock, runId: 'run3', edges: new Map([['a', edge.url]]), cameraTokens: new Map([['cctv-a-t001', 'k.s']]), usesMqtt: () => false,
      counts, maxFramesPerSecond: 1000, render: fakeFrames(rendered),
    });
    stream.offer(pass(1, 'wanted'));
    await stream.drain();
    stream.offer(pass(2, 'wanted'));
    await stream.drain();
    expect(rendered.map((p) => p.index)).toEqual([1]);
    expect(counts.rejectedByCode.get('DS_RECOGNITION_UNAVAILABLE')).toBe(2);
    expect(edge.received).toHaveLength(2);
    expect(stream.progress().passesSkipped).toEqual({ 'no recognition at the edge': 1 });
  });
});
