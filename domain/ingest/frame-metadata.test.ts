import { describe, expect, it } from 'vitest';
import { defaultReadValidationPolicy } from './camera-read.js';
import { checkFrameMetadata } from './frame-metadata.js';

const now = Date.parse('2026-12-07T10:00:00.000Z');
const known = (cameraId: string) => cameraId === 'cam-1' || cameraId === 'cam-2';
const check = (input: unknown, camera = 'cam-1') => checkFrameMetadata(input, camera, defaultReadValidationPolicy, known, now);
const valid = { cameraId: 'cam-1', frameId: 'f-000001', capturedAt: '2026-12-07T18:59:59.5+09:00' };

describe('a frame\'s metadata', () => {
  it('is accepted with its capture time normalised to UTC and the edge\'s receive time', () => {
    expect(check(valid)).toEqual({
      ok: true, frame: { cameraId: 'cam-1', frameId: 'f-000001', capturedAt: '2026-12-07T09:59:59.500Z', capturedAtMs: now - 500, receivedAtMs: now },
    });
  });

  it.each([
    ['no frame id', { cameraId: 'cam-1', capturedAt: valid.capturedAt }, 'DS_FRAME_MALFORMED'],
    ['a frame id with a slash (it names a file)', { ...valid, frameId: '../etc' }, 'DS_FRAME_MALFORMED'],
    ['a capture time without offset', { ...valid, capturedAt: '2026-12-07T10:00:00' }, 'DS_FRAME_MALFORMED'],
    ['an unknown field', { ...valid, plate: '12가3456' }, 'DS_FRAME_MALFORMED'],
    ['not an object', 'frame', 'DS_FRAME_MALFORMED'],
    ['another camera than the credential\'s', { ...valid, cameraId: 'cam-2' }, 'DS_CAMERA_FORBIDDEN'],
    ['a camera the node does not know', { ...valid, cameraId: 'cam-9' }, 'DS_READ_UNKNOWN_CAMERA'],
    ['a capture time beyond the clock skew', { ...valid, capturedAt: '2026-12-07T10:02:00.001Z' }, 'DS_FRAME_CAPTURED_IN_FUTURE'],
    ['a capture time older than the node accepts', { ...valid, capturedAt: '2026-12-06T09:59:59.999Z' }, 'DS_FRAME_TOO_OLD'],
  ])('is refused with its code when it has %s', (_name, input, code) => {
    const camera = typeof input === 'object' && input !== null && 'cameraId' in input && input.cameraId === 'cam-9' ? 'cam-9' : 'cam-1';
    expect(check(input, camera)).toMatchObject({ ok: false, code });
  });
});
