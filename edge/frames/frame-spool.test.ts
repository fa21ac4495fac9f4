import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrameSpool, frameSpoolFile, type FrameSpool } from './frame-spool.js';
import { framePayload, parseFramePayload } from './mqtt-frame-payload.js';

let dir: string;
let spool: FrameSpool;
const frame = { cameraId: 'urn:cam/suwon:7', frameId: 'f-1', capturedAt: '2026-12-07T10:00:00.000Z', capturedAtMs: 0, receivedAtMs: 0 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-frame-spool-'));
  spool = createFrameSpool(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the frame spool', () => {
  it('keeps a frame\'s first image: a frame sent again under its id changes nothing', async () => {
    const file = await spool.put(frame, Buffer.from('first'));
    expect(file).toBe(frameSpoolFile(frame));
    expect(await spool.put(frame, Buffer.from('second'))).toBe(file);
    expect((await spool.read(file)).toString()).toBe('first');
    // Nothing half-written is left beside it.
    expect((await readdir(join(dir, file, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await spool.remove(file);
    await expect(spool.read(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('names a camera\'s folder by digest, so camera ids with slashes stay one folder', () => {
    expect(frameSpoolFile(frame)).toMatch(/^[0-9a-f]{24}\/f-1\.img$/);
  });

  it('reads and removes nothing outside itself, whatever a job names', async () => {
    await expect(spool.read('../../etc/passwd')).rejects.toThrow(/outside the spool/);
    await expect(spool.remove('a/../../outside.img')).rejects.toThrow(/outside the spool/);
    // An absolute name is taken under the spool: nothing outside it is touched.
    await expect(spool.remove('/etc/passwd')).resolves.toBeUndefined();
  });
});

describe('an MQTT frame payload', () => {
  it('is one line of JSON metadata, a newline, and the image bytes as they are', () => {
    const image = Buffer.from([0xff, 0xd8, 0xff, 0x0a, 0x00, 0xd9]);
    const parsed = parseFramePayload(framePayload({ cameraId: 'cam-1', frameId: 'f-1', capturedAt: frame.capturedAt }, image));
    expect(parsed).toEqual({ ok: true, metadata: { cameraId: 'cam-1', frameId: 'f-1', capturedAt: frame.capturedAt }, image });
  });

  it('without a metadata line in its first kilobyte, or with a line that is not JSON, is refused', () => {
    expect(parseFramePayload(Buffer.alloc(5000, 0x41))).toMatchObject({ ok: false });
    expect(parseFramePayload(Buffer.from('{"cameraId":\n'))).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') });
  });
});
