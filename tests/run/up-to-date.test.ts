/**
 * The up-to-date check of `actas run`, against real git repositories: a run with nothing new is
 * answered without building; anything that could change the answer (a file touched in build/, a
 * commit made behind the pipeline's back, the configuration, a record, the registry, a damaged
 * stamp) sends the run down the full path, and the outcome is what a run without the check gives.
 */
import { execFileSync } from 'node:child_process';
import { appendFile, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, mergeConfig } from '../../pipeline/config/config.ts';
import { type Logger, nodeEffects } from '../../pipeline/effects.ts';
import { run } from '../../pipeline/run.ts';
import { upToDateFile } from '../../pipeline/up-to-date.ts';
import { startGitHubStandIn } from '../support/github-standin.ts';
import { git } from '../support/published.ts';
import { createWorkspace, runActas, type Workspace } from '../support/workspace.ts';

const workspaces: Workspace[] = [];
afterEach(async () => {
  for (const ws of workspaces.splice(0)) await ws.remove();
});

/** `actas run` in the workspace; `answered` tells whether the up-to-date check gave the outcome. */
async function runIn(ws: Workspace, config: Config = mergeConfig({}), env: Record<string, string> = {}) {
  const debug: string[] = [];
  const log: Logger = { info() {}, warn() {}, error() {}, debug: (m) => debug.push(m) };
  const effects = nodeEffects({ cwd: ws.dir, log, env });
  const result = await run({ config, until: 'publish', command: 'test' }, effects);
  return { ...result, answered: debug.some((line) => line.startsWith('Al día')) };
}

/** A workspace whose seed is published as 1.0.0 and whose stamp says so. */
async function published() {
  const ws = await createWorkspace({ seed: true });
  workspaces.push(ws);
  const first = await runIn(ws);
  expect(first.outcome).toBe('published');
  expect(first.answered).toBe(false);
  return ws;
}

describe('the up-to-date check', () => {
  it('answers a run with nothing new without building, and touches nothing', async () => {
    const ws = await published();
    const built = join(ws.dir, 'build', 'actas.sqlite');
    const before = await stat(built);
    const again = await runIn(ws);
    expect(again).toMatchObject({ outcome: 'unchanged', version: '1.0.0', answered: true });
    expect(again.lines.at(-1)).toContain('Sin cambios: la versión publicada sigue siendo la 1.0.0');
    expect((await stat(built)).mtimeMs).toBe(before.mtimeMs);
    expect(git(join(ws.dir, 'public'), 'rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('notices a file changed in build/ even when its size is kept, and puts it back', async () => {
    const ws = await published();
    const file = join(ws.dir, 'build', 'CITATION.cff');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('cff-version', 'CFF-VERSION'));
    const repaired = await runIn(ws);
    expect(repaired).toMatchObject({ outcome: 'unchanged', answered: false });
    expect(await readFile(file, 'utf8')).toBe(original);
    expect((await runIn(ws)).answered).toBe(true);
  });

  it('notices a commit made to the target behind its back', async () => {
    const ws = await published();
    const repo = join(ws.dir, 'public');
    // The target is a bare-bones repository without a work tree: commit a changed README through plumbing.
    const readme = git(repo, 'show', 'HEAD:README.md');
    const blob = execFileSync('git', ['-C', repo, 'hash-object', '-w', '--stdin'], {
      input: `${readme}\nEditado a mano.\n`,
      encoding: 'utf8',
    }).trim();
    const entries = git(repo, 'ls-tree', 'HEAD')
      .split('\n')
      .map((line) => (line.endsWith('\tREADME.md') ? `100644 blob ${blob}\tREADME.md` : line));
    const tree = execFileSync('git', ['-C', repo, 'mktree'], {
      input: `${entries.join('\n')}\n`,
      encoding: 'utf8',
    }).trim();
    const commit = git(repo, 'commit-tree', tree, '-p', 'HEAD', '-m', 'a mano');
    git(repo, 'update-ref', 'refs/heads/main', commit);

    const next = await runIn(ws);
    expect(next.answered).toBe(false);
    expect(next).toMatchObject({ outcome: 'published', version: '1.0.1' });
    expect(git(repo, 'show', 'HEAD:README.md')).not.toContain('Editado a mano.');
  });

  it('starts again when the configuration, a record or the registry changes', async () => {
    const ws = await published();
    const retitled = mergeConfig({ dataset: { title: 'Actas de Gobierno Abierto' } });
    expect(await runIn(ws, retitled)).toMatchObject({ outcome: 'published', answered: false });
    expect((await runIn(ws, retitled)).answered).toBe(true);

    // A comment in the registry changes its bytes but not the data: checked again, still unchanged.
    await appendFile(join(ws.dir, 'data/organizations.yaml'), '\n# revisado\n');
    expect(await runIn(ws, retitled)).toMatchObject({ outcome: 'unchanged', answered: false });

    const record = join(ws.dir, 'data/sessions/2016-06-30-mesa-3-sesion-2.yaml');
    await writeFile(record, (await readFile(record, 'utf8')).replace('Bruhn', 'Bruhn Soto'));
    expect(await runIn(ws, retitled)).toMatchObject({ outcome: 'published', answered: false });
  });

  it('notices an extra file in build/, and a file rewritten in place with its size and time kept', async () => {
    const ws = await published();
    await writeFile(join(ws.dir, 'build', 'extra.txt'), 'no es parte del conjunto de datos\n');
    expect(await runIn(ws)).toMatchObject({ outcome: 'unchanged', answered: false });
    await expect(stat(join(ws.dir, 'build', 'extra.txt'))).rejects.toThrow();
    expect((await runIn(ws)).answered).toBe(true);

    // Same inode, size and modification time: only the change time tells. The time is set to a
    // whole second first (and stamped so), so that setting it back gives exactly the same value.
    const file = join(ws.dir, 'build', 'CITATION.cff');
    const original = await readFile(file, 'utf8');
    const second = 1_700_000_000;
    await utimes(file, second, second);
    expect(await runIn(ws)).toMatchObject({ outcome: 'unchanged', answered: false });
    expect((await runIn(ws)).answered).toBe(true);
    await writeFile(file, original.replace('cff-version', 'CFF-VERSION'));
    await utimes(file, second, second);
    expect((await stat(file)).mtimeMs).toBe(second * 1000);
    expect(await runIn(ws)).toMatchObject({ outcome: 'unchanged', answered: false });
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('without a stamp, still leaves a build folder that holds the version as it is', async () => {
    const ws = await published();
    await rm(join(ws.dir, upToDateFile));
    const built = join(ws.dir, 'build', 'datapackage.json');
    const before = await stat(built);
    expect(await runIn(ws)).toMatchObject({ outcome: 'unchanged', answered: false });
    expect((await stat(built)).ino).toBe(before.ino);
  });

  it('answers runs in separate processes of the real binary', async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const debug = { ACTAS_DEBUG: '1' };
    expect((await runActas(ws.dir, ['run'], debug)).stdout).toContain('Publicación: versión 1.0.0');
    const again = await runActas(ws.dir, ['run'], debug);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sin cambios');
    expect(again.stderr).toContain('Al día según .actas/up-to-date.json');
  });

  it('works the same with the dir target, and notices a file changed in the published folder', async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const config = mergeConfig({ target: { kind: 'dir', path: 'sitio' } });
    expect((await runIn(ws, config)).outcome).toBe('published');
    expect(await runIn(ws, config)).toMatchObject({ outcome: 'unchanged', answered: true });
    await appendFile(join(ws.dir, 'sitio', 'README.md'), '\nEditado a mano.\n');
    expect(await runIn(ws, config)).toMatchObject({
      outcome: 'published',
      version: '1.0.1',
      answered: false,
    });
    expect(await readFile(join(ws.dir, 'sitio', 'README.md'), 'utf8')).not.toContain('Editado a mano.');
  });

  it('works the same with the github target, with four reads and no write', async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const standIn = await startGitHubStandIn();
    try {
      const config = mergeConfig({
        target: { kind: 'github', repository: `${standIn.owner}/${standIn.repo}`, api_url: standIn.apiUrl },
      });
      const env = { ACTAS_GITHUB_TOKEN: standIn.token };
      expect((await runIn(ws, config, env)).outcome).toBe('published');
      const before = standIn.requests.length;
      expect(await runIn(ws, config, env)).toMatchObject({ outcome: 'unchanged', answered: true });
      const calls = standIn.requests.slice(before);
      expect(calls.every((r) => r.method === 'GET')).toBe(true);
      // The branch, its commit, the tree listing, and datapackage.json for the version number.
      expect(calls.map((r) => r.path.split('/').slice(4, 6).join('/'))).toEqual([
        'git/ref',
        'git/commits',
        'git/trees',
        'git/blobs',
      ]);
    } finally {
      await standIn.close();
    }
  });

  it('takes a damaged stamp as no stamp, and writes a good one', async () => {
    const ws = await published();
    await writeFile(join(ws.dir, upToDateFile), '{"format": 1, "inputs": ');
    expect(await runIn(ws)).toMatchObject({ outcome: 'unchanged', answered: false });
    expect((await runIn(ws)).answered).toBe(true);
  });

  it('is not written by a dry run', async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const dry = await run(
      { config: mergeConfig({}), until: 'publish', dryRun: true, command: 'test' },
      nodeEffects({ cwd: ws.dir, log: { info() {}, warn() {}, error() {}, debug() {} } }),
    );
    expect(dry.outcome).toBe('dry-run');
    await expect(stat(join(ws.dir, upToDateFile))).rejects.toThrow();
  });
});
