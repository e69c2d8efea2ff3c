/**
 * The `git` target, the embedded default: a local repository (public/ unless configured), created
 * on first run, optionally pushed to a remote. One commit and one annotated tag vX.Y.Z per
 * version. The commit and the tag become visible together in ONE reference transaction
 * (`git update-ref --stdin`), so a reader — or a run killed at any moment — sees the previous
 * version or the new one, never a commit without its tag.
 */

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import { fileChangeLines, fileChanges } from './file-changes.ts';
import { GitCommandError, git } from './git.ts';
import { commitTreeView, resolveCommit } from './git-tree-view.ts';
import {
  assertPlannedOn,
  type PublishedVersion,
  type Release,
  sortVersions,
  type Target,
  TargetError,
  tagName,
} from './target.ts';
import { versionOf } from './version-of.ts';

export interface GitTargetOptions {
  /** The local repository (absolute or relative to effects.cwd). */
  path: string;
  branch: string;
  /** A remote URL or path to push to, or null. */
  remote: string | null;
}

const stagingRef = 'refs/actas/staging';
const identity = 'Actas Abiertas <actas-abiertas@users.noreply.github.com>';
const zeroId = '0'.repeat(40);

export function createGitTarget(options: GitTargetOptions, effects: Effects): Target {
  const repo = resolve(effects.cwd, options.path);
  const branchRef = `refs/heads/${options.branch}`;
  const where = `git ${options.path}${options.remote ? ` → ${options.remote}` : ''}`;
  const fail = (error: unknown): never => {
    if (error instanceof TargetError) throw error;
    const detail = error instanceof GitCommandError ? error.message : (error as Error).message;
    throw new TargetError(problem('ACTAS-E400', { target: where, detail }));
  };

  const isRepository = async () => {
    try {
      return (await git(repo, ['rev-parse', '--git-dir'])) === '.git';
    } catch {
      return false;
    }
  };

  async function versionAt(commit: string): Promise<PublishedVersion | null> {
    const tree = await commitTreeView(repo, commit);
    const version = await versionOf(tree);
    return version ? { version, tree } : null;
  }

  /** A run killed mid-way may leave git's lock files and a half-updated working tree behind. */
  async function recover(): Promise<void> {
    for (const lock of ['index.lock', 'HEAD.lock', 'packed-refs.lock', `${branchRef}.lock`]) {
      await effects.fs.rm(`${repo}/.git/${lock}`, { force: true });
    }
    const tags = await effects.fs.readdir(`${repo}/.git/refs/tags`).catch(() => [] as string[]);
    for (const name of tags)
      if (name.endsWith('.lock')) await effects.fs.rm(`${repo}/.git/refs/tags/${name}`, { force: true });
    if (await resolveCommit(repo, 'HEAD')) {
      await git(repo, ['reset', '--hard', '--quiet', 'HEAD']);
      await git(repo, ['clean', '-fdxq']);
    }
  }

  async function ensureRepository(): Promise<void> {
    if (await isRepository()) {
      await recover();
      return;
    }
    const entries = await effects.fs.readdir(repo).catch(() => null);
    if (entries && entries.length > 0) throw new TargetError(problem('ACTAS-E402', { path: options.path }));
    await effects.fs.mkdir(repo, { recursive: true });
    await git(repo, ['init', '--quiet', `--initial-branch=${options.branch}`]);
    if (options.remote) await git(repo, ['remote', 'add', 'origin', options.remote]);
  }

  /** With a remote: bring the local branch and tags up to date, and push what an earlier run could not. */
  async function syncWithRemote(): Promise<void> {
    if (!options.remote) return;
    await ensureRepository();
    await git(repo, ['fetch', '--quiet', '--tags', 'origin']);
    const remoteHead = await resolveCommit(repo, `refs/remotes/origin/${options.branch}`);
    const localHead = await resolveCommit(repo, branchRef);
    if (!remoteHead || remoteHead === localHead) {
      if (localHead) await push();
      return;
    }
    if (!localHead || (await isAncestor(localHead, remoteHead))) {
      await git(repo, ['update-ref', branchRef, remoteHead, localHead ?? zeroId]);
      await git(repo, ['reset', '--hard', '--quiet', branchRef]);
    } else if (await isAncestor(remoteHead, localHead)) await push();
    else throw new Error(`la rama ${options.branch} local y la remota divergieron`);
  }

  const isAncestor = (a: string, b: string) =>
    git(repo, ['merge-base', '--is-ancestor', a, b]).then(
      () => true,
      () => false,
    );

  async function push(): Promise<void> {
    if (!options.remote) return;
    await git(repo, ['push', '--quiet', '--atomic', '--follow-tags', 'origin', branchRef]);
  }

  /** Writes every file and one commit with `git fast-import` (one process, whatever the tree size). */
  async function writeCommit(release: Release, parent: string | null): Promise<string> {
    const when = `${Math.floor(release.date.getTime() / 1000)} +0000`;
    const message = Buffer.from(`Publica la versión ${release.version}\n\n${release.notes}`);
    const child = spawn('git', ['-C', repo, 'fast-import', '--quiet', '--force', '--done'], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = once(child, 'close');
    const write = async (chunk: string | Uint8Array) => {
      if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
    };
    await write(`commit ${stagingRef}\ncommitter ${identity} ${when}\ndata ${message.length}\n`);
    await write(message);
    await write(`\n${parent ? `from ${parent}\n` : ''}deleteall\n`);
    for (const path of [...release.tree.keys()].sort()) {
      const content = release.tree.get(path) as Uint8Array;
      await write(`M 100644 inline ${quotePath(path)}\ndata ${content.length}\n`);
      await write(content);
      await write('\n');
    }
    await write('\ndone\n');
    child.stdin.end();
    const [code] = (await exited) as [number];
    if (code !== 0) throw new Error(`git fast-import: ${stderr.trim()}`);
    return git(repo, ['rev-parse', stagingRef]);
  }

  async function writeTag(release: Release, commit: string): Promise<string> {
    const when = `${Math.floor(release.date.getTime() / 1000)} +0000`;
    const body = `object ${commit}\ntype commit\ntag ${tagName(release.version)}\ntagger ${identity} ${when}\n\nVersión ${release.version}\n\n${release.notes}`;
    return git(repo, ['mktag'], { input: body });
  }

  return {
    kind: 'git',
    describe: () => where,

    async readCurrent() {
      try {
        await syncWithRemote();
        const head = (await isRepository()) ? await resolveCommit(repo, branchRef) : null;
        return head ? await versionAt(head) : null;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new TargetError(problem('ACTAS-E401', { target: where, detail }));
      }
    },

    async readVersion(version) {
      if (!(await isRepository())) return null;
      const commit = await resolveCommit(repo, `refs/tags/${tagName(version)}`);
      return commit ? versionAt(commit) : null;
    },

    async listVersions() {
      if (!(await isRepository())) return [];
      const tags = await git(repo, ['tag', '--list', 'v*']);
      return sortVersions(tags.split('\n').map((t) => t.replace(/^v/, '')));
    },

    async plan(release) {
      const head = (await isRepository()) ? await resolveCommit(repo, branchRef) : null;
      const current = head ? await commitTreeView(repo, head) : null;
      const lines = head ? [] : [`crear el repositorio git en ${options.path} (rama ${options.branch})`];
      lines.push(...fileChangeLines(fileChanges(current, release.tree)));
      lines.push(
        `un commit en ${options.branch} y la etiqueta anotada ${tagName(release.version)}, en una sola transacción`,
      );
      if (options.remote)
        lines.push(`git push --atomic origin ${options.branch} ${tagName(release.version)}`);
      return lines;
    },

    async publish(release) {
      try {
        await ensureRepository();
        await syncWithRemote();
        const parent = await resolveCommit(repo, branchRef);
        assertPlannedOn(where, release, parent ? ((await versionAt(parent))?.version ?? null) : null);
        const commit = await writeCommit(release, parent);
        const tag = await writeTag(release, commit);
        const branchUpdate = parent
          ? `update ${branchRef} ${commit} ${parent}`
          : `create ${branchRef} ${commit}`;
        await git(repo, ['update-ref', '--stdin'], {
          input: `start\n${branchUpdate}\ncreate refs/tags/${tagName(release.version)} ${tag}\nprepare\ncommit\n`,
        });
        await git(repo, ['symbolic-ref', 'HEAD', branchRef]);
        await git(repo, ['reset', '--hard', '--quiet', branchRef]);
        await git(repo, ['clean', '-fdxq']);
        await git(repo, ['update-ref', '-d', stagingRef]);
        await push();
        return { version: release.version, location: options.remote ?? repo };
      } catch (error) {
        return fail(error);
      }
    },
  };
}

/** fast-import paths: quoted C-style when they hold characters its plain form cannot. */
function quotePath(path: string): string {
  if (!/[\s"\\]|^"/.test(path)) return path;
  return `"${path.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
