import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StaticResource } from './graphiql-page.js';

export const consolePath = '/console';

/** Where `npm run console:build` writes the operations console (git-ignored). */
export const consoleDistDir = fileURLToPath(new URL('../../console/dist/', import.meta.url));

export interface ConsoleOptions {
  /** ws://… of the real-time endpoint: the page may connect there and nowhere else but this origin. */
  readonly realtimeUrl: string;
  /** The dev sign-in endpoint; absent, the console offers no sign-in. */
  readonly devTokenPath?: string;
  readonly devUsers: readonly { readonly name: string; readonly label: string }[];
  /** The built console; consoleDistDir unless a test points elsewhere. */
  readonly distDir?: string;
  /** The Hangul font served at /console/fonts/hangul.ttf; consoleHangulFont unless a test points elsewhere. */
  readonly hangulFontFile?: string;
}

/**
 * The console's Hangul font, for browsers on machines without a Korean font (its labels are HTML, not map glyphs):
 * Debian's fonts-nanum, read from the gateway's machine; missing, the console falls back to the browser's fonts.
 * NanumBarunGothic: chromium's font sanitiser refuses fonts-nanum's NanumGothic.ttf (a network error on load).
 */
export const consoleHangulFont = '/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
};

/**
 * The console is a client like any other: the gateway only serves its files. Scripts, styles, images, fonts and
 * MapLibre's worker come from this origin alone; it connects to this origin (GraphQL, dev sign-in) and to the
 * real-time endpoint, nothing else; no CDN and no tile server.
 */
export function consoleContentSecurityPolicy(realtimeUrl: string): string {
  const realtimeOrigin = new URL(realtimeUrl).origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
    `connect-src 'self' ${realtimeOrigin}`, "worker-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The console's files by URL path, read once at start-up; undefined when the console has not been built. */
export function consoleResources(options: ConsoleOptions): ReadonlyMap<string, StaticResource> | undefined {
  const distDir = options.distDir ?? consoleDistDir;
  if (!existsSync(join(distDir, 'index.html'))) return undefined;
  const policy = consoleContentSecurityPolicy(options.realtimeUrl);
  const resources = new Map<string, StaticResource>();
  for (const file of filesUnder(distDir)) {
    const urlPath = `${consolePath}/${relative(distDir, file).split(sep).join('/')}`;
    // Vite names its bundles by content hash: they never change under their name.
    const immutable = urlPath.startsWith(`${consolePath}/assets/`);
    resources.set(urlPath, {
      contentType: contentTypes[extname(file)] ?? 'application/octet-stream',
      body: readFileSync(file),
      headers: { 'content-security-policy': policy, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-store' },
    });
  }
  const page = resources.get(`${consolePath}/index.html`);
  if (page) {
    resources.set(consolePath, page);
    resources.set(`${consolePath}/`, page);
  }
  const fontFile = options.hangulFontFile ?? consoleHangulFont;
  if (existsSync(fontFile)) {
    resources.set(`${consolePath}/fonts/hangul.ttf`, { contentType: 'font/ttf', body: readFileSync(fontFile), headers: { 'cache-control': 'public, max-age=3600' } });
  } else {
    console.error(`console: ${fontFile} is missing (Debian package fonts-nanum); Hangul falls back to the browser's own fonts`);
  }
  const config = { realtimeUrl: options.realtimeUrl, devTokenPath: options.devTokenPath ?? null, devUsers: options.devUsers };
  resources.set(`${consolePath}/config.json`, {
    contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(config)), headers: { 'cache-control': 'no-store' },
  });
  return resources;
}
