import { once } from 'node:events';
import { runProcess } from '../runtime/config.js';
import { devKeyPair, devSecret } from './services/dev-secrets.js';
import { hubServices } from './services/hub-services.js';
import { ensureEdgeBrokerAccounts } from './services/edge-broker-accounts.js';
import { demoMunicipalities } from '../runtime/endpoints/demo-edges.js';
import { pipelineEnvironment } from './services/pipeline-processes.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from './services/service-processes.js';
import { demoReplayService } from './services/demo-replay-service.js';
import { loadStackConfig } from '../runtime/endpoints/stack-config.js';
import { stackEndpoints } from '../runtime/endpoints/stack-endpoints.js';
import { allHealthy, stackDown, stackServers, stackStatus, stackUp } from './stack/stack.js';
import { withStackLock } from './stack/stack-lock.js';
import { formatReports } from './stack/stack-report.js';

const healthWatchIntervalMs = 30_000;

function hubEnvironment(): NodeJS.ProcessEnv {
  const historyKeys = devKeyPair('history-search-keys');
  return pipelineEnvironment(stackEndpoints(), {
    DS_DEV_IDENTITY: '1',
    DS_CCTV_HISTORY_SIGNING_JWK: historyKeys.privateJwk,
    DS_EDGE_HISTORY_PUBLIC_JWK: historyKeys.publicJwk,
    // The edge operator's token for the whole camera health list (.stack/identity/edge-operator-token).
    DS_EDGE_OPERATOR_TOKEN: devSecret('edge-operator-token'),
  });
}

async function startHub(env: NodeJS.ProcessEnv): Promise<RunningService[]> {
  const running: RunningService[] = [];
  try {
    for (const service of hubServices) {
      const started = spawnService(service, env);
      running.push(started);
      await waitForHealth(started);
    }
    return running;
  } catch (error) {
    await stopServices(running);
    throw error;
  }
}

const whereToLook = `
Dongseon is up.
  Operations console:       http://127.0.0.1:4000/console    (sign in as a sample user: live hits, decide, vehicle, search)
  GraphiQL (analysts):      http://127.0.0.1:4000/graphiql   (sign in as a sample user; purpose and case number for personal data)
  GraphQL endpoint:         http://127.0.0.1:4000/graphql
  Real-time alerts:         ws://127.0.0.1:4001/graphql      (graphql-ws, subscription alertRaised)
  Alerts in a terminal:     npm run alerts                   (as police-officer; --municipality suwon, --as <sample user>)
  A token for scripts:      npm run identity -- mint police-officer
  Edge nodes (camera reads): suwon http://127.0.0.1:8481/v1/reads · hwaseong :8482 · osan :8483
                            each camera with its credential (issueCameraCredential); camera health for the
                            operator: Bearer .stack/identity/edge-operator-token
                            MQTT dongseon/<municipality>/cameras/<cameraId>/reads on the stack's broker
  112 CAD test receiver:    http://127.0.0.1:18112/deliveries
  Live demo (digital twin):  a SUMO city (data/demo-city, Bologna's real morning hour as 수원·화성·오산) replayed into
                            the edges at DS_SIM_SPEED (10×); 112 registers its wanted vehicles, hits follow [sim-demo]
Press Ctrl-C to stop everything this command started.`;

async function main(): Promise<void> {
  const servers = stackServers(loadStackConfig());
  const reports = await withStackLock(() => stackUp(servers));
  const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);
  console.log(formatReports(reports));

  let env: NodeJS.ProcessEnv;
  let services: RunningService[] = [];
  try {
    env = hubEnvironment();
    // The edge nodes' broker accounts, before the nodes connect.
    await ensureEdgeBrokerAccounts(demoMunicipalities);
    services = await startHub(env);
  } catch (error) {
    await withStackLock(() => stackDown(servers, startedHere));
    throw error;
  }
  console.log(whereToLook);
  // The demo ends when its replay does; it is not a service whose exit stops the hub.
  const demo = spawnService(demoReplayService, env);

  const watch = setInterval(() => void reportUnhealthyServers(), healthWatchIntervalMs);
  async function reportUnhealthyServers(): Promise<void> {
    const current = await stackStatus(servers);
    if (!allHealthy(current)) console.error(`\n${formatReports(current)}`);
  }

  const signal = await Promise.race([
    once(process, 'SIGINT'),
    once(process, 'SIGTERM'),
    ...services.map((service) => once(service.child, 'exit').then(() => [`${service.service.name} exited`])),
  ]);
  clearInterval(watch);
  // A second Ctrl-C (npm forwards the terminal's, so one press arrives twice) must not cut the stop short and leave
  // the stack running.
  const stillStopping = (): void => console.log('still stopping; the stack goes down next');
  process.on('SIGINT', stillStopping);
  process.on('SIGTERM', stillStopping);
  console.log(`\n${String(signal[0] ?? 'signal')}; stopping the services and ${startedHere.join(', ') || 'nothing of the stack (it was already up)'}`);
  await stopServices([...services, demo]);
  console.log(formatReports(await withStackLock(() => stackDown(servers, startedHere))));
  process.exitCode = 0;
}

await runProcess(main);
