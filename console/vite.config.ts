import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { deriveBaseMap, type MunicipalityInput, type RoadGraphInput } from './src/map/base-map-geojson.js';
import { maplibreWorkerFile } from './src/map/maplibre-worker-file.js';

const require = createRequire(import.meta.url);

/** The scenario `npm start` replays; its road graph is the console's base map. */
const scenarioDir = fileURLToPath(new URL('../data/demo-city/', import.meta.url));

/** Writes basemap/base-map.json (streets, municipality areas, junction positions) beside the app at build time. */
function baseMapPlugin(): Plugin {
  return {
    name: 'dongseon-base-map',
    generateBundle() {
      const graph = JSON.parse(readFileSync(`${scenarioDir}road-graph.json`, 'utf8')) as RoadGraphInput;
      const municipalities = JSON.parse(readFileSync(`${scenarioDir}municipalities.json`, 'utf8')) as MunicipalityInput[];
      this.emitFile({ type: 'asset', fileName: 'basemap/base-map.json', source: JSON.stringify(deriveBaseMap(graph, municipalities)) });
    },
  };
}

/**
 * MapLibre's CSP build: its worker is a file of this origin (src/map/map-view.tsx sets its URL), not a blob the
 * page makes from a string, so the policy needs no `blob:` worker source.
 */
function maplibreWorkerPlugin(): Plugin {
  return {
    name: 'dongseon-maplibre-worker',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: maplibreWorkerFile, source: readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl-csp-worker.js'), 'utf8') });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [baseMapPlugin(), maplibreWorkerPlugin()],
  resolve: { alias: [{ find: /^maplibre-gl$/, replacement: require.resolve('maplibre-gl/dist/maplibre-gl-csp.js') }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~800 kB minified; one chunk for the app is fine on loopback and a LAN.
    chunkSizeWarningLimit: 2_000,
    sourcemap: false,
  },
  // The browser tests and the gateway serve the build; no dev server is part of the project.
  clearScreen: false,
});
