/**
 * The github target against the GitHub REST stand-in: the result is checked with real git on the
 * stand-in's bare repository (clone, fsck, show), and every fault either completes correctly or
 * fails clearly with the branch unchanged.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../pipeline/effects.ts';
import { nodeEffects } from '../../pipeline/effects.ts';
import { createGitHubTarget } from '../../pipeline/publish/github-target.ts';
import type { Target } from '../../pipeline/publish/target.ts';
import { type GitHubStandIn, runGit, startGitHubStandIn } from '../support/github-standin.ts';
import { sampleTree } from '../support/sample-tree.ts';
import { release, targetConformance } from './target-conformance.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface Setup {
  standIn: GitHubStandIn;
  target: Target;
  logs: string[];
}

async function setup(env: Record<string, string> = {}): Promise<Setup> {
  const standIn = await startGitHubStandIn({ token: 'ghs_SECRETtoken123' });
  cleanups.push(() => standIn.close());
  const logs: string[] = [];
  const log: Logger = {
    info: (m) => logs.push(m),
    warn: (m) => logs.push(m),
    error: (m) => logs.push(m),
    debug: (m) => logs.push(m),
  };
  const effects = nodeEffects({ log, env: { ACTAS_GITHUB_TOKEN: standIn.token, ...env } });
  const target = createGitHubTarget(
    {
      repository: `${standIn.owner}/${standIn.repo}`,
      branch: 'main',
      apiUrl: standIn.apiUrl,
      pace: { retryAfterBaseMs: 5, writeIntervalMs: 0 },
    },
    effects,
  );
  return { standIn, target, logs };
}

async function cloneOf(standIn: GitHubStandIn): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'actas-clone-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await runGit(['clone', '--quiet', standIn.gitDir, dir]);
  return dir;
}

/** Runs git and returns its output as trimmed text, or null when it exits non-zero. */
async function gitText(args: string[], options: { gitDir?: string } = {}): Promise<string | null> {
  const out = await runGit(args, options);
  return out.code === 0 ? out.stdout.toString('utf8').trim() : null;
}

const branchTip = (standIn: GitHubStandIn) =>
  gitText(['rev-parse', '--verify', '--quiet', 'refs/heads/main'], { gitDir: standIn.gitDir });

describe('github target: conformance', () => {
  targetConformance(async () => ({ target: (await setup()).target, keepsHistory: true }));
});

describe('github target', () => {
  it('publishes a version as one commit, an annotated tag and a release with the zip', async () => {
    const { standIn, target } = await setup();
    const tree = sampleTree({ version: '1.0.0' });
    await target.publish(release(tree, '1.0.0', null));
    const clone = await cloneOf(standIn);
    expect((await runGit(['-C', clone, 'fsck', '--strict'])).code).toBe(0);
    const files = (await gitText(['-C', clone, 'ls-files']))?.split('\n');
    expect(files).toEqual([...tree.keys()].sort());
    for (const [path, content] of tree)
      expect(Buffer.from(await readFile(join(clone, path)))).toEqual(Buffer.from(content));
    expect(await gitText(['-C', clone, 'cat-file', '-t', 'v1.0.0'])).toBe('tag');
    expect(await gitText(['-C', clone, 'rev-parse', 'v1.0.0^{commit}'])).toBe(await branchTip(standIn));

    const [published] = standIn.releases();
    expect(published?.tag_name).toBe('v1.0.0');
    expect(published?.body).toBe(release(tree, '1.0.0', null).notes);
    const asset = published?.assets[0];
    expect(asset?.name).toBe('actas-prueba-1.0.0.zip');
    const unzipped = unzipSync(new Uint8Array(asset?.bytes ?? []));
    expect(Object.keys(unzipped).sort()).toEqual(
      [...tree.keys()].sort().map((p) => `actas-prueba-1.0.0/${p}`),
    );
    for (const [path, content] of tree)
      expect(Buffer.from(unzipped[`actas-prueba-1.0.0/${path}`] ?? [])).toEqual(Buffer.from(content));
  });

  it('costs a fixed number of calls whatever the number of text files; binaries are blobs only when new', async () => {
    const { standIn, target } = await setup();
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    const many: Record<string, string> = {};
    for (let i = 0; i < 200; i++) many[`records/sesion-${i}.json`] = `{"n":${i}}\n`;
    const before = standIn.requests.length;
    // The binary file keeps its content (same blob id) only if its bytes do not change: reuse 1.0.0's.
    const second = sampleTree({ version: '1.1.0', extra: many });
    second.set('actas.sqlite', sampleTree({ version: '1.0.0' }).get('actas.sqlite') as Uint8Array);
    await target.publish(release(second, '1.1.0', '1.0.0'));
    const calls = standIn.requests
      .slice(before)
      .map((r) => `${r.method} ${r.path.replace(/[0-9a-f]{40}/g, ':sha')}`);
    expect(calls.filter((c) => c.startsWith('POST') && c.endsWith('/git/blobs'))).toHaveLength(0);
    expect(calls.filter((c) => c.endsWith('/git/trees'))).toHaveLength(1);
    expect(calls.filter((c) => c.endsWith('/git/commits'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('PATCH'))).toHaveLength(1);
    expect(calls.length).toBeLessThan(20);
  });

  it('initialises an empty repository, and a missing token or repository is a clear error', async () => {
    const { standIn, target } = await setup();
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    expect(standIn.requests.some((r) => r.method === 'PUT' && r.path.includes('/contents/'))).toBe(true);
    const clone = await cloneOf(standIn);
    expect(JSON.parse(await readFile(join(clone, 'datapackage.json'), 'utf8')).version).toBe('1.0.0');

    const noToken = createGitHubTarget(
      { repository: 'a/b', branch: 'main', apiUrl: standIn.apiUrl },
      nodeEffects({ env: {} }),
    );
    await expect(noToken.readCurrent()).rejects.toMatchObject({ problem: { code: 'ACTAS-E405' } });
    const noRepo = createGitHubTarget(
      { repository: null, branch: 'main', apiUrl: standIn.apiUrl },
      nodeEffects({ env: { GITHUB_TOKEN: 'x' } }),
    );
    await expect(noRepo.readCurrent()).rejects.toMatchObject({ problem: { code: 'ACTAS-E406' } });
  });

  it('a lost race against another commit is retried on the new tip', async () => {
    const { standIn, target } = await setup();
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    standIn.landCommitBeforeNextRefUpdate();
    await target.publish(release(sampleTree({ version: '1.0.1' }), '1.0.1', '1.0.0'));
    const clone = await cloneOf(standIn);
    expect(JSON.parse(await readFile(join(clone, 'datapackage.json'), 'utf8')).version).toBe('1.0.1');
    const subjects = (await gitText(['-C', clone, 'log', '--format=%s']))?.split('\n') ?? [];
    expect(subjects[0]).toBe('Publica la versión 1.0.1');
    expect(subjects.length).toBe(4); // init, 1.0.0, the racing commit, 1.0.1
  });

  const faults = [
    { name: '500', fault: { method: 'POST', path: /\/git\/trees$/, status: 500 } },
    {
      name: '502 with an HTML page',
      fault: { method: 'POST', path: /\/git\/commits$/, status: 502, body: '<html>Bad gateway</html>' },
    },
    {
      name: '403 secondary rate limit with retry-after',
      fault: {
        method: 'POST',
        path: /\/git\/trees$/,
        status: 403,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit' },
      },
    },
    {
      name: '429 with retry-after',
      fault: {
        method: 'PATCH',
        path: /\/git\/refs\/heads\/main$/,
        status: 429,
        headers: { 'retry-after': '1' },
        body: { message: 'You have exceeded a secondary rate limit' },
      },
    },
    { name: 'a dropped connection', fault: { method: 'POST', path: /\/releases$/, drop: true } },
  ];
  for (const { name, fault } of faults) {
    it(`completes correctly after a transient fault: ${name}`, async () => {
      const { standIn, target } = await setup();
      await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
      standIn.failNext(fault);
      const tree = sampleTree({ version: '1.1.0' });
      await target.publish(release(tree, '1.1.0', '1.0.0'));
      expect((await target.readCurrent())?.version).toBe('1.1.0');
      expect(standIn.releases().map((r) => r.tag_name)).toEqual(['v1.0.0', 'v1.1.0']);
      expect(standIn.releases()[1]?.assets).toHaveLength(1);
    });
  }

  it('fails clearly, with the branch unchanged, when a fault persists; the token is never printed', async () => {
    const { standIn, target, logs } = await setup({ ACTAS_DEBUG: '1' });
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    const tip = await branchTip(standIn);
    standIn.failNext({ method: 'POST', path: /\/git\/commits$/, status: 500, times: 10 });
    const error = await target
      .publish(release(sampleTree({ version: '1.1.0' }), '1.1.0', '1.0.0'))
      .catch((e) => e);
    expect(error.problem.code).toBe('ACTAS-E400');
    expect(error.problem.message).toMatch(/HTTP 500/);
    expect(await branchTip(standIn)).toBe(tip);
    expect(JSON.stringify(error.problem) + logs.join('\n')).not.toContain(standIn.token);
  });
});
