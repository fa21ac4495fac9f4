import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { allHealthy, stackServers, stackStatus, stackUp } from './stack.js';
import { withStackLock } from './stack-lock.js';

const servers = stackServers(loadStackConfig());

describe('the stack', () => {
  it('leaves running servers alone when brought up again', async () => {
    const first = await withStackLock(() => stackUp(servers));
    const second = await withStackLock(() => stackUp(servers));
    for (const report of second) {
      expect(report.state).toBe(report.location === 'local' ? 'already running' : 'external');
      expect(report.health).toBe('healthy');
    }
    expect(second.map((report) => report.pid)).toEqual(first.map((report) => report.pid));
  });

  it('reports every server healthy, with where it runs and its pid', async () => {
    const reports = await stackStatus(servers);
    expect(reports.map((report) => report.name)).toEqual(['redis', 'neo4j', 'mosquitto']);
    expect(allHealthy(reports)).toBe(true);
    for (const report of reports.filter((each) => each.location === 'local')) {
      expect(report.pid).toBeGreaterThan(0);
      expect(report.endpoint).toMatch(/127\.0\.0\.1/);
    }
  });
});
