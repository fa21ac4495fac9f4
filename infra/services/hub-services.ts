import { edgeBrokerEnvironment } from './edge-broker-accounts.js';
import { demoMunicipalities, edgePortOf, type DemoMunicipality } from '../../runtime/endpoints/demo-edges.js';

/** The Dongseon processes `npm start` runs beside the stack, each from its own entry point, in start order. */
export interface HubService {
  readonly name: string;
  /** Entry point, relative to the repository root. */
  readonly entry: string;
  /** Its own environment on top of the hub's. */
  readonly env: Readonly<Record<string, string>>;
  /** Where it answers a health check; workers without HTTP count as up once they have run a moment without exiting. */
  readonly healthUrl?: string;
}

const subgraph = (name: string, port: number): HubService => ({
  name, entry: `subgraphs/${name}/main.ts`, env: { [`DS_${name.toUpperCase()}_PORT`]: String(port) }, healthUrl: `http://127.0.0.1:${port}/health`,
});

export const cadReceiverPort = 18112;

const edge = (municipality: DemoMunicipality): HubService => ({
  name: `edge-${municipality}`,
  entry: 'edge/main.ts',
  env: { DS_EDGE_MUNICIPALITY: municipality, DS_EDGE_PORT: String(edgePortOf(municipality)), ...edgeBrokerEnvironment(municipality) },
  healthUrl: `http://127.0.0.1:${edgePortOf(municipality)}/health`,
});

const worker = (name: string, entry: string, env: Record<string, string> = {}): HubService => ({ name, entry, env });

/** The cctv subgraph asks every demo edge node for the case-bound history search. */
const cctv = (): HubService => {
  const service = subgraph('cctv', 4101);
  const edgeUrls = Object.fromEntries(demoMunicipalities.map((municipality) => [municipality, `http://127.0.0.1:${edgePortOf(municipality)}`]));
  return { ...service, env: { ...service.env, DS_CCTV_EDGE_URLS: JSON.stringify(edgeUrls) } };
};

export const hubServices: readonly HubService[] = [
  cctv(),
  subgraph('police', 4102),
  subgraph('signals', 4103),
  subgraph('moj', 4104),
  subgraph('tracking', 4105),
  subgraph('civic', 4106),
  // Reads the gateway's audit log (DS_AUDIT_DIR, the same default): it may start first, the log need not exist yet.
  subgraph('audit', 4107),
  { name: 'gateway', entry: 'gateway/main.ts', env: { DS_GATEWAY_PORT: '4000' }, healthUrl: 'http://127.0.0.1:4000/health' },
  {
    name: 'cad-receiver', entry: 'infra/cad-receiver/main.ts', env: { DS_CAD_RECEIVER_PORT: String(cadReceiverPort) },
    healthUrl: `http://127.0.0.1:${cadReceiverPort}/deliveries`,
  },
  worker('alert-delivery', 'workers/alert-delivery/main.ts', { DS_CAD_WEBHOOK_URL: `http://127.0.0.1:${cadReceiverPort}/112/alerts` }),
  worker('graph-writer', 'workers/graph-writer/main.ts'),
  worker('aggregate-writer', 'workers/aggregate-writer/main.ts'),
  ...demoMunicipalities.map(edge),
];
