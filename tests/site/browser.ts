/**
 * Real Chromium for the landing page's tests (playwright-core drives the system's browser; nothing
 * is downloaded). Locally, a missing browser skips these tests with a message saying how to get
 * it; in CI (CI set) they run and fail, so a broken runner can never pass by skipping.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { describe } from 'vitest';
import { repoRoot } from '../support/workspace.ts';

export const chromiumPath = process.env.ACTAS_CHROMIUM ?? '/usr/bin/chromium';
const chromiumPresent = existsSync(chromiumPath);

const missing = `Chromium no está en ${chromiumPath}: instálelo con "apt-get install chromium" (Debian/Ubuntu) o indique su ruta en ACTAS_CHROMIUM.`;

/** `describe` for browser tests: skipped only when Chromium is missing and this is not CI. */
export const describeInBrowser = describe.skipIf(!chromiumPresent && !process.env.CI);
if (!chromiumPresent && !process.env.CI) console.warn(`Se omiten las pruebas en navegador. ${missing}`);

export async function launchChromium(): Promise<Browser> {
  if (!chromiumPresent) throw new Error(missing);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** What a page did: console errors, uncaught exceptions, dialogs (alert, confirm) and every request. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  return watch;
}

const axePath = join(repoRoot, 'node_modules/axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now. The page must be in a
 * context created with bypassCSP: axe is injected as an inline script, which the site's CSP forbids.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const screenshotDir = join(repoRoot, 'tests/artifacts/screenshots');

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Waits until the explorer has shown the rows for its current address. */
export async function explorerReady(page: Page): Promise<void> {
  await page.waitForSelector('#explorador[data-state="ready"]');
}

/** The text a reader sees (layout applied: hidden text left out, white space as rendered). */
export const shownText = (locator: Locator): Promise<string> =>
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the rendered text, which is what is tested.
  locator.innerText();

export const explorerStatus = (page: Page): Promise<string> => shownText(page.locator('#estado'));
