/**
 * privacy.attendee_names: `initials` and `omit` reach every format (CSV, JSON, records, workbook,
 * database), the published records still validate against the published schema, and the card says
 * which rule applies.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTree, type PublishedTree } from '../../pipeline/build/index.ts';
import { openSqlite, query, readWorkbook, type SheetCell } from './support/formats.ts';
import { recordValidator } from './support/schemas.ts';
import { type JsonRow, json, seedInput, text, withConfig } from './support/seed.ts';

const build = async (mode: 'publish' | 'initials' | 'omit') =>
  buildTree(
    await seedInput({
      config: withConfig((c) => {
        c.privacy.attendee_names = mode;
      }),
    }),
  );

/** Every readable text of the tree: text files, the workbook's XML, the database's bytes. */
function everything(tree: PublishedTree): string {
  const parts: string[] = [];
  for (const [path, bytes] of tree) {
    if (path.endsWith('.xlsx'))
      for (const part of Object.values(unzipSync(bytes))) parts.push(strFromU8(part));
    else parts.push(new TextDecoder().decode(bytes));
  }
  return parts.join('\n');
}

async function namesInEveryFormat(tree: PublishedTree) {
  const db = await openSqlite(tree.get('actas.sqlite') as Uint8Array);
  const sqlite = query(db, 'SELECT last_name, first_name FROM attendance ORDER BY position');
  db.close();
  const [header, ...rows] = (await readWorkbook(tree.get('actas.xlsx') as Uint8Array)).get(
    'Asistencia',
  ) as SheetCell[][];
  const column = (title: string) => (header as SheetCell[]).indexOf(title);
  return {
    json: json<JsonRow[]>(tree, 'data/attendance.json').map((a) => [a.last_name, a.first_name]),
    sqlite: sqlite.map((a) => [a.last_name, a.first_name]),
    xlsx: rows.map((r) => [r[column('Apellido')] ?? null, r[column('Nombre')] ?? null]),
    record: json<{ attendees: Array<{ last_name: string; first_name: string | null }> }>(
      tree,
      'records/2016-06-30-mesa-3-sesion-2.json',
    ).attendees.map((a) => [a.last_name, a.first_name]),
  };
}

describe('privacy.attendee_names', () => {
  it('publish: names as the acta writes them', async () => {
    const names = await namesInEveryFormat(await build('publish'));
    expect(names.json[0]).toEqual(['Bruhn', 'Valeria']);
    expect(names.json[5]).toEqual(['Jiménez', 'María Cecilia']);
    expect(names.sqlite).toEqual(names.json);
    expect(names.xlsx).toEqual(names.json);
    expect(names.record).toEqual(names.json);
  });

  it('initials: only initials anywhere in the published tree', async () => {
    const tree = await build('initials');
    const names = await namesInEveryFormat(tree);
    expect(names.json[0]).toEqual(['B.', 'V.']);
    expect(names.json[5]).toEqual(['J.', 'M. C.']);
    expect(names.json[17]).toEqual(['v. W.', 'J.']);
    expect(names.sqlite).toEqual(names.json);
    expect(names.xlsx).toEqual(names.json);
    expect(names.record).toEqual(names.json);
    const all = everything(tree);
    for (const name of ['Bruhn', 'Valeria', 'Jiménez', 'María Cecilia', 'Wolfersdorff'])
      expect(all).not.toContain(name);
    expect(text(tree, 'README.md')).toContain('solo con sus iniciales');
    expect(recordValidator()(json(tree, 'records/2016-06-30-mesa-3-sesion-2.json'))).toBe(true);
  });

  it('omit: no names; tables say null, records say "(omitido)"; sectors and organisations stay', async () => {
    const tree = await build('omit');
    const names = await namesInEveryFormat(tree);
    expect(new Set(names.json.flat())).toEqual(new Set([null]));
    expect(names.sqlite).toEqual(names.json);
    expect(names.xlsx).toEqual(names.json);
    expect(names.record.every(([last, first]) => last === '(omitido)' && first === null)).toBe(true);
    const attendance = json<JsonRow[]>(tree, 'data/attendance.json');
    expect(attendance[0]).toMatchObject({
      sector: 'government',
      organization: 'MOP/DGOP',
      organization_id: 'mop-dgop',
    });
    expect(json<JsonRow[]>(tree, 'data/sessions.json')[0]?.attendee_count).toBe(18);
    const all = everything(tree);
    for (const name of ['Bruhn', 'Valeria', 'Faúndez', 'Wolfersdorff']) expect(all).not.toContain(name);
    expect(text(tree, 'README.md')).toContain('se omiten');
    expect(recordValidator()(json(tree, 'records/2016-06-30-mesa-3-sesion-2.json'))).toBe(true);
  });
});
