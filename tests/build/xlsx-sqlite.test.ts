/**
 * actas.xlsx re-read with read-excel-file (not exceljs, which wrote it) and actas.sqlite re-opened
 * with sql.js: every table there, with the same values as the typed JSON twins.
 */
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTree, type PublishedTree } from '../../pipeline/build/index.ts';
import { openSqlite, query, readWorkbook, type SheetCell, sheetCellText } from './support/formats.ts';
import { type JsonRow, json, seedInput, variant } from './support/seed.ts';

interface Field {
  name: string;
  type: string;
  title: string;
  constraints?: { required?: boolean };
}
interface Resource {
  name: string;
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
  };
}

const sheetNames: Record<string, string> = {
  sessions: 'Sesiones',
  agenda_items: 'Programa',
  initiatives: 'Iniciativas',
  prioritization: 'Priorización',
  attendance: 'Asistencia',
  commitments: 'Compromisos',
  agreements: 'Acuerdos',
  organizations: 'Organizaciones',
};

let tree: PublishedTree;
let resources: Resource[];
beforeAll(async () => {
  const seed = (await seedInput()).records;
  const second = await variant('2016-07-14-mesa-3-sesion-3', (r) => {
    r.end_time = null;
  });
  tree = await buildTree(await seedInput({ records: [...seed, second] }));
  resources = json<{ resources: Resource[] }>(tree, 'datapackage.json').resources;
});

describe('actas.xlsx', () => {
  it('has the Léeme sheet first, then one sheet per table with Spanish titles and every row', async () => {
    const sheets = await readWorkbook(tree.get('actas.xlsx') as Uint8Array);
    expect([...sheets.keys()]).toEqual(['Léeme', ...resources.map((r) => sheetNames[r.name])]);
    for (const r of resources) {
      const [header, ...rows] = sheets.get(sheetNames[r.name] as string) as SheetCell[][];
      expect(header).toEqual(r.schema.fields.map((f) => f.title));
      const twin = json<JsonRow[]>(tree, `data/${r.name}.json`);
      expect(rows.length, r.name).toBe(twin.length);
      rows.forEach((row, i) => {
        const fromSheet = Object.fromEntries(
          r.schema.fields.map((f, j) => [f.name, sheetCellText(row[j] ?? null, f.type)]),
        );
        expect(fromSheet, `${r.name} row ${i + 1}`).toEqual(twin[i]);
      });
    }
  });

  it('stores dates as real dates, times as real times, numbers as numbers', async () => {
    const sheets = await readWorkbook(tree.get('actas.xlsx') as Uint8Array);
    const [, first] = sheets.get('Sesiones') as SheetCell[][];
    const titles = (sheets.get('Sesiones') as SheetCell[][])[0] as SheetCell[];
    const cell = (title: string) => (first as SheetCell[])[titles.indexOf(title)];
    expect(cell('Fecha')).toEqual(new Date('2016-06-30T00:00:00Z'));
    expect(cell('N° de mesa')).toBe(3);
    expect(sheetCellText(cell('Hora de inicio') ?? null, 'time')).toBe('15:00');
    // In the XML: a date cell is a number with a date format, not a string.
    const parts = unzipSync(tree.get('actas.xlsx') as Uint8Array);
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet2.xml']);
    expect(sheet).toMatch(/<c r="F2" s="\d+"><v>42551<\/v><\/c>/);
    const styles = new TextDecoder().decode(parts['xl/styles.xml']);
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('formatCode="hh:mm"');
  });

  it('freezes the header row and filters every table sheet', () => {
    const parts = unzipSync(tree.get('actas.xlsx') as Uint8Array);
    for (let i = 2; i <= 9; i++) {
      const xml = new TextDecoder().decode(parts[`xl/worksheets/sheet${i}.xml`]);
      expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
    }
  });

  it('says in Léeme what it is, its version, license, source and where the dictionary is', async () => {
    const sheets = await readWorkbook(tree.get('actas.xlsx') as Uint8Array);
    const readme = sheets.get('Léeme') as SheetCell[][];
    const pairs = new Map(readme.filter((r) => r[0] && r[1]).map((r) => [r[0], r[1]]));
    expect(readme[0]?.[0]).toBe('Actas de las mesas de trabajo de Gobierno Abierto de Chile');
    expect(pairs.get('Versión')).toBe('1.0.0');
    expect(pairs.get('Fecha de publicación')).toBe('2026-01-01');
    expect(pairs.get('Licencia')).toContain('CC BY 4.0');
    expect(String(pairs.get('Fuente'))).toContain('2 sesiones');
    expect(String(pairs.get('Diccionario de datos'))).toContain('README.md');
    expect(String(pairs.get('Fórmulas'))).toContain('apóstrofo');
    // The dictionary rows: sheet, column title, field, type, description.
    expect(
      readme.some(
        (r) => r[0] === 'Asistencia' && r[1] === 'Apellido' && r[2] === 'last_name' && r[3] === 'texto',
      ),
    ).toBe(true);
  });

  it('is a zip with fixed entry order and times, no directory entries', () => {
    const bytes = tree.get('actas.xlsx') as Uint8Array;
    const names = Object.keys(unzipSync(bytes));
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(names.some((n) => n.endsWith('/') || n.startsWith('/'))).toBe(false);
  });
});

describe('actas.sqlite', () => {
  it('has one table per resource with the rows of the JSON twins', async () => {
    const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
    try {
      const tables = query(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map(
        (t) => t.name,
      );
      expect(tables).toEqual(resources.map((r) => r.name).sort());
      for (const r of resources) {
        const order = r.schema.primaryKey.map((k) => `"${k}"`).join(', ');
        const rows = query(db, `SELECT * FROM "${r.name}"`);
        const twin = json<JsonRow[]>(tree, `data/${r.name}.json`);
        const sortKey = (row: Record<string, unknown>) =>
          r.schema.primaryKey.map((k) => String(row[k]).padStart(6, '0')).join('/');
        expect(
          [...rows].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)),
          `${r.name} (${order})`,
        ).toEqual([...twin].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
      }
    } finally {
      db.close();
    }
  });

  it('declares the primary keys, foreign keys, NOT NULL and indexes, and its foreign keys hold', async () => {
    const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
    try {
      expect(db.exec('PRAGMA foreign_key_check')).toEqual([]);
      expect(query(db, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      for (const r of resources) {
        const info = query(db, `PRAGMA table_info("${r.name}")`);
        expect(info.map((c) => c.name)).toEqual(r.schema.fields.map((f) => f.name));
        const pk = info.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk));
        expect(pk.map((c) => c.name)).toEqual(r.schema.primaryKey);
        for (const f of r.schema.fields) {
          const column = info.find((c) => c.name === f.name);
          expect(column?.type).toBe(f.type === 'integer' ? 'INTEGER' : 'TEXT');
          expect(column?.notnull, `${r.name}.${f.name}`).toBe(f.constraints?.required ? 1 : 0);
        }
        const fks = query(db, `PRAGMA foreign_key_list("${r.name}")`);
        expect(fks.map((k) => [k.from, k.table, k.to])).toEqual(
          expect.arrayContaining(
            (r.schema.foreignKeys ?? []).map((k) => [
              k.fields[0],
              k.reference.resource,
              k.reference.fields[0],
            ]),
          ),
        );
        expect(fks).toHaveLength((r.schema.foreignKeys ?? []).length);
      }
      const indexed = (table: string) =>
        query(db, `PRAGMA index_list("${table}")`).flatMap((i) =>
          query(db, `PRAGMA index_info("${i.name}")`).map((c) => c.name),
        );
      expect(indexed('attendance')).toContain('organization_id');
      expect(indexed('initiatives')).toContain('origin_organization_id');
      expect(indexed('agenda_items')).toContain('session_id');
      // Enforced, not just declared: an orphan row is refused.
      db.run('PRAGMA foreign_keys = ON');
      expect(() => db.run("INSERT INTO agreements VALUES ('1999-01-01-mesa-1-sesion-1', 1, 'x')")).toThrow(
        /FOREIGN KEY/,
      );
    } finally {
      db.close();
    }
  });
});
