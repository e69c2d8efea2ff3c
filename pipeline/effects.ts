/**
 * The effects the pipeline may have, passed in rather than imported, so the core can run on plain
 * objects in tests and the edges can run against real components (Observable Framework's
 * BuildEffects is the model).
 */
import * as nodeFs from 'node:fs/promises';

/** The subset of node:fs/promises the pipeline uses. */
export type FileSystem = Pick<
  typeof nodeFs,
  | 'readFile'
  | 'writeFile'
  | 'readdir'
  | 'stat'
  | 'lstat'
  | 'mkdir'
  | 'rename'
  | 'rm'
  | 'mkdtemp'
  | 'cp'
  | 'open'
>;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

export interface Effects {
  fs: FileSystem;
  /** The clock, pinned in golden tests so output is byte-reproducible. */
  now: () => Date;
  log: Logger;
  env: Readonly<Record<string, string | undefined>>;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** Logger that writes plain lines: information to stdout, problems to stderr. */
export function consoleLogger(debug = false): Logger {
  return {
    info: (m) => process.stdout.write(`${m}\n`),
    warn: (m) => process.stderr.write(`${m}\n`),
    error: (m) => process.stderr.write(`${m}\n`),
    debug: (m) => {
      if (debug) process.stderr.write(`[debug] ${m}\n`);
    },
  };
}

export function nodeEffects(overrides: Partial<Effects> = {}): Effects {
  return {
    fs: nodeFs,
    now: () => new Date(),
    log: consoleLogger(process.env.ACTAS_DEBUG === '1'),
    env: process.env,
    cwd: process.cwd(),
    ...overrides,
  };
}
