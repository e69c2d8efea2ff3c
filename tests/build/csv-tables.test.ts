/**
 * Every CSV read back with csv-parse and checked against the Table Schema its descriptor declares
 * (a checker written here, independent of the builder): header, types, required, patterns,
 * categories, minimum, unique primary keys, resolving foreign keys, declared size and hash, UTF-8
 * without BOM, CRLF rows. Then the whole package through the `datapackage` library (Frictionless
 * JS) as an independent reader that casts every value and checks the relations.
 */
import { createHash } from 'node:crypto';
import datapackage from 'datapackage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, type PublishedTree } from '../../pipeline/build/index.ts';
import { readCsv } from './support/formats.ts';
import { type JsonRow, json, onDisk, seedInput, variant } from './support/seed.ts';

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; pattern?: string; enum?: string[]; minimum?: number };
}
interface Resource {
  name: string;
  path: string;
  bytes: number;
  hash: string;
  schema: {
    fields: Field[];
    primaryKey: string[];
    foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
  };
  'actas:json': { path: string; bytes: number; hash: string };
}

const validDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const typeChecks: Record<string, (s: string) => boolean> = {
  string: () => true,
  integer: (s) => /^-?(0|[1-9]\d*)$/.test(s),
  date: validDate,
  time: (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s),
};

/** A CSV cell as the typed value the JSON twin has (neutralising apostrophe removed from text). */
function typed(field: Field, cell: string): string | number | null {
  if (cell === '') return null;
  if (field.type === 'integer') return Number(cell);
  if (field.type === 'string' && /^'[=+\-@\t\r]/.test(cell)) return cell.slice(1);
  return cell;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let tree: PublishedTree;
let resources: Resource[];
beforeAll(async () => {
  const records = [
    (await seedInput()).records[0],
    await variant('2016-07-14-mesa-3-sesion-3', (r) => {
      r.attendees = r.attendees.slice(0, 3);
      r.next_meeting = null;
      r.start_time = null;
      r.initiatives[0] = {
        ...(r.initiatives[0] as (typeof r.initiatives)[number]),
        origin: 'Organización que no está en el registro',
      };
      delete r.source;
    }),
    await variant('2015-11-02-mesa-12-sesion-1', (r) => {
      r.date = null;
    }),
  ].filter((r) => r !== undefined);
  tree = await buildTree(await seedInput({ records }));
  resources = json<{ resources: Resource[] }>(tree, 'datapackage.json').resources;
});

describe('each CSV against its Table Schema', () => {
  it('declared bytes and hashes match the CSV and its JSON twin', () => {
    for (const r of resources) {
      const csv = tree.get(r.path) as Uint8Array;
      expect(csv.length, r.path).toBe(r.bytes);
      expect(`sha256:${sha256(csv)}`, r.path).toBe(r.hash);
      const twin = tree.get(r['actas:json'].path) as Uint8Array;
      expect(twin.length).toBe(r['actas:json'].bytes);
      expect(`sha256:${sha256(twin)}`).toBe(r['actas:json'].hash);
    }
  });

  it('is UTF-8 without BOM, with CRLF after every row and a header of field names', () => {
    for (const r of resources) {
      const bytes = tree.get(r.path) as Uint8Array;
      expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(readCsv(bytes)[0]).toEqual(r.schema.fields.map((f) => f.name));
    }
  });

  it('has values of the declared types, required where required, within patterns, categories and minimums', () => {
    for (const r of resources) {
      const [, ...rows] = readCsv(tree.get(r.path) as Uint8Array);
      expect(rows.length, r.name).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toHaveLength(r.schema.fields.length);
        r.schema.fields.forEach((f, i) => {
          const cell = row[i] as string;
          const where = `${r.name}.${f.name} = ${JSON.stringify(cell)}`;
          if (cell === '') {
            expect(f.constraints?.required ?? false, where).toBe(false);
            return;
          }
          expect(typeChecks[f.type]?.(cell), where).toBe(true);
          if (f.type === 'time') expect(f.format).toBe('%H:%M');
          if (f.constraints?.pattern) expect(new RegExp(f.constraints.pattern).test(cell), where).toBe(true);
          if (f.constraints?.enum) expect(f.constraints.enum, where).toContain(cell);
          if (f.constraints?.minimum !== undefined)
            expect(Number(cell), where).toBeGreaterThanOrEqual(f.constraints.minimum);
        });
      }
    }
  });

  it('has unique primary keys and foreign keys that resolve (or are empty)', () => {
    const keysOf = new Map<string, Set<string>>();
    const rowsOf = (r: Resource) => {
      const [header, ...rows] = readCsv(tree.get(r.path) as Uint8Array);
      return rows.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i] as string])));
    };
    for (const r of resources) {
      const keys = rowsOf(r).map((row) => r.schema.primaryKey.map((k) => row[k]).join('\u0000'));
      expect(new Set(keys).size, r.name).toBe(keys.length);
      keysOf.set(r.name, new Set(keys));
    }
    let checked = 0;
    for (const r of resources) {
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = keysOf.get(fk.reference.resource) as Set<string>;
        for (const row of rowsOf(r)) {
          const value = fk.fields.map((f) => row[f]);
          if (value.some((v) => v === '')) continue;
          expect(target.has(value.join('\u0000')), `${r.name}.${fk.fields} = ${value}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('holds the same rows as the typed JSON twin, in the documented order', () => {
    for (const r of resources) {
      const [, ...rows] = readCsv(tree.get(r.path) as Uint8Array);
      const fromCsv = rows.map((row) =>
        Object.fromEntries(r.schema.fields.map((f, i) => [f.name, typed(f, row[i] as string)])),
      );
      expect(fromCsv, r.name).toEqual(json<JsonRow[]>(tree, r['actas:json'].path));
    }
    const sessions = json<JsonRow[]>(tree, 'data/sessions.json');
    // By date, undated last, then id.
    expect(sessions.map((s) => s.session_id)).toEqual([
      '2016-06-30-mesa-3-sesion-2',
      '2016-07-14-mesa-3-sesion-3',
      '2015-11-02-mesa-12-sesion-1',
    ]);
    const attendance = json<JsonRow[]>(tree, 'data/attendance.json');
    const keys = attendance.map((a) => `${a.session_id}/${String(a.position).padStart(3, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('resolves organisations through names and aliases, null where the registry has no match', () => {
    const attendance = json<JsonRow[]>(tree, 'data/attendance.json').filter(
      (a) => a.session_id === '2016-06-30-mesa-3-sesion-2',
    );
    const byName = new Map(attendance.map((a) => [a.last_name, a.organization_id]));
    expect(byName.get('Inostroza')).toBe('chilecompra'); // "ChileCompra", the acronym
    expect(byName.get('Guzmán')).toBe('municipalidad-de-vitacura'); // "Municipalidad Vitacura", an alias
    expect(byName.get('von Wolfersdorff')).toBeNull(); // no organisation in the acta
    const initiatives = json<JsonRow[]>(tree, 'data/initiatives.json');
    expect(
      initiatives.find((i) => i.session_id === '2016-06-30-mesa-3-sesion-2' && i.number === 1)
        ?.origin_organization_id,
    ).toBe('chilecompra');
    expect(
      initiatives.find((i) => i.session_id === '2016-07-14-mesa-3-sesion-3' && i.number === 1)
        ?.origin_organization_id,
    ).toBeNull();
    const sessions = json<JsonRow[]>(tree, 'data/sessions.json');
    expect(sessions.map((s) => [s.attendee_count, s.source_sha256 === null])).toEqual([
      [18, false],
      [3, true],
      [18, false],
    ]);
  });
});

describe('the package through the datapackage library (Frictionless JS)', () => {
  let folder: Awaited<ReturnType<typeof onDisk>>;
  beforeAll(async () => {
    folder = await onDisk(tree);
  });
  afterAll(async () => folder.remove());

  it('loads, casts every row of every resource and resolves the relations', async () => {
    const pkg = await datapackage.Package.load(`${folder.dir}/datapackage.json`, { basePath: folder.dir });
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    expect(pkg.resources.map((r) => r.name)).toEqual(resources.map((r) => r.name));
    let relations = 0;
    for (const resource of pkg.resources) {
      expect(resource.tabular, resource.name).toBe(true);
      const rows = await resource.read({ keyed: true, cast: true, relations: true });
      const twin = json<JsonRow[]>(tree, `data/${resource.name}.json`);
      expect(rows.length, resource.name).toBe(twin.length);
      for (const [i, row] of rows.entries()) {
        for (const [name, value] of Object.entries(twin[i] as JsonRow)) {
          const cast = row[name];
          if (value === null) expect(cast ?? null, `${resource.name}.${name}`).toBeNull();
          else if (typeof value === 'number') expect(cast).toBe(value);
          else if (cast instanceof Date) expect(cast.getTime()).not.toBeNaN();
          else if (typeof cast === 'object' && cast !== null) {
            // A foreign key the library resolved to the referenced row.
            const referenced = (cast as Record<string, unknown>)[
              name === 'session_id' ? 'session_id' : 'organization_id'
            ];
            expect(referenced, `${resource.name}.${name}`).toBe(value);
            relations += 1;
          } else expect(String(cast).replace(/^'(?=[=+\-@\t\r])/, '')).toBe(value);
        }
      }
    }
    expect(relations).toBeGreaterThan(50);
  });
});
