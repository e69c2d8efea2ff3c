/**
 * The seed dataset's site in real Chromium, served at a sub-path (as GitHub Pages serves it) and
 * opened from the folder (file://): what the home page shows and links, the explorer's search,
 * filters, sorting and download, a session page, accessibility, phone width, and that nothing is
 * requested from outside the published tree.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from '../support/static-server.ts';
import {
  describeInBrowser,
  explorerReady,
  explorerStatus,
  launchChromium,
  type PageWatch,
  saveScreenshot,
  seriousAccessibilityViolations,
  shownText,
  watchPage,
} from './browser.ts';
import { seedId, seedSite, type Tree, text, writeTreeToTemp } from './site-fixture.ts';

type JsonRow = Record<string, string | number | null>;

const normalize = (value: unknown) =>
  String(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

describeInBrowser('the seed dataset’s site in Chromium', () => {
  let tree: Tree;
  let folder: { dir: string; remove: () => Promise<void> };
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watch: PageWatch;
  const rows = (resource: string) => JSON.parse(text(tree, `data/${resource}.json`)) as JsonRow[];

  beforeAll(async () => {
    tree = await seedSite();
    folder = await writeTreeToTemp(tree);
    server = await startStaticServer(folder.dir, '/actas/');
    browser = await launchChromium();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await folder?.remove();
  });

  it('home shows the title, version, date, license, changes, citation and every download', async () => {
    await page.goto(server.url);
    const pkg = JSON.parse(text(tree, 'datapackage.json')) as { title: string; version: string };
    expect(await shownText(page.locator('h1'))).toBe(pkg.title);
    await expect(page.title()).resolves.toBe(pkg.title);
    const facts = await shownText(page.locator('dl.facts'));
    expect(facts).toContain('1.0.0');
    expect(facts).toContain('1 de enero de 2026');
    expect(facts).toContain('Creative Commons Atribución 4.0');
    expect(facts).toContain('30 de junio de 2016');
    expect(await shownText(page.locator('#cambios'))).toContain('Primera publicación');
    expect(await shownText(page.locator('#citar pre'))).toContain(
      'title   = {{Actas de las mesas de trabajo',
    );

    const downloads = page.locator('#descargas');
    const listed = new Set(
      await downloads.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    );
    const downloadText = await shownText(downloads);
    const sums = text(tree, 'SHA256SUMS');
    for (const [path] of tree) {
      if (
        /^(assets\/|records\/|index\.html|explorar\.html|diccionario\.html|cambios\.html|SHA256SUMS)/.test(
          path,
        )
      )
        continue;
      expect(listed, path).toContain(path);
      const hash = sums
        .split('\n')
        .find((line) => line.endsWith(`  ${path}`))
        ?.slice(0, 64);
      expect(downloadText, `sha256 of ${path}`).toContain(hash);
    }
    expect(listed).toContain('SHA256SUMS');
    expect(downloadText).toContain('records/');

    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd['@type']).toBe('Dataset');
    expect(jsonLd.version).toBe('1.0.0');
    expect(jsonLd.temporalCoverage).toBe('2016-06-30');
  });

  it('every link, stylesheet and script on the home page answers 200 from the sub-path', async () => {
    await page.goto(server.url);
    const references = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], link[href], script[src]')].map((el) => ({
        raw: el.getAttribute('href') ?? el.getAttribute('src') ?? '',
        url: (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
      })),
    );
    const internal = references.filter((r) => !/^(https?:|mailto:)/.test(r.raw));
    expect(internal.length).toBeGreaterThan(30);
    for (const r of internal) expect(r.raw, 'relative link').not.toMatch(/^(\/|[a-z]+:)/i);
    const urls = [...new Set(internal.map((r) => r.url.split('#')[0] as string))];
    for (const url of urls) {
      expect(url.startsWith(server.url), url).toBe(true);
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
    }
    // Outside links are only the license and (none here) GitHub: addresses to visit, never requests.
    for (const r of references.filter((x) => /^https?:/.test(x.raw))) expect(r.raw).toMatch(/^https:\/\//);
  });

  it('the first view of the home page weighs at most 200 KB and loads no table data', async () => {
    const fresh = await context.newPage();
    const before = server.requests.length;
    await fresh.goto(server.url);
    await fresh.waitForLoadState('load');
    const firstView = server.requests.slice(before);
    const bytes = firstView.reduce((sum, r) => sum + r.bytes, 0);
    console.info(`Primera vista de la portada: ${bytes} bytes en ${firstView.length} peticiones`);
    expect(bytes).toBeLessThanOrEqual(200_000);
    expect(firstView.map((r) => r.path).filter((p) => p.includes('/assets/data/'))).toEqual([]);
    await fresh.close();
  });

  it('explorer: an accent-free search finds the rows written with accents', async () => {
    await page.goto(`${server.url}explorar.html#initiatives`);
    await explorerReady(page);
    expect(await explorerStatus(page)).toContain('de 11 filas');
    await page.getByLabel('Buscar en todas las columnas').fill('participacion');
    await page.getByLabel('Buscar en todas las columnas').press('Enter');
    await explorerReady(page);
    const expected = rows('initiatives').filter((r) =>
      normalize(Object.values(r).join(' ')).includes('participacion'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await explorerStatus(page)).toContain(`de ${expected.length} filas (de 11 en total)`);
    const shown = await page.locator('#tabla tbody tr').allInnerTexts();
    expect(shown).toHaveLength(expected.length);
    for (const row of shown) expect(row).toContain('participación');
    expect(page.url()).toContain('#initiatives?q=participacion');
  });

  it('explorer: a column filter, then sorting, change the visible rows as expected', async () => {
    await page.goto(`${server.url}explorar.html#attendance`);
    await explorerReady(page);
    await page.getByLabel('Columna', { exact: true }).selectOption('sector');
    await page.getByLabel('Condición').selectOption('eq');
    await page.getByLabel('Valor', { exact: true }).fill('Sociedad civil');
    await page.getByRole('button', { name: 'Agregar filtro' }).click();
    await explorerReady(page);
    const civil = rows('attendance').filter((r) => r.sector === 'civil_society');
    expect(await explorerStatus(page)).toContain(`de ${civil.length} filas (de 18 en total)`);
    const lastNames = () => page.locator('#tabla tbody tr td:nth-child(4)').allInnerTexts();
    expect(await lastNames()).toEqual(civil.map((r) => r.last_name));

    const byName = [...civil].sort((a, b) => (normalize(a.last_name) < normalize(b.last_name) ? -1 : 1));
    await page.getByRole('button', { name: /^Apellido\b/ }).click();
    await explorerReady(page);
    expect(await lastNames()).toEqual(byName.map((r) => r.last_name));
    await page.getByRole('button', { name: /^Apellido\b/ }).click();
    await explorerReady(page);
    expect(await lastNames()).toEqual([...byName].reverse().map((r) => r.last_name));
    expect(await shownText(page.locator('th[aria-sort="descending"]'))).toContain('Apellido');

    // "Download what I see": the filtered, sorted rows, each line as the published CSV writes it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Descargar lo que veo/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('attendance-seleccion.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    const published = text(tree, 'data/attendance.csv').split('\r\n');
    const lineOf = (row: JsonRow) =>
      published[rows('attendance').findIndex((r) => r.position === row.position) + 1];
    expect(csv).toBe(`${[published[0], ...[...byName].reverse().map(lineOf)].join('\r\n')}\r\n`);
  });

  it('explorer: an address with a filter opens the table filtered (organisation links from the acta)', async () => {
    await page.goto(`${server.url}explorar.html#attendance?organization_id=cplt`);
    await explorerReady(page);
    expect(await explorerStatus(page)).toContain('de 2 filas');
    expect(await shownText(page.locator('#filtros-activos'))).toContain('es exactamente «cplt»');
    await page.getByRole('button', { name: /^Quitar el filtro/ }).click();
    await explorerReady(page);
    expect(await explorerStatus(page)).toContain('de 18 filas');
  });

  it('a session page reads like the acta: 18 attendees by sector, 6 commitments, safe Markdown', async () => {
    await page.goto(`${server.url}records/${seedId}.html`);
    expect(await shownText(page.locator('h1'))).toBe('Mesa N°3: Modernización del Estado (segunda sesión)');
    await expect(page.locator('table.attendees tbody tr').count()).resolves.toBe(18);
    expect(await shownText(page.locator('#asistentes-government'))).toContain('(12)');
    expect(await shownText(page.locator('#asistentes-civil_society'))).toContain('(6)');
    expect(await page.locator('ol.commitments li').allInnerTexts()).toEqual([
      'Compromiso de municipios (modelo de gestión municipal)',
      'Transparencia presupuestaria (modernización y DIPRES)',
      'Continuidad del compromiso de participación ciudadana',
      'Compromiso de datasets SADP',
      'Compromiso ChileCompra - MOP',
      'Compromiso de DIRECON',
    ]);
    await expect(page.locator('#programa tbody tr').count()).resolves.toBe(6);
    await expect(page.locator('.discussion ul').count()).resolves.toBe(4);
    expect(await shownText(page.locator('.discussion strong'))).toBe(
      'Se propone agrupar los compromisos 2, 3 y 5',
    );
    // An organisation links to its other appearances.
    await page.getByRole('link', { name: 'CPLT' }).first().click();
    await explorerReady(page);
    expect(page.url()).toContain('explorar.html#attendance?organization_id=cplt');
    expect(await explorerStatus(page)).toContain('de 2 filas');
  });

  it('works opened from the folder (file://): home, explorer and a session page', async () => {
    const fileWatch = await context.newPage();
    const seen = watchPage(fileWatch);
    const root = pathToFileURL(`${folder.dir}/`).href;
    await fileWatch.goto(`${root}index.html`);
    expect(await shownText(fileWatch.locator('h1'))).toContain('Actas de las mesas');
    await fileWatch.goto(`${root}explorar.html#commitments?q=participacion`);
    await explorerReady(fileWatch);
    expect(await explorerStatus(fileWatch)).toContain('de 1 fila (de 6 en total)');
    await fileWatch.getByRole('link', { name: 'Diccionario' }).click();
    expect(await shownText(fileWatch.locator('h1'))).toBe('Diccionario de datos');
    await fileWatch.goto(`${root}records/${seedId}.html`);
    await expect(fileWatch.locator('table.attendees tbody tr').count()).resolves.toBe(18);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.requests.filter((url) => !url.startsWith(root))).toEqual([]);
    await fileWatch.close();
  });

  it('has no serious or critical accessibility violations (axe-core) on home, explorer and a session page', async () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses: a separate context.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const axePage = await axeContext.newPage();
    for (const path of [
      '',
      'explorar.html#attendance',
      `records/${seedId}.html`,
      'diccionario.html',
      'cambios.html',
    ]) {
      await axePage.goto(`${server.url}${path}`);
      if (path.startsWith('explorar')) await explorerReady(axePage);
      expect(await seriousAccessibilityViolations(axePage), path || 'index.html').toEqual([]);
    }
    await axeContext.close();
  });

  it('fits a 360 px phone without page-level horizontal scrolling; screenshots at 1280 and 360 px', async () => {
    const pages: Array<[string, string]> = [
      ['home', ''],
      ['explorer', 'explorar.html#attendance'],
      ['session', `records/${seedId}.html`],
      ['dictionary', 'diccionario.html'],
      ['changes', 'cambios.html'],
    ];
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
      for (const [name, path] of pages) {
        await page.goto(`${server.url}${path}`);
        if (name === 'explorer') await explorerReady(page);
        if (width === 360) {
          const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
          expect(scrollWidth, `${name} at 360 px`).toBeLessThanOrEqual(360);
        }
        await saveScreenshot(page, `${name}-${width}`);
      }
    }
  });

  it('the Content-Security-Policy is enforced: an injected inline script does not run', async () => {
    await page.goto(server.url);
    await page
      .evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
      })
      .catch(() => undefined);
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
    // The refusal is logged as a console error: take it out of the record of this page's errors.
    const csp = watch.consoleErrors.filter((e) => e.includes('Content Security Policy'));
    expect(csp.length).toBeGreaterThan(0);
    watch.consoleErrors = watch.consoleErrors.filter((e) => !csp.includes(e));
  });

  it('logged no console error, ran no dialog, and requested nothing outside the sub-path', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    const outside = watch.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(server.requests.filter((r) => !r.path.startsWith('/actas/'))).toEqual([]);
    expect(server.requests.filter((r) => r.status !== 200).map((r) => r.path)).toEqual([]);
  });
});
