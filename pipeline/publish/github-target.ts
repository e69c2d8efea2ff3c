/**
 * The `github` target: publishes through GitHub's REST API with octokit (throttling and retry
 * plugins on). A whole version is ONE commit made through the Git Data API: binary files as blobs
 * (only those GitHub does not already have), every text file inline in one tree built on
 * `base_tree`, one commit, one fast-forward update of the branch — the moment the version is
 * published. Then an annotated tag and a GitHub Release with the changelog section as its body
 * and a zip of the version as an asset. Works against any GitHub (api_url or $GITHUB_API_URL)
 * and against the stand-in the tests run. The token comes from the environment and is never
 * printed, not even in errors or debug logs.
 */
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubPace,
  githubApiUrl,
  githubPace,
  githubToken,
  redactor,
} from '../github/client.ts';
import { gitBlobId, type TreeView } from '../release/tree.ts';
import { fileChangeLines, fileChanges } from './file-changes.ts';
import type { PublishedVersion, Release, Target } from './target.ts';
import { assertPlannedOn, sortVersions, TargetError, tagName } from './target.ts';
import { versionOf } from './version-of.ts';
import { zipTree } from './zip.ts';

export interface GitHubTargetOptions {
  repository: string | null;
  branch: string;
  apiUrl: string | null;
  /** GitHub's pacing; tests shorten it. */
  pace?: GitHubPace;
}

const identity = { name: 'Actas Abiertas', email: 'actas-abiertas@users.noreply.github.com' };
const maxRaceRetries = 3;

interface HttpError {
  status?: number;
  message?: string;
}
const statusOf = (error: unknown) => (error as HttpError)?.status;

/** Text files go inline in the tree; anything else (XLSX, SQLite) needs a base64 blob. */
function isText(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

export function createGitHubTarget(options: GitHubTargetOptions, effects: Effects): Target {
  const token = githubToken(effects);
  const baseUrl = githubApiUrl(effects, options.apiUrl);
  const [owner = '', repo = ''] = (options.repository ?? '').split('/');
  const where = `github ${options.repository ?? '?'} (rama ${options.branch})`;
  const redact = redactor(effects);

  let client: GitHubClient | undefined;
  function octokit(): GitHubClient {
    if (!options.repository) throw new TargetError(problem('ACTAS-E406', {}));
    if (!token) throw new TargetError(problem('ACTAS-E405', { variable: 'ACTAS_GITHUB_TOKEN' }));
    client ??= createGitHubClient(effects, { apiUrl: baseUrl, pace: options.pace ?? githubPace });
    return client;
  }

  const failure = (code: 'ACTAS-E400' | 'ACTAS-E401', error: unknown): TargetError => {
    if (error instanceof TargetError) return error;
    const status = statusOf(error);
    const message = redact((error as HttpError)?.message ?? String(error));
    return new TargetError(
      problem(code, { target: where, detail: status ? `HTTP ${status}: ${message}` : message }),
    );
  };

  /** The branch's head commit; null when the branch is missing, 'empty' for an empty repository. */
  async function readBranch(): Promise<string | null | 'empty'> {
    try {
      const { data } = await octokit().rest.git.getRef({ owner, repo, ref: `heads/${options.branch}` });
      return data.object.sha;
    } catch (error) {
      if (statusOf(error) === 409) return 'empty';
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  const readHead = async () => {
    const head = await readBranch();
    return head === 'empty' ? null : head;
  };

  async function treeView(commitSha: string): Promise<{ tree: TreeView; treeSha: string }> {
    const k = octokit();
    const { data: commit } = await k.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const { data } = await k.rest.git.getTree({ owner, repo, tree_sha: commit.tree.sha, recursive: 'true' });
    const ids = new Map<string, string>();
    for (const entry of data.tree)
      if (entry.type === 'blob' && entry.path && entry.sha) ids.set(entry.path, entry.sha);
    const paths = [...ids.keys()].sort();
    const tree: TreeView = {
      paths: () => paths,
      blobId: (path) => ids.get(path),
      async read(path) {
        const sha = ids.get(path);
        if (!sha) return undefined;
        const { data: blob } = await k.rest.git.getBlob({ owner, repo, file_sha: sha });
        return new Uint8Array(Buffer.from(blob.content, 'base64'));
      },
    };
    return { tree, treeSha: commit.tree.sha };
  }

  async function versionAt(commitSha: string): Promise<PublishedVersion | null> {
    const { tree } = await treeView(commitSha);
    const version = await versionOf(tree);
    return version ? { version, tree } : null;
  }

  /** GitHub refuses Git Data calls on an empty repository: its first commit comes from the contents API. */
  async function initializeEmptyRepository(): Promise<string> {
    const { data } = await octokit().rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: '.actas-abiertas',
      branch: options.branch,
      message: 'Inicializa el repositorio de Actas Abiertas',
      content: Buffer.from('Repositorio publicado por Actas Abiertas.\n').toString('base64'),
      committer: identity,
      author: identity,
    });
    return data.commit.sha as string;
  }

  /** One commit holding the whole version, on top of `parent`. */
  async function createVersionCommit(release: Release, parent: string | null): Promise<string> {
    const k = octokit();
    const base = parent ? await treeView(parent) : null;
    assertPlannedOn(where, release, base ? await versionOf(base.tree) : null);
    const entries: Array<{
      path: string;
      mode: '100644';
      type: 'blob';
      sha?: string | null;
      content?: string;
    }> = [];
    for (const path of [...release.tree.keys()].sort()) {
      const content = release.tree.get(path) as Uint8Array;
      if (base?.tree.blobId(path) === gitBlobId(content)) continue; // unchanged: inherited from base_tree
      if (isText(content))
        entries.push({ path, mode: '100644', type: 'blob', content: new TextDecoder().decode(content) });
      else {
        const { data } = await k.rest.git.createBlob({
          owner,
          repo,
          content: Buffer.from(content).toString('base64'),
          encoding: 'base64',
        });
        entries.push({ path, mode: '100644', type: 'blob', sha: data.sha });
      }
    }
    for (const path of base?.tree.paths() ?? []) {
      if (!release.tree.has(path)) entries.push({ path, mode: '100644', type: 'blob', sha: null });
    }
    const { data: tree } = await k.rest.git.createTree({
      owner,
      repo,
      tree: entries,
      ...(base ? { base_tree: base.treeSha } : {}),
    });
    const date = release.date.toISOString();
    const { data: commit } = await k.rest.git.createCommit({
      owner,
      repo,
      message: `Publica la versión ${release.version}\n\n${release.notes}`,
      tree: tree.sha,
      parents: parent ? [parent] : [],
      author: { ...identity, date },
      committer: { ...identity, date },
    });
    return commit.sha;
  }

  /** Moves the branch to `commit`, only as a fast forward; false when another commit landed first. */
  async function moveBranch(commit: string, parent: string | null): Promise<boolean> {
    const k = octokit();
    try {
      if (parent)
        await k.rest.git.updateRef({
          owner,
          repo,
          ref: `heads/${options.branch}`,
          sha: commit,
          force: false,
        });
      else await k.rest.git.createRef({ owner, repo, ref: `refs/heads/${options.branch}`, sha: commit });
      return true;
    } catch (error) {
      if (statusOf(error) === 422) return false;
      throw error;
    }
  }

  /** The annotated tag and the release with its zip; each step is skipped if already done. */
  async function tagAndRelease(release: Release, commit: string): Promise<string> {
    const k = octokit();
    const tag = tagName(release.version);
    const existing = await k.rest.git.getRef({ owner, repo, ref: `tags/${tag}` }).catch((e) => {
      if (statusOf(e) === 404) return null;
      throw e;
    });
    if (!existing) {
      const { data: tagObject } = await k.rest.git.createTag({
        owner,
        repo,
        tag,
        message: `Versión ${release.version}\n\n${release.notes}`,
        object: commit,
        type: 'commit',
        tagger: { ...identity, date: release.date.toISOString() },
      });
      await k.rest.git.createRef({ owner, repo, ref: `refs/tags/${tag}`, sha: tagObject.sha });
    }
    let published = await k.rest.repos.getReleaseByTag({ owner, repo, tag }).then(
      (r) => r.data,
      (e) => {
        if (statusOf(e) === 404) return null;
        throw e;
      },
    );
    published ??= (
      await k.rest.repos.createRelease({ owner, repo, tag_name: tag, name: `${tag}`, body: release.notes })
    ).data;
    const assetName = `${release.datasetName}-${release.version}.zip`;
    if (!published.assets?.some((a) => a.name === assetName)) {
      const zip = zipTree(release.tree, `${release.datasetName}-${release.version}`, release.date);
      await k.rest.repos.uploadReleaseAsset({
        owner,
        repo,
        release_id: published.id,
        url: published.upload_url,
        name: assetName,
        data: zip as unknown as string,
        headers: { 'content-type': 'application/zip', 'content-length': zip.length },
      });
    }
    return published.html_url;
  }

  return {
    kind: 'github',
    describe: () => where,

    async readCurrent() {
      try {
        const head = await readHead();
        return head ? await versionAt(head) : null;
      } catch (error) {
        throw failure('ACTAS-E401', error);
      }
    },

    async readVersion(version) {
      try {
        const k = octokit();
        const { data: ref } = await k.rest.git.getRef({ owner, repo, ref: `tags/${tagName(version)}` });
        const commit =
          ref.object.type === 'tag'
            ? (await k.rest.git.getTag({ owner, repo, tag_sha: ref.object.sha })).data.object.sha
            : ref.object.sha;
        return await versionAt(commit);
      } catch (error) {
        if (statusOf(error) === 404) return null;
        throw failure('ACTAS-E401', error);
      }
    },

    async listVersions() {
      try {
        const { data } = await octokit().rest.git.listMatchingRefs({ owner, repo, ref: 'tags/v' });
        return sortVersions(data.map((r) => r.ref.replace('refs/tags/v', '')));
      } catch (error) {
        if (statusOf(error) === 409) return []; // an empty repository
        throw failure('ACTAS-E401', error);
      }
    },

    async plan(release) {
      const head = await readHead().catch(() => null);
      const current = head ? (await treeView(head)).tree : null;
      const changes = fileChanges(current, release.tree);
      const binaries = [...changes.added, ...changes.modified].filter(
        (p) => !isText(release.tree.get(p) as Uint8Array),
      );
      return [
        ...fileChangeLines(changes),
        ...(head
          ? []
          : [`PUT /repos/${owner}/${repo}/contents/.actas-abiertas (si el repositorio está vacío)`]),
        ...binaries.map((p) => `POST /repos/${owner}/${repo}/git/blobs (${p})`),
        `POST /repos/${owner}/${repo}/git/trees (base_tree; ${changes.added.length + changes.modified.length - binaries.length} archivos de texto en línea, ${changes.removed.length} eliminados)`,
        `POST /repos/${owner}/${repo}/git/commits`,
        `PATCH /repos/${owner}/${repo}/git/refs/heads/${options.branch} (solo avance rápido)`,
        `POST /repos/${owner}/${repo}/git/tags y POST /repos/${owner}/${repo}/git/refs (${tagName(release.version)})`,
        `POST /repos/${owner}/${repo}/releases (${tagName(release.version)})`,
        `POST <upload_url>?name=${release.datasetName}-${release.version}.zip`,
      ];
    },

    async publish(release) {
      try {
        const branch = await readBranch();
        // A missing branch in a repository with history starts from no parent.
        let parent = branch === 'empty' ? await initializeEmptyRepository() : branch;
        for (let attempt = 0; ; attempt++) {
          const commit = await createVersionCommit(release, parent);
          if (await moveBranch(commit, parent)) {
            const url = await tagAndRelease(release, commit);
            return { version: release.version, location: url };
          }
          // Another commit landed between our read and our update. If it is not another
          // publication, build on top of it; if it is, this version is no longer the next one.
          const head = await readHead();
          const landed = head ? await versionAt(head) : null;
          if ((landed?.version ?? null) !== release.previousVersion || attempt >= maxRaceRetries) {
            throw new Error(
              `otra publicación llegó antes (${landed?.version ?? 'sin versión'}); vuelva a ejecutar para calcular la versión siguiente`,
            );
          }
          effects.log.warn(
            'GitHub: la rama avanzó mientras se publicaba; se rehace el commit sobre la nueva punta.',
          );
          parent = head;
        }
      } catch (error) {
        throw failure('ACTAS-E400', error);
      }
    },
  };
}
