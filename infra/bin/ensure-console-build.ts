import { ensureConsoleBuild } from '../console/console-build.js';

// Run by npm start and npm test: the gateway serves console/dist, and the browser tests open it.
await ensureConsoleBuild();
