import { DongseonError } from '../domain/errors/index.js';
import { runProcess } from '../runtime/config.js';
import { buildUsage, parseBuildArguments } from './build/build-arguments.js';
import { buildScenario } from './build/build-scenario.js';

const usage = `usage: npm run sim -- <command>
  build   build a scenario from a SUMO network (npm run sim -- build --help)
  replay  stream a scenario's reads into the edge nodes (npm run sim -- replay --help)
  demo    register the scenario's wanted vehicles with the police and replay it`;

await runProcess(async () => {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case 'build': {
      if (args.includes('--help')) {
        console.log(buildUsage);
        return;
      }
      const options = parseBuildArguments(args);
      const { manifest, seconds } = await buildScenario({ ...options, log: (line) => console.log(`sim build: ${line}`) });
      console.log(`sim build: ${options.out}: ${JSON.stringify(manifest.counts)}; built in ${seconds.total} s (SUMO ${seconds.sumo} s)`);
      return;
    }
    default:
      throw new DongseonError('DS_INVALID_INPUT', usage);
  }
});
