import { parseArgs } from 'node:util';
import { runProcess } from '../runtime/config.js';
import { DongseonError } from '../domain/errors/index.js';
import { evaluateTracking, type TrackingEvaluation } from './evaluate-tracking.js';
import { loadScenario } from './tracking-scenario.js';

const usage = 'usage: npm run eval:tracking -- --scenario <dir built by sim build> [--json]';

function table(result: TrackingEvaluation): string {
  const row = (metric: string, model: unknown, baseline: unknown, ceiling: unknown = '-') => `  ${metric.padEnd(28)} ${String(model).padStart(8)} ${String(baseline).padStart(10)} ${String(ceiling).padStart(9)}`;
  const { route, next, intercept } = result;
  return [
    `scenario ${result.scenario}`,
    `split: ${result.split}`,
    `  ${'metric'.padEnd(28)} ${'model'.padStart(8)} ${'baseline'.padStart(10)} ${'ceiling'.padStart(9)}`,
    row(`route exact path (${route.gaps} gaps)`, route.exactPath, route.baselineExactPath, route.oracleExactPath),
    row('route edge F1 (length)', route.edgeF1, route.baselineEdgeF1),
    row(`next Acc@1 (${next.samples})`, next.acc1, next.baselineAcc1, next.oracleAcc1),
    row('next Acc@3', next.acc3, next.baselineAcc3),
    row('next MRR', next.mrr, next.baselineMrr),
    row(`ETA MAPE peak (${next.etaSamples.peak})`, next.etaMapePeak, next.baselineEtaMapePeak),
    row(`ETA MAPE off-peak (${next.etaSamples.offPeak})`, next.etaMapeOffPeak, next.baselineEtaMapeOffPeak),
    row(`ETA MAPE night (${next.etaSamples.night})`, next.etaMapeNight, next.baselineEtaMapeNight),
    row('ETA 80% coverage', next.coverage80, '-'),
    row(`intercept success@1 (${intercept.samples})`, intercept.success1, intercept.baselineSuccess1),
    row('intercept success@3', intercept.success3, intercept.baselineSuccess3, intercept.oracleSuccess),
    '  ceilings use the test set\'s own answers: route and Acc@1 its most frequent drive / next camera per camera pair',
    '  (an in-sample bound for any predictor of that context), interception whether any unit could be in time anywhere on the true drive',
    `  fitted: destination share ${result.parameters.destinationWeight}, concentrations ${result.parameters.order1Concentration}/${result.parameters.order2Concentration}, ETA spread ×${Math.round(result.parameters.etaSigmaScale * 100) / 100}`,
    `  counts ${JSON.stringify(result.counts)}; fit ${result.seconds.fit} s, evaluation ${result.seconds.evaluate} s`,
  ].join('\n');
}

async function main(): Promise<void> {
  let values: { scenario?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: { scenario: { type: 'string' }, json: { type: 'boolean' } }, strict: true }));
  } catch (error) {
    throw new DongseonError('DS_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (!values.scenario) throw new DongseonError('DS_INVALID_INPUT', `--scenario: required\n${usage}`);
  const result = evaluateTracking(await loadScenario(values.scenario));
  console.log(table(result));
  if (values.json) console.log(JSON.stringify(result));
}

await runProcess(main);
