import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { resolvePlateFonts, type PlateFont } from '../../recognition/synth/plate-fonts.js';
import type { CctvPass } from './cctv-passes.js';
import { frameOffsetsMs, framesPerPass, renderPassFrames } from './render-pass-frames.js';

let fonts: PlateFont[] = [];
beforeAll(async () => {
  await ensurePlateFonts();
  fonts = resolvePlateFonts('training');
}, 300_000);

const pass: CctvPass = {
  index: 3, vehicleId: 'Pepoli_12_1769', cameraId: 'cctv-osan-t001', municipalityId: 'osan', edgeIndex: 4, atSeconds: 1234.5,
  plate: '43마9970', plateKind: 'national-2',
};

const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;

describe('renderPassFrames', () => {
  it('renders the same JPEG bytes for the same scenario seed and pass, other bytes for another seed', () => {
    const first = [...renderPassFrames(20261124, pass, fonts, 2)];
    const again = [...renderPassFrames(20261124, pass, fonts, 2)];
    const otherSeed = [...renderPassFrames(20261125, pass, fonts, 2)];
    expect(first).toHaveLength(2);
    expect(first.every((frame) => isJpeg(frame.jpeg))).toBe(true);
    expect(again.map((frame) => frame.jpeg.equals(first[frame.index]!.jpeg))).toEqual([true, true]);
    expect(otherSeed[0]!.jpeg.equals(first[0]!.jpeg)).toBe(false);
  });

  it('shows the vehicle\'s plate, an electric car\'s too, in the frames of its pass', () => {
    expect([...renderPassFrames(5, pass, fonts, 2)].map((frame) => frame.plates)).toEqual([['43마9970'], ['43마9970']]);
    const electric = { ...pass, plate: '150소5460', plateKind: 'electric' };
    expect(renderPassFrames(5, electric, fonts).next().value).toMatchObject({ index: 0, plates: ['150소5460'] });
  });
});

describe('frameOffsetsMs', () => {
  it('spaces a pass\'s frames 150–250 ms apart, the last at the pass\'s moment, the same for the same pass', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const offsets = frameOffsetsMs(seed, { ...pass, vehicleId: `v${seed}` });
      expect(offsets).toHaveLength(framesPerPass);
      expect(offsets[framesPerPass - 1]).toBe(0);
      const gap = offsets[1]! - offsets[0]!;
      expect(gap).toBeGreaterThanOrEqual(150);
      expect(gap).toBeLessThanOrEqual(250);
      expect(offsets.every((offset, k) => k === 0 || offset - offsets[k - 1]! === gap)).toBe(true);
      expect(frameOffsetsMs(seed, { ...pass, vehicleId: `v${seed}` })).toEqual(offsets);
    }
  });
});
