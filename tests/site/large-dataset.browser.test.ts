/**
 * The explorer on 10,000 sessions' worth of attendance (200,000 rows), in real Chromium: the home
 * page loads none of it, opening the tab loads that resource only, the page keeps answering while
 * the rows arrive and while a search runs, and paging, searching and sorting give the right rows.
 * Nothing here asserts on wall-clock time: behaviour only (what was requested, what the page says).
 */
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
import { buildClock, releasedTree, seedRecord, withSite, writeTreeToTemp } from './site-fixture.ts';

const sessions = 10_000;
const attendeesPerSession = 20;

const lastNames = [
  'Álvarez',
  'Bravo',
  'Cárdenas',
  'Díaz',
  'Muñoz',
  'Núñez',
  'Pérez',
  'Rojas',
  'Soto',
  'Zúñiga',
];
const organizations: Array<[string, string]> = [
  ['Consejo para la Transparencia', 'cplt'],
  ['ChileCompra', 'chilecompra'],
  ['Fundación Datos Protegidos', 'fundacion-datos-protegidos'],
  ['Consejo de Participación Ciudadana', 'consejo-participacion'],
  ['Ciudadano Inteligente', 'ciudadano-inteligente'],
  ['Municipalidad de Peñalolén', 'municipalidad-de-penalolen'],
  ['Defensoría Penal Pública', 'defensoria-penal-publica'],
];

/** Attendance rows of 10,000 sessions, in published order (by session, then position). */
function syntheticAttendance(): Array<Record<string, string | number | null>> {
  const rows: Array<Record<string, string | number | null>> = [];
  for (let s = 0; s < sessions; s++) {
    const day = new Date(Date.UTC(2016, 0, 1) + s * 86_400_000).toISOString().slice(0, 10);
    const sessionId = `${day}-mesa-${(s % 7) + 1}-sesion-${Math.floor(s / 7) + 1}`;
    for (let p = 1; p <= attendeesPerSession; p++) {
      const [organization, organizationId] = organizations[(s + p) % organizations.length] as [
        string,
        string,
      ];
      rows.push({
        session_id: sessionId,
        position: p,
        sector: p % 3 === 0 ? 'civil_society' : 'government',
        last_name: lastNames[(s * 3 + p) % lastNames.length] as string,
        first_name: `Persona ${p}`,
        organization,
        organization_id: organizationId,
      });
    }
  }
  return rows;
}

describeInBrowser('the explorer on 200,000 attendance rows, in Chromium', () => {
  let folder: { dir: string; remove: () => Promise<void> };
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  let rows: ReturnType<typeof syntheticAttendance>;

  beforeAll(async () => {
    const tree = await releasedTree([{ records: [await seedRecord()], at: buildClock }]);
    rows = syntheticAttendance();
    // Only the site reads these rows: the rest of the tree can stay the seed's.
    const lines = rows.map((r) => `  ${JSON.stringify(r)}`);
    tree.set('data/attendance.json', new TextEncoder().encode(`[\n${lines.join(',\n')}\n]\n`));
    folder = await writeTreeToTemp(withSite(tree, defaultConfig));
    server = await startStaticServer(folder.dir, '/actas/');
    browser = await launchChromium();
    page = await browser.newPage();
    watch = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await folder?.remove();
  });

  const dataRequests = () =>
    watch.requests
      .filter((url) => url.includes('/assets/data/'))
      .map((url) => url.slice(url.lastIndexOf('/') + 1));

  it('the home page loads none of the table data', async () => {
    await page.goto(server.url);
    expect(dataRequests()).toEqual([]);
  });

  it('opening the attendance tab loads only attendance, and the page answers while it loads', async () => {
    await page.goto(`${server.url}explorar.html`);
    await explorerReady(page);
    expect(dataRequests()).toEqual(['sessions-0.js']);

    // Slow the data files down, so that "while loading" lasts long enough to be observed.
    await page.route('**/assets/data/attendance-*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await route.continue();
    });
    await page.getByRole('link', { name: /^Asistencia/ }).click();
    const seenWhileLoading: string[] = [];
    for (;;) {
      const [phase, status] = await page.evaluate(() => [
        document.getElementById('explorador')?.dataset.state ?? '',
        document.getElementById('estado')?.textContent ?? '',
      ]);
      if (phase === 'loading') seenWhileLoading.push(status);
      if (phase === 'ready') break;
      await page.waitForTimeout(50);
    }
    expect(seenWhileLoading.length).toBeGreaterThan(1);
    expect(
      seenWhileLoading.some((s) => /^Cargando Asistencia \([\d,]+ MB\): [\d.]+ de 200\.000 filas…$/.test(s)),
    ).toBe(true);
    await page.unroute('**/assets/data/attendance-*.js');

    // Only this table's files, each once, in order.
    const requested = dataRequests();
    const chunks = requested.length - 1;
    expect(chunks).toBeGreaterThan(5);
    expect(requested).toEqual([
      'sessions-0.js',
      ...Array.from({ length: chunks }, (_, i) => `attendance-${i}.js`),
    ]);
    expect(await explorerStatus(page)).toBe('Mostrando 1–50 de 200.000 filas.');
    expect(await shownText(page.locator('#pagina'))).toBe('Página 1 de 4.000');
  });

  it('pages through the rows', async () => {
    await page.getByRole('button', { name: 'Siguiente →' }).click();
    expect(await explorerStatus(page)).toBe('Mostrando 51–100 de 200.000 filas.');
    expect(await shownText(page.locator('#pagina'))).toBe('Página 2 de 4.000');
    const firstShown = await shownText(page.locator('#tabla tbody tr').first().locator('td').nth(1));
    expect(firstShown).toBe(String(rows[50]?.position));
    expect(page.url()).toContain('#attendance?pagina=2');
  });

  it('a search over every row answers within a bounded number of animation frames', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { frames_: number };
      w.frames_ = 0;
      const tick = () => {
        w.frames_ += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const expected = rows.filter((r) => r.organization === 'Consejo de Participación Ciudadana').length;
    const formatted = String(expected).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const box = page.getByLabel('Buscar en todas las columnas');
    await box.fill('participacion ciudadana');
    // While the search runs, the page still answers.
    const answered = await page.evaluate(() => document.getElementById('estado')?.textContent ?? '');
    expect(typeof answered).toBe('string');
    await page.waitForFunction(
      (n) =>
        document.getElementById('estado')?.textContent ===
        `Mostrando 1–50 de ${n} filas (de 200.000 en total).`,
      formatted,
    );
    const frames = await page.evaluate(() => (window as unknown as { frames_: number }).frames_);
    // A frozen page would count one frame; a runaway search thousands. This one yields between slices.
    expect(frames).toBeGreaterThan(1);
    expect(frames).toBeLessThan(600);
    const organizationsShown = await page.locator('#tabla tbody tr td:nth-child(6)').allInnerTexts();
    expect(new Set(organizationsShown)).toEqual(new Set(['Consejo de Participación Ciudadana']));
  });

  it('sorts every matching row, not just the page shown', async () => {
    await page.getByRole('button', { name: /^Apellido\b/ }).click();
    await explorerReady(page);
    const first = await shownText(page.locator('#tabla tbody tr').first().locator('td').nth(3));
    expect(first).toBe('Álvarez');
    await page.getByRole('button', { name: /^Apellido\b/ }).click();
    await explorerReady(page);
    expect(await shownText(page.locator('#tabla tbody tr').first().locator('td').nth(3))).toBe('Zúñiga');
  });

  it('logged no console error and requested nothing outside the sub-path', () => {
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });
});
