import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { latinOnlyFontEnv, launchChromium, saveScreenshot } from '../../infra/browser/chromium.js';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { ensureDebianFiles } from '../../infra/stack/apt.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { hangulFont } from './graphiql-page.js';

// GraphiQL as an analyst meets it, in Debian's chromium on a machine without Korean fonts. Each test named after a
// complaint failed before the page was mended: it opened on a 401, on GraphiQL's welcome text, with Hangul as boxes.

interface GraphqlExchange {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

let browser: Browser;

beforeAll(async () => {
  await ensureDebianFiles([hangulFont.file], [hangulFont.debianPackage]);
  browser = await launchChromium({ env: await latinOnlyFontEnv() });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

/** A new analyst: a fresh browser profile (no stored tabs), every request to /graphql recorded. */
async function openGraphiql(hub: InProcessHub): Promise<{ page: Page; exchanges: GraphqlExchange[] }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'ko-KR' });
  const page = await context.newPage();
  const exchanges: GraphqlExchange[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/graphql') exchanges.push({ status: 0, body: request.postDataJSON() as Record<string, unknown> });
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/graphql') return;
    const pending = exchanges.find((exchange) => exchange.status === 0);
    if (pending) Object.assign(pending, { status: response.status() });
  });
  await page.goto(`${hub.gatewayOrigin}/graphiql`);
  return { page, exchanges };
}

const tabTitles = (page: Page) => page.locator('.graphiql-tab').allInnerTexts();

/** Opens the tab and runs its operation `title` (a document of several operations asks which). */
async function runTab(page: Page, title: string): Promise<string> {
  // The tab whose title is exactly `title`: 'PendingHits' is also part of 'ConsolePendingHits'.
  const index = (await tabTitles(page)).findIndex((text) => text.trim() === title);
  expect(index).toBeGreaterThanOrEqual(0);
  await page.locator('.graphiql-tab').nth(index).click();
  // Execute runs the editor's document: wait until the clicked tab is the one shown. Right after a switch GraphiQL
  // may still hold the previous tab's operation name (seen: CameraWithIntersection sent with PendingHits' hash, which
  // the gateway refuses with DS_OPERATION_NAME_UNKNOWN), so put the cursor in the operation to run, as a user does.
  await page.locator('.graphiql-tab').nth(index).and(page.locator('.graphiql-tab-active')).waitFor();
  await page.locator('.graphiql-query-editor .CodeMirror-line', { hasText: new RegExp(`^\\s*(query|mutation|subscription) ${title}\\b`) }).first().click();
  await page.locator('.graphiql-execute-button').click();
  // A document of several operations (PendingHits holds DecideHit too) first shows a menu of them, which can take
  // longer than any fixed wait on a busy machine: wait for the menu or the answer, whichever comes.
  const choice = page.getByRole('menuitem', { name: title, exact: true });
  const response = page.locator('.graphiql-response');
  const answered = response.locator('.CodeMirror-line', { hasText: '"data"' }).first();
  await choice.or(answered).first().waitFor();
  if (await choice.isVisible()) await choice.click();
  await answered.waitFor();
  return response.innerText();
}

/**
 * Draws two different Hangul syllables in an input's own font (its placeholder's): a font without Hangul draws the
 * same box twice. Runs in the page (a string: this project's TypeScript has no DOM types).
 */
function hangulDrawnAsBoxes(page: Page, selector: string): Promise<boolean> {
  return page.evaluate(`(async () => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const style = getComputedStyle(input);
    const font = style.fontSize + ' ' + style.fontFamily;
    await document.fonts.load(font, '도난');
    const pixels = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d');
      context.font = font;
      context.fillText(text, 8, 40);
      return Array.from(context.getImageData(0, 0, 64, 64).data).join(',');
    };
    return pixels('도') === pixels('난');
  })()`);
}

describe('GraphiQL in development (DS_DEV_IDENTITY on)', () => {
  let hub: InProcessHub;

  beforeAll(async () => {
    hub = await startInProcessHub({ endpoints: inject('stackEndpoints'), graphiql: true });
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('opens signed in as a sample user, and no request of the page is refused (it used to introspect first: a 401)', async () => {
    const { page, exchanges } = await openGraphiql(hub);
    await page.locator('.graphiql-container').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'graphiql-development');
    expect(exchanges.filter((exchange) => exchange.status >= 400)).toEqual([]);
    expect(await page.locator('body').innerText()).not.toMatch(/DS_AUTH_UNAUTHENTICATED|401|Error fetching schema/);
    await page.locator('.ds-status', { hasText: 'police-investigator' }).waitFor();
    await page.context().close();
  });

  it("opens on the project's operations as ready tabs, not GraphiQL's welcome text", async () => {
    const { page } = await openGraphiql(hub);
    await page.locator('.graphiql-container').waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.content()).not.toContain('Welcome to GraphiQL');
    expect(await tabTitles(page)).toEqual(expect.arrayContaining(['CameraWithIntersection', 'HitEvidence', 'PendingHits', 'WantedVehicleTrack', 'IssueCameraCredential']));
    await page.context().close();
  });

  it('runs a ready tab by its trusted hash, with purpose and case number in Hangul', async () => {
    const { page, exchanges } = await openGraphiql(hub);
    await page.locator('.ds-status', { hasText: 'police-investigator' }).waitFor({ timeout: 15_000 });
    await page.fill('#ds-purpose', '도난 차량 추적');
    await page.fill('#ds-case-number', '2026-경기남부-0142');
    const result = await runTab(page, 'PendingHits');
    expect(result).toContain('"hits"');
    expect(result).not.toContain('DS_');
    const sent = exchanges.at(-1)?.body;
    expect(sent).toMatchObject({ operationName: 'PendingHits', extensions: { persistedQuery: { sha256Hash: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
    expect(sent).not.toHaveProperty('query');
    await page.context().close();
  });

  it('shows the schema docs from the start', async () => {
    const { page } = await openGraphiql(hub);
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.waitFor({ timeout: 15_000 });
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('wantedVehicle', { exact: true }).first().waitFor();
    await page.context().close();
  });

  it('draws Hangul placeholders with the font it serves, not as boxes, on a machine without Korean fonts', async () => {
    const { page } = await openGraphiql(hub);
    await page.locator('#ds-purpose').waitFor();
    expect(await hangulDrawnAsBoxes(page, '#ds-purpose')).toBe(false);
    expect(await hangulDrawnAsBoxes(page, '#ds-case-number')).toBe(false);
    await page.context().close();
  });
});

describe('GraphiQL in production (DS_GRAPHIQL on)', () => {
  let hub: InProcessHub;

  beforeAll(async () => {
    hub = await startInProcessHub({ endpoints: inject('stackEndpoints'), graphiql: true, production: true });
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it("asks for the analyst's own token before GraphiQL asks anything, then runs the trusted documents they may run", async () => {
    const { page, exchanges } = await openGraphiql(hub);
    await page.getByText('Paste your access token').waitFor({ timeout: 15_000 });
    expect(exchanges).toEqual([]);
    await page.fill('#ds-token', await hub.tokenFor(sampleUsers['police-officer']));
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 15_000 });
    const titles = await tabTitles(page);
    expect(titles).toEqual(expect.arrayContaining(['PendingHits', 'HitEvidence', 'WantedVehicleTrack']));
    // A police officer holds neither cameras:write nor reads:history; the civic volumes are public.
    expect(titles).toContain('CivicCameraVolumes');
    expect(titles).not.toContain('IssueCameraCredential');
    expect(titles).not.toContain('PlateHistory');
    await page.fill('#ds-purpose', '도난 차량 추적');
    await page.fill('#ds-case-number', '2026-경기남부-0142');
    const result = await runTab(page, 'PendingHits');
    expect(result).toContain('"hits"');
    expect(result).not.toContain('DS_DOCUMENT_NOT_TRUSTED');
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();
    await saveScreenshot(page, 'graphiql-production');
    // Another analyst's token in the same browser: their own tabs, not the officer's.
    await page.fill('#ds-token', await hub.tokenFor(sampleUsers['civic-developer']));
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.locator('.ds-status', { hasText: 'civic-app-1' }).waitFor();
    await page.locator('.graphiql-tab').first().waitFor();
    const civicTitles = await tabTitles(page);
    expect(civicTitles).toContain('CivicCameraVolumes');
    expect(civicTitles).not.toContain('PendingHits');
    await page.context().close();
  });
});
