/** The Dongseon processes `npm start` runs beside the stack, each from its own entry point, in start order. */
export interface HubService {
  readonly name: string;
  /** Entry point, relative to the repository root. */
  readonly entry: string;
  readonly port: number;
  /** Environment variable that sets the service's port. */
  readonly portVariable: string;
}

export const hubServices: readonly HubService[] = [
  { name: 'cctv', entry: 'subgraphs/cctv/main.ts', port: 4101, portVariable: 'DS_CCTV_PORT' },
  { name: 'police', entry: 'subgraphs/police/main.ts', port: 4102, portVariable: 'DS_POLICE_PORT' },
  { name: 'signals', entry: 'subgraphs/signals/main.ts', port: 4103, portVariable: 'DS_SIGNALS_PORT' },
  { name: 'moj', entry: 'subgraphs/moj/main.ts', port: 4104, portVariable: 'DS_MOJ_PORT' },
  { name: 'tracking', entry: 'subgraphs/tracking/main.ts', port: 4105, portVariable: 'DS_TRACKING_PORT' },
  { name: 'civic', entry: 'subgraphs/civic/main.ts', port: 4106, portVariable: 'DS_CIVIC_PORT' },
  { name: 'gateway', entry: 'gateway/main.ts', port: 4000, portVariable: 'DS_GATEWAY_PORT' },
];

export const healthUrlOf = (service: HubService): string => `http://127.0.0.1:${service.port}/health`;
