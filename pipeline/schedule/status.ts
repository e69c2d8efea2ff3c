/**
 * `.actas/status.json`: what the scheduler did last and what it will do next, for `actas status`
 * and for anyone watching a server. Written atomically (a reader never sees half a file) at the
 * start and the end of every tick and when the scheduler stops.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import type { Problem } from '../errors/problem.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import type { RunOutcome } from '../run.ts';
import { statusFile } from '../state.ts';

/**
 * What a tick ended in: the pipeline's outcome; 'error' for a failure that is not the pipeline's;
 * 'stopped' when the scheduler was told to stop before the pipeline started.
 */
export type TickOutcome = RunOutcome | 'error' | 'stopped';

/** The word `actas status` and the logs use for each outcome. */
export const outcomeWords: Record<TickOutcome, string> = {
  published: 'publicado',
  unchanged: 'sin cambios',
  busy: 'omitido',
  invalid: 'datos inválidos',
  failed: 'fallido',
  error: 'error',
  built: 'construido',
  'dry-run': 'ensayo',
  stopped: 'interrumpido',
};

export interface StatusProblem {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export interface LastRun {
  started: string;
  finished: string;
  outcome: TickOutcome;
  /** Spanish: "publicado", "sin cambios", "omitido", "datos inválidos", "fallido", "error". */
  result: string;
  /** The version published by this run; null when nothing was published. */
  version: string | null;
  /** The version the target holds after this run, when known. */
  current_version: string | null;
  /** One Spanish line: "versión 1.2.0 publicada", "sin cambios", "omitido: otra ejecución en curso (…)". */
  summary: string;
  attempts: number;
  /** Documents the remote sources brought into the inbox. */
  fetched: string[];
  errors: StatusProblem[];
  warnings: StatusProblem[];
}

export interface SchedulerStatus {
  pid: number;
  host: string;
  /** `esperando` between ticks, `ejecutando` during one, `detenido` once stopped. */
  state: 'esperando' | 'ejecutando' | 'detenido';
  cron: string | null;
  timezone: string | null;
  updated: string;
  current_run: { started: string } | null;
  next_run: string | null;
  last_run: LastRun | null;
}

export const statusPath = (effects: Effects) => resolve(effects.cwd, statusFile);

export function toStatusProblems(problems: readonly Problem[]): StatusProblem[] {
  return problems.map((p) => ({
    code: p.code,
    message: p.message,
    ...(p.file ? { file: p.file } : {}),
    ...(p.line !== undefined ? { line: p.line } : {}),
  }));
}

export type ReadStatus =
  | { kind: 'missing' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'ok'; status: SchedulerStatus };

export async function readStatus(effects: Effects): Promise<ReadStatus> {
  let text: string;
  try {
    text = await effects.fs.readFile(statusPath(effects), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', detail: (error as Error).message };
  }
  try {
    const value = JSON.parse(text) as SchedulerStatus;
    if (!value || typeof value !== 'object' || typeof value.pid !== 'number') {
      return { kind: 'unreadable', detail: 'no es un estado del programador' };
    }
    return { kind: 'ok', status: value };
  } catch (error) {
    return { kind: 'unreadable', detail: (error as Error).message };
  }
}

export async function writeStatus(effects: Effects, status: SchedulerStatus): Promise<void> {
  await writeFileAtomic(effects, statusPath(effects), `${JSON.stringify(status, null, 2)}\n`);
}

/** Reads the status (or starts one), changes it and writes it back. */
export async function updateStatus(
  effects: Effects,
  change: (status: SchedulerStatus) => SchedulerStatus,
): Promise<SchedulerStatus> {
  const read = await readStatus(effects);
  const base: SchedulerStatus =
    read.kind === 'ok'
      ? read.status
      : {
          pid: process.pid,
          host: hostname(),
          state: 'esperando',
          cron: null,
          timezone: null,
          updated: effects.now().toISOString(),
          current_run: null,
          next_run: null,
          last_run: null,
        };
  const next = { ...change(base), pid: process.pid, host: hostname(), updated: effects.now().toISOString() };
  await writeStatus(effects, next);
  return next;
}
