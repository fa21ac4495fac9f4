import { describe, expect, it } from 'vitest';
import { exactlyOnceViolations, type PipelineLedger, type PipelineOutcome } from './exactly-once.js';

const pass = { wantedVehicleId: 'wv-1', municipality: 'suwon', cameraId: 'cam-1', readIds: ['r-1', 'r-2'] };
const ledger: PipelineLedger = { acknowledged: new Map([['r-1', 'suwon'], ['r-2', 'suwon'], ['r-3', 'suwon']]), passes: [pass] };
const at = { wantedVehicleId: 'wv-1', cameraId: 'cam-1' };
const hitId = 'suwon:r-1:wv-1';

const kept: PipelineOutcome = {
  storedReads: new Map([['r-1', 1], ['r-2', 1], ['r-3', 1]]),
  policeHits: [{ id: hitId, ...at, status: 'PENDING' }],
  sightings: [{ id: hitId, ...at }],
  channelAlerts: [{ id: hitId, ...at }],
  cadDeliveries: [{ deliveryId: hitId, id: hitId, ...at }],
  unfinishedJobs: [],
};

describe('exactlyOnceViolations', () => {
  it('finds none when every read is stored once and the pass is one hit, sighting, alert and delivery', () => {
    expect(exactlyOnceViolations(ledger, kept)).toEqual([]);
  });

  it('takes an alert repeated on the channel under its own id as once: subscribers key alerts by id', () => {
    expect(exactlyOnceViolations(ledger, { ...kept, channelAlerts: [...kept.channelAlerts, ...kept.channelAlerts] })).toEqual([]);
  });

  it('names each lost or doubled read, each pass alerted twice, and whatever no read asked for', () => {
    const second = 'suwon:r-2:wv-1';
    expect(exactlyOnceViolations(ledger, {
      ...kept,
      storedReads: new Map([['r-1', 1], ['r-2', 2]]),
      cadDeliveries: [...kept.cadDeliveries, { deliveryId: second, id: second, ...at }, { deliveryId: 'x', id: 'x', wantedVehicleId: 'wv-9', cameraId: 'cam-1' }],
      unfinishedJobs: ['ds-region-hits: 1 jobs failed'],
    })).toEqual([
      'read r-2 stored 2 times',
      'read r-3 stored 0 times',
      `pass wv-1@cam-1: 2 CAD deliveries (${hitId}, ${second})`,
      'CAD deliveries for wv-9@cam-1, which no read passed',
      'ds-region-hits: 1 jobs failed',
    ]);
  });

  it('requires the alert to carry the id of the pass\'s police hit', () => {
    const other = 'suwon:r-2:wv-1';
    expect(exactlyOnceViolations(ledger, { ...kept, channelAlerts: [{ id: other, ...at }] }))
      .toEqual([`pass wv-1@cam-1: channel alerts ${other} is not its police hit ${hitId}`]);
  });
});
