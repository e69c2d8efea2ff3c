/**
 * Reliability: `actas run` killed with SIGKILL at random moments, 30 times per target. After each
 * kill the target holds one whole version (git: HEAD's tree, the newest tag and datapackage.json
 * agree and every file matches SHA256SUMS; dir: the folder is the old or the new version, never a
 * mix), and the next run completes, cleaning up what the killed one left.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { readFolderTree } from '../../pipeline/publish/dir-target.ts';
import { checkWholeVersion, gitTreeFiles } from '../support/published.ts';
import { actasBin, createWorkspace, readSeedRecord, runActas, type Workspace } from '../support/workspace.ts';

const kills = 30;
const workspaces: Workspace[] = [];
afterAll(async () => {
  for (const ws of workspaces) await ws.remove();
});

/** Starts `actas run`, kills it with SIGKILL after `delayMs`, resolves when it is gone. */
function runAndKill(cwd: string, args: string[], delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [actasBin, 'run', ...args], { cwd, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

function checkGit(repo: string): string {
  const head = checkWholeVersion(gitTreeFiles(repo, 'HEAD')).version;
  const tags = git(repo, 'tag', '--list', '--sort=-version:refname').split('\n');
  expect(tags[0]).toBe(`v${head}`);
  expect(git(repo, 'rev-parse', `${tags[0]}^{commit}`)).toBe(git(repo, 'rev-parse', 'HEAD'));
  return head;
}

async function checkDir(cwd: string): Promise<string> {
  const effects = nodeEffects({ cwd, log: silentLogger });
  const site = join(cwd, 'site');
  // Killed between the swap's two renames, the old version waits whole beside it for the next run.
  const folder = (await exists(site)) ? site : join(cwd, '.site.actas-old');
  return checkWholeVersion(await readFolderTree(effects, folder)).version;
}

async function killRepeatedly(
  ws: Workspace,
  args: string[],
  check: () => Promise<string> | string,
): Promise<Set<string>> {
  const seed = await readSeedRecord();
  const first = await runActas(ws.dir, ['run', ...args]);
  expect(first.code).toBe(0);
  const seen = new Set<string>([await check()]);
  const started = Date.now();
  await runActas(ws.dir, ['run', ...args]);
  const runMs = Math.max(Date.now() - started, 800);
  for (let i = 0; i < kills; i++) {
    await ws.write(
      'data/sessions/2016-06-30-mesa-3-sesion-2.yaml',
      seed.replace('sala de Comisiones', `sala ${i + 1}`),
    );
    // Spread the kills over the whole run, publication included.
    await runAndKill(ws.dir, args, 250 + Math.floor(Math.random() * (runMs * 1.5)));
    seen.add(await check());
  }
  const last = await runActas(ws.dir, ['run', ...args]);
  expect(last.code, last.stdout + last.stderr).toBe(0);
  seen.add(await check());
  const again = await runActas(ws.dir, ['run', ...args]);
  expect(again.stdout).toContain('Sin cambios');
  return seen;
}

describe('SIGKILL at random moments', () => {
  it(`git target: ${kills} kills, always one whole version, then the next run completes`, async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const repo = join(ws.dir, 'public');
    const versions = await killRepeatedly(ws, [], () => checkGit(repo));
    expect(git(repo, 'status', '--porcelain')).toBe('');
    execFileSync('git', ['-C', repo, 'fsck', '--strict'], { stdio: 'ignore' });
    // Some kills landed before the publication and some after: more than the first version exists.
    expect(versions.size).toBeGreaterThan(1);
  }, 600_000);

  it(`dir target: ${kills} kills, the folder is always the old or the new version`, async () => {
    const ws = await createWorkspace({ seed: true });
    workspaces.push(ws);
    const versions = await killRepeatedly(ws, ['--target', 'dir', '--target-path', 'site'], () =>
      checkDir(ws.dir),
    );
    expect((await readdir(ws.dir)).filter((n) => n.includes('.site.actas-'))).toEqual([]);
    expect(versions.size).toBeGreaterThan(1);
  }, 600_000);
});
