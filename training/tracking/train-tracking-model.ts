import { parseArgs } from 'node:util';
import { DongseonError } from '../../domain/errors/index.js';
import { fitTrackingModel } from '../../domain/tracking/index.js';
import { trainingDataOf, loadScenario } from '../../eval/tracking-scenario.js';
import { writeJsonFile } from '../../sim/scenario-files.js';
import { runProcess } from '../../runtime/config.js';

const usage = 'usage: npm run train:tracking -- --scenario <dir built by sim build> --out <model.json>';

/**
 * Fits the tracking model the subgraph serves on every vehicle and hour of a scenario: its sighting sequences (reads
 * within one confusion, as hits are) and their camera-to-camera aggregates; never its ground truth.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { scenario: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.scenario || !values.out) throw new DongseonError('DS_INVALID_INPUT', usage);
  const scenario = await loadScenario(values.scenario);
  const data = trainingDataOf(scenario, scenario.vehicles);
  const file = fitTrackingModel(data, {
    utcOffsetMinutes: scenario.utcOffsetMinutes, scenario: values.scenario,
    split: 'all vehicles and hours of the scenario (the served model; eval:tracking measures on held-out ones)',
  });
  await writeJsonFile(values.out, file);
  console.log(`wrote ${values.out}: ${data.sequences.length} sighting sequences, ${data.cells.length} aggregate cells`);
}

await runProcess(main);
