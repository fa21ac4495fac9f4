import { describe, expect, it } from 'vitest';
import { addFrame, closeIdle, editDistance, passReadId, type OpenPass, type PlateInFrame } from './pass-tracker.js';

const options = { gapMs: 1_000, maxFrames: 4 };
const plate = (...candidates: [string, number][]): PlateInFrame => ({ candidates: candidates.map(([text, confidence]) => ({ text, confidence })), cropPng: `png-${candidates[0]?.[0] ?? ''}` });
const frame = (frameId: string, atMs: number) => ({ frameId, capturedAtMs: atMs, receivedAtMs: atMs + 50 });

/** Feeds frames of one camera in order and collects what closes. */
function run(frames: [string, number, PlateInFrame[]][]) {
  let open: OpenPass[] = [];
  const closed = [];
  for (const [id, at, plates] of frames) {
    const step = addFrame('cam-1', open, frame(id, at), plates, options);
    open = step.open;
    closed.push(...step.closed);
  }
  return { open, closed };
}

describe('grouping the frames of one camera into passes', () => {
  it('measures edits between plate texts by syllable, not by byte', () => {
    expect(editDistance('12가3456', '12가3456')).toBe(0);
    expect(editDistance('12가3456', '12거3456')).toBe(1);
    expect(editDistance('12가3456', '123가4567')).toBe(3);
    expect(editDistance('', '가')).toBe(1);
  });

  it('fuses consecutive frames of one vehicle into one confirmed read, closed by the next frame after the gap', () => {
    const { open, closed } = run([
      ['f1', 0, [plate(['12가3456', 0.97])]],
      ['f2', 200, [plate(['12가3456', 0.95], ['12거3456', 0.03])]],
      ['f3', 400, [plate(['12가3458', 0.6], ['12가3456', 0.35])]],
      ['f9', 3_000, []],
    ]);
    expect(open).toEqual([]);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ readId: passReadId('cam-1', 'f1', 0), read: { status: 'confirmed', frames: 3 } });
    expect(closed[0]?.read.candidates.map((c) => c.text)).toEqual(['12가3456', '12가3458', '12거3456']);
    // The best frame's crop is the evidence: the most confident top candidate.
    expect(closed[0]?.pass.best).toMatchObject({ frameId: 'f1', confidence: 0.97, cropPng: 'png-12가3456' });
  });

  it('keeps two vehicles in one frame apart, and a plate that is not within two edits opens its own pass', () => {
    const { open } = run([
      ['f1', 0, [plate(['12가3456', 0.9]), plate(['345나6789', 0.9])]],
      ['f2', 100, [plate(['345나6789', 0.8]), plate(['12가3456', 0.85])]],
      ['f3', 200, [plate(['77다1111', 0.9])]],
    ]);
    expect(open.map((pass) => [pass.frames.length, pass.frames.map((f) => f.candidates[0]?.text)])).toEqual([
      [2, ['12가3456', '12가3456']], [2, ['345나6789', '345나6789']], [1, ['77다1111']],
    ]);
  });

  it('makes a single frame at most a possible read, and a pass read by no frame no read', () => {
    const one = run([['f1', 0, [plate(['12가3456', 0.99])]], ['f2', 5_000, []]]);
    expect(one.closed[0]?.read.status).toBe('possible');
    const unreadable = run([['f1', 0, [plate(['12가3456', 0.2], ['12가3458', 0.2])]], ['f2', 5_000, []]]);
    expect(unreadable.closed[0]?.read.status).toBe('abstain');
  });

  it('closes a pass that reached its frame limit, so a parked car becomes reads, not one pass for ever', () => {
    const { open, closed } = run([0, 1, 2, 3, 4].map((i) => [`f${i}`, i * 100, [plate(['12가3456', 0.9])]] as [string, number, PlateInFrame[]]));
    expect(closed.map((c) => c.read.frames)).toEqual([4]);
    expect(open.map((p) => p.frames.length)).toEqual([1]);
  });

  it('takes a frame it has seen (a retried job) once', () => {
    const first = addFrame('cam-1', [], frame('f1', 0), [plate(['12가3456', 0.9])], options);
    const again = addFrame('cam-1', first.open, frame('f1', 0), [plate(['12가3456', 0.9])], options);
    expect(again.open).toEqual(first.open);
  });

  it('closes passes whose camera fell quiet, by the edge clock', () => {
    const { open } = run([['f1', 0, [plate(['12가3456', 0.9])]], ['f2', 100, [plate(['12가3456', 0.9])]]]);
    expect(closeIdle(open, 1_100, options).closed).toEqual([]);
    expect(closeIdle(open, 1_151, options)).toMatchObject({ open: [], closed: [{ read: { status: 'confirmed', frames: 2 } }] });
  });
});
