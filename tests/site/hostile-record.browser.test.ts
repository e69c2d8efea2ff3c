/**
 * Record and configuration text full of markup and script, in real Chromium: every page shows it
 * as text, runs nothing (no dialog, no error, no request for the injected image), and the
 * explorer's CSV download neutralises formulas exactly as the published CSV does.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultConfig } from '../../pipeline/config/config.ts';
import { type StaticServer, startStaticServer } from '../support/static-server.ts';
import {
  describeInBrowser,
  explorerReady,
  explorerStatus,
  launchChromium,
  type PageWatch,
  shownText,
  watchPage,
} from './browser.ts';
import { hostileConfig, hostileId, hostileRecord, imageText, scriptText } from './hostile-record.ts';
import {
  buildClock,
  releasedTree,
  seedRecord,
  type Tree,
  text,
  withSite,
  writeTreeToTemp,
} from './site-fixture.ts';

describeInBrowser('record text with markup and script, in Chromium', () => {
  let tree: Tree;
  let folder: { dir: string; remove: () => Promise<void> };
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    const seed = await seedRecord();
    const config = hostileConfig(defaultConfig);
    tree = withSite(
      await releasedTree([{ records: [seed, hostileRecord(seed)], at: buildClock }], config),
      config,
    );
    folder = await writeTreeToTemp(tree);
    server = await startStaticServer(folder.dir, '/actas/');
    browser = await launchChromium();
    page = await browser.newPage({ acceptDownloads: true });
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await folder?.remove();
  });

  /** No element that the injected text would have created, if it had become markup. */
  const injectedElements = () =>
    page.evaluate(
      () =>
        document.querySelectorAll(
          'img, iframe, b[onclick], b[onmouseover], [onerror], script:not([src]):not([type])',
        ).length,
    );

  it('the session page shows the markup as text', async () => {
    await page.goto(`${server.url}records/${hostileId}.html`);
    expect(await shownText(page.locator('h1'))).toBe(`Mesa N°3 ${scriptText}`);
    expect(await page.getByText(imageText, { exact: true }).first().isVisible()).toBe(true);
    expect(await shownText(page.locator('table.attendees tbody tr').first())).toContain(imageText);
    expect(await shownText(page.locator('ol.commitments li').first())).toBe(scriptText);
    const discussion = await shownText(page.locator('.discussion'));
    expect(discussion).toContain(`Primer párrafo ${imageText} y ${scriptText}.`);
    expect(discussion).toContain('<b onclick="alert(4)">negrita falsa</b>');
    expect(discussion).toContain('<iframe src="https://example.org"></iframe>');
    expect(await shownText(page.locator('.discussion strong'))).toBe(scriptText);
    expect(await shownText(page.locator('.facts').first())).toContain('"><script>alert(3)</script> Sala');
    expect(await injectedElements()).toBe(0);
  });

  it('the home page shows a hostile configuration as text, and its JSON-LD stays one block', async () => {
    await page.goto(server.url);
    expect(await shownText(page.locator('h1'))).toBe('Actas </script><script>alert(7)</script>');
    expect(await page.title()).toBe('Actas </script><script>alert(7)</script>');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(jsonLd.name).toBe('Actas </script><script>alert(7)</script>');
    // A javascript: address from the configuration is never a link.
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await shownText(page.locator('footer'))).toContain('javascript:alert(10)');
    expect(await injectedElements()).toBe(0);
  });

  it('the explorer shows the markup as text, and its CSV is the published CSV', async () => {
    await page.goto(`${server.url}explorar.html#sessions`);
    await explorerReady(page);
    await page.getByLabel('Buscar en todas las columnas').fill('alert');
    await page.getByLabel('Buscar en todas las columnas').press('Enter');
    await explorerReady(page);
    expect(await explorerStatus(page)).toContain('de 1 fila (de 2 en total)');
    expect(await shownText(page.locator('#tabla tbody'))).toContain(`Mesa N°3 ${scriptText}`);
    expect(await injectedElements()).toBe(0);

    // The whole table, multi-line cells and formula-like text included, byte for byte.
    await page.goto(`${server.url}explorar.html#sessions`);
    await explorerReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Descargar lo que veo/ }).click(),
    ]);
    expect(await readFile((await download.path()) as string, 'utf8')).toBe(text(tree, 'data/sessions.csv'));

    await page.goto(`${server.url}explorar.html#agreements?session_id=${hostileId}`);
    await explorerReady(page);
    const [agreements] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Descargar lo que veo/ }).click(),
    ]);
    const csv = await readFile((await agreements.path()) as string, 'utf8');
    expect(csv).toContain(`${hostileId},1,"'=HYPERLINK(""http://example.org"",""clic"")"\r\n`);
    const published = text(tree, 'data/agreements.csv').split('\r\n');
    expect(csv.split('\r\n').slice(1, -1)).toEqual(published.filter((line) => line.startsWith(hostileId)));
  });

  it('ran nothing: no dialog, no console error, no request for the injected image or frame', () => {
    expect(watch.dialogs).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('blob:'))).toEqual(
      [],
    );
    expect(server.requests.filter((r) => r.status !== 200).map((r) => r.path)).toEqual([]);
  });
});
