import { describe, expect, it } from 'vitest';
import { fusePass, fusionDefaults, type FrameRead } from './index.js';

const frame = (...pairs: [string, number][]): FrameRead => pairs.map(([text, confidence]) => ({ text, confidence }));

describe('fusing the frames of one pass into one read', () => {
  it.each([
    {
      name: 'two frames agreeing confidently confirm the read',
      frames: [frame(['12가3456', 0.9], ['12가3458', 0.05]), frame(['12가3456', 0.92], ['12거3456', 0.03])],
      status: 'confirmed', top: '12가3456',
    },
    {
      name: 'a single confident frame is at most possible',
      frames: [frame(['12가3456', 0.999])],
      status: 'possible', top: '12가3456',
    },
    {
      name: 'one confident frame among frames that read nothing is at most possible',
      frames: [frame(['12가3456', 0.99]), frame(), frame()],
      status: 'possible', top: '12가3456',
    },
    {
      name: 'two frames agreeing on an unsure read stay below the operating point',
      frames: [frame(['12가3456', 0.45], ['12가3458', 0.4]), frame(['12가3456', 0.45], ['12가3458', 0.4])],
      status: 'possible', top: '12가3456',
    },
    {
      name: 'two frames that disagree with equal confidence abstain',
      frames: [frame(['12가3456', 0.9], ['12가3458', 0.05]), frame(['12가3458', 0.9], ['12가3456', 0.05])],
      status: 'abstain', top: '12가3456',
    },
    {
      name: 'a majority of confident frames outweighs one dissenting frame',
      frames: [frame(['12가3456', 0.95]), frame(['12가3456', 0.95]), frame(['12가3458', 0.9], ['12가3456', 0.05])],
      status: 'confirmed', top: '12가3456',
    },
    {
      name: 'unsure frames that disagree abstain',
      frames: [frame(['12가3456', 0.3], ['12가3458', 0.2]), frame(['34나5678', 0.3])],
      status: 'abstain', top: '12가3456',
    },
    {
      name: 'a pass where no frame read anything abstains',
      frames: [frame(), frame()],
      status: 'abstain', top: undefined,
    },
  ])('$name', ({ frames, status, top }) => {
    const read = fusePass(frames);
    expect(read.status).toBe(status);
    expect(read.candidates[0]?.text).toBe(top);
  });

  it('a single frame keeps its calibrated confidences (the rest of its mass is "none of these")', () => {
    const read = fusePass([frame(['12가3456', 0.6], ['12가3458', 0.3])]);
    expect(read.candidates.map((c) => [c.text, Number(c.confidence.toFixed(12))])).toEqual([['12가3456', 0.6], ['12가3458', 0.3]]);
    expect(read).toMatchObject({ frames: 1, framesRead: 1, status: 'possible' });
  });

  it('agreement sharpens the fused confidence as a product of experts', () => {
    // A: 0.9 × 0.9, B: 0.05 × 0.05, none of them: 0.05 × 0.05 → A = 0.81 / 0.815.
    const read = fusePass([frame(['A', 0.9], ['B', 0.05]), frame(['A', 0.9], ['B', 0.05])]);
    expect(read.candidates[0]!.confidence).toBeCloseTo(0.81 / 0.815, 12);
    expect(read.candidates[0]).toMatchObject({ text: 'A', topInFrames: 2, listedInFrames: 2 });
    expect(read.candidates[1]).toMatchObject({ text: 'B', topInFrames: 0, listedInFrames: 2 });
  });

  it('a frame that does not list a candidate gives it the floor, not zero', () => {
    // Frame 2 did not list C: it gets min(0.01, 0.05) = 0.01 there, so C survives, far below A.
    const read = fusePass([frame(['A', 0.9], ['C', 0.05]), frame(['A', 0.9], ['B', 0.05])]);
    const c = read.candidates.find((candidate) => candidate.text === 'C')!;
    const b = read.candidates.find((candidate) => candidate.text === 'B')!;
    const total = 0.81 + 0.05 * 0.01 + 0.01 * 0.05 + 0.05 * 0.05;
    expect(c.confidence).toBeCloseTo((0.05 * 0.01) / total, 12);
    expect(b.confidence).toBeCloseTo(c.confidence, 15);
    expect(c.listedInFrames).toBe(1);
    expect(read.status).toBe('confirmed');
  });

  it('the floor of a frame is never above its own lowest listed confidence', () => {
    // Frame 2 lists only low confidences, so a text it left out (C) is less likely there than 0.004, whatever the cap.
    const read = fusePass([frame(['A', 0.5], ['C', 0.3]), frame(['A', 0.006], ['B', 0.004])], { ...fusionDefaults, missingFloor: 0.5 });
    const fused = Object.fromEntries(read.candidates.map((c) => [c.text, c.confidence]));
    // Frame 1: floor min(0.5, 0.3) = 0.3, "none" max(0.3, 0.2) = 0.3; frame 2: floor 0.004, "none" 0.99.
    const total = 0.5 * 0.006 + 0.3 * 0.004 + 0.3 * 0.004 + 0.3 * 0.99;
    expect(fused.A).toBeCloseTo((0.5 * 0.006) / total, 12);
    expect(fused.C).toBeCloseTo((0.3 * 0.004) / total, 12);
    expect(fused.B).toBeCloseTo((0.3 * 0.004) / total, 12);
  });

  it('orders equal fused confidences by text and does not confirm either', () => {
    const read = fusePass([frame(['B', 0.45], ['A', 0.45]), frame(['A', 0.45], ['B', 0.45])], { ...fusionDefaults, possibleConfidence: 0.1 });
    expect(read.candidates.map((c) => c.text)).toEqual(['A', 'B']);
    expect(read.candidates[0]!.confidence).toBe(read.candidates[1]!.confidence);
    expect(read.status).toBe('abstain');
    // Each frame's own tie goes to the smaller text too.
    expect(read.candidates[0]!.topInFrames).toBe(2);
  });

  it('a text listed twice in one frame counts once, at its higher confidence', () => {
    const once = fusePass([frame(['A', 0.7], ['B', 0.2])]);
    const twice = fusePass([frame(['A', 0.7], ['A', 0.1], ['B', 0.2])]);
    expect(twice.candidates).toEqual(once.candidates);
  });

  it('many agreeing frames neither underflow nor exceed 1', () => {
    const read = fusePass(Array.from({ length: 400 }, () => frame(['A', 0.6], ['B', 0.3])));
    expect(read.candidates[0]!.confidence).toBeLessThanOrEqual(1);
    expect(read.candidates[0]!.confidence).toBeGreaterThan(0.999);
    expect(Number.isFinite(read.candidates[1]!.confidence)).toBe(true);
    expect(read.status).toBe('confirmed');
  });

  it('the number of agreeing frames a confirmation needs is an option', () => {
    const frames = [frame(['A', 0.97]), frame(['A', 0.97])];
    expect(fusePass(frames, { ...fusionDefaults, minAgreeingFrames: 3 }).status).toBe('possible');
    expect(fusePass([...frames, frame(['A', 0.97])], { ...fusionDefaults, minAgreeingFrames: 3 }).status).toBe('confirmed');
  });
});
