/**
 * A throw-away project for scheduler tests (the seed record, the organisation registry and a
 * config publishing to a local git repository at public/), and ways to watch it: the published
 * repository's consistency, the lock, the scheduler as a real process with JSON log lines.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import type { Command, CommandContext } from '../../pipeline/cli/command.ts';
import { mergeConfig, type Source } from '../../pipeline/config/config.ts';
import type { Logger } from '../../pipeline/effects.ts';
import { nodeEffects } from '../../pipeline/effects.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import { sortVersions } from '../../pipeline/publish/target.ts';
import { serializeRecord } from '../../pipeline/records/serialize.ts';
import { checkWholeVersion, gitTreeFiles } from '../support/published.ts';
import {
  actasBin,
  createWorkspace,
  seedRecordName,
  seedRecordPath,
  type Workspace,
} from '../support/workspace.ts';

export const seedFile = `data/sessions/${seedRecordName}`;

export async function createProject(): Promise<Workspace> {
  const ws = await createWorkspace({ seed: true });
  await ws.write('actas.config.yaml', 'target:\n  kind: git\n  path: public\n');
  return ws;
}

export const projectConfig = (sources: Source[] = []) => ({
  ...mergeConfig({ target: { kind: 'git', path: 'public' } }),
  sources,
});

/** Writes a file the way an editor that saves safely does: readers see the old or the new file. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${dirname(path)}/.${Date.now()}-${Math.random().toString(16).slice(2)}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

export const readSeed = async () => parse(await readFile(seedRecordPath, 'utf8')) as SessionRecord;

export async function editSeed(dir: string, change: (r: SessionRecord) => void): Promise<void> {
  const record = await readSeed();
  change(record);
  await writeAtomically(join(dir, seedFile), serializeRecord(record));
}

/** A third session of the same working group, consistent with the rules (ids, dates, numbering). */
export async function addThirdSession(dir: string): Promise<string> {
  const record = await readSeed();
  record.id = '2016-07-14-mesa-3-sesion-3';
  record.session_number = 3;
  record.title = 'Mesa N°3: Modernización del Estado (tercera sesión)';
  record.date = '2016-07-14';
  record.convened_on = '2016-07-11';
  record.prepared_on = '2016-07-20';
  delete (record as { source?: unknown }).source;
  const file = `data/sessions/${record.id}.yaml`;
  await writeAtomically(join(dir, file), serializeRecord(record));
  return file;
}

export const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/**
 * The published repository holds one whole version: HEAD is the newest tag's commit, its
 * datapackage.json names that version, SHA256SUMS matches every file, the working tree is clean.
 */
export function checkPublished(repo: string): { version: string; head: string } {
  const tags = sortVersions(
    git(repo, 'tag', '--list', 'v*')
      .split('\n')
      .filter(Boolean)
      .map((t) => t.slice(1)),
  );
  const newest = tags[tags.length - 1];
  if (!newest) throw new Error('no version tag');
  const head = git(repo, 'rev-parse', 'HEAD');
  const tagged = git(repo, 'rev-parse', `v${newest}^{commit}`);
  if (head !== tagged) throw new Error(`HEAD ${head} is not the newest tag v${newest} (${tagged})`);
  const { version } = checkWholeVersion(gitTreeFiles(repo, 'HEAD'));
  if (version !== newest) throw new Error(`datapackage.json says ${version}, newest tag is v${newest}`);
  const dirty = git(repo, 'status', '--porcelain');
  if (dirty) throw new Error(`working tree not clean: ${dirty}`);
  git(repo, 'fsck', '--no-progress');
  return { version, head };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 30_000,
) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export async function lockOwner(dir: string): Promise<{ pid: number; command: string } | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, '.actas/lock'), 'utf8'));
  } catch {
    return undefined;
  }
}

export interface LogLine {
  time: string;
  level: string;
  message: string;
  [field: string]: unknown;
}

export interface ActasProcess {
  child: ChildProcess;
  lines: LogLine[];
  /** Anything on stdout that is not a JSON line, and all of stderr. */
  other: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the real `actas` binary with JSON logs and collects its lines as they come. */
export function spawnActas(cwd: string, argv: string[], env: Record<string, string> = {}): ActasProcess {
  const child = spawn(process.execPath, [actasBin, ...argv], { cwd, env: { ...process.env, ...env } });
  const lines: LogLine[] = [];
  const other: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        other.push(part);
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => other.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, other, exited };
}

export const ticksFinished = (p: ActasProcess) => p.lines.filter((l) => l.event === 'tick.finished');

export interface CapturedLog extends Logger {
  lines: string[];
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
    debug: () => {},
  };
}

/**
 * Runs one command in this process the way the CLI does (same argument parsing), without going
 * through main's command list.
 */
export async function runCommand(
  command: Command,
  cwd: string,
  argv: string[],
  env: Record<string, string> = {},
) {
  const { values, positionals } = parseArgs({ args: argv, options: command.options, allowPositionals: true });
  let stdout = '';
  const log = captureLog();
  const ctx: CommandContext = {
    effects: nodeEffects({ cwd, log, env }),
    values,
    positionals,
    print: (text) => {
      stdout += `${text}\n`;
    },
  };
  const code = await command.run(ctx);
  return { code, stdout, stderr: log.lines.join('\n') };
}
