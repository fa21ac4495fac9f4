import { z } from 'zod';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { demoCityDir } from '../build/demo-city.js';
import { defaultRunId, parseReplayArguments } from '../replay/replay-arguments.js';
import { loadScenario } from '../scenario.js';
import { loadSimConfig } from '../sim-config.js';
import { runDemo } from './run-demo.js';

/** The demo `npm start` runs once the hub is up: the committed demo city, replayed at DS_SIM_SPEED. */
await runProcess(async () => {
  const { DS_SIM_SPEED, DS_SIM_SCENARIO, DS_SIM_FRAMES_SAMPLE, DS_SIM_MAX_FRAMES_PER_SECOND } = loadConfig('sim demo', z.object({
    DS_SIM_SPEED: z.coerce.number().positive().max(100_000).default(10),
    DS_SIM_SCENARIO: z.string().min(1).default(demoCityDir),
    /** Share of the CCTV cameras' passes (besides every wanted vehicle's) sent as rendered frames; 0 for none. */
    DS_SIM_FRAMES_SAMPLE: z.coerce.number().min(0).max(1).optional(),
    DS_SIM_MAX_FRAMES_PER_SECOND: z.coerce.number().positive().max(1_000).optional(),
  }));
  const args = parseReplayArguments([
    DS_SIM_SCENARIO, '--speed', String(DS_SIM_SPEED), '--run-id', defaultRunId(),
    ...(DS_SIM_FRAMES_SAMPLE === undefined ? [] : ['--frames-sample', String(DS_SIM_FRAMES_SAMPLE)]),
    ...(DS_SIM_MAX_FRAMES_PER_SECOND === undefined ? [] : ['--max-frames-per-second', String(DS_SIM_MAX_FRAMES_PER_SECOND)]),
  ]);
  // The patrol cars go on driving after the replay, for the console, until npm start stops the demo; a signal before
  // that ends the process at once, as it did before there were patrol cars.
  let patrolling = false;
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => (patrolling ? resolve() : process.exit(128 + (signal === 'SIGINT' ? 2 : 15))));
    }
  });
  const patrolUntil = () => {
    patrolling = true;
    return stopped;
  };
  await runDemo(await loadScenario(args.dir), args, loadSimConfig(), (line) => console.log(line), { patrolUntil });
});
