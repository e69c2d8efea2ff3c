/**
 * The build stage's edges against a real file system: writeTree swaps a complete tree in or leaves
 * the previous one untouched; runBuild writes config.paths.build, skips an unchanged rerun, and its
 * cache never makes the output differ from a clean build.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCacheFile } from '../../pipeline/build/build-cache.ts';
import { buildTree, type PublishedTree, runBuild, writeTree } from '../../pipeline/build/index.ts';
import type { Config } from '../../pipeline/config/config.ts';
import { type Effects, nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { pinnedClock, seedInput, variant } from './support/seed.ts';

const folders: string[] = [];
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'actas-build-run-'));
  folders.push(dir);
  return dir;
}
const effectsIn = (cwd: string, overrides: Partial<Effects> = {}): Effects =>
  nodeEffects({ cwd, log: silentLogger, env: {}, now: () => pinnedClock, ...overrides });

async function readFolder(dir: string, prefix = ''): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [p, b] of await readFolder(dir, path)) files.set(p, b);
    else files.set(path, await readFile(join(dir, path)));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function expectSameTree(folder: Map<string, Buffer>, tree: PublishedTree) {
  expect([...folder.keys()]).toEqual([...tree.keys()]);
  for (const [path, bytes] of tree) expect(folder.get(path)?.equals(Buffer.from(bytes)), path).toBe(true);
}

const smallTree = (content: string): PublishedTree =>
  new Map([
    ['a.txt', new TextEncoder().encode(content)],
    ['sub/dir/b.txt', new TextEncoder().encode(`${content}!`)],
  ]);

describe('writeTree', () => {
  it('writes a tree into a new folder, then replaces it whole, leaving no temporary folders', async () => {
    const ws = await workspace();
    expect(await writeTree(smallTree('uno'), 'out', effectsIn(ws))).toEqual([]);
    expectSameTree(await readFolder(join(ws, 'out')), smallTree('uno'));
    await writeFile(join(ws, 'out', 'stale.txt'), 'from an older build');
    expect(await writeTree(smallTree('dos'), 'out', effectsIn(ws))).toEqual([]);
    expectSameTree(await readFolder(join(ws, 'out')), smallTree('dos'));
    expect(await readdir(ws)).toEqual(['out']);
    // Readable by others, as a published folder must be (mkdtemp would make it 0700).
    expect((await stat(join(ws, 'out'))).mode & 0o777).toBe(0o777 & ~process.umask());
  });

  it('leaves the previous output untouched when writing fails, and reports ACTAS-E300', async () => {
    const ws = await workspace();
    await writeTree(smallTree('uno'), 'out', effectsIn(ws));
    const failing = nodeEffects().fs;
    const fs: Effects['fs'] = {
      ...failing,
      writeFile: (async (path: Parameters<typeof failing.writeFile>[0], ...rest: unknown[]) => {
        if (String(path).endsWith('b.txt')) throw new Error('ENOSPC: no space left on device');
        return (failing.writeFile as (...args: unknown[]) => Promise<void>)(path, ...rest);
      }) as Effects['fs']['writeFile'],
    };
    const problems = await writeTree(smallTree('dos'), 'out', effectsIn(ws, { fs }));
    expect(problems.map((p) => p.code)).toEqual(['ACTAS-E300']);
    expect(problems[0]?.message).toContain('ENOSPC');
    expect(problems[0]?.message).toContain('La salida anterior quedó intacta');
    expectSameTree(await readFolder(join(ws, 'out')), smallTree('uno'));
    expect(await readdir(ws)).toEqual(['out']);
  });

  it('refuses a path that would escape the folder', async () => {
    const ws = await workspace();
    const problems = await writeTree(new Map([['../evil.txt', new Uint8Array()]]), 'out', effectsIn(ws));
    expect(problems.map((p) => p.code)).toEqual(['ACTAS-E300']);
    expect(await readdir(ws)).toEqual([]);
  });
});

describe('runBuild', () => {
  const configIn = async (change: (c: Config) => void = () => {}) => {
    const { config } = await seedInput();
    config.paths.build = 'salida/build';
    change(config);
    return config;
  };

  it('writes the tree to config.paths.build; an unchanged rerun writes nothing and returns the same tree', async () => {
    const ws = await workspace();
    const input = await seedInput();
    const config = await configIn();
    const first = await runBuild(config, effectsIn(ws), {
      records: input.records,
      organizations: input.organizations,
      version: '1.0.0',
    });
    expect(first.problems).toEqual([]);
    expect(first.written).toBe(true);
    expect(first.dir).toBe(join(ws, 'salida/build'));
    expectSameTree(await readFolder(first.dir), first.tree);
    expectSameTree(await readFolder(first.dir), await buildTree(input));
    // The cache lives outside the published folder.
    expect((await readFolder(first.dir)).has(buildCacheFile)).toBe(false);
    await stat(join(ws, buildCacheFile));

    const again = await runBuild(config, effectsIn(ws), {
      records: input.records,
      organizations: input.organizations,
      version: '1.0.0',
    });
    expect(again.written).toBe(false);
    // Served whole from the cache, the rerun still remembers the tables, workbook and database on their own.
    const manifest = JSON.parse(await readFile(join(ws, buildCacheFile), 'utf8')) as {
      artifacts: Array<{ files: Record<string, string> }>;
    };
    const cached = manifest.artifacts.map((a) => Object.keys(a.files));
    for (const path of ['actas.xlsx', 'actas.sqlite', 'data/sessions.csv'])
      expect(cached).toContainEqual([path]);
    expect([...again.tree.keys()]).toEqual([...first.tree.keys()]);
    for (const [path, bytes] of first.tree)
      expect(Buffer.from(again.tree.get(path) as Uint8Array).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('never lets the cache change the output: tampered files, edited records, a new version', async () => {
    const ws = await workspace();
    const input = await seedInput();
    const config = await configIn();
    const options = { records: input.records, organizations: input.organizations, version: '1.0.0' };
    const first = await runBuild(config, effectsIn(ws), options);

    // A file changed by hand in the build folder is not reused: the rerun restores a clean build.
    await writeFile(join(first.dir, 'data/sessions.csv'), 'manipulado');
    await writeFile(join(first.dir, 'actas.xlsx'), 'manipulado');
    await writeFile(join(first.dir, 'extra.txt'), 'sobra');
    const restored = await runBuild(config, effectsIn(ws), options);
    expect(restored.written).toBe(true);
    expectSameTree(await readFolder(restored.dir), await buildTree(input));

    // A changed record, a second session, a new version and clock: exactly a clean build of them.
    const edited = await variant('2016-06-30-mesa-3-sesion-2', (r) => {
      (r.attendees[0] as { last_name: string }).last_name = 'Bruhn Soto';
    });
    const added = await variant('2016-07-14-mesa-3-sesion-3');
    const later = new Date('2026-02-01T00:00:00Z');
    const next = await runBuild(config, effectsIn(ws, { now: () => later }), {
      ...options,
      records: [edited, added],
      version: '1.1.0',
    });
    expect(next.written).toBe(true);
    const clean = await buildTree({ ...input, records: [edited, added], version: '1.1.0', created: later });
    expectSameTree(await readFolder(next.dir), clean);
  });

  it('writes nothing and keeps the previous output when the input is invalid', async () => {
    const ws = await workspace();
    const input = await seedInput();
    const config = await configIn();
    const options = { records: input.records, organizations: input.organizations, version: '1.0.0' };
    const first = await runBuild(config, effectsIn(ws), options);
    const before = await readFolder(first.dir);
    const bad = await runBuild(config, effectsIn(ws), { ...options, version: 'uno' });
    expect(bad.problems.map((p) => p.code)).toEqual(['ACTAS-E303']);
    expect(bad.written).toBe(false);
    expect(await readFolder(first.dir)).toEqual(before);
  });

  it('passes `sha256sum -c` on the written folder', async () => {
    const ws = await workspace();
    const input = await seedInput();
    const result = await runBuild(await configIn(), effectsIn(ws), {
      records: input.records,
      organizations: input.organizations,
      version: '1.0.0',
    });
    const out = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], {
      cwd: result.dir,
      encoding: 'utf8',
    });
    expect(
      out
        .trim()
        .split('\n')
        .every((line) => line.endsWith(': OK')),
    ).toBe(true);
  });
});

describe('a build folder inside a missing parent', () => {
  it('is created with its parents', async () => {
    const ws = await workspace();
    await mkdir(join(ws, 'x'));
    expect(await writeTree(smallTree('uno'), 'x/y/z/out', effectsIn(ws))).toEqual([]);
    expectSameTree(await readFolder(join(ws, 'x/y/z/out')), smallTree('uno'));
  });
});
