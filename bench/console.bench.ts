import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { launchChromium, saveScreenshot } from '../infra/browser/chromium.js';
import { startConsoleStack } from '../infra/browser/console-stack.js';
import { ensureConsoleBuild } from '../infra/console/console-build.js';
import { stackEndpoints } from '../runtime/endpoints/stack-endpoints.js';
import { numericArgument, round, type Benchmark } from './benchmark.js';
import { createCleanup } from './cleanup.js';
import { percentile } from './load/latency-summary.js';

const demoCityRegistry = join(import.meta.dirname, '../data/demo-city/camera-registry.json');
const statuses = ['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'DEGRADED', 'OFFLINE'] as const;

/**
 * `count` cameras spread over the demo city's extent (its own cameras' bounding box, widened by half), for the
 * console's camera layer: the graph holds only the demo's few dozen, and `cameras(first:)` stops at 400.
 */
async function syntheticCameras(count: number) {
  const registry = JSON.parse(await readFile(demoCityRegistry, 'utf8')) as { cameras: { position: { latitude: number; longitude: number }; municipalityId: string }[] };
  const lats = registry.cameras.map((camera) => camera.position.latitude);
  const lons = registry.cameras.map((camera) => camera.position.longitude);
  const [south, north, west, east] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
  const widen = (low: number, high: number, t: number) => low - (high - low) / 4 + (t * (high - low) * 3) / 2;
  const heartbeat = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    // The R2 low-discrepancy sequence: deterministic, evenly spread, no RNG.
    const u = (0.5 + i * 0.754_877_666_246_692_7) % 1;
    const v = (0.5 + i * 0.569_840_290_998_053_2) % 1;
    return {
      id: `bench-cam-${i}`, name: `bench camera ${i}`, anprCapable: i % 3 !== 0, status: statuses[i % statuses.length], lastHeartbeatAt: heartbeat,
      position: { latitude: widen(south, north, u), longitude: widen(west, east, v) },
      municipality: { id: 'suwon', name: '수원시' },
    };
  });
}

/** Frames the page draws while the map is dragged back and forth for `seconds`: rate and frame times. */
async function framesWhileDragging(page: Page, seconds: number): Promise<{ fps: number; frameP50Ms: number; frameP95Ms: number; frames: number }> {
  const box = await page.getByTestId('map').boundingBox();
  if (!box) throw new Error('the map has no box');
  await page.evaluate(`(() => {
    window.__dsFrames = [];
    const tick = (time) => { window.__dsFrames.push(time); if (!window.__dsFramesStop) requestAnimationFrame(tick); };
    window.__dsFramesStop = false;
    requestAnimationFrame(tick);
  })()`);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const end = Date.now() + seconds * 1000;
  let direction = 1;
  while (Date.now() < end) {
    await page.mouse.move(centre.x - direction * 200, centre.y - direction * 100);
    await page.mouse.down();
    await page.mouse.move(centre.x + direction * 200, centre.y + direction * 100, { steps: 20 });
    await page.mouse.up();
    direction = -direction;
  }
  const times = (await page.evaluate('(() => { window.__dsFramesStop = true; return window.__dsFrames; })()')) as number[];
  const gaps = times.slice(1).map((time, i) => time - (times[i] as number)).sort((a, b) => a - b);
  const spanMs = (times.at(-1) as number) - (times[0] as number);
  return { fps: round(((times.length - 1) * 1000) / spanMs, 1), frameP50Ms: round(percentile(gaps, 50), 1), frameP95Ms: round(percentile(gaps, 95), 1), frames: times.length };
}

export const consoleBenchmark: Benchmark = {
  name: 'console',
  description: 'the operations console in headless chromium (software WebGL) with N cameras on the map: frame rate while panning, cold first paint',
  needs: ['redis', 'neo4j', 'mosquitto'],
  oneCore: false,
  quickArgs: ['--cameras', '500', '--seconds', '2'],
  async run(args) {
    const cameraCount = numericArgument(args, 'cameras', 5_000);
    const seconds = numericArgument(args, 'seconds', 10);
    console.log(`console: ${cameraCount} cameras, ${seconds} s of panning, 1920x1080, Debian chromium headless with SwiftShader WebGL (CPU)`);
    const cleanup = createCleanup();
    try {
      await ensureConsoleBuild();
      const stack = await startConsoleStack(stackEndpoints());
      cleanup.defer('stopping the console stack', () => stack.stop());
      const browser = await launchChromium();
      cleanup.defer('closing chromium', () => browser.close());
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'ko-KR' });
      const page = await context.newPage();
      const cameras = await syntheticCameras(cameraCount);
      // The camera list is answered here; every other request goes to the gateway as usual.
      await page.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string } | null;
        if (body?.operationName === 'ConsoleCameras') return route.fulfill({ json: { data: { cameras } } });
        return route.continue();
      });
      await page.goto(`${stack.gatewayOrigin}/console/`);
      await page.getByTestId('sign-in-form').waitFor({ timeout: 30_000 });
      // Polled: the console's CSP (no 'unsafe-eval') rules out page.waitForFunction.
      for (let waited = 0; !(await page.evaluate(`performance.getEntriesByType('paint').length > 1`)) && waited < 10_000; waited += 50) await sleep(50);
      const paint = (await page.evaluate(`performance.getEntriesByType('paint').map((entry) => [entry.name, Math.round(entry.startTime)])`)) as [string, number][];
      await page.getByTestId('sign-in-user').selectOption('police-officer');
      await page.getByTestId('sign-in-purpose').fill('콘솔 성능 측정');
      await page.getByTestId('sign-in-case-number').fill('BENCH-CONSOLE');
      const signInAt = Date.now();
      await page.getByTestId('sign-in-submit').click();
      await page.locator('[data-testid="map"][data-map-loaded="true"]').waitFor({ timeout: 120_000 });
      // The legend counts the cameras on the map by health.
      const legend = page.locator('.ds-legend');
      const counted = async () => [...(await legend.innerText()).matchAll(/\((\d+)\)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
      for (let waited = 0; (await counted()) !== cameraCount; waited += 100) {
        if (waited > 60_000) throw new Error(`the console counts ${await counted()} cameras, not ${cameraCount}`);
        await sleep(100);
      }
      const shown = await counted();
      const mapReadyMs = Date.now() - signInAt;
      await sleep(1_000);
      const panning = await framesWhileDragging(page, seconds);
      await saveScreenshot(page, `console-bench-${cameraCount}-cameras`);
      const firstContentfulPaintMs = paint.find(([name]) => name === 'first-contentful-paint')?.[1] ?? null;
      console.log(`cold load: first contentful paint ${firstContentfulPaintMs} ms; signed in → map with ${shown} cameras: ${mapReadyMs} ms`);
      console.log(`panning: ${panning.fps} frames/s over ${panning.frames} frames, frame time p50 ${panning.frameP50Ms} ms, p95 ${panning.frameP95Ms} ms`);
      return { cameras: shown, seconds, fps: panning.fps, frameP50Ms: panning.frameP50Ms, frameP95Ms: panning.frameP95Ms, firstContentfulPaintMs, mapReadyMs };
    } finally {
      await cleanup.run();
    }
  },
};
