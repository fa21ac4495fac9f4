import { setTimeout as sleep } from 'node:timers/promises';
import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/plates/index.js';
import { startReliabilityPipeline, type EdgeNode, type ReliabilityPipeline } from '../../infra/reliability/reliability-pipeline.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { composePass } from '../../recognition/synth/compose-frame.js';
import { encodeJpeg } from '../../recognition/synth/encode-image.js';
import { resolvePlateFonts } from '../../recognition/synth/plate-fonts.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { connectCamera } from '../../sim/replay/read-senders.js';
import { cameraFramesTopic } from '../../stores/broker-accounts/broker-accounts.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { edgeReadStoreFile, openEdgeReadStore } from '../store/edge-read-store.js';
import { framePayload } from './mqtt-frame-payload.js';

/**
 * A camera without ANPR sends frames; the edge's own models find and read the plate, the frames of one pass become
 * one confirmed read, and a wanted vehicle's pass is a hit at the region, over HTTP and over MQTT, on real processes.
 */

/** Two passes of the project's generator (fixed seeds, daylight frames), one per transport. */
function passOf(seed: number) {
  const fonts = resolvePlateFonts('training');
  const frames = composePass(seededRandom(seed), fonts, 5, () => seededRandom(seed + 1));
  return { text: frames[0]?.plates[0]?.text as string, jpegs: frames.map((frame) => encodeJpeg(frame.image, 90)) };
}

let pipeline: ReliabilityPipeline;
let node: EdgeNode;
let camera: MqttClient;
let httpPass: ReturnType<typeof passOf>;
let mqttPass: ReturnType<typeof passOf>;

const frameUrl = (cameraId: string, frameId: string, capturedAt: string) =>
  `${node.url}/v1/frames?cameraId=${encodeURIComponent(cameraId)}&frameId=${frameId}&capturedAt=${encodeURIComponent(capturedAt)}`;

async function postFrame(cameraId: string, frameId: string, body: Buffer, capturedAt = new Date().toISOString(), contentType = 'image/jpeg', asCamera = cameraId) {
  const response = await fetch(frameUrl(cameraId, frameId, capturedAt), {
    method: 'POST', headers: { 'content-type': contentType, authorization: cameraAuthorization(node.tokens.get(asCamera) as string) }, body,
  });
  return { status: response.status, body: await response.json() as { accepted?: number; errors?: { extensions: { code: string } }[] } };
}
const codeOf = (answer: Awaited<ReturnType<typeof postFrame>>) => answer.body.errors?.[0]?.extensions.code;

async function hitsOf(wantedVehicleId: string, timeoutMs = 60_000) {
  const hits = createHitStore(pipeline.redis, policeKeys());
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await hits.ofWantedVehicle(wantedVehicleId);
    if (found.length > 0 || Date.now() > deadline) return found;
    await sleep(250);
  }
}

beforeAll(async () => {
  await ensurePlateFonts();
  httpPass = passOf(101);
  mqttPass = passOf(202);
  pipeline = await startReliabilityPipeline({
    edges: 1, camerasPerEdge: 2, wanted: [{ wantedVehicleId: 'wv-http', plate: httpPass.text }, { wantedVehicleId: 'wv-mqtt', plate: mqttPass.text }],
    env: { DS_EDGE_PASS_GAP_MS: '700' },
  });
  node = pipeline.edges[0] as EdgeNode;
  camera = await connectCamera(pipeline.mqttUrl, `dongseon-frames-camera-${node.municipality}`, node.tokens.get(node.cameras[1] as string) as string);
}, 300_000);

afterAll(async () => {
  await camera?.endAsync();
  await pipeline?.close();
});

describe('frames from a camera without ANPR', () => {
  it('become one confirmed read per pass and a hit at the region, over HTTP', async () => {
    const cameraId = node.cameras[0] as string;
    const start = Date.now() - 2_000;
    for (const [i, jpeg] of httpPass.jpegs.entries()) {
      const answer = await postFrame(cameraId, `h-${i}`, jpeg, new Date(start + i * 200).toISOString());
      expect(answer).toMatchObject({ status: 202, body: { accepted: 1 } });
    }
    // The same frame again is the same frame.
    expect((await postFrame(cameraId, 'h-0', httpPass.jpegs[0] as Buffer, new Date(start).toISOString())).status).toBe(202);
    const hits = await hitsOf('wv-http');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ wantedVehicleId: 'wv-http', cameraId, matchKind: 'EXACT' });
    // The read's evidence stays at the edge, marked as this hit's.
    // A hit id is `<municipality>:<readId>:<wantedVehicleId>`.
    const readId = (hits[0]?.id as string).slice(node.municipality.length + 1, -':wv-http'.length);
    expect(readId).toMatch(/^rec-/);
    const store = openEdgeReadStore({ file: edgeReadStoreFile(pipeline.edgeStateDir, node.municipality), municipalityId: node.municipality, existing: true });
    try {
      expect(await store.evidenceOf(readId)).toMatchObject({ mediaType: 'image/png', frames: 5, hitIds: [hits[0]?.id] });
    } finally {
      store.close();
    }
  });

  it('become a hit over MQTT too', async () => {
    const cameraId = node.cameras[1] as string;
    const start = Date.now() - 2_000;
    for (const [i, jpeg] of mqttPass.jpegs.entries()) {
      await camera.publishAsync(cameraFramesTopic(node.municipality, cameraId),
        framePayload({ cameraId, frameId: `m-${i}`, capturedAt: new Date(start + i * 200).toISOString() }, jpeg), { qos: 1 });
    }
    expect(await hitsOf('wv-mqtt')).toMatchObject([{ wantedVehicleId: 'wv-mqtt', cameraId, matchKind: 'EXACT' }]);
  });

  it('refuses bad images with their codes before decoding them, and the worker lives on', async () => {
    const cameraId = node.cameras[0] as string;
    const jpeg = httpPass.jpegs[0] as Buffer;
    // A baseline JPEG whose SOF0 declares 30,000 x 30,000: a few hundred bytes that would decode to 2.7 GB.
    const bomb = Buffer.from(jpeg);
    const sof = bomb.indexOf(Buffer.from([0xff, 0xc0]));
    bomb.writeUInt16BE(30_000, sof + 5);
    bomb.writeUInt16BE(30_000, sof + 7);
    expect(codeOf(await postFrame(cameraId, 'bad-1', Buffer.from('not an image at all')))).toBe('DS_FRAME_NOT_IMAGE');
    expect(codeOf(await postFrame(cameraId, 'bad-2', jpeg.subarray(0, jpeg.length >> 1)))).toBe('DS_FRAME_CORRUPT');
    expect(codeOf(await postFrame(cameraId, 'bad-3', Buffer.alloc(0)))).toBe('DS_FRAME_NOT_IMAGE');
    expect(codeOf(await postFrame(cameraId, 'bad-4', bomb))).toBe('DS_FRAME_TOO_LARGE');
    expect(codeOf(await postFrame(cameraId, 'bad-5', Buffer.alloc(4 * 1024 * 1024 + 1024, 0xff)))).toBe('DS_FRAME_TOO_LARGE');
    expect(codeOf(await postFrame(cameraId, 'bad-6', jpeg, new Date(Date.now() + 3_600_000).toISOString()))).toBe('DS_FRAME_CAPTURED_IN_FUTURE');
    expect(codeOf(await postFrame(cameraId, 'bad-7', jpeg, undefined, 'application/json'))).toBe('DS_FRAME_NOT_IMAGE');
    expect(codeOf(await postFrame(node.cameras[1] as string, 'bad-8', jpeg, undefined, 'image/jpeg', cameraId))).toBe('DS_CAMERA_FORBIDDEN');
    // A frame whose header and markers are sound but whose picture data is noise is taken, and the worker that
    // reads it goes on (whatever it makes of the noise is at most an unconfirmed read).
    const scrambled = Buffer.from(jpeg);
    const scan = scrambled.indexOf(Buffer.from([0xff, 0xda]));
    for (let i = scan + 40; i < scrambled.length - 4; i += 7) {
      const byte = scrambled[i] ?? 0;
      // Never make or break a marker: the structure stays a JPEG's.
      if (byte !== 0xff && (byte ^ 0x5a) !== 0xff && scrambled[i - 1] !== 0xff) scrambled[i] = byte ^ 0x5a;
    }
    expect((await postFrame(cameraId, 'noise-1', scrambled)).status).toBe(202);
    await sleep(2_000);
    const health = await fetch(`${node.url}/health`);
    expect(health.status).toBe(200);
    expect(pipeline.running().filter((service) => service.child.exitCode !== null)).toEqual([]);
  });
});
