/**
 * The explorer's pure functions (assets/js/query.js), run in Node: accent-insensitive search,
 * exact and partial column filters, sorting with empty cells last, the address format, and CSV
 * written exactly as the builder writes data/<resource>.csv (quoting, formula neutralisation).
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSiteData } from '../../pipeline/site/dataset.ts';
import { hostileRecord } from './hostile-record.ts';
import { buildClock, releasedTree, seedRecord, type Tree, text } from './site-fixture.ts';

type Cell = string | number | null;
interface Field {
  name: string;
  type: string;
  labels?: Record<string, string>;
}
interface State {
  resource: string;
  q: string;
  filters: Array<{ field: string; op: 'eq' | 'contains'; value: string }>;
  sort: { field: string; descending: boolean } | null;
  page: number;
  pageSize: number;
}
interface ActasQuery {
  normalize(value: Cell): string;
  formatCount(n: number): string;
  rowHaystack(row: Cell[], fields: Field[]): string;
  parseHash(hash: string): State;
  formatHash(state: State): string;
  compileQuery(fields: Field[], state: State): unknown;
  rowMatches(row: Cell[], haystack: () => string, compiled: unknown): boolean;
  sortKey(value: Cell): string | number | null;
  compareKeys(a: string | number | null, b: string | number | null, descending: boolean): number;
  toCsv(fields: Field[], rows: Cell[][]): string;
}

const source = readFileSync(new URL('../../pipeline/site/assets/js/query.js', import.meta.url), 'utf8');
const sandbox: { ActasQuery?: ActasQuery; URLSearchParams: typeof URLSearchParams } = { URLSearchParams };
runInNewContext(source, sandbox);
const Q = sandbox.ActasQuery as ActasQuery;

const state = (overrides: Partial<State>): State => ({
  resource: 'attendance',
  q: '',
  filters: [],
  sort: null,
  page: 1,
  pageSize: 50,
  ...overrides,
});

const sectorField: Field = {
  name: 'sector',
  type: 'string',
  labels: { government: 'Gobierno', civil_society: 'Sociedad civil' },
};
const fields: Field[] = [
  { name: 'organization_id', type: 'string' },
  sectorField,
  { name: 'text', type: 'string' },
];
const matches = (row: Cell[], s: State) =>
  Q.rowMatches(row, () => Q.rowHaystack(row, fields), Q.compileQuery(fields, s));

describe('search and filters', () => {
  it('ignore accents and case', () => {
    expect(Q.normalize('Participación CIUDADANA')).toBe('participacion ciudadana');
    expect(matches(['cplt', 'government', 'Participación ciudadana'], state({ q: 'PARTICIPACION' }))).toBe(
      true,
    );
    expect(matches(['cplt', 'government', 'Participacion'], state({ q: 'participación' }))).toBe(true);
  });

  it('need every search word, anywhere in the row', () => {
    const row: Cell[] = ['cplt', 'government', 'Datos abiertos'];
    expect(matches(row, state({ q: 'datos cplt' }))).toBe(true);
    expect(matches(row, state({ q: 'datos chilecompra' }))).toBe(false);
  });

  it('find coded values by their Spanish label', () => {
    expect(matches(['cplt', 'government', 'x'], state({ q: 'gobierno' }))).toBe(true);
    const exact = state({ filters: [{ field: 'sector', op: 'eq', value: 'Sociedad civil' }] });
    expect(matches(['cplt', 'civil_society', 'x'], exact)).toBe(true);
    expect(matches(['cplt', 'government', 'x'], exact)).toBe(false);
  });

  it('tell an exact filter from a partial one (mop is not mop-dgop)', () => {
    const exact = state({ filters: [{ field: 'organization_id', op: 'eq', value: 'mop' }] });
    expect(matches(['mop', 'government', ''], exact)).toBe(true);
    expect(matches(['mop-dgop', 'government', ''], exact)).toBe(false);
    const partial = state({ filters: [{ field: 'organization_id', op: 'contains', value: 'mop' }] });
    expect(matches(['mop-dgop', 'government', ''], partial)).toBe(true);
    const empty = state({ filters: [{ field: 'text', op: 'eq', value: '' }] });
    expect(matches(['mop', 'government', null], empty)).toBe(true);
  });
});

describe('sorting', () => {
  it('sorts numbers as numbers and text without accents, empty cells last either way', () => {
    const values: Cell[] = ['Zúñiga', null, 'álvarez', 'Bravo', ''];
    const keys = values.map((v) => Q.sortKey(v));
    const order = (descending: boolean) =>
      values
        .map((_, i) => i)
        .sort((a, b) => Q.compareKeys(keys[a] ?? null, keys[b] ?? null, descending) || a - b);
    expect(order(false).map((i) => values[i])).toEqual(['álvarez', 'Bravo', 'Zúñiga', null, '']);
    expect(order(true).map((i) => values[i])).toEqual(['Zúñiga', 'Bravo', 'álvarez', null, '']);
    const numbers: Cell[] = [10, 9, 100];
    expect([...numbers].sort((a, b) => Q.compareKeys(Q.sortKey(a), Q.sortKey(b), false))).toEqual([
      9, 10, 100,
    ]);
  });
});

describe('the address', () => {
  it('round-trips filters, search, sorting and paging', () => {
    const s = state({
      filters: [
        { field: 'organization_id', op: 'eq', value: 'cplt' },
        { field: 'organization', op: 'contains', value: 'Peñalolén & co / #1' },
      ],
      q: 'participación ciudadana',
      sort: { field: 'last_name', descending: true },
      page: 3,
      pageSize: 100,
    });
    const hash = Q.formatHash(s);
    expect(hash).toMatch(/^attendance\?organization_id=cplt&organization~=Pe%C3%B1alol%C3%A9n/);
    expect(JSON.parse(JSON.stringify(Q.parseHash(`#${hash}`)))).toEqual(s);
  });

  it('reads the links other pages write, and ignores nonsense', () => {
    expect(JSON.parse(JSON.stringify(Q.parseHash('#sessions?working_group_number=3')))).toEqual(
      state({ resource: 'sessions', filters: [{ field: 'working_group_number', op: 'eq', value: '3' }] }),
    );
    const odd = Q.parseHash('#%E0%A4%A?pagina=-4&filas=7');
    expect([odd.resource, odd.page, odd.pageSize]).toEqual(['', 1, 50]);
  });

  it('formats counts as a Chilean reader writes them', () => {
    expect([Q.formatCount(7), Q.formatCount(4000), Q.formatCount(200000), Q.formatCount(1234567)]).toEqual([
      '7',
      '4.000',
      '200.000',
      '1.234.567',
    ]);
  });
});

describe('CSV of the rows on screen', () => {
  let tree: Tree;
  beforeAll(async () => {
    const seed = await seedRecord();
    tree = await releasedTree([{ records: [seed, hostileRecord(seed)], at: buildClock }]);
  });

  it('is byte for byte the published CSV for every table (quoting, line breaks, formulas)', () => {
    const { pkg } = readSiteData(tree);
    expect(pkg.resources).toHaveLength(8);
    for (const resource of pkg.resources) {
      const names = resource.schema.fields.map((f) => f.name);
      const rows = resource.rows.map((row) => names.map((n) => row[n] ?? null));
      expect(Q.toCsv(resource.schema.fields, rows), resource.name).toBe(text(tree, resource.path));
    }
  });

  it('neutralises formulas in text cells only, never in numbers', () => {
    const csvFields: Field[] = [
      { name: 'n', type: 'integer' },
      { name: 't', type: 'string' },
    ];
    expect(Q.toCsv(csvFields, [[-5, '-5']])).toBe("n,t\r\n-5,'-5\r\n");
    expect(
      Q.toCsv(csvFields, [
        [1, '=1+1'],
        [2, '@x'],
        [3, '+56'],
        [4, '\tx'],
        [5, 'a "b", c'],
      ]),
    ).toBe(`n,t\r\n1,'=1+1\r\n2,'@x\r\n3,'+56\r\n4,'\tx\r\n5,"a ""b"", c"\r\n`);
  });
});
