/**
 * Documents that cannot be imported each get one clear, located error, exit code 1 and no stack
 * trace — and nothing is written: the records folder stays empty.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../pipeline/errors/problem.ts';
import { createWorkspace, hasStackTrace, runCli, type Workspace } from '../support/workspace.ts';
import { docxTwin } from './support/docx-twin.ts';
import { filesIn, seedDocument } from './support/importing.ts';

let ws: Workspace;
let seed: string;
beforeEach(async () => {
  ws = await createWorkspace();
  seed = await readFile(seedDocument, 'utf8');
});
afterEach(async () => {
  await ws.remove();
});

interface JsonReport {
  ok: boolean;
  documents: Array<{ file: string; status: string; problems: Problem[] }>;
  problems: Problem[];
}

/** Imports one document (or path) with the JSON report; checks exit 1 and that nothing was written. */
async function importFails(path: string, content?: string | Uint8Array): Promise<Problem[]> {
  if (content !== undefined) await ws.write(path, content);
  const result = await runCli(ws.dir, ['import', path, '--out', 'out', '--format', 'json']);
  expect(result.code).toBe(1);
  expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
  expect(await filesIn(join(ws.dir, 'out'))).toEqual([]);
  const report = JSON.parse(result.stdout) as JsonReport;
  expect(report.ok).toBe(false);
  const problems = [...report.problems, ...report.documents.flatMap((d) => d.problems)];
  for (const d of report.documents) expect(d.status).toBe('failed');
  return problems;
}

/** code, file and line of each problem. */
const located = (problems: readonly Problem[]) =>
  problems.map((p) => ({ code: p.code, file: p.file, ...(p.line === undefined ? {} : { line: p.line }) }));

describe('documents that are not actas', () => {
  it('an empty file', async () => {
    expect(located(await importFails('inbox/vacia.txt', ''))).toEqual([
      { code: 'ACTAS-E205', file: 'inbox/vacia.txt' },
    ]);
  });

  it('only blank lines and a BOM', async () => {
    expect(located(await importFails('inbox/blanca.txt', '\uFEFF\r\n\t\t\r\n  \r\n'))).toEqual([
      { code: 'ACTAS-E205', file: 'inbox/blanca.txt' },
    ]);
  });

  it('a text that is not an acta', async () => {
    const problems = await importFails('inbox/compras.txt', 'Lista de compras\n\nLeche\nPan\n');
    expect(located(problems)).toEqual([{ code: 'ACTAS-E206', file: 'inbox/compras.txt', line: 1 }]);
    expect(problems[0]?.message).toContain('no parece un acta');
  });

  it('an acta cut short, located at its last line', async () => {
    const lines = seed.split('\n');
    const cut = lines.indexOf('Resultado mesas regionales') + 1;
    const problems = await importFails('inbox/cortada.txt', lines.slice(0, cut).join('\n'));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E207', file: 'inbox/cortada.txt', line: cut }]);
    expect(problems[0]?.message).toContain('"Resultado mesas regionales"');
  });

  it('a binary file named .txt', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(located(await importFails('inbox/imagen.txt', png))).toEqual([
      { code: 'ACTAS-E203', file: 'inbox/imagen.txt', line: 3 },
    ]);
  });

  it('a text export that is not UTF-8, located at the first bad byte', async () => {
    const latin1 = new Uint8Array([...strToU8('Reunión\n\nLugar\tMorand'), 0xe9, ...strToU8(' 441\n')]);
    const problems = await importFails('inbox/latin1.txt', latin1);
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['ACTAS-E204', 3, 13]]);
  });

  it('a 30 MB file, refused from its size', async () => {
    const problems = await importFails('inbox/enorme.txt', new Uint8Array(30 * 1024 * 1024).fill(0x61));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E202', file: 'inbox/enorme.txt' }]);
    expect(problems[0]?.message).toContain(`${30 * 1024 * 1024} bytes`);
  });

  it('a file that is neither .txt nor .docx', async () => {
    expect(located(await importFails('inbox/acta.pdf', '%PDF-1.4'))).toEqual([
      { code: 'ACTAS-E201', file: 'inbox/acta.pdf' },
    ]);
  });

  it('a path that does not exist', async () => {
    expect(located(await importFails('inbox/no-existe.txt'))).toEqual([
      { code: 'ACTAS-E004', file: 'inbox/no-existe.txt' },
    ]);
  });

  it('a folder with no acta documents', async () => {
    await ws.write('vacia/notas.md', '# notas');
    expect(located(await importFails('vacia'))).toEqual([
      { code: 'ACTAS-W213', file: 'vacia/notas.md' },
      { code: 'ACTAS-E200', file: 'vacia' },
    ]);
  });
});

describe('Word files that are not Word documents', () => {
  it('a .docx that is not a zip', async () => {
    const problems = await importFails('inbox/falso.docx', seed);
    expect(located(problems)).toEqual([{ code: 'ACTAS-E212', file: 'inbox/falso.docx' }]);
  });

  it('an empty .docx', async () => {
    expect(located(await importFails('inbox/vacio.docx', ''))).toEqual([
      { code: 'ACTAS-E212', file: 'inbox/vacio.docx' },
    ]);
  });

  it('a zip that is not a docx', async () => {
    const zip = zipSync({ 'hola.txt': strToU8('hola') });
    const problems = await importFails('inbox/comprimido.docx', zip);
    expect(located(problems)).toEqual([{ code: 'ACTAS-E213', file: 'inbox/comprimido.docx' }]);
    expect(problems[0]?.message).toContain('word/document.xml');
  });

  it('an OpenDocument file renamed .docx', async () => {
    const odt = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<x/>'),
    });
    const problems = await importFails('inbox/acta.docx', odt);
    expect(located(problems)).toEqual([{ code: 'ACTAS-E213', file: 'inbox/acta.docx' }]);
    expect(problems[0]?.message).toContain('OpenDocument');
  });

  it('a .docx cut in half', async () => {
    const docx = await docxTwin(seed);
    const problems = await importFails('inbox/mitad.docx', docx.slice(0, Math.floor(docx.length / 2)));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E212', file: 'inbox/mitad.docx' }]);
  });

  it('a .docx whose document.xml is damaged', async () => {
    const zip = zipSync({
      'word/document.xml': strToU8('<w:document><w:body><w:p><w:t>Hola</w:p></w:body>'),
    });
    const problems = await importFails('inbox/danado.docx', zip);
    expect(located(problems)).toEqual([{ code: 'ACTAS-E214', file: 'inbox/danado.docx' }]);
  });
});

describe('actas that cannot be named', () => {
  const replace = (from: string, to: string) => seed.replace(from, to);

  it('without the working-group line', async () => {
    const problems = await importFails(
      'inbox/sin-mesa.txt',
      replace('Nombre de la mesa\tMesa N°3: Modernización del Estado (segunda sesión)', ''),
    );
    expect(problems.map((p) => p.code)).toEqual(['ACTAS-E208']);
  });

  it('without a working-group number', async () => {
    const problems = await importFails('inbox/sin-numero.txt', replace('Mesa N°3: ', ''));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E209', file: 'inbox/sin-numero.txt', line: 4 }]);
  });

  it('without a session number', async () => {
    const problems = await importFails('inbox/sin-sesion.txt', replace(' (segunda sesión)', ''));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E210', file: 'inbox/sin-sesion.txt', line: 4 }]);
  });

  it('with a date that cannot be read, and every other fatal problem at once', async () => {
    const problems = await importFails(
      'inbox/sin-fecha.txt',
      replace('30.06.2016', '31.06.2016').replace(' (segunda sesión)', ''),
    );
    expect(located(problems)).toEqual([
      { code: 'ACTAS-E210', file: 'inbox/sin-fecha.txt', line: 4 },
      { code: 'ACTAS-E211', file: 'inbox/sin-fecha.txt', line: 5 },
    ]);
    expect(problems[1]?.message).toContain('"31.06.2016"');
  });

  it('without a FECHA cell', async () => {
    const problems = await importFails('inbox/sin-celda.txt', replace('FECHA\t30.06.2016\t', ''));
    expect(located(problems)).toEqual([{ code: 'ACTAS-E211', file: 'inbox/sin-celda.txt', line: 3 }]);
    expect(problems[0]?.message).toContain('no tiene la fecha de la sesión');
  });

  it('whose record would not be valid (initiatives numbered 1, 12, 3…)', async () => {
    const problems = await importFails('inbox/numeracion.txt', replace('\n2\tCampaña', '\n12\tCampaña'));
    expect(problems.map((p) => [p.code, p.file])).toEqual([['ACTAS-E215', 'inbox/numeracion.txt']]);
    expect(problems[0]?.message).toContain('/initiatives/1/number');
    expect(problems[0]?.message).toContain('out/2016-06-30-mesa-3-sesion-2.yaml');
  });
});

describe('a batch with one bad document', () => {
  it('writes the good ones, reports the bad one and exits 1', async () => {
    await ws.write('inbox/a.txt', seed);
    await ws.write('inbox/b.txt', 'no es un acta');
    const result = await runCli(ws.dir, ['import', 'inbox', '--out', 'out']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('inbox/a.txt → out/2016-06-30-mesa-3-sesion-2.yaml: importado.');
    expect(result.stdout).toContain('inbox/b.txt: no se importó; no se escribió nada.');
    expect(result.stdout).toMatch(/inbox\/b\.txt:1 {2}error ACTAS-E206/);
    expect(await filesIn(join(ws.dir, 'out'))).toEqual(['.imported.json', '2016-06-30-mesa-3-sesion-2.yaml']);
  });
});

describe('usage errors', () => {
  it.each([[['import', '--format', 'xml']], [['import', '--bogus']]])('%j exits 2', async (argv) => {
    const result = await runCli(ws.dir, argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ACTAS-E001');
  });
});
