import { runProcess } from '../../runtime/config.js';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { allHealthy, stackDown, stackServers, stackStatus, stackUp } from './stack.js';
import { withStackLock } from './stack-lock.js';
import { formatReports } from './stack-report.js';

const usage = 'usage: npm run stack -- up|down|status';

async function main(): Promise<void> {
  const command = process.argv[2];
  const servers = stackServers(loadStackConfig());
  const startedAt = Date.now();
  switch (command) {
    case 'up': {
      console.log(formatReports(await withStackLock(() => stackUp(servers))));
      console.log(`stack is up (${((Date.now() - startedAt) / 1000).toFixed(1)} s)`);
      return;
    }
    case 'down': {
      console.log(formatReports(await withStackLock(() => stackDown(servers))));
      return;
    }
    case 'status': {
      const reports = await stackStatus(servers);
      console.log(formatReports(reports));
      if (!allHealthy(reports)) process.exitCode = 1;
      return;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

await runProcess(main);
