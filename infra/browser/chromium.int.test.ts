import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findExecutable } from '../../runtime/processes/executables.js';
import { launchChromium } from './chromium.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

describe('the browser of the browser tests', () => {
  it("is Debian's chromium, headless", async () => {
    expect(findExecutable('chromium')).toBeDefined();
    expect(Number(browser.version().split('.')[0])).toBeGreaterThan(100);
  });

  it('draws WebGL 2 in software (SwiftShader), as MapLibre needs on a machine without a GPU', async () => {
    const page = await browser.newPage();
    const webgl = await page.evaluate(`(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return null;
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return { renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER) };
    })()`) as { renderer: string } | null;
    expect(webgl?.renderer).toMatch(/SwiftShader/i);
    await page.close();
  });
});
