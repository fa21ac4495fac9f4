import { describe, expect, it } from 'vitest';
import type { Quad } from '../../recognition/geometry/index.js';
import { checkEvaluationSeed, trainingSeeds } from './held-out-seed.js';
import {
  boxIou, editDistance, frameTotals, hangulCorrect, hangulSyllables, matchPlates, meanCornerError, normaliseOcrText, passTotals, perKind,
  quadBox, readTotals, type FramePlateOutcome, type PassOutcome, type ScoredRead,
} from './plate-metrics.js';

const rect = (x: number, y: number, w: number, h: number): Quad => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]];

describe('editDistance (character error numerator)', () => {
  it.each([
    ['12가3456', '12가3456', 0],
    ['12거3456', '12가3456', 1],
    ['123456', '12가3456', 1],
    ['12가34567', '12가3456', 1],
    ['', '12가3456', 7],
    ['서울12바3456', '서울12바3456', 0],
    ['서12바3456', '서울12바3456', 1],
    ['21가3456', '12가3456', 2],
    ['외교123456', '영사123456', 2],
  ])('%s against %s is %i', (read, truth, distance) => {
    expect(editDistance(read, truth)).toBe(distance);
    expect(editDistance(truth, read)).toBe(distance);
  });
});

describe('Hangul syllables', () => {
  it.each([
    ['12가3456', ['가']],
    ['서울12바3456', ['서', '울', '바']],
    ['육1234567', ['육']],
    ['1234567', []],
  ])('of %s', (text, syllables) => {
    expect(hangulSyllables(text)).toEqual(syllables);
  });

  it.each([
    { read: '12가3456', truth: '12가3456', correct: 1, total: 1 },
    { read: '12거3456', truth: '12가3456', correct: 0, total: 1 },
    { read: '2가3456', truth: '12가3456', correct: 1, total: 1, note: 'a dropped digit does not move the syllable' },
    { read: '123456', truth: '12가3456', correct: 0, total: 1 },
    { read: '서울12바3456', truth: '서울12바3456', correct: 3, total: 3 },
    { read: '서12바3456', truth: '서울12바3456', correct: 1, total: 3, note: 'a missing syllable shifts the rest' },
    { read: '부산12바3456', truth: '서울12바3456', correct: 1, total: 3 },
    { read: '', truth: '외교123456', correct: 0, total: 2 },
    { read: '12가3456', truth: '1234567', correct: 0, total: 0 },
  ])('$read against $truth: $correct of $total', ({ read, truth, correct, total }) => {
    expect(hangulCorrect(read, truth)).toEqual({ correct, total });
  });
});

describe('corner boxes and matching', () => {
  it.each([
    { a: rect(0, 0, 10, 10), b: rect(0, 0, 10, 10), iou: 1 },
    { a: rect(0, 0, 10, 10), b: rect(5, 0, 10, 10), iou: 50 / 150 },
    { a: rect(0, 0, 10, 10), b: rect(20, 20, 10, 10), iou: 0 },
    { a: rect(0, 0, 10, 10), b: rect(2, 2, 6, 6), iou: 36 / 100 },
    { a: rect(0, 0, 0, 0), b: rect(0, 0, 0, 0), iou: 0 },
  ])('IoU $iou', ({ a, b, iou }) => {
    expect(boxIou(quadBox(a), quadBox(b))).toBeCloseTo(iou, 12);
  });

  it('boxes a tilted quad by its extreme corners', () => {
    expect(quadBox([[10, 5], [50, 2], [52, 20], [8, 24]])).toEqual([8, 2, 52, 24]);
  });

  it('measures the mean distance of corresponding corners', () => {
    expect(meanCornerError(rect(0, 0, 10, 10), rect(0, 0, 10, 10))).toBe(0);
    expect(meanCornerError(rect(3, 4, 10, 10), rect(0, 0, 10, 10))).toBe(5);
    // Corners in another order are far off even when the box is the same.
    const rotated: Quad = [[10, 0], [10, 10], [0, 10], [0, 0]];
    expect(meanCornerError(rotated, rect(0, 0, 10, 10))).toBe(10);
  });

  it.each([
    { name: 'one to one', found: [rect(0, 0, 10, 10), rect(100, 0, 10, 10)], truth: [rect(101, 0, 10, 10), rect(1, 0, 10, 10)], map: [1, 0], extra: [] },
    { name: 'below IoU 0.5 is a miss and a false detection', found: [rect(5, 0, 10, 10)], truth: [rect(0, 0, 10, 10)], map: [-1], extra: [0] },
    { name: 'exactly 0.5 matches', found: [rect(0, 0, 10, 10)], truth: [rect(0, 0, 10, 20)], map: [0], extra: [] },
    { name: 'two detections of one plate: the better one matches', found: [rect(2, 0, 10, 10), rect(0, 0, 10, 10)], truth: [rect(0, 0, 10, 10)], map: [1], extra: [0] },
    {
      name: 'greedy by IoU: a detection goes to the truth it overlaps most',
      found: [rect(3, 0, 10, 10)], truth: [rect(0, 0, 10, 10), rect(3, 0, 10, 10)], map: [-1, 0], extra: [],
    },
    { name: 'nothing found', found: [], truth: [rect(0, 0, 10, 10)], map: [-1], extra: [] },
    { name: 'nothing there', found: [rect(0, 0, 10, 10)], truth: [], map: [], extra: [0] },
  ])('$name', ({ found, truth, map, extra }) => {
    const { truthToFound, unmatchedFound } = matchPlates(found, truth);
    expect(truthToFound).toEqual(map);
    expect(unmatchedFound).toEqual(extra);
  });
});

describe('read totals per kind', () => {
  const thresholds = { operating: 0.9, abstainBelow: 0.5 };
  const reads: ScoredRead[] = [
    { kind: 'national-3', truth: '123가4567', read: '123가4567', confidence: 0.99 },
    { kind: 'national-3', truth: '123가4567', read: '123거4567', confidence: 0.95 },
    { kind: 'national-3', truth: '123나4567', read: '123나4567', confidence: 0.4 },
    { kind: 'regional-private', truth: '서울12바3456', read: '', confidence: 0 },
    { kind: 'regional-private', truth: '서울12바3456', read: '서울12바345', confidence: 0.7 },
  ];

  it('counts exact, CER, Hangul, confident errors and abstentions', () => {
    const t = readTotals(reads, thresholds);
    expect(t.count).toBe(5);
    expect(t.exact).toBeCloseTo(2 / 5, 12);
    // edits 0 + 1 + 0 + 9 + 1 over 8 + 8 + 8 + 9 + 9 characters
    expect(t.cer).toBeCloseTo(11 / 42, 12);
    // syllables 1 + 0 + 1 + 0 + 3 over 1 + 1 + 1 + 3 + 3
    expect(t.hangul).toBeCloseTo(5 / 9, 12);
    expect(t.wrongConfident).toBeCloseTo(1 / 5, 12);
    expect(t.abstain).toBeCloseTo(2 / 5, 12);
  });

  it('groups by kind in code-point order, with all last', () => {
    const rows = perKind(reads, (group) => readTotals(group, thresholds));
    expect(rows.map((r) => [r.kind, r.totals.count])).toEqual([['national-3', 3], ['regional-private', 2], ['all', 5]]);
    expect(rows[0]!.totals.exact).toBeCloseTo(2 / 3, 12);
    expect(rows[1]!.totals.exact).toBe(0);
    expect(rows[1]!.totals.abstain).toBe(0.5);
  });

  it('is all zeros for no reads', () => {
    expect(readTotals([], thresholds)).toEqual({ count: 0, exact: 0, cer: 0, hangul: 0, wrongConfident: 0, abstain: 0 });
  });
});

describe('frame and pass totals', () => {
  it('scores detector recall, corner error and end to end over the true plates', () => {
    const outcomes: FramePlateOutcome[] = [
      { kind: 'rental', truth: '12하3456', read: '12하3456', confidence: 0.99, detected: true, cornerErrorPx: 1 },
      { kind: 'rental', truth: '12하3457', read: '12허3457', confidence: 0.99, detected: true, cornerErrorPx: 3 },
      { kind: 'rental', truth: '12하3458', read: '', confidence: 0, detected: false, cornerErrorPx: null },
    ];
    expect(frameTotals(outcomes)).toEqual({ plates: 3, recall: 2 / 3, cornerErrorPx: 2, endToEndExact: 1 / 3 });
    expect(frameTotals([])).toEqual({ plates: 0, recall: 0, cornerErrorPx: null, endToEndExact: 0 });
  });

  it('counts confirmed wrong reads and confirmed precision', () => {
    const outcomes: PassOutcome[] = [
      { kind: 'national-2', truth: '12가3456', status: 'confirmed', read: '12가3456' },
      { kind: 'national-2', truth: '12가3457', status: 'confirmed', read: '12거3457' },
      { kind: 'national-2', truth: '12가3458', status: 'possible', read: '12거3458' },
      { kind: 'national-2', truth: '12가3459', status: 'abstain', read: '' },
    ];
    expect(passTotals(outcomes)).toEqual({ passes: 4, confirmed: 2, confirmedWrong: 1, confirmedPrecision: 0.5, confirmedRecall: 0.25, possibleWrong: 1 });
    expect(passTotals([]).confirmedPrecision).toBeNull();
  });
});

describe('Tesseract text as a plate', () => {
  it.each([
    ['12가 3456\n', '12가3456'],
    ['서울 12-바 3456.', '서울12바3456'],
    ['| 12가3456 ]', '12가3456'],
    ['', ''],
  ])('%j becomes %s', (text, plate) => {
    expect(normaliseOcrText(text)).toBe(plate);
  });
});

describe('held-out seeds', () => {
  const config = {
    evaluation_seed_min: 1000,
    recognizer: { train_seeds: [11, 12, 13], val_seed: 901 },
    detector: { train_seeds: [21, 22], val_seed: 902 },
  };
  const seeds = trainingSeeds(config);

  it('knows every training and validation seed', () => {
    expect([...seeds.used].sort((a, b) => a - b)).toEqual([11, 12, 13, 21, 22, 901, 902]);
  });

  it.each([11, 22, 901, 999, 0])('refuses seed %i', (seed) => {
    expect(() => checkEvaluationSeed(seed, seeds)).toThrow(expect.objectContaining({ code: 'DS_INVALID_INPUT' }));
  });

  it.each([1000, 20261])('takes seed %i', (seed) => {
    expect(() => checkEvaluationSeed(seed, seeds)).not.toThrow();
  });

  it('refuses a seed training uses even at or above the floor', () => {
    expect(() => checkEvaluationSeed(1500, trainingSeeds({ ...config, recognizer: { train_seeds: [1500] } }))).toThrow(/training or validation seed/);
  });
});
