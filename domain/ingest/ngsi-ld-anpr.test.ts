import { describe, expect, it } from 'vitest';
import { cameraReadFromNgsiLd, defaultReadValidationPolicy, unstatedConfidence, validateReadBatch } from './index.js';

const normalized = {
  '@context': ['https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld'],
  id: 'urn:ngsi-ld:AnprFlowObserved:suwon-01-000042',
  type: 'AnprFlowObserved',
  dateObserved: { type: 'Property', value: { '@type': 'DateTime', '@value': '2025-03-01T17:59:30+09:00' } },
  refDevice: { type: 'Relationship', object: 'urn:ngsi-ld:Device:cam-suwon-01' },
  licensePlate: { type: 'Property', value: '123가 4567', confidence: { type: 'Property', value: 0.87 } },
};

const keyValues = {
  id: 'urn:ngsi-ld:TrafficFlowObserved:suwon-02-7',
  type: 'TrafficFlowObserved',
  dateObserved: '2025-03-01T08:59:30Z',
  refDevice: 'cam-suwon-02',
  vehiclePlateIdentifier: '서울12가3456',
  confidence: 0.6,
};

describe('cameraReadFromNgsiLd', () => {
  it('maps the normalised form', () => {
    expect(cameraReadFromNgsiLd(normalized)).toEqual({
      ok: true,
      read: {
        readId: 'urn:ngsi-ld:AnprFlowObserved:suwon-01-000042',
        cameraId: 'cam-suwon-01',
        capturedAt: '2025-03-01T17:59:30+09:00',
        candidates: [{ text: '123가 4567', confidence: 0.87 }],
      },
    });
  });

  it('maps the key-values form', () => {
    expect(cameraReadFromNgsiLd(keyValues)).toEqual({
      ok: true,
      read: {
        readId: 'urn:ngsi-ld:TrafficFlowObserved:suwon-02-7',
        cameraId: 'cam-suwon-02',
        capturedAt: '2025-03-01T08:59:30Z',
        candidates: [{ text: '서울12가3456', confidence: 0.6 }],
      },
    });
  });

  it('marks a confidence the sender did not state', () => {
    const result = cameraReadFromNgsiLd({ ...keyValues, confidence: undefined });
    expect(result.ok && result.read.candidates[0]?.confidence).toBe(unstatedConfidence);
  });

  it('yields reads that pass batch validation', () => {
    const reads = [normalized, keyValues].map(cameraReadFromNgsiLd).flatMap((r) => (r.ok ? [r.read] : []));
    const result = validateReadBatch(reads, defaultReadValidationPolicy, () => true, Date.parse('2025-03-01T09:00:00Z'));
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => r.candidates[0]?.text)).toEqual(['123가4567', '서울12가3456']);
  });

  it.each([
    ['not an object', 'AnprFlowObserved', 'entity'],
    ['an array', [normalized], 'entity'],
    ['another entity type', { ...keyValues, type: 'Vehicle' }, 'type'],
    ['no id', { ...keyValues, id: undefined }, 'id'],
    ['no dateObserved', { ...keyValues, dateObserved: undefined }, 'dateObserved'],
    ['a numeric dateObserved', { ...keyValues, dateObserved: 1740819570000 }, 'dateObserved'],
    ['a dateObserved without offset', { ...keyValues, dateObserved: '2025-03-01T08:59:30' }, 'dateObserved'],
    ['a refDevice that is an object without object', { ...keyValues, refDevice: { type: 'Relationship' } }, 'refDevice'],
    ['no plate', { ...keyValues, vehiclePlateIdentifier: undefined }, 'licensePlate'],
    ['a plate as a number', { ...keyValues, vehiclePlateIdentifier: 1234 }, 'licensePlate'],
    ['an injection in the id', { ...keyValues, id: "urn:ngsi-ld:X:'; DROP TABLE reads; --" }, 'id'],
    ['a confidence as text', { ...keyValues, confidence: 'high' }, 'licensePlate'],
  ])('refuses %s as DS_READ_MALFORMED naming %s', (_name, entity, field) => {
    const result = cameraReadFromNgsiLd(entity);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('DS_READ_MALFORMED');
    expect(result.problem.message.startsWith(`${field}:`)).toBe(true);
    expect(result.problem.message).not.toContain('DROP');
  });
});
