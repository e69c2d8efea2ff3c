/**
 * No data lost: importing again skips what was imported, a record edited by hand is never
 * overwritten without --force, records are written whole, and an empty inbox is no error.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, runCli, type Workspace } from '../support/workspace.ts';
import {
  codesAndLines,
  filesIn,
  fixtureText,
  importIn,
  seedDocument,
  seedRecordFile,
} from './support/importing.ts';

let ws: Workspace;
let seed: string;
const record = '2016-06-30-mesa-3-sesion-2.yaml';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  ws = await createWorkspace();
  seed = await readFile(seedDocument, 'utf8');
  await ws.write('data/inbox/acta.txt', seed);
});
afterEach(async () => {
  await ws.remove();
});

const readOut = (name = record) => readFile(join(ws.dir, 'out', name), 'utf8');

describe('importing again', () => {
  it('skips a document already imported ("ya importado") and writes nothing', async () => {
    expect((await runCli(ws.dir, ['import', 'data/inbox/acta.txt', '--out', 'out'])).code).toBe(0);
    const before = await readOut();
    const again = await runCli(ws.dir, ['import', 'data/inbox/acta.txt', '--out', 'out']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`data/inbox/acta.txt: ya importado (out/${record}); no se escribió nada.`);
    expect(await readOut()).toBe(before);
  });

  it('skips a document whose sha256 is in a record it did not write (the hand-made seed record)', async () => {
    await ws.write(`out/${record}`, await readFile(seedRecordFile));
    const result = await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    expect(result.documents.map((d) => [d.status, d.record])).toEqual([['skipped', `out/${record}`]]);
    expect(await filesIn(join(ws.dir, 'out'))).toEqual([record]);
  });

  it('updates a record the importer wrote when its document changed', async () => {
    await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    await ws.write('data/inbox/acta.txt', seed.replace('sala de Comisiones', 'sala de Lectura'));
    const result = await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    expect(result.documents.map((d) => d.status)).toEqual(['updated']);
    expect(await readOut()).toContain('location: Ex Congreso, Morandé 441, sala de Lectura\n');
    const ledger = JSON.parse(await readOut('.imported.json'));
    expect(ledger).toEqual({ '2016-06-30-mesa-3-sesion-2': sha256(await readOut()) });
  });
});

describe('a record edited by hand', () => {
  const crlf = () => seed.replace(/\n/g, '\r\n');

  it('is not overwritten without --force, and is with it', async () => {
    await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    const edited = (await readOut()).replace('sala de Comisiones', 'sala de Comisiones (2° piso)');
    await writeFile(join(ws.dir, 'out', record), edited);
    // The same acta exported again (CRLF): another document, the same record.
    await ws.write('data/inbox/acta.txt', crlf());

    const refused = await runCli(ws.dir, ['import', 'data/inbox/acta.txt', '--out', 'out']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`out/${record}  error ACTAS-E216`);
    expect(refused.stdout).toContain('--force');
    expect(await readOut()).toBe(edited);

    const forced = await runCli(ws.dir, ['import', 'data/inbox/acta.txt', '--out', 'out', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('actualizado');
    const written = await readOut();
    expect(written).not.toContain('(2° piso)');
    expect(written).toContain(`sha256: ${sha256(crlf())}\n`);
    expect(JSON.parse(await readOut('.imported.json'))).toEqual({
      '2016-06-30-mesa-3-sesion-2': sha256(written),
    });
  });

  it('includes a record the importer never wrote (no ledger entry)', async () => {
    const handMade = (await readFile(seedRecordFile, 'utf8')).replace('AMG/CMM', 'AMG');
    await ws.write(`out/${record}`, handMade);
    await ws.write('data/inbox/acta.txt', crlf());
    const result = await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    expect(codesAndLines(result.problems)).toEqual(['ACTAS-E216']);
    expect(await readOut()).toBe(handMade);
    expect(await filesIn(join(ws.dir, 'out'))).toEqual([record]);
  });

  it('is protected when the ledger cannot be read, with a warning', async () => {
    await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    await writeFile(join(ws.dir, 'out/.imported.json'), '{ roto');
    await ws.write('data/inbox/acta.txt', crlf());
    const result = await importIn(ws.dir, { inputs: ['data/inbox/acta.txt'] });
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-W214', 'ACTAS-E216']);
  });
});

describe('writing', () => {
  it('leaves only the record and the ledger: no temporary files', async () => {
    await importIn(ws.dir, { inputs: ['data/inbox/acta.txt', fixtureText('salto-de-pagina')] });
    expect(await filesIn(join(ws.dir, 'out'))).toEqual([
      '.imported.json',
      record,
      '2016-08-08-mesa-3-sesion-4.yaml',
    ]);
  });

  it('refuses a second document that gives the same record in one run', async () => {
    await ws.write('data/inbox/acta-crlf.txt', seed.replace(/\n/g, '\r\n'));
    const result = await importIn(ws.dir, { inputs: ['data/inbox'] });
    expect(result.documents.map((d) => [d.file, d.status])).toEqual([
      ['data/inbox/acta-crlf.txt', 'imported'],
      ['data/inbox/acta.txt', 'failed'],
    ]);
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-E217']);
    expect(result.problems[0]?.message).toContain('data/inbox/acta-crlf.txt');
  });
});

describe('the stage for `actas run`', () => {
  it('imports the configured inbox by default', async () => {
    const result = await importIn(ws.dir, {});
    expect(result.documents.map((d) => [d.file, d.status])).toEqual([['data/inbox/acta.txt', 'imported']]);
    expect(result.written).toEqual([`out/${record}`]);
  });

  it('finds nothing to do, without an error, when the inbox is empty or missing', async () => {
    await ws.remove();
    ws = await createWorkspace();
    expect(await importIn(ws.dir, {})).toEqual({ documents: [], general: [], problems: [], written: [] });
    await ws.write('data/inbox/.gitkeep', '');
    await ws.write('data/inbox/~$acta.docx', 'lock');
    expect(await importIn(ws.dir, {})).toEqual({ documents: [], general: [], problems: [], written: [] });
  });

  it('warns about files in the inbox that are not actas, and imports the rest', async () => {
    await ws.write('data/inbox/acta.pdf', '%PDF');
    const result = await importIn(ws.dir, {});
    expect(result.general.map((p) => [p.code, p.file])).toEqual([['ACTAS-W213', 'data/inbox/acta.pdf']]);
    expect(result.documents.map((d) => d.status)).toEqual(['imported']);
  });
});

describe('the JSON report', () => {
  it('lists every document with its status and located warnings', async () => {
    await ws.write('data/inbox/avisos.txt', await readFile(fixtureText('avisos')));
    const result = await runCli(ws.dir, ['import', '--out', 'out', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, errors: 0, warnings: 9, problems: [] });
    expect(report.documents.map((d: { file: string; status: string }) => [d.file, d.status])).toEqual([
      ['data/inbox/acta.txt', 'imported'],
      ['data/inbox/avisos.txt', 'imported'],
    ]);
    expect(report.documents[1].problems[0]).toMatchObject({
      code: 'ACTAS-W202',
      severity: 'warning',
      file: 'data/inbox/avisos.txt',
      line: 1,
    });
  });

  it('in text, every warning is listed under its document', async () => {
    await ws.write('data/inbox/avisos.txt', await readFile(fixtureText('avisos')));
    const result = await runCli(ws.dir, ['import', 'data/inbox/avisos.txt', '--out', 'out']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'data/inbox/avisos.txt → out/2016-10-10-mesa-8-sesion-2.yaml: importado (9 avisos',
    );
    expect(result.stdout).toContain('data/inbox/avisos.txt:37  aviso ACTAS-W202');
    expect(result.stdout).toContain('0 errores, 9 avisos');
  });
});
