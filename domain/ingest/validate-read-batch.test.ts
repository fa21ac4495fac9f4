import { describe, expect, it } from 'vitest';
import { defaultReadValidationPolicy, maxReadsPerBatch, validateReadBatch } from './index.js';

const receivedAtMs = Date.parse('2025-03-01T09:00:00.000Z');
const knownCamera = (id: string): boolean => id.startsWith('cam-suwon-');
const validate = (body: unknown) => validateReadBatch(body, defaultReadValidationPolicy, knownCamera, receivedAtMs);

const read = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  readId: 'r-1',
  cameraId: 'cam-suwon-01',
  capturedAt: '2025-03-01T17:59:58.500+09:00',
  candidates: [{ text: '123가4567', confidence: 0.91 }],
  ...overrides,
});

const injections = [
  "'; DROP TABLE reads; --",
  '" OR 1=1 --',
  'MATCH (n) DETACH DELETE n',
  '}) RETURN n //',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '${process.exit()}',
  '{{7*7}}',
  '../../etc/passwd',
  'javascript:alert(1)',
];
const textFields = ['readId', 'cameraId', 'capturedAt', 'plateImageRef', 'vehicleImageRef', 'vehicleColour', 'vehicleType'];

describe('validateReadBatch', () => {
  it('accepts a valid read, sets the edge receive time and keeps the capture time apart', () => {
    const result = validate([read({ plateImageRef: 's3://edge/plates/r-1.jpg', vehicleColour: 'white', vehicleType: 'car' })]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([{
      readId: 'r-1',
      cameraId: 'cam-suwon-01',
      capturedAt: '2025-03-01T08:59:58.500Z',
      capturedAtMs: receivedAtMs - 1500,
      receivedAt: '2025-03-01T09:00:00.000Z',
      receivedAtMs,
      candidates: [{ text: '123가4567', confidence: 0.91 }],
      plateImageRef: 's3://edge/plates/r-1.jpg',
      vehicleColour: 'white',
      vehicleType: 'car',
    }]);
  });

  it('cleans candidates, drops unusable ones and sorts the rest best first', () => {
    const result = validate([read({
      candidates: [
        { text: '123 가 4567', confidence: 0.4 },
        { text: 'ABC', confidence: 0.99 },
        { text: '서울12\n가3456', confidence: 0.8 },
      ],
    })]);
    expect(result.accepted[0]?.candidates).toEqual([
      { text: '서울12가3456', confidence: 0.8 },
      { text: '123가4567', confidence: 0.4 },
    ]);
  });

  it.each([
    ['not an array', { reads: [] }, 'DS_BATCH_MALFORMED'],
    ['a string', '[{"readId":"x"}]', 'DS_BATCH_MALFORMED'],
    ['null', null, 'DS_BATCH_MALFORMED'],
    ['more reads than a batch carries', Array.from({ length: maxReadsPerBatch + 1 }, () => read()), 'DS_BATCH_TOO_LARGE'],
  ])('refuses the whole batch when it is %s', (_name, body, code) => {
    const result = validate(body);
    expect(result.batchProblem?.code).toBe(code);
    expect(result.accepted).toEqual([]);
  });

  it('honours a policy batch limit below the schema limit', () => {
    const result = validateReadBatch([read(), read({ readId: 'r-2' })], { ...defaultReadValidationPolicy, maxBatchItems: 1 }, knownCamera, receivedAtMs);
    expect(result.batchProblem?.code).toBe('DS_BATCH_TOO_LARGE');
  });

  it.each([
    ['a number instead of a read', 42, 'DS_READ_MALFORMED'],
    ['null', null, 'DS_READ_MALFORMED'],
    ['an array', [read()], 'DS_READ_MALFORMED'],
    ['no readId', read({ readId: undefined }), 'DS_READ_MALFORMED'],
    ['a numeric readId', read({ readId: 7 }), 'DS_READ_MALFORMED'],
    ['an empty readId', read({ readId: '' }), 'DS_READ_MALFORMED'],
    ['a readId with a space', read({ readId: 'r 1' }), 'DS_READ_MALFORMED'],
    ['a huge readId', read({ readId: 'r'.repeat(10_000) }), 'DS_READ_OVERSIZE'],
    ['a huge plate text', read({ candidates: [{ text: '1'.repeat(100_000), confidence: 1 }] }), 'DS_READ_OVERSIZE'],
    ['six candidates', read({ candidates: Array.from({ length: 6 }, () => ({ text: '123가4567', confidence: 0.5 })) }), 'DS_READ_OVERSIZE'],
    ['a huge image reference', read({ plateImageRef: `https://x/${'a'.repeat(600)}` }), 'DS_READ_OVERSIZE'],
    ['no candidates', read({ candidates: [] }), 'DS_READ_MALFORMED'],
    ['candidates as an object', read({ candidates: { text: '123가4567', confidence: 1 } }), 'DS_READ_MALFORMED'],
    ['a confidence above 1', read({ candidates: [{ text: '123가4567', confidence: 1.5 }] }), 'DS_READ_MALFORMED'],
    ['a NaN confidence', read({ candidates: [{ text: '123가4567', confidence: Number.NaN }] }), 'DS_READ_MALFORMED'],
    ['a string confidence', read({ candidates: [{ text: '123가4567', confidence: '0.9' }] }), 'DS_READ_MALFORMED'],
    ['a NUL in the plate', read({ candidates: [{ text: '123가\u00004567', confidence: 0.9 }] }), 'DS_READ_MALFORMED'],
    ['a bidi override in the plate', read({ candidates: [{ text: '123가\u202e4567', confidence: 0.9 }] }), 'DS_READ_MALFORMED'],
    ['an escape sequence in the camera id', read({ cameraId: 'cam-suwon-01\u001b[2J' }), 'DS_READ_MALFORMED'],
    ['a capture time without offset', read({ capturedAt: '2025-03-01T08:59:58' }), 'DS_READ_MALFORMED'],
    ['a capture time as epoch milliseconds', read({ capturedAt: receivedAtMs }), 'DS_READ_MALFORMED'],
    ['an impossible date', read({ capturedAt: '2025-02-30T08:00:00Z' }), 'DS_READ_MALFORMED'],
    ['a receive time sent by the camera', read({ receivedAt: '2025-03-01T09:00:00Z' }), 'DS_READ_MALFORMED'],
    ['an unknown field', read({ extra: { deeply: { nested: true } } }), 'DS_READ_MALFORMED'],
    ['a data: image reference', read({ vehicleImageRef: 'data:text/html,<b>x</b>' }), 'DS_READ_MALFORMED'],
    ['an unknown colour', read({ vehicleColour: 'mauve' }), 'DS_READ_MALFORMED'],
    ['an unknown camera', read({ cameraId: 'cam-busan-01' }), 'DS_READ_UNKNOWN_CAMERA'],
    ['a capture 121 s in the future', read({ capturedAt: '2025-03-01T09:02:01Z' }), 'DS_READ_CAPTURED_IN_FUTURE'],
    ['a capture a year in the future', read({ capturedAt: '2026-03-01T09:00:00Z' }), 'DS_READ_CAPTURED_IN_FUTURE'],
    ['a capture a day and a second old', read({ capturedAt: '2025-02-28T08:59:59Z' }), 'DS_READ_TOO_OLD'],
    ['a capture in 1970', read({ capturedAt: '1970-01-01T00:00:00Z' }), 'DS_READ_TOO_OLD'],
    ['only Latin plate text', read({ candidates: [{ text: 'ABC1234', confidence: 0.9 }] }), 'DS_READ_PLATE_INVALID'],
    ['only separators', read({ candidates: [{ text: ' - ', confidence: 0.9 }] }), 'DS_READ_PLATE_INVALID'],
  ])('rejects a read with %s', (_name, item, code) => {
    const result = validate([item]);
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ index: 0, code });
  });

  it.each([
    ['120 s in the future', '2025-03-01T09:02:00Z'],
    ['exactly 24 h old', '2025-02-28T09:00:00Z'],
  ])('accepts a capture %s, the edge of the policy', (_name, capturedAt) => {
    expect(validate([read({ capturedAt })]).accepted).toHaveLength(1);
  });

  it('bug: candidates sent as a text of six characters or more were refused as oversize, not as malformed', () => {
    const [rejected] = validate([read({ candidates: '123가4567' })]).rejected;
    expect(rejected).toMatchObject({ code: 'DS_READ_MALFORMED', message: 'candidates: expected array' });
  });

  it('judges each item alone: valid reads in a bad batch are accepted', () => {
    const result = validate([read({ readId: 'a' }), 'junk', read({ readId: 'b', cameraId: 'cam-x' }), read({ readId: 'c' }), read({ readId: 'a' })]);
    expect(result.accepted.map((r) => r.readId)).toEqual(['a', 'c']);
    expect(result.rejected.map(({ index, readId, code }) => ({ index, readId, code }))).toEqual([
      { index: 1, readId: undefined, code: 'DS_READ_MALFORMED' },
      { index: 2, readId: 'b', code: 'DS_READ_UNKNOWN_CAMERA' },
      { index: 4, readId: 'a', code: 'DS_READ_DUPLICATE_IN_BATCH' },
    ].map(({ readId, ...rest }) => (readId === undefined ? rest : { ...rest, readId })));
    expect(result.batchProblem).toBeUndefined();
  });

  describe('never reflects what was sent', () => {
    const cases = textFields.flatMap((field) => injections.map((payload) => [field, payload] as const))
      .concat(injections.map((payload) => ['candidates.text', payload] as const))
      .concat(injections.map((payload) => ['an unknown key', payload] as const));
    it.each(cases)('%s holding %s', (field, payload) => {
      const item = field === 'candidates.text'
        ? read({ candidates: [{ text: payload, confidence: 0.5 }] })
        : field === 'an unknown key' ? { ...read(), [payload]: 1 } : read({ [field]: payload });
      const result = validate([item]);
      expect(result.accepted).toEqual([]);
      expect(result.rejected).toHaveLength(1);
      const reported = JSON.stringify(result);
      expect(reported).not.toContain(payload);
      for (const fragment of ['DROP', 'DETACH', 'script', 'onerror', 'passwd', 'alert', 'process']) {
        expect(reported).not.toContain(fragment);
      }
    });
  });

  it('names the field in its message', () => {
    const [rejected] = validate([read({ cameraId: '<b>' })]).rejected;
    expect(rejected?.message).toBe('cameraId: holds characters or a form the field does not allow');
  });

  it('says why no plate candidate is usable, by code point, not by text', () => {
    const [rejected] = validate([read({ candidates: [{ text: '12가<34', confidence: 0.5 }] })]).rejected;
    expect(rejected?.message).toBe('no usable plate candidate: candidates.0.text: DS_PLATE_ILLEGAL_CHARACTER (character U+003C at position 3 is not a digit or a Hangul syllable)');
  });
});
