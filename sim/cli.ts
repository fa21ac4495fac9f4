import { DongseonError } from '../domain/errors/index.js';
import { runProcess } from '../runtime/config.js';
import { buildUsage, parseBuildArguments } from './build/build-arguments.js';
import { buildScenario, type BuildOptions } from './build/build-scenario.js';
import { demoCityBuild, demoCityDir } from './build/demo-city.js';
import { runDemo } from './demo/run-demo.js';
import { parseReplayArguments, replayUsage } from './replay/replay-arguments.js';
import { runReplay } from './replay/run-replay.js';
import { loadScenario } from './scenario.js';
import { loadSimConfig } from './sim-config.js';
import { ensureSumo } from './sumo/sumo-installation.js';

const usage = `usage: npm run sim -- <command>
  install       install SUMO (Debian sumo, sumo-tools) when it is missing
  build         build a scenario from any SUMO network (build --help)
  build-demo    rebuild the committed demo city in data/demo-city
  replay <dir>  stream a scenario's reads into the edge nodes (replay --help)
  demo [dir]    register the scenario's wanted vehicles with the police, then replay it (default: the demo city)`;

async function build(options: Omit<BuildOptions, 'log'>): Promise<void> {
  const { manifest, seconds } = await buildScenario({ ...options, log: (line) => console.log(`sim build: ${line}`) });
  console.log(`sim build: ${options.out}: ${JSON.stringify(manifest.counts)}; built in ${seconds.total} s (SUMO ${seconds.sumo} s)`);
}

await runProcess(async () => {
  const [command, ...args] = process.argv.slice(2);
  const log = (line: string) => console.log(`sim: ${line}`);
  switch (command) {
    case 'install': {
      const sumo = await ensureSumo();
      console.log(`SUMO ${sumo.version}: ${sumo.sumo}; tools ${sumo.randomTrips}`);
      return;
    }
    case 'build':
      if (args.includes('--help')) return console.log(buildUsage);
      return build(parseBuildArguments(args));
    case 'build-demo':
      return build(demoCityBuild);
    case 'replay': {
      if (args.includes('--help')) return console.log(replayUsage);
      const replay = parseReplayArguments(args);
      await runReplay(await loadScenario(replay.dir), replay, loadSimConfig(), log);
      return;
    }
    case 'demo': {
      if (args.includes('--help')) return console.log(replayUsage.replace('replay <scenario dir>', 'demo [scenario dir]'));
      const withDir = args[0] === undefined || args[0].startsWith('--') ? [demoCityDir, ...args] : args;
      const replay = parseReplayArguments(withDir);
      await runDemo(await loadScenario(replay.dir), replay, loadSimConfig(), log);
      return;
    }
    default:
      throw new DongseonError('DS_INVALID_INPUT', usage);
  }
});
