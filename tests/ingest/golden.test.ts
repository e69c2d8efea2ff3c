/**
 * The importer reproduces the hand-made record of the seed acta byte for byte, and each variant of
 * the template gives its golden record, with exactly the warnings it should.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, hasStackTrace, repoRoot, runActas, type Workspace } from '../support/workspace.ts';
import {
  codesAndLines,
  filesIn,
  fixtureGolden,
  fixtureNames,
  fixtureText,
  importIn,
  seedDocument,
  seedRecordFile,
} from './support/importing.ts';

let ws: Workspace;
beforeEach(async () => {
  ws = await createWorkspace();
});
afterEach(async () => {
  await ws.remove();
});

describe('the seed acta', () => {
  it('imports to exactly data/sessions/2016-06-30-mesa-3-sesion-2.yaml', async () => {
    const result = await importIn(ws.dir, { inputs: [seedDocument] });
    expect(result.problems).toEqual([]);
    expect(result.documents).toEqual([
      {
        file: seedDocument,
        status: 'imported',
        id: '2016-06-30-mesa-3-sesion-2',
        record: 'out/2016-06-30-mesa-3-sesion-2.yaml',
        problems: [],
      },
    ]);
    const written = await readFile(join(ws.dir, 'out/2016-06-30-mesa-3-sesion-2.yaml'));
    expect(written.equals(await readFile(seedRecordFile))).toBe(true);
    expect(await filesIn(join(ws.dir, 'out'))).toEqual(['.imported.json', '2016-06-30-mesa-3-sesion-2.yaml']);
  });

  it('imports through the real CLI with exit 0', async () => {
    const result = await runActas(repoRoot, [
      'import',
      'data/inbox/000_2ede7aa9bd753bcb.txt',
      '--out',
      ws.dir,
    ]);
    expect(result.code).toBe(0);
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(result.stdout).toContain('data/inbox/000_2ede7aa9bd753bcb.txt → ');
    expect(result.stdout).toContain('importado');
    expect(result.stdout).toContain('0 errores, 0 avisos');
    const written = await readFile(join(ws.dir, '2016-06-30-mesa-3-sesion-2.yaml'));
    expect(written.equals(await readFile(seedRecordFile))).toBe(true);
  });
});

/** The warnings each variant must give, as "code@line"; the rest must give none. */
const expectedWarnings: Partial<Record<(typeof fixtureNames)[number], string[]>> = {
  'sin-secciones': ['ACTAS-W201@1'],
  avisos: [
    'ACTAS-W202@1',
    'ACTAS-W203@3',
    'ACTAS-W207@7',
    'ACTAS-W205@15',
    'ACTAS-W212@19',
    'ACTAS-W206@20',
    'ACTAS-W204@30',
    'ACTAS-W209@34',
    'ACTAS-W202@37',
  ],
};

describe('variants of the template', () => {
  it.each(fixtureNames)('%s gives its golden record byte for byte', async (name) => {
    const document = `data/inbox/${name}.txt`;
    await ws.write(document, await readFile(fixtureText(name)));
    const result = await importIn(ws.dir, { inputs: [document] });
    const [doc] = result.documents;
    expect(doc?.status).toBe('imported');
    expect(codesAndLines(result.problems)).toEqual(expectedWarnings[name] ?? []);
    for (const p of result.problems) expect(p).toMatchObject({ severity: 'warning', file: document });
    const written = await readFile(join(ws.dir, doc?.record ?? ''));
    expect(written.toString('utf8')).toBe(await readFile(fixtureGolden(name), 'utf8'));
  });
});
