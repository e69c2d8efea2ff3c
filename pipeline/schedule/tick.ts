/**
 * One scheduled run: fetch the remote sources into the inbox, run the whole pipeline (import,
 * validate, build, publish) retrying target and network failures with exponential backoff, and
 * record the result in `.actas/status.json`. Never throws: whatever happens becomes the tick's
 * outcome, its log lines and its status, so the scheduler keeps going.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import type { GitHubPace } from '../github/client.ts';
import { acquireLock } from '../publish/lock.ts';
import { TargetError } from '../publish/target.ts';
import { type RunOptions, type RunResult, run } from '../run.ts';
import { lockFile } from '../state.ts';
import { plural } from '../text/plural.ts';
import { describeLockHolder } from './lock-holder.ts';
import { type LogLevel, logEvent } from './logger.ts';
import { backoffDelay, defaultRetryPolicy, isTransientFailure, type RetryPolicy, sleep } from './retry.ts';
import { type FetchSourcesResult, fetchSources } from './sources/index.ts';
import { type LastRun, outcomeWords, type TickOutcome, toStatusProblems, updateStatus } from './status.ts';

export type RunPipeline = (options: RunOptions, effects: Effects) => Promise<RunResult>;

export interface TickOptions {
  retry?: RetryPolicy;
  /** Aborted when the scheduler stops: no further download, retry or backoff wait. */
  signal?: AbortSignal;
  /** Who holds the lock, for the message a second run gets. */
  command?: string;
  /** For the status file. */
  schedule?: { cron: string; timezone: string };
  nextRun?: () => Date | null;
  /** Counts ticks in the logs. */
  tick?: number;
  githubPace?: GitHubPace;
  /** The pipeline to run; tests pass one that fails on purpose. */
  runPipeline?: RunPipeline;
}

export interface TickResult {
  outcome: TickOutcome;
  started: Date;
  finished: Date;
  attempts: number;
  /** The version this tick published, or null. */
  version: string | null;
  /** The version the target holds afterwards, when known. */
  currentVersion: string | null;
  summary: string;
  fetched: string[];
  /** Every problem: the sources' warnings, the run's problems and the tick's own. */
  problems: Problem[];
  run?: RunResult;
}

const noSources: FetchSourcesResult = { fetched: [], unchanged: [], problems: [] };

/** The sources are fetched holding the project lock, so two processes never write the inbox at once. */
async function fetchSourcesLocked(
  config: Config,
  effects: Effects,
  options: TickOptions,
  command: string,
): Promise<FetchSourcesResult | { busy: Problem[] }> {
  if (config.sources.length === 0) return noSources;
  let lock: Awaited<ReturnType<typeof acquireLock>>;
  try {
    lock = await acquireLock(effects, resolve(effects.cwd, lockFile), `${command} (fuentes)`);
  } catch (error) {
    if (error instanceof TargetError) return { busy: [error.problem] };
    throw error;
  }
  try {
    return await fetchSources(config, effects, { signal: options.signal, githubPace: options.githubPace });
  } finally {
    await lock.release();
  }
}

async function runWithRetries(
  config: Config,
  effects: Effects,
  options: TickOptions,
  command: string,
): Promise<{ result: RunResult; attempts: number }> {
  const policy = options.retry ?? defaultRetryPolicy;
  const runPipeline = options.runPipeline ?? run;
  for (let attempt = 1; ; attempt++) {
    const result = await runPipeline({ config, until: 'publish', importInbox: true, command }, effects);
    const retry = isTransientFailure(result) && attempt < policy.attempts && !options.signal?.aborted;
    if (!retry) return { result, attempts: attempt };
    const wait = backoffDelay(policy, attempt);
    for (const p of result.problems.filter((x) => x.severity === 'error'))
      logEvent(effects.log, 'warn', p.message, { code: p.code, attempt });
    logEvent(
      effects.log,
      'warn',
      `Fallo transitorio del destino o de la red; se reintenta en ${(wait / 1000).toLocaleString('es-CL')} s (intento ${attempt + 1} de ${policy.attempts}).`,
      { event: 'tick.retry', attempt: attempt + 1, attempts: policy.attempts, wait_ms: wait },
    );
    await sleep(wait, options.signal);
    if (options.signal?.aborted) return { result, attempts: attempt };
  }
}

function summaryOf(outcome: TickOutcome, result: RunResult | undefined, holder: string): string {
  const errors = result?.problems.filter((p) => p.severity === 'error') ?? [];
  switch (outcome) {
    case 'published':
      return `versión ${result?.version} publicada${result?.previousVersion ? ` (antes ${result.previousVersion})` : ' (primera publicación)'}`;
    case 'unchanged':
      return `sigue la versión ${result?.version}; no se publicó nada`;
    case 'busy':
      return `otra ejecución en curso (${holder}); esta se omite y no cuenta como fallo`;
    case 'invalid':
      return `${plural(errors.length, 'error', 'errores')} en los datos; no se publicó nada y no se reintenta: corrija lo indicado`;
    case 'failed':
      return `no se publicó nada (el destino conserva la versión anterior): ${errors.map((p) => p.code).join(', ') || 'sin detalle'}`;
    case 'stopped':
      return 'el programador se detuvo antes de publicar; nada cambió';
    case 'error':
      return 'error interno; no se publicó nada';
    default:
      return outcomeWords[outcome];
  }
}

const levelOf = (outcome: TickOutcome): LogLevel =>
  outcome === 'invalid' || outcome === 'failed' || outcome === 'error' ? 'error' : 'info';

export async function runTick(
  config: Config,
  effects: Effects,
  options: TickOptions = {},
): Promise<TickResult> {
  const command = options.command ?? 'actas schedule';
  const started = effects.now();
  const nextRun = () => options.nextRun?.()?.toISOString() ?? null;
  logEvent(effects.log, 'info', 'Ejecución iniciada.', { event: 'tick.started', tick: options.tick });
  await updateStatus(effects, (s) => ({
    ...s,
    state: 'ejecutando',
    cron: options.schedule?.cron ?? s.cron,
    timezone: options.schedule?.timezone ?? s.timezone,
    current_run: { started: started.toISOString() },
    next_run: nextRun(),
  })).catch((error) => effects.log.warn(`No se pudo escribir el estado: ${(error as Error).message}`));

  let outcome: TickOutcome;
  let sources = noSources;
  let result: RunResult | undefined;
  let attempts = 0;
  let holder = '';
  const tickProblems: Problem[] = [];
  try {
    const fetched = await fetchSourcesLocked(config, effects, options, command);
    if ('busy' in fetched) {
      outcome = 'busy';
      holder = await describeLockHolder(effects, fetched.busy);
    } else if (options.signal?.aborted) {
      sources = fetched;
      outcome = 'stopped';
    } else {
      sources = fetched;
      ({ result, attempts } = await runWithRetries(config, effects, options, command));
      outcome = result.outcome;
      if (outcome === 'busy') holder = await describeLockHolder(effects, result.problems);
      if (outcome === 'failed' && isTransientFailure(result) && attempts > 1)
        tickProblems.push(problem('ACTAS-E502', { attempts }));
    }
  } catch (error) {
    outcome = 'error';
    tickProblems.push(
      problem('ACTAS-E005', { detail: error instanceof Error ? error.message : String(error) }),
    );
    if (effects.env.ACTAS_DEBUG === '1' && error instanceof Error && error.stack)
      effects.log.debug(error.stack);
  }

  for (const line of result?.lines ?? []) logEvent(effects.log, 'info', line);
  // A held lock is the expected answer of a busy tick, not a problem to shout about.
  const runProblems = (result?.problems ?? []).filter(
    (p) => !(outcome === 'busy' && p.code === 'ACTAS-E403'),
  );
  for (const p of [...runProblems, ...tickProblems])
    logEvent(effects.log, p.severity === 'error' ? 'error' : 'warn', p.message, {
      code: p.code,
      file: p.file,
      line: p.line,
    });

  const problems = [...sources.problems, ...runProblems, ...tickProblems];
  const finished = effects.now();
  const version = outcome === 'published' ? (result?.version ?? null) : null;
  const currentVersion =
    outcome === 'published' || outcome === 'unchanged'
      ? (result?.version ?? null)
      : (result?.previousVersion ?? null);
  const summary = summaryOf(outcome, result, holder);
  const word = outcomeWords[outcome];
  logEvent(effects.log, levelOf(outcome), `${word}: ${summary}`, {
    event: 'tick.finished',
    tick: options.tick,
    outcome,
    result: word,
    version,
    attempts,
    started: started.toISOString(),
    finished: finished.toISOString(),
    fetched: sources.fetched,
    errors: problems.filter((p) => p.severity === 'error').map((p) => p.code),
  });

  const lastRun: LastRun = {
    started: started.toISOString(),
    finished: finished.toISOString(),
    outcome,
    result: word,
    version,
    current_version: currentVersion,
    summary,
    attempts,
    fetched: sources.fetched,
    errors: toStatusProblems(problems.filter((p) => p.severity === 'error')),
    warnings: toStatusProblems(problems.filter((p) => p.severity === 'warning')),
  };
  await updateStatus(effects, (s) => ({
    ...s,
    state: 'esperando',
    current_run: null,
    next_run: nextRun(),
    last_run: lastRun,
  })).catch((error) => effects.log.warn(`No se pudo escribir el estado: ${(error as Error).message}`));

  return {
    outcome,
    started,
    finished,
    attempts,
    version,
    currentVersion,
    summary,
    fetched: sources.fetched,
    problems,
    ...(result ? { run: result } : {}),
  };
}
