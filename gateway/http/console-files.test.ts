import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../create-gateway.js';
import { consoleContentSecurityPolicy, consoleResources } from './console-files.js';
import { gatewayRequestListener } from './gateway-http-server.js';

const dist = mkdtempSync(join(tmpdir(), 'ds-console-dist-'));
mkdirSync(join(dist, 'assets'));
mkdirSync(join(dist, 'basemap'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>동선</title><script type="module" src="/console/assets/index-abc.js"></script>');
writeFileSync(join(dist, 'assets/index-abc.js'), 'console.log(1)');
writeFileSync(join(dist, 'basemap/base-map.json'), '{"roads":{}}');
writeFileSync(join(dist, 'hangul.ttf'), 'not really a font');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const options = {
  realtimeUrl: 'ws://127.0.0.1:4001/graphql', devTokenPath: '/dev/token', devUsers: [{ name: 'police-officer', label: 'police-officer (police)' }], distDir: dist,
  hangulFontFile: join(dist, 'hangul.ttf'),
};

describe('the operations console, as the gateway serves it', () => {
  it('is not served when it has not been built', () => {
    expect(consoleResources({ ...options, distDir: join(dist, 'nowhere') })).toBeUndefined();
  });

  it('lets the page load from this origin only and connect to it and to the real-time endpoint', () => {
    const policy = consoleContentSecurityPolicy(options.realtimeUrl);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:4001");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/unsafe|https?:/);
  });

  it('serves its page, assets, base map and config over the gateway\'s HTTP adapter', async () => {
    const resources = consoleResources(options);
    const server = createServer(gatewayRequestListener({ gateway: {} as Gateway, bodyLimitBytes: 1024, ...(resources ? { console: resources } : {}) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const path of ['/console', '/console/', '/console/index.html']) {
        const page = await fetch(`${origin}${path}`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(page.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy(options.realtimeUrl));
        expect(await page.text()).toContain('동선');
      }
      const asset = await fetch(`${origin}/console/assets/index-abc.js`);
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await (await fetch(`${origin}/console/basemap/base-map.json`)).json()).toEqual({ roads: {} });
      const font = await fetch(`${origin}/console/fonts/hangul.ttf`);
      expect(font.headers.get('content-type')).toBe('font/ttf');
      expect(await font.text()).toBe('not really a font');
      expect(await (await fetch(`${origin}/console/config.json`)).json()).toEqual({
        realtimeUrl: options.realtimeUrl, devTokenPath: '/dev/token', devUsers: options.devUsers,
      });
      const missing = await fetch(`${origin}/console/nothing.js`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('DS_NOT_FOUND');
      expect((await fetch(`${origin}/console/index.html`, { method: 'POST' })).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
