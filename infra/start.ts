import { once } from 'node:events';
import { runProcess } from '../runtime/config.js';
import { loadStackConfig } from './stack/config.js';
import { allHealthy, stackDown, stackServers, stackStatus, stackUp } from './stack/stack.js';
import { withStackLock } from './stack/stack-lock.js';
import { formatReports } from './stack/stack-report.js';

const healthWatchIntervalMs = 30_000;

async function main(): Promise<void> {
  const servers = stackServers(loadStackConfig());
  const reports = await withStackLock(() => stackUp(servers));
  const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);

  console.log(formatReports(reports));
  console.log(
    '\nThe stack is up. No Dongseon services exist yet beyond it (Redis, Neo4j, Mosquitto); the demo comes later.\n' +
      'Press Ctrl-C to stop what this command started.',
  );

  const watch = setInterval(() => void reportUnhealthyServers(), healthWatchIntervalMs);
  async function reportUnhealthyServers(): Promise<void> {
    const current = await stackStatus(servers);
    if (!allHealthy(current)) console.error(`\n${formatReports(current)}`);
  }

  const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  clearInterval(watch);
  console.log(`\n${String(signal[0] ?? 'signal')} received; stopping ${startedHere.join(', ') || 'nothing (the stack was already up)'}`);
  console.log(formatReports(await withStackLock(() => stackDown(servers, startedHere))));
  process.exitCode = 0;
}

await runProcess(main);
