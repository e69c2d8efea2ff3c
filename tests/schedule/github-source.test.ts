/**
 * `github` folder sources against the GitHub REST stand-in (a real bare git repository behind a
 * GitHub-shaped API on 127.0.0.1): new .txt/.docx files are downloaded into the inbox, unchanged
 * ones are not downloaded again (same blob sha), a changed one is, and a folder that cannot be
 * read removes nothing.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/config/config.ts';
import { nodeEffects } from '../../pipeline/effects.ts';
import { fetchSources } from '../../pipeline/schedule/sources/index.ts';
import { type GitHubStandIn, startGitHubStandIn } from '../support/github-standin.ts';
import { repoRoot, type Workspace } from '../support/workspace.ts';
import { captureLog, createProject, projectConfig } from './support.ts';

const acta = await readFile(join(repoRoot, 'data/inbox/000_2ede7aa9bd753bcb.txt'));
const pace = { retryAfterBaseMs: 1, writeIntervalMs: 0 };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let standIn: GitHubStandIn;
let octokit: Octokit;
let ws: Workspace;

beforeEach(async () => {
  standIn = await startGitHubStandIn({ token: 'ghs_sourceToken' });
  octokit = new Octokit({ auth: standIn.token, baseUrl: standIn.apiUrl, log: silent });
  ws = await createProject();
});
afterEach(async () => {
  await standIn.close();
  await ws.remove();
});

async function put(path: string, content: Uint8Array | string): Promise<void> {
  let sha: string | undefined;
  try {
    const { data } = await octokit.repos.getContent({ owner: standIn.owner, repo: standIn.repo, path });
    if (!Array.isArray(data)) sha = data.sha;
  } catch {
    // A new file.
  }
  await octokit.repos.createOrUpdateFileContents({
    owner: standIn.owner,
    repo: standIn.repo,
    path,
    message: `Sube ${path}`,
    content: Buffer.from(content).toString('base64'),
    ...(sha ? { sha } : {}),
  });
}

const folder = (path = 'actas'): Source => ({
  kind: 'github',
  repository: `${standIn.owner}/${standIn.repo}`,
  path,
  api_url: standIn.apiUrl,
});
const fetchNow = (source: Source, token = standIn.token) =>
  fetchSources(
    projectConfig([source]),
    nodeEffects({ cwd: ws.dir, log: captureLog(), env: { ACTAS_GITHUB_TOKEN: token } }),
    {
      githubPace: pace,
    },
  );
const blobDownloads = () =>
  standIn.requests.filter((r) => r.method === 'GET' && r.path.includes('/git/blobs/'));
const inboxFiles = async () => (await readdir(join(ws.dir, 'data/inbox')).catch(() => [])).sort();

describe('github folder sources', () => {
  it('downloads new acta documents, skips unchanged ones by blob sha, re-downloads a changed one', async () => {
    await put('actas/acta-mesa-3.txt', acta);
    await put('actas/notas.md', '# no es un acta');
    await put('actas/anexos/otra.txt', 'en una subcarpeta: no se baja');
    await put('otra-carpeta/fuera.txt', 'fuera de la carpeta');

    const first = await fetchNow(folder());
    expect(first).toEqual({ fetched: ['data/inbox/acta-mesa-3.txt'], unchanged: [], problems: [] });
    expect(await readFile(join(ws.dir, 'data/inbox/acta-mesa-3.txt'))).toEqual(acta);
    expect(await inboxFiles()).toEqual(['acta-mesa-3.txt']);
    expect(blobDownloads()).toHaveLength(1);

    const second = await fetchNow(folder());
    expect(second).toEqual({ fetched: [], unchanged: ['data/inbox/acta-mesa-3.txt'], problems: [] });
    expect(blobDownloads()).toHaveLength(1);

    const edited = Buffer.concat([acta, Buffer.from('\nObs: corregida.\n')]);
    await put('actas/acta-mesa-3.txt', edited);
    await put('actas/acta-mesa-4.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const third = await fetchNow(folder());
    expect(third.fetched).toEqual(['data/inbox/acta-mesa-3.txt', 'data/inbox/acta-mesa-4.docx']);
    expect(await readFile(join(ws.dir, 'data/inbox/acta-mesa-3.txt'))).toEqual(edited);
    expect(blobDownloads()).toHaveLength(3);
  });

  it('reports a folder it cannot read and leaves the inbox as it was', async () => {
    await put('actas/acta-mesa-3.txt', acta);
    await fetchNow(folder());

    standIn.failNext({ method: 'GET', path: /\/contents\/actas$/, status: 503, times: 10 });
    const unavailable = await fetchNow(folder());
    expect(unavailable.problems.map((p) => p.code)).toEqual(['ACTAS-W517']);
    expect(unavailable.problems[0]?.message).toContain('HTTP 503');
    expect(await readFile(join(ws.dir, 'data/inbox/acta-mesa-3.txt'))).toEqual(acta);

    const missing = await fetchNow(folder('no-existe'));
    expect(missing.problems.map((p) => p.code)).toEqual(['ACTAS-W517']);
    expect(missing.problems[0]?.message).toContain('HTTP 404');

    const file = await fetchNow(folder('actas/acta-mesa-3.txt'));
    expect(file.problems.map((p) => p.code)).toEqual(['ACTAS-W518']);
    expect(await inboxFiles()).toEqual(['acta-mesa-3.txt']);
  });

  it('never shows the token, even when it is refused', async () => {
    await put('actas/acta-mesa-3.txt', acta);
    const refused = await fetchNow(folder(), 'ghs_wrongSECRET');
    expect(refused.problems.map((p) => p.code)).toEqual(['ACTAS-W517']);
    expect(refused.problems[0]?.message).toContain('HTTP 401');
    expect(JSON.stringify(refused)).not.toContain('ghs_wrongSECRET');
    expect(await inboxFiles()).toEqual([]);
  });
});
