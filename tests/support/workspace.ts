/**
 * A throw-away project folder for a test: records, registry and config in a temp directory, and
 * ways to run the CLI against it, in-process (fast, output captured) or as the real `actas`
 * binary (what users run).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../pipeline/cli/main.ts';
import type { Logger } from '../../pipeline/effects.ts';
import { nodeEffects } from '../../pipeline/effects.ts';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const seedRecordPath = join(repoRoot, 'data/sessions/2016-06-30-mesa-3-sesion-2.yaml');
export const seedRecordName = '2016-06-30-mesa-3-sesion-2.yaml';
export const registryPath = join(repoRoot, 'data/organizations.yaml');
export const actasBin = join(repoRoot, 'bin/actas.js');

export const readSeedRecord = () => readFile(seedRecordPath, 'utf8');

export interface Workspace {
  dir: string;
  /** Writes a file relative to the workspace, creating folders. */
  write(path: string, content: string | Uint8Array): Promise<void>;
  /** Every file under the workspace, relative, sorted: to check that nothing was written. */
  listFiles(): Promise<string[]>;
  remove(): Promise<void>;
}

export async function createWorkspace(options: { seed?: boolean } = {}): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'actas-test-'));
  await mkdir(join(dir, 'data/sessions'), { recursive: true });
  await cp(registryPath, join(dir, 'data/organizations.yaml'));
  if (options.seed) await cp(seedRecordPath, join(dir, 'data/sessions', seedRecordName));
  return {
    dir,
    async write(path, content) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    },
    async listFiles() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort();
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, in `cwd`, capturing what it prints. */
export async function runCli(
  cwd: string,
  argv: string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const log: Logger = {
    info: (m) => {
      stderr += `${m}\n`;
    },
    warn: (m) => {
      stderr += `${m}\n`;
    },
    error: (m) => {
      stderr += `${m}\n`;
    },
    debug: () => {},
  };
  const effects = nodeEffects({ cwd, log, env: { ...env } });
  const code = await main(argv, effects, { write: (t: string) => (stdout += t) });
  return { code, stdout, stderr };
}

/** Runs the real `actas` binary as a separate process. */
export function runActas(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [actasBin, ...argv],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** True when the text looks like a JavaScript stack trace, which a user must never see. */
export const hasStackTrace = (text: string): boolean =>
  /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /\bat file:\/\//.test(text);
