import { describe, expect, it } from 'vitest';
import { parseReplayArguments } from './replay-arguments.js';

describe('parseReplayArguments: frames of the CCTV cameras', () => {
  it('sends frames by default: every wanted vehicle\'s CCTV pass, 2 % of the others, at most 4 frames a second', () => {
    expect(parseReplayArguments(['data/demo-city']).frames).toEqual({ sample: 0.02, maxFramesPerSecond: 4 });
  });

  it('takes a sample share and a rate', () => {
    expect(parseReplayArguments(['d', '--frames-sample', '0.1', '--max-frames-per-second', '2']).frames).toEqual({ sample: 0.1, maxFramesPerSecond: 2 });
  });

  it('sends none with --no-frames', () => {
    expect(parseReplayArguments(['d', '--no-frames']).frames).toBeUndefined();
  });

  it.each([['--frames-sample', '1.5'], ['--frames-sample', 'lots'], ['--max-frames-per-second', '0']])('refuses %s %s with a coded error', (option, value) => {
    expect(() => parseReplayArguments(['d', option, value])).toThrow(expect.objectContaining({ code: 'DS_INVALID_INPUT' }));
  });
});
