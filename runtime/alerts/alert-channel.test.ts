import { describe, expect, it } from 'vitest';
import { parseAlertEvent, type AlertEvent } from './alert-channel.js';

const alert: AlertEvent = {
  id: 'hit-1', wantedVehicleId: 'wv-7', cameraId: 'cam-seoul-12', municipalityId: 'seoul',
  capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'EXACT', priority: 80,
};

describe('the alert channel', () => {
  it('reads back what the pipeline publishes', () => {
    expect(parseAlertEvent(JSON.stringify(alert))).toEqual(alert);
  });

  it.each([
    ['not JSON', '{'],
    ['a plate smuggled in', JSON.stringify({ ...alert, plate: '12가3456' })],
    ['a capture time without offset', JSON.stringify({ ...alert, capturedAt: '2026-11-25 09:00' })],
    ['a priority out of range', JSON.stringify({ ...alert, priority: 101 })],
    ['an unknown match kind', JSON.stringify({ ...alert, matchKind: 'MAYBE' })],
  ])('ignores %s', (_, message) => {
    expect(parseAlertEvent(message)).toBeUndefined();
  });
});
