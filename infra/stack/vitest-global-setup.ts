import type { TestProject } from 'vitest/node';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { stackEndpoints, type StackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { stackDown, stackServers, stackUp } from './stack.js';
import { withStackLock } from './stack-lock.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stackEndpoints: StackEndpoints;
  }
}

/**
 * Brings the stack up for the integration project and hands tests its endpoints (`inject('stackEndpoints')`).
 * At teardown it stops only the servers it started itself; a stack that was already up stays up.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = stackServers(loadStackConfig());
  const reports = await withStackLock(() => stackUp(servers));
  const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);
  project.provide('stackEndpoints', stackEndpoints());
  return async () => {
    await withStackLock(() => stackDown(servers, startedHere));
  };
}
