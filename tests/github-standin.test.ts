import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubStandIn } from './support/github-standin.ts';
import { runGit, startGitHubStandIn } from './support/github-standin.ts';

// Octokit logs every failed request; these tests fail requests on purpose.
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

let standIn: GitHubStandIn;
let octokit: Octokit;
let scratch: string;

beforeEach(async () => {
  standIn = await startGitHubStandIn({ owner: 'acme', repo: 'actas' });
  // No retries: every request in these tests must reach the stand-in exactly once.
  octokit = new Octokit({
    auth: standIn.token,
    baseUrl: standIn.apiUrl,
    request: { retries: 0 },
    log: silent,
  });
  scratch = await mkdtemp(join(tmpdir(), 'github-standin-test-'));
});

afterEach(async () => {
  await standIn.close();
  await rm(scratch, { recursive: true, force: true });
});

const repo = () => ({ owner: standIn.owner, repo: standIn.repo });

/** Run git against the stand-in's bare repository and return stdout; fails the test if git fails. */
async function git(...args: string[]): Promise<string> {
  const result = await runGit(args, { gitDir: standIn.gitDir });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.toString('utf8').trim();
}

/** The status and message octokit reports for a failed request (status 0 when none came back). */
async function failure(
  request: Promise<unknown>,
): Promise<{ status: number; message: string; response: unknown }> {
  try {
    await request;
  } catch (error) {
    const { status, response } = error as { status: number; response?: { data?: { message?: string } } };
    return { status: response ? status : 0, message: response?.data?.message ?? '', response };
  }
  throw new Error('expected the request to fail');
}

/** Compare large buffers by digest: deep equality on 70 kB element by element is needlessly slow. */
const digest = (bytes: Buffer | undefined) => bytes && createHash('sha256').update(bytes).digest('hex');

/** PUT a first file, which is how a client gives an empty repository its first commit. */
async function initialise(): Promise<string> {
  const { data } = await octokit.repos.createOrUpdateFileContents({
    ...repo(),
    path: 'README.md',
    message: 'Initial commit',
    content: Buffer.from('# Actas\n').toString('base64'),
  });
  return data.commit.sha ?? '';
}

/** Clone the bare repository and read every file of the checkout, keyed by path. */
async function clonedFiles(): Promise<Map<string, Buffer>> {
  const checkout = join(scratch, 'clone');
  const result = await runGit(['clone', '--quiet', standIn.gitDir, checkout]);
  if (result.code !== 0) throw new Error(`git clone: ${result.stderr}`);
  const files = new Map<string, Buffer>();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(join(dir, entry.name), `${path}/`);
      else files.set(path, await readFile(join(dir, entry.name)));
    }
  };
  await walk(checkout, '');
  return files;
}

describe('GitHub stand-in', () => {
  it('answers 409 on an empty repository until a first file is PUT, like GitHub', async () => {
    const ref = await failure(octokit.git.getRef({ ...repo(), ref: 'heads/main' }));
    expect(ref).toMatchObject({ status: 409, message: 'Git Repository is empty.' });
    const blob = await failure(octokit.git.createBlob({ ...repo(), content: 'x' }));
    expect(blob).toMatchObject({ status: 409, message: 'Git Repository is empty.' });
    const contents = await failure(octokit.repos.getContent({ ...repo(), path: 'README.md' }));
    expect(contents.status).toBe(404);
    const { data: info } = await octokit.repos.get(repo());
    expect(info).toMatchObject({
      name: 'actas',
      full_name: 'acme/actas',
      default_branch: 'main',
      private: false,
    });

    const first = await initialise();

    const { data: head } = await octokit.git.getRef({ ...repo(), ref: 'heads/main' });
    expect(head).toMatchObject({ ref: 'refs/heads/main', object: { sha: first, type: 'commit' } });
    expect(await git('rev-parse', 'refs/heads/main')).toBe(first);
    expect(await git('log', '--format=%s', 'main')).toBe('Initial commit');
    expect(await git('show', 'main:README.md')).toBe('# Actas');
    expect(standIn.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /repos/acme/actas/git/ref/heads/main 409',
      'POST /repos/acme/actas/git/blobs 409',
      'GET /repos/acme/actas/contents/README.md 404',
      'GET /repos/acme/actas 200',
      'PUT /repos/acme/actas/contents/README.md 201',
      'GET /repos/acme/actas/git/ref/heads/main 200',
    ]);
  });

  it('builds real commits from blobs, trees on a base tree and fast-forward ref updates', async () => {
    const first = await initialise();
    const { data: firstCommit } = await octokit.git.getCommit({ ...repo(), commit_sha: first });

    // Round 1: add nested files on top of the initial tree.
    const { data: tree1 } = await octokit.git.createTree({
      ...repo(),
      base_tree: firstCommit.tree.sha,
      tree: [
        { path: 'actas/2024/acta-1.json', mode: '100644', type: 'blob', content: '{"n":1}\n' },
        { path: 'actas/2024/old.txt', mode: '100644', type: 'blob', content: 'to be deleted\n' },
        { path: 'docs/index.md', mode: '100644', type: 'blob', content: 'v1\n' },
      ],
    });
    const date = '2024-05-01T12:00:00Z';
    const { data: commit1 } = await octokit.git.createCommit({
      ...repo(),
      message: 'Add actas',
      tree: tree1.sha,
      parents: [first],
      author: { name: 'Publicador', email: 'pub@example.org', date },
    });
    expect(commit1).toMatchObject({
      tree: { sha: tree1.sha },
      parents: [{ sha: first }],
      message: 'Add actas',
      author: { name: 'Publicador', email: 'pub@example.org', date },
      committer: { name: 'Publicador', date },
    });
    await octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: commit1.sha });

    // Round 2: change a file, delete one, add a binary blob and an executable script.
    const binary = Buffer.from([0, 1, 2, 254, 255, 10, 13]);
    const { data: blob } = await octokit.git.createBlob({
      ...repo(),
      content: binary.toString('base64'),
      encoding: 'base64',
    });
    const { data: tree2 } = await octokit.git.createTree({
      ...repo(),
      base_tree: tree1.sha,
      tree: [
        { path: 'docs/index.md', mode: '100644', type: 'blob', content: 'v2\n' },
        { path: 'actas/2024/old.txt', mode: '100644', type: 'blob', sha: null },
        { path: 'data/raw.bin', mode: '100644', type: 'blob', sha: blob.sha },
        { path: 'bin/run.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\necho hi\n' },
      ],
    });
    const { data: commit2 } = await octokit.git.createCommit({
      ...repo(),
      message: 'Update actas\n\nWith a body.\n',
      tree: tree2.sha,
      parents: [commit1.sha],
    });
    const { data: moved } = await octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: commit2.sha });
    expect(moved.object.sha).toBe(commit2.sha);

    const files = await clonedFiles();
    expect([...files.keys()].sort()).toEqual([
      'README.md',
      'actas/2024/acta-1.json',
      'bin/run.sh',
      'data/raw.bin',
      'docs/index.md',
    ]);
    expect(files.get('docs/index.md')?.toString()).toBe('v2\n');
    expect(files.get('data/raw.bin')).toEqual(binary);
    expect((await stat(join(scratch, 'clone', 'bin/run.sh'))).mode & 0o111).not.toBe(0);
    expect(await git('fsck', '--strict', '--no-dangling')).toBe('');
    expect(await git('log', '--format=%s', 'main')).toBe('Update actas\nAdd actas\nInitial commit');
    expect(await git('cat-file', 'commit', commit2.sha)).toMatch(/\n\nUpdate actas\n\nWith a body\.$/);

    // Reads go through the same repository.
    const { data: listing } = await octokit.git.getTree({ ...repo(), tree_sha: tree2.sha, recursive: '1' });
    expect(listing.tree.map((e) => `${e.type} ${e.mode} ${e.path}`)).toContain('blob 100755 bin/run.sh');
    expect(listing.tree.map((e) => e.path)).toContain('actas/2024');
    const { data: readBlob } = await octokit.git.getBlob({ ...repo(), file_sha: blob.sha });
    expect(Buffer.from(readBlob.content, 'base64')).toEqual(binary);
    const { data: file } = await octokit.repos.getContent({ ...repo(), path: 'docs/index.md' });
    expect(Array.isArray(file) ? undefined : file).toMatchObject({ type: 'file', path: 'docs/index.md' });
    const { data: dir } = await octokit.repos.getContent({ ...repo(), path: 'actas', ref: commit1.sha });
    expect(Array.isArray(dir) ? dir.map((e) => [e.type, e.path]) : dir).toEqual([['dir', 'actas/2024']]);
    const missing = await failure(octokit.repos.getContent({ ...repo(), path: 'actas', ref: 'nope' }));
    expect(missing.status).toBe(404);

    // Moving the branch back is not a fast forward.
    const back = await failure(octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: commit1.sha }));
    expect(back).toMatchObject({ status: 422, message: 'Update is not a fast forward' });
    expect(await git('rev-parse', 'main')).toBe(commit2.sha);
  });

  it('stores annotated tags as real tag objects', async () => {
    const head = await initialise();
    const { data: tag } = await octokit.git.createTag({
      ...repo(),
      tag: 'v2024.05',
      message: 'Publicación de mayo\n',
      object: head,
      type: 'commit',
      tagger: { name: 'Publicador', email: 'pub@example.org', date: '2024-05-01T12:00:00+02:00' },
    });
    expect(tag).toMatchObject({
      tag: 'v2024.05',
      object: { sha: head, type: 'commit' },
      tagger: { date: '2024-05-01T12:00:00+02:00' },
    });
    await octokit.git.createRef({ ...repo(), ref: 'refs/tags/v2024.05', sha: tag.sha });
    const again = await failure(octokit.git.createRef({ ...repo(), ref: 'refs/tags/v2024.05', sha: head }));
    expect(again).toMatchObject({ status: 422, message: 'Reference already exists' });

    expect(await git('for-each-ref', '--format=%(objecttype) %(refname) %(*objectname)', 'refs/tags')).toBe(
      `tag refs/tags/v2024.05 ${head}`,
    );
    expect(await git('show', '--no-patch', '--format=%H', 'v2024.05')).toContain('Publicación de mayo');
    expect(await git('cat-file', 'tag', 'v2024.05')).toContain(
      'tagger Publicador <pub@example.org> 1714557600 +0200',
    );
    expect(await git('fsck', '--strict', '--no-dangling')).toBe('');
    const { data: matching } = await octokit.git.listMatchingRefs({ ...repo(), ref: 'tags/v2024' });
    expect(matching.map((r) => [r.ref, r.object.type])).toEqual([['refs/tags/v2024.05', 'tag']]);
    const { data: none } = await octokit.git.listMatchingRefs({ ...repo(), ref: 'tags/v1999' });
    expect(none).toEqual([]);
  });

  it('lets a simulated concurrent commit win a ref update race', async () => {
    const base = await initialise();
    const { data: baseCommit } = await octokit.git.getCommit({ ...repo(), commit_sha: base });
    const { data: tree } = await octokit.git.createTree({
      ...repo(),
      base_tree: baseCommit.tree.sha,
      tree: [{ path: 'mine.txt', mode: '100644', type: 'blob', content: 'mine\n' }],
    });
    const { data: mine } = await octokit.git.createCommit({
      ...repo(),
      message: 'Mine',
      tree: tree.sha,
      parents: [base],
    });

    standIn.landCommitBeforeNextRefUpdate();
    const lost = await failure(octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: mine.sha }));
    expect(lost).toMatchObject({ status: 422, message: 'Update is not a fast forward' });

    const tip = await git('rev-parse', 'main');
    expect(tip).not.toBe(mine.sha);
    expect(await git('rev-parse', 'main^')).toBe(base);
    expect(await git('ls-tree', '--name-only', 'main')).toBe('README.md\nrace-1.txt');

    // The next update is not raced: rebasing onto the new tip succeeds.
    const { data: rebased } = await octokit.git.createCommit({
      ...repo(),
      message: 'Mine, rebased',
      tree: tree.sha,
      parents: [tip],
    });
    await octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: rebased.sha });
    expect(await git('rev-parse', 'main')).toBe(rebased.sha);
  });

  it('stores releases and uploaded assets byte for byte', async () => {
    const head = await initialise();
    const { data: release } = await octokit.repos.createRelease({
      ...repo(),
      tag_name: 'v1',
      name: 'Versión 1',
      body: 'Notas',
    });
    expect(release.upload_url).toBe(
      `${standIn.apiUrl}/uploads/repos/acme/actas/releases/${release.id}/assets{?name,label}`,
    );
    // Publishing a release for a missing tag creates a lightweight tag at the default branch.
    expect(await git('for-each-ref', '--format=%(objecttype) %(objectname)', 'refs/tags/v1')).toBe(
      `commit ${head}`,
    );

    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const { data: asset } = await octokit.repos.uploadReleaseAsset({
      ...repo(),
      release_id: release.id,
      url: release.upload_url,
      name: 'actas.zip',
      label: 'Todas las actas',
      data: bytes as unknown as string,
      headers: { 'content-type': 'application/zip', 'content-length': bytes.length },
    });
    expect(asset).toMatchObject({
      name: 'actas.zip',
      label: 'Todas las actas',
      size: bytes.length,
      state: 'uploaded',
    });
    expect(asset.content_type).toBe('application/zip');

    const download = await fetch(asset.browser_download_url);
    expect(download.status).toBe(200);
    expect(digest(Buffer.from(await download.arrayBuffer()))).toBe(digest(bytes));

    const [stored] = standIn.releases();
    expect(stored).toMatchObject({ tag_name: 'v1', name: 'Versión 1', body: 'Notas', draft: false });
    expect(digest(stored?.assets[0]?.bytes)).toBe(digest(bytes));
    expect(stored?.assets[0]?.content_type).toBe('application/zip');

    const { data: byTag } = await octokit.repos.getReleaseByTag({ ...repo(), tag: 'v1' });
    expect(byTag.assets.map((a) => a.name)).toEqual(['actas.zip']);
    const { data: all } = await octokit.repos.listReleases(repo());
    expect(all.map((r) => r.id)).toEqual([release.id]);
    const duplicate = await failure(octokit.repos.createRelease({ ...repo(), tag_name: 'v1' }));
    expect(duplicate.status).toBe(422);
    expect(duplicate.response).toMatchObject({
      data: {
        message: 'Validation Failed',
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }],
      },
    });
    const sameName = await failure(
      octokit.repos.uploadReleaseAsset({
        ...repo(),
        release_id: release.id,
        url: release.upload_url,
        name: 'actas.zip',
        data: 'x',
      }),
    );
    expect(sameName.status).toBe(422);
    expect((await failure(octokit.repos.getReleaseByTag({ ...repo(), tag: 'v2' }))).status).toBe(404);
  });

  it('answers queued faults as told and changes nothing', async () => {
    const head = await initialise();
    const refsBefore = await git('for-each-ref');
    const objectsBefore = await git('count-objects', '-v');

    standIn.failNext({ method: 'POST', path: /\/git\/refs$/, status: 500 });
    const serverError = await failure(octokit.git.createRef({ ...repo(), ref: 'refs/heads/b', sha: head }));
    expect(serverError).toMatchObject({ status: 500, message: 'Internal Server Error' });

    standIn.failNext({
      path: /\/git\/blobs$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit' },
    });
    const limited = await failure(octokit.git.createBlob({ ...repo(), content: 'never stored' }));
    expect(limited).toMatchObject({ status: 403, message: 'You have exceeded a secondary rate limit' });
    expect(limited.response).toMatchObject({ headers: { 'retry-after': '1' } });

    standIn.failNext({ method: 'PATCH', drop: true });
    const dropped = await failure(
      octokit.git.updateRef({ ...repo(), ref: 'heads/main', sha: head, force: true }),
    );
    expect(dropped.status).toBe(0);

    standIn.failNext({ path: /\/releases$/, status: 502, times: 2 });
    expect((await failure(octokit.repos.createRelease({ ...repo(), tag_name: 'v1' }))).status).toBe(502);
    expect((await failure(octokit.repos.createRelease({ ...repo(), tag_name: 'v1' }))).status).toBe(502);

    expect(await git('for-each-ref')).toBe(refsBefore);
    expect(await git('count-objects', '-v')).toBe(objectsBefore);
    expect(standIn.releases()).toEqual([]);
    expect(standIn.requests.slice(1).map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 500',
      'POST 403',
      'PATCH 0',
      'POST 502',
      'POST 502',
    ]);

    // Faults are consumed: the same requests now go through.
    await octokit.git.createRef({ ...repo(), ref: 'refs/heads/b', sha: head });
    expect(await git('rev-parse', 'refs/heads/b')).toBe(head);
  });

  it('rejects a bad or missing token with 401', async () => {
    const wrong = new Octokit({
      auth: 'wrong',
      baseUrl: standIn.apiUrl,
      request: { retries: 0 },
      log: silent,
    });
    expect(await failure(wrong.repos.get(repo()))).toMatchObject({ status: 401, message: 'Bad credentials' });
    const anonymous = new Octokit({ baseUrl: standIn.apiUrl, request: { retries: 0 }, log: silent });
    expect((await failure(anonymous.repos.get(repo()))).status).toBe(401);
    const bearer = await fetch(`${standIn.apiUrl}/repos/acme/actas`, {
      headers: { authorization: `Bearer ${standIn.token}` },
    });
    expect(bearer.status).toBe(200);
    expect(
      (await fetch(`${standIn.apiUrl}/nowhere`, { headers: { authorization: `token ${standIn.token}` } }))
        .status,
    ).toBe(404);
  });
});
