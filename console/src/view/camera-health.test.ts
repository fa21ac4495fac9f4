import { describe, expect, it } from 'vitest';
import { cameraHealth, healthColours, healthOrder, silenceAfterMs } from './camera-health.js';

const now = Date.parse('2026-11-24T08:00:00Z');

describe('camera health', () => {
  it.each([
    [{ status: 'ONLINE' }, 'online'],
    [{ status: 'ONLINE', lastHeartbeatAt: null }, 'online'],
    [{ status: 'ONLINE', lastHeartbeatAt: new Date(now - 60_000).toISOString() }, 'online'],
    [{ status: 'ONLINE', lastHeartbeatAt: new Date(now - silenceAfterMs - 1).toISOString() }, 'silent'],
    [{ status: 'DEGRADED', lastHeartbeatAt: new Date(now - silenceAfterMs - 1).toISOString() }, 'silent'],
    [{ status: 'DEGRADED' }, 'degraded'],
    [{ status: 'OFFLINE', lastHeartbeatAt: new Date(now).toISOString() }, 'offline'],
    [{ status: 'DECOMMISSIONED' }, 'decommissioned'],
  ] as const)('%j is %s', (camera, health) => {
    expect(cameraHealth(camera, now)).toBe(health);
  });

  it('gives every health its own colour', () => {
    expect(new Set(healthOrder.map((health) => healthColours[health])).size).toBe(healthOrder.length);
  });
});
