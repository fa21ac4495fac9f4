import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { stallRecoveryOf, stallRecoveryVariables } from './stall-recovery.js';

const schema = z.object(stallRecoveryVariables);

describe('stall recovery settings', () => {
  it("default to BullMQ's 30 s lock and 30 s stalled check", () => {
    expect(stallRecoveryOf(loadConfig('worker', schema, {}))).toEqual({ lockDuration: 30_000, stalledInterval: 30_000 });
  });

  it('take shorter values for tests that kill workers', () => {
    const config = loadConfig('worker', schema, { DS_QUEUE_LOCK_DURATION_MS: '4000', DS_QUEUE_STALLED_INTERVAL_MS: '1000' });
    expect(stallRecoveryOf(config)).toEqual({ lockDuration: 4_000, stalledInterval: 1_000 });
  });

  it('refuse a lock too short to be renewed in time, and name the variable', () => {
    expect(() => loadConfig('worker', schema, { DS_QUEUE_LOCK_DURATION_MS: '200' })).toThrow(/DS_QUEUE_LOCK_DURATION_MS/);
    expect(() => loadConfig('worker', schema, { DS_QUEUE_STALLED_INTERVAL_MS: 'soon' })).toThrow(/DS_QUEUE_STALLED_INTERVAL_MS/);
  });
});
