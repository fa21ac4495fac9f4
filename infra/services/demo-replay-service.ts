import type { HubService } from './hub-services.js';

/** The demo replay as `npm start` runs it beside the hub: registers the demo city's wanted vehicles, then replays it. */
export const demoReplayService: HubService = { name: 'sim-demo', entry: 'sim/demo/main.ts', env: {} };
