/**
 * The golden tree: the seed record with the registry, default configuration, version 1.0.0 and the
 * clock pinned at 2026-01-01T00:00:00Z gives exactly the files in tests/cases/seed/expected, byte
 * for byte (XLSX and SQLite too). UPDATE_GOLDEN=1 rewrites them after an intended change; review
 * the diff before committing it.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../pipeline/build/index.ts';
import { isSiteFile } from '../../pipeline/site/site-files.ts';
import { repoRoot } from '../support/workspace.ts';
import { seedInput } from './support/seed.ts';

const expectedDir = join(repoRoot, 'tests/cases/seed/expected');
const update = process.env.UPDATE_GOLDEN === '1';

async function listExpected(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listExpected(dir, path)));
    else files.push(path);
  }
  return files.sort();
}

describe('the golden tree of the seed record', () => {
  it('is byte for byte tests/cases/seed/expected', async () => {
    const tree = await buildTree(await seedInput());
    if (update) {
      await rm(expectedDir, { recursive: true, force: true });
      for (const [path, bytes] of tree) {
        await mkdir(dirname(join(expectedDir, path)), { recursive: true });
        await writeFile(join(expectedDir, path), bytes);
      }
      console.info(`UPDATE_GOLDEN=1: rewrote ${tree.size} files in tests/cases/seed/expected`);
    }
    const expectedPaths = await listExpected(expectedDir);
    expect([...tree.keys()]).toEqual(expectedPaths);
    for (const path of expectedPaths) {
      const expected = new Uint8Array(await readFile(join(expectedDir, path)));
      const actual = tree.get(path) as Uint8Array;
      // Text files show a readable diff; binary files compare as bytes.
      if (/\.(csv|json|jsonld|md|cff)$|SHA256SUMS$/.test(path)) {
        expect(new TextDecoder().decode(actual), path).toBe(new TextDecoder().decode(expected));
      } else {
        expect(
          Buffer.from(actual).equals(Buffer.from(expected)),
          `${path} differs from the golden file`,
        ).toBe(true);
      }
    }
  });

  it('is the same bytes when built twice, in another time zone and later', async () => {
    const first = await buildTree(await seedInput());
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Chatham';
    try {
      await new Promise((r) => setTimeout(r, 1100));
      const second = await buildTree(await seedInput());
      expect([...second.keys()]).toEqual([...first.keys()]);
      for (const [path, bytes] of first) {
        expect(Buffer.from(second.get(path) as Uint8Array).equals(Buffer.from(bytes)), path).toBe(true);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('differs only where the version and the clock are written when they change', async () => {
    const base = await buildTree(await seedInput());
    const later = await buildTree(
      await seedInput({ version: '1.1.0', created: new Date('2027-03-04T05:06:07Z') }),
    );
    const changed = [...base.keys()].filter(
      (p) => !Buffer.from(base.get(p) as Uint8Array).equals(Buffer.from(later.get(p) as Uint8Array)),
    );
    // The landing page shows the version and the date, and the sizes and hashes of the files above.
    expect(changed.filter(isSiteFile)).toEqual([
      'cambios.html',
      'diccionario.html',
      'explorar.html',
      'index.html',
      'records/2016-06-30-mesa-3-sesion-2.html',
    ]);
    expect(changed.filter((p) => !isSiteFile(p))).toEqual([
      'CITATION.cff',
      'README.md',
      'SHA256SUMS',
      'actas.xlsx',
      'catalog.jsonld',
      'datapackage.json',
    ]);
  });
});
