/** Where the console's build puts MapLibre's CSP worker, relative to /console/ (console/vite.config.ts). */
export const maplibreWorkerFile = 'maplibre/maplibre-gl-csp-worker.js';
