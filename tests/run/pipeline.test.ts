/**
 * The whole pipeline on the real seed, against real git repositories: first publication, nothing
 * changed, a correction, a new session, a removed column, invalid input, dry runs, two runs at
 * once, and build-then-publish.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildTree } from '../../pipeline/build/build-tree.ts';
import { mergeConfig } from '../../pipeline/config/config.ts';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import { readFolderTree } from '../../pipeline/publish/dir-target.ts';
import { acquireLock } from '../../pipeline/publish/lock.ts';
import { serializeRecord } from '../../pipeline/records/serialize.ts';
import { planRelease } from '../../pipeline/release/plan.ts';
import { memoryTreeView } from '../../pipeline/release/tree.ts';
import { run } from '../../pipeline/run.ts';
import { loadRegistry } from '../../pipeline/validate/registry.ts';
import { checkWholeVersion, git, gitTreeFiles } from '../support/published.ts';
import {
  createWorkspace,
  hasStackTrace,
  registryPath,
  repoRoot,
  runActas,
  runCli,
  seedRecordPath,
  type Workspace,
} from '../support/workspace.ts';

const workspaces: Workspace[] = [];
afterEach(async () => {
  for (const ws of workspaces.splice(0)) await ws.remove();
});
async function seeded() {
  const ws = await createWorkspace({ seed: true });
  workspaces.push(ws);
  return ws;
}
const seedRecord = async () => parse(await readFile(seedRecordPath, 'utf8')) as SessionRecord;

async function editSeed(ws: Workspace, change: (r: SessionRecord) => void) {
  const record = await seedRecord();
  change(record);
  await ws.write('data/sessions/2016-06-30-mesa-3-sesion-2.yaml', serializeRecord(record));
}

describe('actas run', () => {
  it('publishes 1.0.0, then says nothing changed; a fix is 1.0.1, a new session 1.1.0', async () => {
    const ws = await seeded();
    const first = await runCli(ws.dir, ['run']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Publicación: versión 1.0.0');
    const repo = join(ws.dir, 'public');
    expect(git(repo, 'tag', '--list')).toBe('v1.0.0');
    expect(checkWholeVersion(gitTreeFiles(repo, 'HEAD')).version).toBe('1.0.0');

    // The build folder already holds this version (beside the note of the release it was
    // planned as): an unchanged run leaves its files as they are, down to the inode.
    const builtFile = join(ws.dir, 'build', 'datapackage.json');
    const builtBefore = await stat(builtFile);
    const again = await runCli(ws.dir, ['run']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sin cambios: la versión publicada sigue siendo la 1.0.0');
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('1');
    expect((await stat(builtFile)).ino).toBe(builtBefore.ino);

    await editSeed(ws, (r) => {
      (r.attendees[0] as { last_name: string }).last_name = 'Bruhn Soto';
    });
    const fix = await runCli(ws.dir, ['run']);
    expect(fix.stdout).toContain('versión 1.0.1 (patch desde 1.0.0)');
    const changes = JSON.parse(git(repo, 'show', 'HEAD:changes/1.0.1.json'));
    expect(changes.resources.find((r: { resource: string }) => r.resource === 'attendance').changed).toEqual([
      { key: '2016-06-30-mesa-3-sesion-2/1', fields: ['last_name'] },
    ]);

    const next = await seedRecord();
    next.id = '2016-07-14-mesa-3-sesion-3';
    next.date = '2016-07-14';
    next.session_number = 3;
    next.prepared_on = '2016-07-20';
    next.convened_on = '2016-07-01';
    await ws.write('data/sessions/2016-07-14-mesa-3-sesion-3.yaml', serializeRecord(next));
    const added = await runCli(ws.dir, ['run']);
    expect(added.stdout).toContain('versión 1.1.0 (minor desde 1.0.1)');
    expect(git(repo, 'tag', '--list')).toBe('v1.0.0\nv1.0.1\nv1.1.0');
    const changelog = git(repo, 'show', 'HEAD:CHANGELOG.md');
    expect(changelog.indexOf('## 1.1.0')).toBeLessThan(changelog.indexOf('## 1.0.1'));
    expect(JSON.parse(git(repo, 'show', 'HEAD:datapackage.json')).version).toBe('1.1.0');
    expect(checkWholeVersion(gitTreeFiles(repo, 'v1.1.0')).version).toBe('1.1.0');
  });

  it('removing a column from a resource is 2.0.0', async () => {
    const config = mergeConfig({});
    const organizations = loadRegistry({
      path: 'data/organizations.yaml',
      bytes: await readFile(registryPath),
    }).index;
    const records = [await seedRecord()];
    const build =
      (drop: boolean) => async (version: string, created: Date, history: ReadonlyMap<string, Uint8Array>) => {
        const tree = await buildTree({
          records,
          organizations,
          config,
          version,
          created,
          extraFiles: history,
        });
        if (!drop) return tree;
        // The builder of a later release no longer publishes initiatives.previous_result.
        const descriptor = JSON.parse(new TextDecoder().decode(tree.get('datapackage.json')));
        const resource = descriptor.resources.find((r: { name: string }) => r.name === 'initiatives');
        resource.schema.fields = resource.schema.fields.filter(
          (f: { name: string }) => f.name !== 'previous_result',
        );
        tree.set('datapackage.json', new TextEncoder().encode(JSON.stringify(descriptor)));
        return tree;
      };
    const now = new Date('2026-11-24T12:00:00Z');
    const first = await planRelease(null, now, build(false));
    if (first.kind !== 'release') throw new Error('expected a release');
    const second = await planRelease(
      { version: first.version, tree: memoryTreeView(first.tree) },
      now,
      build(true),
    );
    expect(second.kind === 'release' && second.version).toBe('2.0.0');
    expect(second.kind === 'release' && second.decision.reasons).toEqual([
      'se eliminó el campo initiatives.previous_result',
    ]);
  });

  it('invalid input publishes nothing and exits 1', async () => {
    const ws = await seeded();
    await runCli(ws.dir, ['run']);
    await editSeed(ws, (r) => {
      r.end_time = '14:00';
    });
    const result = await runCli(ws.dir, ['run']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('ACTAS-E124');
    expect(result.stdout).toContain('No se publicó nada');
    expect(hasStackTrace(result.stdout + result.stderr)).toBe(false);
    expect(git(join(ws.dir, 'public'), 'tag', '--list')).toBe('v1.0.0');
  });

  it('--dry-run shows the bump, the files and the notes, and publishes nothing', async () => {
    const ws = await seeded();
    const result = await runCli(ws.dir, ['run', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ensayo (--dry-run)');
    expect(result.stdout).toContain('agregar datapackage.json');
    expect(result.stdout).toContain('la etiqueta anotada v1.0.0');
    expect(result.stdout).toContain('**Primera publicación.**');
    expect((await ws.listFiles()).some((f) => f.startsWith('public/'))).toBe(false);
  });

  it('a second run while one holds the lock stops with a clear message and publishes nothing', async () => {
    const ws = await seeded();
    const effects = nodeEffects({ cwd: ws.dir, log: silentLogger });
    const lock = await acquireLock(effects, join(ws.dir, '.actas/lock'), 'actas schedule');
    try {
      const result = await runCli(ws.dir, ['run']);
      expect(result.code).toBe(3);
      expect(result.stdout).toContain('ACTAS-E403');
      expect(result.stdout).toContain('actas schedule');
    } finally {
      await lock.release();
    }
    const config = mergeConfig({});
    const [a, b] = await Promise.all([
      run({ config, until: 'publish', command: 'a' }, effects),
      run({ config, until: 'publish', command: 'b' }, effects),
    ]);
    expect([a.outcome, b.outcome].sort()).toEqual(['busy', 'published']);
    expect(git(join(ws.dir, 'public'), 'tag', '--list')).toBe('v1.0.0');
  });

  it('build, then publish exactly what was built; publish refuses a build planned on another version', async () => {
    const ws = await seeded();
    const built = await runCli(ws.dir, ['build']);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain('versión 1.0.0');
    const effects = nodeEffects({ cwd: ws.dir, log: silentLogger });
    expect(checkWholeVersion(await readFolderTree(effects, join(ws.dir, 'build'))).version).toBe('1.0.0');
    expect((await ws.listFiles()).some((f) => f.startsWith('public/'))).toBe(false);
    const published = await runCli(ws.dir, ['publish']);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('Publicación: versión 1.0.0');
    expect((await runCli(ws.dir, ['publish'])).stdout).toContain('Sin cambios');

    await editSeed(ws, (r) => {
      r.location = 'Ex Congreso Nacional';
    });
    await runCli(ws.dir, ['build']);
    await editSeed(ws, (r) => {
      r.location = 'Ex Congreso Nacional, Santiago';
    });
    // Meanwhile someone else publishes 1.0.1 from another build folder.
    await run(
      { config: mergeConfig({ paths: { build: 'other-build' } }), until: 'publish', command: 'x' },
      nodeEffects({ cwd: ws.dir, log: silentLogger }),
    );
    const stale = await runCli(ws.dir, ['publish']);
    expect(stale.code).toBe(3);
    expect(stale.stdout).toContain('ACTAS-E408');
  });
});

describe('npm start on a fresh clone', () => {
  it('imports the seed from the inbox, publishes 1.0.0 to public/, and a second run says nothing changed', async () => {
    const ws = await createWorkspace();
    workspaces.push(ws);
    await ws.write(
      'data/inbox/000_2ede7aa9bd753bcb.txt',
      await readFile(join(repoRoot, 'data/inbox/000_2ede7aa9bd753bcb.txt')),
    );
    const first = await runActas(ws.dir, ['run']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Importación: 1 acta nueva');
    expect(first.stdout).toContain('Publicación: versión 1.0.0');
    // The importer reproduces the bundled record exactly.
    expect(await readFile(join(ws.dir, 'data/sessions/2016-06-30-mesa-3-sesion-2.yaml'), 'utf8')).toBe(
      await readFile(seedRecordPath, 'utf8'),
    );
    const second = await runActas(ws.dir, ['run']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Sin cambios: la versión publicada sigue siendo la 1.0.0');
  });
});
