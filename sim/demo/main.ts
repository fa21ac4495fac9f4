import { z } from 'zod';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { demoCityDir } from '../build/demo-city.js';
import { defaultRunId, parseReplayArguments } from '../replay/replay-arguments.js';
import { loadScenario } from '../scenario.js';
import { loadSimConfig } from '../sim-config.js';
import { runDemo } from './run-demo.js';

/** The demo `npm start` runs once the hub is up: the committed demo city, replayed at DS_SIM_SPEED. */
await runProcess(async () => {
  const { DS_SIM_SPEED, DS_SIM_SCENARIO } = loadConfig('sim demo', z.object({
    DS_SIM_SPEED: z.coerce.number().positive().max(100_000).default(10),
    DS_SIM_SCENARIO: z.string().min(1).default(demoCityDir),
  }));
  const args = parseReplayArguments([DS_SIM_SCENARIO, '--speed', String(DS_SIM_SPEED), '--run-id', defaultRunId()]);
  await runDemo(await loadScenario(args.dir), args, loadSimConfig(), (line) => console.log(line));
});
