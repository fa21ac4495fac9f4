import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';
import { findExecutable } from '../../runtime/processes/executables.js';
import { ensureDebianPackage } from '../stack/apt.js';

/**
 * Software WebGL: SwiftShader through ANGLE, so MapLibre draws on a machine without a GPU, and the same way on one
 * with a GPU. Chromium is deprecating its automatic fallback to SwiftShader for WebGL ("unsafe": shader code runs on
 * the CPU, fine for our own pages), so the tests ask for it by name.
 */
export const softwareWebglArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'] as const;

/** Where browser tests leave screenshots: git-ignored, kept between runs for a person to look at. */
export const browserArtefactsDir = fileURLToPath(new URL('../../.artefacts/browser/', import.meta.url));

/**
 * Debian's chromium, installed with apt-get when it is missing (the way the stack installs Redis and Mosquitto).
 * Playwright's own browser download is never used: playwright-core drives this binary over CDP.
 */
export async function ensureChromium(): Promise<string> {
  return findExecutable('chromium') ?? await ensureDebianPackage('chromium', 'chromium');
}

export interface ChromiumOptions {
  /** Extra environment for the browser process, e.g. FONTCONFIG_FILE to imitate a machine without Hangul fonts. */
  readonly env?: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
}

/** Headless Debian chromium with software WebGL; close it with `await using` or `browser.close()`. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Browser & AsyncDisposable> {
  const launch: LaunchOptions = {
    executablePath: await ensureChromium(),
    headless: true,
    // playwright-core adds --no-sandbox (chromiumSandbox is off by default): the tests run as root in containers.
    args: [...softwareWebglArgs, ...(options.args ?? [])],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  };
  const browser = await chromium.launch(launch);
  return Object.assign(browser, { [Symbol.asyncDispose]: () => browser.close() });
}

/** Saves a full-page screenshot as `<name>.png` under the artefacts folder and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(browserArtefactsDir, { recursive: true });
  const file = join(browserArtefactsDir, `${name}.png`);
  await writeFile(file, await page.screenshot({ fullPage: true }));
  return file;
}

/**
 * The environment of a browser on a machine without Korean fonts (most analysts' laptops outside Korea, a bare
 * Linux box): fontconfig sees only Latin families, so Hangul the page does not bring itself shows as boxes.
 */
export async function latinOnlyFontEnv(): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'dongseon-fontconfig-'));
  const file = join(dir, 'fonts.conf');
  await writeFile(file, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <dir>/usr/share/fonts/truetype/liberation</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`);
  return { FONTCONFIG_FILE: file };
}
