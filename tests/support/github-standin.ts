/**
 * A stand-in for the GitHub REST API, for tests that publish to GitHub.
 *
 * It answers the endpoints a publisher needs (git database, contents, releases and asset uploads) the
 * way api.github.com does — same status codes, same error shapes, same quirks such as 409 on an empty
 * repository — and stores everything in a REAL bare git repository written with git's own plumbing.
 * That way a test can judge the result with `git clone`, `git fsck` and `git show` instead of trusting
 * a mock's bookkeeping.
 *
 * Requests are handled one at a time (bodies are read concurrently): it keeps the recorded order
 * deterministic and makes "a faulted request changes nothing" trivially true. Races are simulated on
 * purpose with `landCommitBeforeNextRefUpdate()`, and ref updates still use git's old-value check.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------------
// Public API

export interface StandInOptions {
  owner?: string;
  repo?: string;
  token?: string;
  defaultBranch?: string;
  /** Where to create the bare repository; by default a fresh mkdtemp directory removed by close(). */
  dir?: string;
}

/** One request as received. `path` is the percent-decoded path without query string; `status` is 0 for a dropped connection. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

export interface Fault {
  method?: string;
  /** Tested against the percent-decoded path without query string. */
  path?: RegExp;
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless it is a string or Buffer (sent as is, e.g. an HTML 502 page). */
  body?: unknown;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** How many matching requests this fault answers; default 1. */
  times?: number;
}

export interface StoredAsset {
  id: number;
  name: string;
  label: string | null;
  content_type: string;
  bytes: Buffer;
}

export interface StoredRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  assets: StoredAsset[];
}

export interface GitHubStandIn {
  /** e.g. http://127.0.0.1:PORT — what octokit's baseUrl gets. */
  apiUrl: string;
  /** The bare repository holding everything pushed through the API. */
  gitDir: string;
  owner: string;
  repo: string;
  token: string;
  /** Every request received, in order, including faulted and dropped ones. */
  requests: RecordedRequest[];
  /** Queue a fault for the next matching request(s); faults are tried in the order queued. */
  failNext(fault: Fault): void;
  /**
   * Simulate a race: just before the next PATCH of a branch ref is applied, another commit (adding
   * `race-<n>.txt`) lands on that branch, so a non-forced PATCH gets 422 "Update is not a fast forward".
   */
  landCommitBeforeNextRefUpdate(): void;
  /** Releases with their assets, oldest first (copies: mutating them changes nothing). */
  releases(): StoredRelease[];
  /** Stop the server and remove the temporary directory if the stand-in created it. */
  close(): Promise<void>;
}

export async function startGitHubStandIn(options: StandInOptions = {}): Promise<GitHubStandIn> {
  const owner = options.owner ?? 'actas-abiertas';
  const repo = options.repo ?? 'actas';
  const token = options.token ?? 'test-token';
  const defaultBranch = options.defaultBranch ?? 'main';
  const tempRoot = options.dir === undefined ? await mkdtemp(join(tmpdir(), 'github-standin-')) : undefined;
  const gitDir = options.dir ?? join(tempRoot ?? tmpdir(), `${repo}.git`);
  const repository = await GitRepository.init(gitDir, defaultBranch);

  const server = createServer({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = new StandInApi({ apiUrl, owner, repo, token, defaultBranch }, repository);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void api.handle(req, res);
  });

  let closed = false;
  return {
    apiUrl,
    gitDir,
    owner,
    repo,
    token,
    requests: api.requests,
    failNext: (fault) => api.queueFault(fault),
    landCommitBeforeNextRefUpdate: () => api.armRace(),
    releases: () => api.snapshotReleases(),
    close: async () => {
      if (closed) return;
      closed = true;
      // Octokit keeps connections alive; without this, server.close() would wait for them to idle out.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (tempRoot !== undefined) await rm(tempRoot, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Git plumbing

export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Environment for every git call. Inherited GIT_* variables (e.g. when tests run inside a git hook) and
 * the user's or system's config must not change what the plumbing writes or where.
 */
export function isolatedGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_')) env[key] = value;
  }
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0', ...extra };
}

/** Run git and collect its output; never rejects for a non-zero exit (callers decide what that means). */
export function runGit(
  args: string[],
  options: { gitDir?: string; cwd?: string; input?: Buffer | string; env?: Record<string, string> } = {},
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const extra: Record<string, string> = { ...options.env };
    if (options.gitDir !== undefined) extra.GIT_DIR = options.gitDir;
    const child = spawn('git', args, { cwd: options.cwd, env: isolatedGitEnv(extra) });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
    // git may exit before reading all of stdin (e.g. on a bad argument); that EPIPE is not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

const ZERO_SHA = '0'.repeat(40);
const SHA_PATTERN = /^[0-9a-f]{40}$/;

type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  /** Blob size in bytes; undefined for trees and submodules. */
  size: number | undefined;
  /** Path relative to the listed tree. */
  path: string;
}

/** An identity as git stores it: `date` is git's internal format, `@<seconds> <+hhmm>`. */
interface GitIdentity {
  name: string;
  email: string;
  date: string;
}

interface ParsedCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: ApiIdentity;
  committer: ApiIdentity;
  message: string;
}

interface ParsedTag {
  sha: string;
  object: string;
  type: string;
  tag: string;
  tagger: ApiIdentity;
  message: string;
}

interface ApiIdentity {
  name: string;
  email: string;
  date: string;
}

class GitError extends Error {}

/** Thin typed wrapper over the plumbing commands the stand-in needs, all run against one bare repository. */
class GitRepository {
  private constructor(readonly gitDir: string) {}

  static async init(gitDir: string, defaultBranch: string): Promise<GitRepository> {
    // HEAD must name the default branch so that `git clone` checks it out once it exists.
    const result = await runGit(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, gitDir]);
    if (result.code !== 0) throw new GitError(`git init failed: ${result.stderr}`);
    return new GitRepository(gitDir);
  }

  private async git(args: string[], input?: Buffer | string, env?: Record<string, string>): Promise<Buffer> {
    const result = await runGit(args, { gitDir: this.gitDir, input, env });
    if (result.code !== 0) throw new GitError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
    return result.stdout;
  }

  private async succeeds(args: string[]): Promise<boolean> {
    return (await runGit(args, { gitDir: this.gitDir })).code === 0;
  }

  /** GitHub calls a repository empty until its first commit lands on a branch. */
  async isEmpty(): Promise<boolean> {
    const out = await this.git(['for-each-ref', '--count=1', '--format=%(refname)', 'refs/heads/']);
    return out.length === 0;
  }

  async objectType(sha: string): Promise<ObjectType | undefined> {
    if (!SHA_PATTERN.test(sha)) return undefined;
    const result = await runGit(['cat-file', '-t', sha], { gitDir: this.gitDir });
    if (result.code !== 0) return undefined;
    return result.stdout.toString('utf8').trim() as ObjectType;
  }

  async writeBlob(bytes: Buffer): Promise<string> {
    return (await this.git(['hash-object', '-w', '--stdin'], bytes)).toString('utf8').trim();
  }

  readBlob(sha: string): Promise<Buffer> {
    return this.git(['cat-file', 'blob', sha]);
  }

  /** `recursive` lists subtrees' contents too; `withTrees` also lists the subtrees themselves. */
  async listTree(tree: string, recursive = false, withTrees = true): Promise<TreeEntry[]> {
    const args = ['ls-tree', '-z', '-l'];
    if (recursive) args.push('-r');
    if (recursive && withTrees) args.push('-t');
    const out = (await this.git([...args, tree])).toString('utf8');
    return out
      .split('\0')
      .filter((record) => record.length > 0)
      .map(parseTreeRecord);
  }

  /** Write one tree level; entries' names must be single path components. */
  async makeTree(entries: { name: string; mode: string; type: string; sha: string }[]): Promise<string> {
    const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
    return (await this.git(['mktree', '-z'], input)).toString('utf8').trim();
  }

  async commitTree(commit: {
    tree: string;
    parents: string[];
    message: string;
    author: GitIdentity;
    committer: GitIdentity;
  }): Promise<string> {
    const args = ['commit-tree', commit.tree, ...commit.parents.flatMap((parent) => ['-p', parent])];
    const env = {
      GIT_AUTHOR_NAME: commit.author.name,
      GIT_AUTHOR_EMAIL: commit.author.email,
      GIT_AUTHOR_DATE: commit.author.date,
      GIT_COMMITTER_NAME: commit.committer.name,
      GIT_COMMITTER_EMAIL: commit.committer.email,
      GIT_COMMITTER_DATE: commit.committer.date,
    };
    // The message goes through stdin so it is stored byte for byte, as GitHub stores it.
    return (await this.git(args, commit.message, env)).toString('utf8').trim();
  }

  async readCommit(sha: string): Promise<ParsedCommit> {
    const { headers, message } = splitObject(await this.git(['cat-file', 'commit', sha]));
    return {
      sha,
      tree: headerValue(headers, 'tree'),
      parents: headers.filter(([key]) => key === 'parent').map(([, value]) => value),
      author: parseIdentityLine(headerValue(headers, 'author')),
      committer: parseIdentityLine(headerValue(headers, 'committer')),
      message,
    };
  }

  /** Returns undefined when git's strict fsck rejects the tag (e.g. an invalid tag name). */
  async makeTag(tag: {
    object: string;
    type: string;
    tag: string;
    tagger: GitIdentity;
    message: string;
  }): Promise<string | undefined> {
    const when = tag.tagger.date.replace(/^@/, '');
    const text =
      `object ${tag.object}\ntype ${tag.type}\ntag ${tag.tag}\n` +
      `tagger ${tag.tagger.name} <${tag.tagger.email}> ${when}\n\n${tag.message}`;
    const result = await runGit(['mktag'], { gitDir: this.gitDir, input: text });
    if (result.code !== 0) return undefined;
    return result.stdout.toString('utf8').trim();
  }

  async readTag(sha: string): Promise<ParsedTag> {
    const { headers, message } = splitObject(await this.git(['cat-file', 'tag', sha]));
    return {
      sha,
      object: headerValue(headers, 'object'),
      type: headerValue(headers, 'type'),
      tag: headerValue(headers, 'tag'),
      tagger: parseIdentityLine(headerValue(headers, 'tagger')),
      message,
    };
  }

  /** All refs, sorted by name, with the type of the object each points at. */
  async refs(): Promise<Map<string, { sha: string; type: ObjectType }>> {
    const out = await this.git(['for-each-ref', '--format=%(objectname) %(objecttype) %(refname)']);
    const refs = new Map<string, { sha: string; type: ObjectType }>();
    for (const line of out.toString('utf8').split('\n')) {
      const [sha, type, name] = line.split(' ');
      if (sha && type && name) refs.set(name, { sha, type: type as ObjectType });
    }
    return refs;
  }

  isValidRefName(ref: string): Promise<boolean> {
    // A leading dash would be read as an option; real ref names under refs/ never start with one.
    if (!ref.startsWith('refs/')) return Promise.resolve(false);
    return this.succeeds(['check-ref-format', ref]);
  }

  /**
   * Atomically move `ref` to `sha`. With `expected` the update only happens if the ref is still there
   * (ZERO_SHA: if it does not exist yet), which is what makes concurrent writers lose cleanly.
   */
  updateRef(ref: string, sha: string, expected?: string): Promise<boolean> {
    const args = ['update-ref', ref, sha];
    if (expected !== undefined) args.push(expected);
    return this.succeeds(args);
  }

  deleteRef(ref: string, expected: string): Promise<boolean> {
    return this.succeeds(['update-ref', '-d', ref, expected]);
  }

  isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.succeeds(['merge-base', '--is-ancestor', ancestor, descendant]);
  }
}

function parseTreeRecord(record: string): TreeEntry {
  const tab = record.indexOf('\t');
  const [mode = '', type = '', sha = '', size = '-'] = record.slice(0, tab).split(/ +/);
  return { mode, type, sha, size: size === '-' ? undefined : Number(size), path: record.slice(tab + 1) };
}

/** Split a commit or tag object into its header lines and its message. */
function splitObject(raw: Buffer): { headers: [string, string][]; message: string } {
  const text = raw.toString('utf8');
  const end = text.indexOf('\n\n');
  const head = end === -1 ? text : text.slice(0, end);
  const message = end === -1 ? '' : text.slice(end + 2);
  const headers: [string, string][] = [];
  for (const line of head.split('\n')) {
    // Continuation lines belong to multi-line headers such as gpgsig, which the API does not expose.
    if (line.startsWith(' ')) continue;
    const space = line.indexOf(' ');
    headers.push([line.slice(0, space), line.slice(space + 1)]);
  }
  return { headers, message };
}

function headerValue(headers: [string, string][], key: string): string {
  return headers.find(([name]) => name === key)?.[1] ?? '';
}

function parseIdentityLine(line: string): ApiIdentity {
  const match = /^(.*) <([^>]*)> (\d+) ([+-]\d{4})$/.exec(line);
  if (!match) return { name: line, email: '', date: '' };
  const [, name = '', email = '', seconds = '0', zone = '+0000'] = match;
  return { name, email, date: isoFromGitTime(Number(seconds), zone) };
}

/** GitHub shows commit dates in the zone they were recorded in: `...Z` for UTC, `...+02:00` otherwise. */
function isoFromGitTime(seconds: number, zone: string): string {
  const sign = zone.startsWith('-') ? -1 : 1;
  const offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  return offsetMinutes === 0 ? `${local}Z` : `${local}${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** Convert an ISO 8601 date to git's internal format, keeping the time zone the client gave. */
function gitTimeFromIso(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const zone = iso.includes('T') ? /([+-])(\d{2}):?(\d{2})$/.exec(iso) : null;
  const offset = zone ? `${zone[1]}${zone[2]}${zone[3]}` : '+0000';
  return `@${Math.floor(ms / 1000)} ${offset}`;
}

function gitTimeNow(): string {
  return `@${Math.floor(Date.now() / 1000)} +0000`;
}

// ---------------------------------------------------------------------------------------------------
// Tree editing with GitHub's POST /git/trees semantics

interface TreeEdit {
  path: string;
  mode: string;
  type: string;
  /** null deletes the path (and everything under it). */
  sha: string | null;
}

interface LeafEntry {
  mode: string;
  type: string;
  sha: string;
}

interface DirNode {
  leaves: Map<string, LeafEntry>;
  dirs: Map<string, DirNode>;
}

/**
 * Apply edits onto a base tree and write the result. Working on a flat path → leaf map keeps the
 * semantics simple (a file replacing a directory and vice versa just falls out); the nested trees are
 * then written bottom-up with `git mktree`, one per directory.
 */
async function applyTreeEdits(
  git: GitRepository,
  baseTree: string | undefined,
  edits: TreeEdit[],
): Promise<string> {
  const flat = new Map<string, LeafEntry>();
  if (baseTree !== undefined) await addLeaves(git, flat, baseTree, '');
  for (const edit of edits) {
    removePath(flat, edit.path);
    if (edit.sha === null) continue;
    if (edit.type === 'tree') await addLeaves(git, flat, edit.sha, `${edit.path}/`);
    else flat.set(edit.path, { mode: edit.mode, type: edit.type, sha: edit.sha });
  }
  return writeDir(git, nestLeaves(flat));
}

async function addLeaves(git: GitRepository, flat: Map<string, LeafEntry>, tree: string, prefix: string) {
  for (const entry of await git.listTree(tree, true, false)) {
    flat.set(`${prefix}${entry.path}`, { mode: entry.mode, type: entry.type, sha: entry.sha });
  }
}

/** Remove a path, everything below it, and any file standing where one of its parent directories must go. */
function removePath(flat: Map<string, LeafEntry>, path: string): void {
  for (const key of [...flat.keys()]) {
    if (key === path || key.startsWith(`${path}/`)) flat.delete(key);
  }
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) flat.delete(parts.slice(0, i).join('/'));
}

function nestLeaves(flat: Map<string, LeafEntry>): DirNode {
  const root: DirNode = { leaves: new Map(), dirs: new Map() };
  for (const [path, leaf] of flat) {
    const parts = path.split('/');
    const name = parts.pop() ?? path;
    let node = root;
    for (const part of parts) {
      let child = node.dirs.get(part);
      if (!child) {
        child = { leaves: new Map(), dirs: new Map() };
        node.dirs.set(part, child);
      }
      node = child;
    }
    node.leaves.set(name, leaf);
  }
  return root;
}

async function writeDir(git: GitRepository, node: DirNode): Promise<string> {
  const entries: { name: string; mode: string; type: string; sha: string }[] = [];
  for (const [name, leaf] of node.leaves) entries.push({ name, ...leaf });
  for (const [name, dir] of node.dirs) {
    entries.push({ name, mode: '040000', type: 'tree', sha: await writeDir(git, dir) });
  }
  return git.makeTree(entries);
}

// ---------------------------------------------------------------------------------------------------
// HTTP plumbing

interface Reply {
  status: number;
  /** JSON-encoded; ignored when `bytes` is set. */
  body?: unknown;
  bytes?: Buffer;
  headers?: Record<string, string>;
}

interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (ctx: RequestContext, args: string[]) => Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const DOCS_URL = 'https://docs.github.com/rest';

/** An error answered the way GitHub answers it: `{message, documentation_url, status}` plus extras. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function errorBody(status: number, message: string, extra: Record<string, unknown> = {}) {
  return { message, ...extra, documentation_url: DOCS_URL, status: String(status) };
}

function validationFailed(resource: string, code: string, field: string): ApiError {
  return new ApiError(422, 'Validation Failed', { errors: [{ resource, code, field }] });
}

function missingField(field: string): ApiError {
  return new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
}

function notFound(message = 'Not Found'): ApiError {
  return new ApiError(404, message);
}

function arg(args: string[], index: number): string {
  return args[index] ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function jsonBody(ctx: RequestContext): Record<string, unknown> {
  if (ctx.body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
  if (!isRecord(parsed)) throw new ApiError(400, 'Problems parsing JSON');
  return parsed;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) throw missingField(field);
  if (typeof value !== 'string')
    throw new ApiError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  return value === undefined || value === null ? undefined : requiredString(body, field);
}

/** GitHub wraps base64 content at 60 characters per line; clients must cope, so the stand-in does it too. */
function wrappedBase64(bytes: Buffer): string {
  const base64 = bytes.toString('base64');
  return base64.length === 0 ? '' : `${base64.match(/.{1,60}/g)?.join('\n')}\n`;
}

/** A path as GitHub accepts it in trees and contents: relative, no empty, `.`, `..` or `.git` parts. */
function isValidPath(path: string): boolean {
  if (path.length === 0) return false;
  return path
    .split('/')
    .every((part) => part !== '' && part !== '.' && part !== '..' && part.toLowerCase() !== '.git');
}

// ---------------------------------------------------------------------------------------------------
// The API

interface ApiSettings {
  apiUrl: string;
  owner: string;
  repo: string;
  token: string;
  defaultBranch: string;
}

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

interface ReleaseRecord extends StoredRelease {
  created_at: string;
  assets: (StoredAsset & { created_at: string })[];
}

const STANDIN_IDENTITY = { name: 'GitHub stand-in', email: 'standin@127.0.0.1' };
const RACE_IDENTITY = { name: 'Concurrent writer', email: 'race@127.0.0.1' };
const TREE_MODES = new Map([
  ['100644', 'blob'],
  ['100755', 'blob'],
  ['120000', 'blob'],
  ['040000', 'tree'],
  ['160000', 'commit'],
]);
// Ids in different ranges so that a client mixing up release and asset ids fails loudly.
const FIRST_RELEASE_ID = 1001;
const FIRST_ASSET_ID = 5001;

class StandInApi {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: QueuedFault[] = [];
  private readonly releaseList: ReleaseRecord[] = [];
  private pendingRaces = 0;
  private racesLanded = 0;
  private nextReleaseId = FIRST_RELEASE_ID;
  private nextAssetId = FIRST_ASSET_ID;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly repoUrl: string;
  private readonly repoRoutes: Route[];

  constructor(
    private readonly settings: ApiSettings,
    private readonly git: GitRepository,
  ) {
    this.repoUrl = `${settings.apiUrl}/repos/${settings.owner}/${settings.repo}`;
    this.repoRoutes = this.buildRepoRoutes();
  }

  queueFault(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.times ?? 1 });
  }

  armRace(): void {
    this.pendingRaces += 1;
  }

  snapshotReleases(): StoredRelease[] {
    return this.releaseList.map((release) => ({
      id: release.id,
      tag_name: release.tag_name,
      target_commitish: release.target_commitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      assets: release.assets.map((asset) => ({
        id: asset.id,
        name: asset.name,
        label: asset.label,
        content_type: asset.content_type,
        bytes: Buffer.from(asset.bytes),
      })),
    }));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = decodePath(url.pathname);
    const record: RecordedRequest = { method, path, status: 0 };
    this.requests.push(record);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return; // the client went away mid-request; nothing to answer
    }
    const fault = this.takeFault(method, path);
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    const ctx: RequestContext = { method, path, query: url.searchParams, headers: req.headers, body };
    const reply = fault ? faultReply(fault) : await this.exclusive(() => this.dispatch(ctx));
    record.status = reply.status;
    send(res, reply);
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(
      ({ fault }) =>
        (fault.method === undefined || fault.method.toUpperCase() === method) &&
        (fault.path === undefined || fault.path.test(path)),
    );
    const queued = this.faults[index];
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.faults.splice(index, 1);
    return queued.fault;
  }

  /** Run handlers one after another so concurrent requests see each other's effects in arrival order. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async dispatch(ctx: RequestContext): Promise<Reply> {
    try {
      return await this.route(ctx);
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: error.status, body: errorBody(error.status, error.message, error.extra) };
      }
      // A bug in the stand-in or an unexpected git failure: answer like GitHub, but say what happened.
      return { status: 500, body: errorBody(500, 'Server Error', { standin_error: String(error) }) };
    }
  }

  private async route(ctx: RequestContext): Promise<Reply> {
    const download = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(ctx.path);
    // Downloads are public, like github.com's browser_download_url of a public repository.
    if (ctx.method === 'GET' && download && this.isOurRepo(arg(download, 1), arg(download, 2))) {
      return this.downloadAsset(arg(download, 3), arg(download, 4));
    }
    this.authenticate(ctx.headers);
    const upload = /^\/uploads\/repos\/([^/]+)\/([^/]+)\/releases\/(\d+)\/assets$/.exec(ctx.path);
    if (upload && ctx.method === 'POST' && this.isOurRepo(arg(upload, 1), arg(upload, 2))) {
      return this.uploadReleaseAsset(ctx, Number(upload[3]));
    }
    const repoPath = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(ctx.path);
    if (!repoPath || !this.isOurRepo(arg(repoPath, 1), arg(repoPath, 2))) throw notFound();
    const rest = repoPath[3] ?? '';
    for (const route of this.repoRoutes) {
      const match = route.method === ctx.method ? route.pattern.exec(rest) : null;
      if (match)
        return route.handler(
          ctx,
          match.slice(1).map((group) => group ?? ''),
        );
    }
    throw notFound();
  }

  private authenticate(headers: IncomingHttpHeaders): void {
    const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    if (match?.[1] !== this.settings.token) throw new ApiError(401, 'Bad credentials');
  }

  private isOurRepo(owner: string, repo: string): boolean {
    // GitHub resolves owner and repository names case-insensitively.
    return (
      owner.toLowerCase() === this.settings.owner.toLowerCase() &&
      repo.toLowerCase() === this.settings.repo.toLowerCase()
    );
  }

  private buildRepoRoutes(): Route[] {
    const r = (method: string, pattern: RegExp, handler: Handler): Route => ({ method, pattern, handler });
    return [
      r('GET', /^\/?$/, async () => this.getRepository()),
      r('GET', /^\/git\/ref\/(.+)$/, (_, a) => this.getRef(arg(a, 0))),
      r('GET', /^\/git\/matching-refs\/(.*)$/, (_, a) => this.listMatchingRefs(arg(a, 0))),
      r('POST', /^\/git\/refs$/, (ctx) => this.createRef(ctx)),
      r('PATCH', /^\/git\/refs\/(.+)$/, (ctx, a) => this.updateRef(ctx, arg(a, 0))),
      r('DELETE', /^\/git\/refs\/(.+)$/, (_, a) => this.deleteRef(arg(a, 0))),
      r('POST', /^\/git\/blobs$/, (ctx) => this.createBlob(ctx)),
      r('GET', /^\/git\/blobs\/([^/]+)$/, (_, a) => this.getBlob(arg(a, 0))),
      r('POST', /^\/git\/trees$/, (ctx) => this.createTree(ctx)),
      r('GET', /^\/git\/trees\/(.+)$/, (ctx, a) => this.getTree(arg(a, 0), ctx.query.has('recursive'))),
      r('POST', /^\/git\/commits$/, (ctx) => this.createCommit(ctx)),
      r('GET', /^\/git\/commits\/([^/]+)$/, (_, a) => this.getCommit(arg(a, 0))),
      r('POST', /^\/git\/tags$/, (ctx) => this.createTag(ctx)),
      r('GET', /^\/git\/tags\/([^/]+)$/, (_, a) => this.getTag(arg(a, 0))),
      r('GET', /^\/contents(?:\/(.*))?$/, (ctx, a) => this.getContents(arg(a, 0), ctx.query.get('ref'))),
      r('PUT', /^\/contents\/(.+)$/, (ctx, a) => this.putContents(ctx, arg(a, 0))),
      r('POST', /^\/releases$/, (ctx) => this.createRelease(ctx)),
      r('GET', /^\/releases$/, async (ctx) => this.listReleases(ctx)),
      r('GET', /^\/releases\/latest$/, async () => this.getLatestRelease()),
      r('GET', /^\/releases\/tags\/(.+)$/, async (_, a) => this.getReleaseByTag(arg(a, 0))),
      r('GET', /^\/releases\/assets\/(\d+)$/, async (ctx, a) => this.getReleaseAsset(ctx, Number(arg(a, 0)))),
      r('DELETE', /^\/releases\/assets\/(\d+)$/, async (_, a) => this.deleteReleaseAsset(Number(arg(a, 0)))),
      r('GET', /^\/releases\/(\d+)$/, async (_, a) => this.getRelease(Number(arg(a, 0)))),
      r('PATCH', /^\/releases\/(\d+)$/, (ctx, a) => this.updateRelease(ctx, Number(arg(a, 0)))),
      r('DELETE', /^\/releases\/(\d+)$/, async (_, a) => this.deleteRelease(Number(arg(a, 0)))),
      r('GET', /^\/releases\/(\d+)\/assets$/, async (_, a) => this.listReleaseAssets(Number(arg(a, 0)))),
      // Some clients post assets to the API host instead of the upload_url host; GitHub accepts both.
      r('POST', /^\/releases\/(\d+)\/assets$/, (ctx, a) => this.uploadReleaseAsset(ctx, Number(arg(a, 0)))),
    ];
  }

  // --- repository -----------------------------------------------------------------------------------

  private getRepository(): Reply {
    const { owner, repo, defaultBranch } = this.settings;
    return {
      status: 200,
      body: {
        id: 1,
        node_id: 'R_standin',
        name: repo,
        full_name: `${owner}/${repo}`,
        owner: { login: owner, type: 'Organization' },
        private: false,
        visibility: 'public',
        html_url: `https://github.com/${owner}/${repo}`,
        url: this.repoUrl,
        default_branch: defaultBranch,
      },
    };
  }

  /** On an empty repository GitHub answers every git-database call with 409. */
  private async requireNonEmpty(): Promise<void> {
    if (await this.git.isEmpty()) throw new ApiError(409, 'Git Repository is empty.');
  }

  // --- refs -----------------------------------------------------------------------------------------

  private refJson(ref: string, sha: string, type: string) {
    return {
      ref,
      node_id: `REF_${ref}`,
      url: `${this.repoUrl}/git/${ref}`,
      object: { sha, type, url: `${this.repoUrl}/git/${type}s/${sha}` },
    };
  }

  private async getRef(ref: string): Promise<Reply> {
    await this.requireNonEmpty();
    const name = `refs/${ref}`;
    const found = (await this.git.refs()).get(name);
    if (!found) throw notFound();
    return { status: 200, body: this.refJson(name, found.sha, found.type) };
  }

  private async listMatchingRefs(prefix: string): Promise<Reply> {
    await this.requireNonEmpty();
    const wanted = `refs/${prefix}`;
    const matching = [...(await this.git.refs())].filter(([name]) => name.startsWith(wanted));
    return { status: 200, body: matching.map(([name, { sha, type }]) => this.refJson(name, sha, type)) };
  }

  private async createRef(ctx: RequestContext): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const ref = requiredString(body, 'ref');
    const sha = requiredString(body, 'sha');
    if (!(await this.git.isValidRefName(ref)) || ref.split('/').length < 3) {
      throw new ApiError(422, `${ref} is not a valid ref name.`);
    }
    const type = await this.git.objectType(sha);
    if (!type) throw new ApiError(422, 'Object does not exist');
    if (!(await this.git.updateRef(ref, sha, ZERO_SHA))) throw new ApiError(422, 'Reference already exists');
    return { status: 201, body: this.refJson(ref, sha, type) };
  }

  private async updateRef(ctx: RequestContext, ref: string): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const sha = requiredString(body, 'sha');
    const force = body.force === true;
    const name = `refs/${ref}`;
    const current = (await this.git.refs()).get(name);
    if (!current) throw new ApiError(422, 'Reference does not exist');
    const type = await this.git.objectType(sha);
    if (!type) throw new ApiError(422, 'Object does not exist');
    if (name.startsWith('refs/heads/') && this.pendingRaces > 0) {
      this.pendingRaces -= 1;
      await this.landRaceCommit(name, current.sha);
    }
    if (!force && !(await this.git.isAncestor(current.sha, sha))) {
      throw new ApiError(422, 'Update is not a fast forward');
    }
    // The old-value check is what turns a commit that landed meanwhile into a clean 422.
    if (!(await this.git.updateRef(name, sha, force ? undefined : current.sha))) {
      throw new ApiError(422, 'Update is not a fast forward');
    }
    return { status: 200, body: this.refJson(name, sha, type) };
  }

  private async deleteRef(ref: string): Promise<Reply> {
    await this.requireNonEmpty();
    const name = `refs/${ref}`;
    const current = (await this.git.refs()).get(name);
    if (!current || !(await this.git.deleteRef(name, current.sha))) {
      throw new ApiError(422, 'Reference does not exist');
    }
    return { status: 204 };
  }

  /** Another writer's commit, landing on `ref` between our read of its tip and our update. */
  private async landRaceCommit(ref: string, tip: string): Promise<void> {
    this.racesLanded += 1;
    const n = this.racesLanded;
    const blob = await this.git.writeBlob(Buffer.from(`Written by a concurrent writer (race ${n}).\n`));
    const { tree: baseTree } = await this.git.readCommit(tip);
    const edit = { path: `race-${n}.txt`, mode: '100644', type: 'blob', sha: blob };
    const tree = await applyTreeEdits(this.git, baseTree, [edit]);
    const identity = { ...RACE_IDENTITY, date: gitTimeNow() };
    const message = `Concurrent commit ${n}\n`;
    const commit = await this.git.commitTree({
      tree,
      parents: [tip],
      message,
      author: identity,
      committer: identity,
    });
    if (!(await this.git.updateRef(ref, commit, tip)))
      throw new GitError(`race commit could not land on ${ref}`);
  }

  // --- blobs ----------------------------------------------------------------------------------------

  private async createBlob(ctx: RequestContext): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const content = requiredString(body, 'content');
    const encoding = optionalString(body, 'encoding') ?? 'utf-8';
    if (!['utf-8', 'utf8', 'base64'].includes(encoding)) {
      throw new ApiError(422, `encoding must be one of "utf-8" or "base64", not "${encoding}"`);
    }
    const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
    const sha = await this.git.writeBlob(bytes);
    return { status: 201, body: { sha, url: `${this.repoUrl}/git/blobs/${sha}` } };
  }

  private async getBlob(sha: string): Promise<Reply> {
    await this.requireNonEmpty();
    if ((await this.git.objectType(sha)) !== 'blob') throw notFound();
    const bytes = await this.git.readBlob(sha);
    return {
      status: 200,
      body: {
        sha,
        node_id: `B_${sha}`,
        size: bytes.length,
        url: `${this.repoUrl}/git/blobs/${sha}`,
        content: wrappedBase64(bytes),
        encoding: 'base64',
      },
    };
  }

  // --- trees ----------------------------------------------------------------------------------------

  private treeEntryJson(entry: TreeEntry) {
    const kind = entry.type === 'commit' ? 'commits' : `${entry.type}s`;
    return {
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${this.repoUrl}/git/${kind}/${entry.sha}`,
    };
  }

  private async treeJson(sha: string, recursive: boolean) {
    const entries = await this.git.listTree(sha, recursive);
    return {
      sha,
      url: `${this.repoUrl}/git/trees/${sha}`,
      tree: entries.map((entry) => this.treeEntryJson(entry)),
      truncated: false,
    };
  }

  private async createTree(ctx: RequestContext): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const baseTree = optionalString(body, 'base_tree');
    if (baseTree !== undefined && (await this.git.objectType(baseTree)) !== 'tree') {
      throw new ApiError(422, 'base_tree is not a valid tree oid');
    }
    if (!Array.isArray(body.tree)) throw missingField('tree');
    const edits: TreeEdit[] = [];
    for (const entry of body.tree) edits.push(await this.treeEdit(entry));
    const sha = await applyTreeEdits(this.git, baseTree, edits);
    return { status: 201, body: await this.treeJson(sha, false) };
  }

  /** Validate one entry of POST /git/trees and turn `content` into a blob. */
  private async treeEdit(entry: unknown): Promise<TreeEdit> {
    if (!isRecord(entry)) throw new ApiError(422, 'Invalid tree info');
    const path = requiredString(entry, 'path');
    const mode = requiredString(entry, 'mode');
    const type = optionalString(entry, 'type') ?? TREE_MODES.get(mode) ?? '';
    if (!isValidPath(path)) throw new ApiError(422, `tree.path contains a malformed path component: ${path}`);
    if (TREE_MODES.get(mode) !== type)
      throw new ApiError(422, `Invalid tree info: mode ${mode} with type ${type}`);
    const content = optionalString(entry, 'content');
    const hasSha = 'sha' in entry;
    if (content !== undefined && hasSha)
      throw new ApiError(422, 'Only one of tree.sha or tree.content is allowed');
    if (content !== undefined) {
      if (type !== 'blob') throw new ApiError(422, 'tree.content is only allowed for blobs');
      return { path, mode, type, sha: await this.git.writeBlob(Buffer.from(content, 'utf8')) };
    }
    if (!hasSha) throw new ApiError(422, 'Must supply either tree.sha or tree.content');
    if (entry.sha === null) return { path, mode, type, sha: null };
    const sha = requiredString(entry, 'sha');
    // Submodule entries point at commits of another repository, which cannot be checked here.
    if (type !== 'commit' && (await this.git.objectType(sha)) !== type) {
      throw new ApiError(422, `tree.sha ${sha} is not a valid ${type}`);
    }
    return { path, mode, type, sha };
  }

  private async getTree(treeish: string, recursive: boolean): Promise<Reply> {
    await this.requireNonEmpty();
    const sha = await this.resolveTree(treeish);
    if (!sha) throw notFound();
    return { status: 200, body: await this.treeJson(sha, recursive) };
  }

  /** A tree sha, a commit sha, or a branch/tag name (GitHub accepts all three). */
  private async resolveTree(treeish: string): Promise<string | undefined> {
    const type = await this.git.objectType(treeish);
    if (type === 'tree') return treeish;
    if (type === 'commit') return (await this.git.readCommit(treeish)).tree;
    const commit = await this.resolveCommitish(treeish);
    return commit ? (await this.git.readCommit(commit)).tree : undefined;
  }

  // --- commits and tags -------------------------------------------------------------------------------

  private commitJson(commit: ParsedCommit) {
    return {
      sha: commit.sha,
      node_id: `C_${commit.sha}`,
      url: `${this.repoUrl}/git/commits/${commit.sha}`,
      html_url: `https://github.com/${this.settings.owner}/${this.settings.repo}/commit/${commit.sha}`,
      author: commit.author,
      committer: commit.committer,
      tree: { sha: commit.tree, url: `${this.repoUrl}/git/trees/${commit.tree}` },
      message: commit.message,
      parents: commit.parents.map((sha) => ({ sha, url: `${this.repoUrl}/git/commits/${sha}` })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  private async createCommit(ctx: RequestContext): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const message = requiredString(body, 'message');
    const tree = requiredString(body, 'tree');
    const parents = body.parents ?? [];
    if ((await this.git.objectType(tree)) !== 'tree') throw new ApiError(422, 'Tree SHA does not exist');
    if (!Array.isArray(parents)) throw new ApiError(422, 'Invalid request.\n\n"parents" must be an array.');
    for (const parent of parents) {
      if (typeof parent !== 'string' || (await this.git.objectType(parent)) !== 'commit') {
        throw new ApiError(422, 'Parent SHA does not exist or is not a commit object');
      }
    }
    const author = identityFromApi(body.author, 'author', { ...STANDIN_IDENTITY, date: gitTimeNow() });
    // As on GitHub, the committer defaults to the author.
    const committer = identityFromApi(body.committer, 'committer', author);
    const sha = await this.git.commitTree({ tree, parents: parents as string[], message, author, committer });
    return { status: 201, body: this.commitJson(await this.git.readCommit(sha)) };
  }

  private async getCommit(sha: string): Promise<Reply> {
    await this.requireNonEmpty();
    if ((await this.git.objectType(sha)) !== 'commit') throw notFound();
    return { status: 200, body: this.commitJson(await this.git.readCommit(sha)) };
  }

  private tagJson(tag: ParsedTag) {
    return {
      node_id: `TAG_${tag.sha}`,
      sha: tag.sha,
      url: `${this.repoUrl}/git/tags/${tag.sha}`,
      tag: tag.tag,
      message: tag.message,
      tagger: tag.tagger,
      object: { sha: tag.object, type: tag.type, url: `${this.repoUrl}/git/${tag.type}s/${tag.object}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    };
  }

  private async createTag(ctx: RequestContext): Promise<Reply> {
    await this.requireNonEmpty();
    const body = jsonBody(ctx);
    const tag = requiredString(body, 'tag');
    const message = requiredString(body, 'message');
    const object = requiredString(body, 'object');
    const type = requiredString(body, 'type');
    const actual = await this.git.objectType(object);
    if (!actual) throw new ApiError(422, 'Object does not exist');
    if (actual !== type) throw new ApiError(422, `Object ${object} is a ${actual}, not a ${type}`);
    const tagger = identityFromApi(body.tagger, 'tagger', { ...STANDIN_IDENTITY, date: gitTimeNow() });
    const sha = await this.git.makeTag({ object, type, tag, tagger, message });
    if (!sha) throw new ApiError(422, `${tag} is not a valid tag name`);
    return { status: 201, body: this.tagJson(await this.git.readTag(sha)) };
  }

  private async getTag(sha: string): Promise<Reply> {
    await this.requireNonEmpty();
    if ((await this.git.objectType(sha)) !== 'tag') throw notFound();
    return { status: 200, body: this.tagJson(await this.git.readTag(sha)) };
  }

  // --- contents -------------------------------------------------------------------------------------

  /** A branch name, tag name or commit sha → commit sha (tags are peeled). */
  private async resolveCommitish(ref: string): Promise<string | undefined> {
    if ((await this.git.objectType(ref)) === 'commit') return ref;
    const refs = await this.git.refs();
    const found = refs.get(`refs/heads/${ref}`) ?? refs.get(`refs/tags/${ref}`) ?? refs.get(`refs/${ref}`);
    if (!found) return undefined;
    let sha = found.sha;
    let type: ObjectType | undefined = found.type;
    while (type === 'tag') {
      sha = (await this.git.readTag(sha)).object;
      type = await this.git.objectType(sha);
    }
    return type === 'commit' ? sha : undefined;
  }

  /** Walk `path` from a root tree one listing per directory; exact names, no pathspec surprises. */
  private async findEntry(rootTree: string, path: string): Promise<TreeEntry | undefined> {
    let tree = rootTree;
    const parts = path.split('/');
    for (const [index, part] of parts.entries()) {
      const entry = (await this.git.listTree(tree)).find((candidate) => candidate.path === part);
      if (!entry) return undefined;
      if (index === parts.length - 1) return { ...entry, path };
      if (entry.type !== 'tree') return undefined;
      tree = entry.sha;
    }
    return undefined;
  }

  private contentJson(entry: TreeEntry, ref: string) {
    const name = entry.path.split('/').pop() ?? entry.path;
    const kind =
      entry.type === 'tree'
        ? 'dir'
        : entry.type === 'commit'
          ? 'submodule'
          : entry.mode === '120000'
            ? 'symlink'
            : 'file';
    const url = `${this.repoUrl}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${this.repoUrl}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`;
    return {
      type: kind,
      name,
      path: entry.path,
      sha: entry.sha,
      size: entry.size ?? 0,
      url,
      git_url: gitUrl,
      html_url: `https://github.com/${this.settings.owner}/${this.settings.repo}/blob/${ref}/${entry.path}`,
      download_url:
        kind === 'file'
          ? `https://raw.githubusercontent.com/${this.settings.owner}/${this.settings.repo}/${ref}/${entry.path}`
          : null,
      _links: { self: url, git: gitUrl },
    };
  }

  private async getContents(rawPath: string, requestedRef: string | null): Promise<Reply> {
    if (await this.git.isEmpty()) throw notFound('This repository is empty.');
    const ref = requestedRef ?? this.settings.defaultBranch;
    const commit = await this.resolveCommitish(ref);
    if (!commit) throw notFound(`No commit found for the ref ${ref}`);
    const { tree } = await this.git.readCommit(commit);
    const path = rawPath.replace(/^\/+|\/+$/g, '');
    if (path === '') return this.directoryListing(tree, '', ref);
    const entry = await this.findEntry(tree, path);
    if (!entry) throw notFound();
    if (entry.type === 'tree') return this.directoryListing(entry.sha, `${path}/`, ref);
    const bytes = await this.git.readBlob(entry.sha);
    return {
      status: 200,
      body: {
        ...this.contentJson(entry, ref),
        size: bytes.length,
        encoding: 'base64',
        content: wrappedBase64(bytes),
      },
    };
  }

  private async directoryListing(tree: string, prefix: string, ref: string): Promise<Reply> {
    const entries = await this.git.listTree(tree);
    return {
      status: 200,
      body: entries.map((entry) => this.contentJson({ ...entry, path: `${prefix}${entry.path}` }, ref)),
    };
  }

  /** PUT /contents: one commit writing one file; the way clients put a first commit in an empty repository. */
  private async putContents(ctx: RequestContext, rawPath: string): Promise<Reply> {
    const body = jsonBody(ctx);
    const path = rawPath.replace(/^\/+|\/+$/g, '');
    const message = requiredString(body, 'message');
    const content = requiredString(body, 'content');
    const expectedSha = optionalString(body, 'sha');
    const branch = optionalString(body, 'branch') ?? this.settings.defaultBranch;
    const ref = `refs/heads/${branch}`;
    if (!isValidPath(path)) throw new ApiError(422, `path contains a malformed path component: ${path}`);
    if (!(await this.git.isValidRefName(ref))) throw notFound(`Branch ${branch} not found`);
    const tip = (await this.git.refs()).get(ref)?.sha;
    // Only an empty repository may gain a branch this way; otherwise the branch must exist.
    if (!tip && !(await this.git.isEmpty())) throw notFound(`Branch ${branch} not found`);
    const baseTree = tip ? (await this.git.readCommit(tip)).tree : undefined;
    const existing = baseTree ? await this.findEntry(baseTree, path) : undefined;
    if (existing?.type === 'tree') throw new ApiError(422, `${path} is a directory`);
    if (existing && expectedSha === undefined) throw missingField('sha');
    if (existing && expectedSha !== existing.sha)
      throw new ApiError(409, `${path} does not match ${expectedSha}`);

    const blob = await this.git.writeBlob(Buffer.from(content, 'base64'));
    const edit = { path, mode: existing?.mode ?? '100644', type: 'blob', sha: blob };
    const tree = await applyTreeEdits(this.git, baseTree, [edit]);
    const committer = identityFromApi(body.committer, 'committer', {
      ...STANDIN_IDENTITY,
      date: gitTimeNow(),
    });
    const author = identityFromApi(body.author, 'author', committer);
    const parents = tip ? [tip] : [];
    const commit = await this.git.commitTree({ tree, parents, message, author, committer });
    if (!(await this.git.updateRef(ref, commit, tip ?? ZERO_SHA))) {
      throw new ApiError(409, `${ref} is at a different commit than expected`);
    }
    const written = (await this.findEntry(tree, path)) ?? { ...edit, size: 0 };
    return {
      status: existing ? 200 : 201,
      body: {
        content: this.contentJson(written, branch),
        commit: this.commitJson(await this.git.readCommit(commit)),
      },
    };
  }

  // --- releases -------------------------------------------------------------------------------------

  private releaseJson(release: ReleaseRecord) {
    const { owner, repo, apiUrl } = this.settings;
    const url = `${this.repoUrl}/releases/${release.id}`;
    return {
      url,
      html_url: `https://github.com/${owner}/${repo}/releases/tag/${release.tag_name}`,
      assets_url: `${url}/assets`,
      upload_url: `${apiUrl}/uploads/repos/${owner}/${repo}/releases/${release.id}/assets{?name,label}`,
      tarball_url: `${this.repoUrl}/tarball/${release.tag_name}`,
      zipball_url: `${this.repoUrl}/zipball/${release.tag_name}`,
      id: release.id,
      node_id: `RE_${release.id}`,
      tag_name: release.tag_name,
      target_commitish: release.target_commitish,
      name: release.name,
      body: release.body,
      draft: release.draft,
      prerelease: release.prerelease,
      created_at: release.created_at,
      published_at: release.draft ? null : release.created_at,
      author: { login: owner },
      assets: release.assets.map((asset) => this.assetJson(release, asset)),
    };
  }

  private assetJson(release: ReleaseRecord, asset: ReleaseRecord['assets'][number]) {
    const { owner, repo, apiUrl } = this.settings;
    const tag = encodeURIComponent(release.tag_name);
    return {
      url: `${this.repoUrl}/releases/assets/${asset.id}`,
      id: asset.id,
      node_id: `RA_${asset.id}`,
      name: asset.name,
      label: asset.label,
      uploader: { login: owner },
      content_type: asset.content_type,
      state: 'uploaded',
      size: asset.bytes.length,
      digest: `sha256:${createHash('sha256').update(asset.bytes).digest('hex')}`,
      download_count: 0,
      created_at: asset.created_at,
      updated_at: asset.created_at,
      browser_download_url: `${apiUrl}/${owner}/${repo}/releases/download/${tag}/${encodeURIComponent(asset.name)}`,
    };
  }

  private findRelease(id: number): ReleaseRecord {
    const release = this.releaseList.find((candidate) => candidate.id === id);
    if (!release) throw notFound();
    return release;
  }

  /** Publishing a release for a tag that does not exist yet creates a lightweight tag, as GitHub does. */
  private async ensureTag(tag: string, target: string): Promise<void> {
    const ref = `refs/tags/${tag}`;
    if (!(await this.git.isValidRefName(ref))) throw validationFailed('Release', 'invalid', 'tag_name');
    if ((await this.git.refs()).has(ref)) return;
    if (await this.git.isEmpty()) throw new ApiError(422, 'Repository is empty.');
    const commit = await this.resolveCommitish(target);
    if (!commit) throw validationFailed('Release', 'invalid', 'target_commitish');
    if (!(await this.git.updateRef(ref, commit, ZERO_SHA))) throw new GitError(`could not create ${ref}`);
  }

  private async createRelease(ctx: RequestContext): Promise<Reply> {
    const body = jsonBody(ctx);
    const tagName = requiredString(body, 'tag_name');
    const target = optionalString(body, 'target_commitish') ?? this.settings.defaultBranch;
    const draft = body.draft === true;
    if (this.releaseList.some((release) => release.tag_name === tagName)) {
      throw validationFailed('Release', 'already_exists', 'tag_name');
    }
    if (!draft) await this.ensureTag(tagName, target);
    const release: ReleaseRecord = {
      id: this.nextReleaseId++,
      tag_name: tagName,
      target_commitish: target,
      name: optionalString(body, 'name') ?? null,
      body: optionalString(body, 'body') ?? null,
      draft,
      prerelease: body.prerelease === true,
      created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      assets: [],
    };
    this.releaseList.push(release);
    return { status: 201, body: this.releaseJson(release) };
  }

  private async updateRelease(ctx: RequestContext, id: number): Promise<Reply> {
    const release = this.findRelease(id);
    const body = jsonBody(ctx);
    const tagName = optionalString(body, 'tag_name') ?? release.tag_name;
    const target = optionalString(body, 'target_commitish') ?? release.target_commitish;
    const draft = typeof body.draft === 'boolean' ? body.draft : release.draft;
    if (this.releaseList.some((other) => other.id !== id && other.tag_name === tagName)) {
      throw validationFailed('Release', 'already_exists', 'tag_name');
    }
    if (!draft) await this.ensureTag(tagName, target);
    Object.assign(release, { tag_name: tagName, target_commitish: target, draft });
    if ('name' in body) release.name = optionalString(body, 'name') ?? null;
    if ('body' in body) release.body = optionalString(body, 'body') ?? null;
    if (typeof body.prerelease === 'boolean') release.prerelease = body.prerelease;
    return { status: 200, body: this.releaseJson(release) };
  }

  private deleteRelease(id: number): Reply {
    const release = this.findRelease(id);
    // Like GitHub, deleting a release leaves its tag in place.
    this.releaseList.splice(this.releaseList.indexOf(release), 1);
    return { status: 204 };
  }

  private listReleases(ctx: RequestContext): Reply {
    const newestFirst = [...this.releaseList].reverse();
    const perPage = Math.min(Math.max(Number(ctx.query.get('per_page') ?? 30) || 30, 1), 100);
    const page = Math.max(Number(ctx.query.get('page') ?? 1) || 1, 1);
    const lastPage = Math.max(Math.ceil(newestFirst.length / perPage), 1);
    const headers: Record<string, string> = {};
    // Octokit's paginate() follows rel="next", so multi-page listings must carry it as GitHub does.
    if (page < lastPage) {
      const link = (n: number) => `<${this.repoUrl}/releases?per_page=${perPage}&page=${n}>`;
      headers.link = `${link(page + 1)}; rel="next", ${link(lastPage)}; rel="last"`;
    }
    const slice = newestFirst.slice((page - 1) * perPage, page * perPage);
    return { status: 200, headers, body: slice.map((release) => this.releaseJson(release)) };
  }

  private getRelease(id: number): Reply {
    return { status: 200, body: this.releaseJson(this.findRelease(id)) };
  }

  private getReleaseByTag(tag: string): Reply {
    // Drafts are invisible to the by-tag lookup on GitHub.
    const release = this.releaseList.find((candidate) => candidate.tag_name === tag && !candidate.draft);
    if (!release) throw notFound();
    return { status: 200, body: this.releaseJson(release) };
  }

  private getLatestRelease(): Reply {
    const published = this.releaseList.filter((release) => !release.draft && !release.prerelease);
    const latest = published[published.length - 1];
    if (!latest) throw notFound();
    return { status: 200, body: this.releaseJson(latest) };
  }

  private listReleaseAssets(id: number): Reply {
    const release = this.findRelease(id);
    return { status: 200, body: release.assets.map((asset) => this.assetJson(release, asset)) };
  }

  private findAsset(id: number): { release: ReleaseRecord; asset: ReleaseRecord['assets'][number] } {
    for (const release of this.releaseList) {
      const asset = release.assets.find((candidate) => candidate.id === id);
      if (asset) return { release, asset };
    }
    throw notFound();
  }

  private getReleaseAsset(ctx: RequestContext, id: number): Reply {
    const { release, asset } = this.findAsset(id);
    // GitHub redirects to the bytes when asked for octet-stream; answering directly is equivalent for fetch.
    if (/application\/octet-stream/i.test(ctx.headers.accept ?? '')) {
      return { status: 200, bytes: asset.bytes, headers: { 'content-type': 'application/octet-stream' } };
    }
    return { status: 200, body: this.assetJson(release, asset) };
  }

  private deleteReleaseAsset(id: number): Reply {
    const { release, asset } = this.findAsset(id);
    release.assets.splice(release.assets.indexOf(asset), 1);
    return { status: 204 };
  }

  private async uploadReleaseAsset(ctx: RequestContext, releaseId: number): Promise<Reply> {
    const release = this.findRelease(releaseId);
    const name = ctx.query.get('name');
    if (!name) throw validationFailed('ReleaseAsset', 'missing_field', 'name');
    if (release.assets.some((asset) => asset.name === name)) {
      throw validationFailed('ReleaseAsset', 'already_exists', 'name');
    }
    const asset = {
      id: this.nextAssetId++,
      name,
      label: ctx.query.get('label'),
      content_type: ctx.headers['content-type'] ?? 'application/octet-stream',
      bytes: Buffer.from(ctx.body),
      created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    release.assets.push(asset);
    return { status: 201, body: this.assetJson(release, asset) };
  }

  private downloadAsset(tag: string, name: string): Reply {
    const release = this.releaseList.find((candidate) => candidate.tag_name === tag);
    const asset = release?.assets.find((candidate) => candidate.name === name);
    if (!asset) throw notFound();
    return {
      status: 200,
      bytes: asset.bytes,
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${encodeURIComponent(name)}"`,
      },
    };
  }
}

/** Turn an API identity ({name, email, date?}) into git's, rejecting what git could not store. */
function identityFromApi(value: unknown, field: string, fallback: GitIdentity): GitIdentity {
  if (value === undefined || value === null) return fallback;
  if (!isRecord(value)) throw new ApiError(422, `Invalid request.\n\n"${field}" must be an object.`);
  const name = requiredString(value, 'name');
  const email = requiredString(value, 'email');
  if (/[<>\n]/.test(name) || /[<>\n]/.test(email) || name.trim() === '') {
    throw new ApiError(422, `Invalid request.\n\n"${field}" has an invalid name or email.`);
  }
  const iso = optionalString(value, 'date');
  if (iso === undefined) return { name, email, date: fallback.date };
  const date = gitTimeFromIso(iso);
  if (!date) throw new ApiError(422, `Invalid request.\n\n"${field}.date" is not a valid date.`);
  return { name, email, date };
}

function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 500;
  const headers = fault.headers ?? {};
  if (typeof fault.body === 'string' || Buffer.isBuffer(fault.body)) {
    return {
      status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
      bytes: Buffer.from(fault.body),
    };
  }
  const body = fault.body ?? errorBody(status, STATUS_CODES[status] ?? 'Error');
  return { status, headers, body };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | undefined = reply.bytes;
  if (!payload && reply.body !== undefined && reply.status !== 204) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload) headers['content-length'] = String(payload.length);
  res.writeHead(reply.status, headers);
  res.end(payload);
}
