import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { createGitTarget } from '../../pipeline/publish/git-target.ts';
import { git } from '../support/published.ts';
import { sampleTree } from '../support/sample-tree.ts';
import { release, targetConformance } from './target-conformance.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'actas-git-'));
  dirs.push(d);
  return d;
}
const effectsIn = (cwd: string) => nodeEffects({ cwd, log: silentLogger });

describe('git target: conformance', () => {
  targetConformance(async () => {
    const cwd = await tempDir();
    return {
      target: createGitTarget({ path: 'public', branch: 'main', remote: null }, effectsIn(cwd)),
      keepsHistory: true,
    };
  });
});

describe('git target', () => {
  it('one commit and one annotated tag per version; the working tree is the version; fsck clean', async () => {
    const cwd = await tempDir();
    const target = createGitTarget({ path: 'public', branch: 'main', remote: null }, effectsIn(cwd));
    const tree = sampleTree({ version: '1.0.0' });
    await target.publish(release(tree, '1.0.0', null));
    await target.publish(release(sampleTree({ version: '1.0.1' }), '1.0.1', '1.0.0'));
    const repo = join(cwd, 'public');
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe('2');
    expect(git(repo, 'for-each-ref', '--format=%(refname:short) %(objecttype)', 'refs/tags')).toBe(
      'v1.0.0 tag\nv1.0.1 tag',
    );
    expect(git(repo, 'rev-parse', 'v1.0.1^{commit}')).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(JSON.parse(await readFile(join(repo, 'datapackage.json'), 'utf8')).version).toBe('1.0.1');
    expect(git(repo, 'log', '-1', '--format=%s')).toBe('Publica la versión 1.0.1');
    git(repo, 'fsck', '--strict');
  });

  it('recovers from what a killed run leaves: a stale index.lock and a dirty working tree', async () => {
    const cwd = await tempDir();
    const target = createGitTarget({ path: 'public', branch: 'main', remote: null }, effectsIn(cwd));
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    const repo = join(cwd, 'public');
    await writeFile(join(repo, '.git/index.lock'), '');
    await writeFile(join(repo, 'datapackage.json'), 'half written');
    await writeFile(join(repo, 'stray.tmp'), 'x');
    await target.publish(release(sampleTree({ version: '1.0.1' }), '1.0.1', '1.0.0'));
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(JSON.parse(await readFile(join(repo, 'datapackage.json'), 'utf8')).version).toBe('1.0.1');
  });

  it('refuses a non-empty folder that is not its repository', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'notes.txt'), 'x');
    const target = createGitTarget({ path: '.', branch: 'main', remote: null }, effectsIn(cwd));
    await expect(
      target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null)),
    ).rejects.toMatchObject({
      problem: { code: 'ACTAS-E402' },
    });
  });

  it('pushes commit and tag to a remote, and a fresh clone reads the version', async () => {
    const cwd = await tempDir();
    const remote = join(cwd, 'remote.git');
    execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', remote]);
    const target = createGitTarget({ path: 'public', branch: 'main', remote }, effectsIn(cwd));
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    expect(git(remote, 'tag', '--list')).toBe('v1.0.0');
    // A second machine with an empty local folder sees what the remote has.
    const other = createGitTarget({ path: 'elsewhere', branch: 'main', remote }, effectsIn(cwd));
    expect((await other.readCurrent())?.version).toBe('1.0.0');
    await other.publish(release(sampleTree({ version: '1.1.0' }), '1.1.0', '1.0.0'));
    expect(git(remote, 'tag', '--list')).toBe('v1.0.0\nv1.1.0');
    expect((await target.readCurrent())?.version).toBe('1.1.0');
  });
});
