/**
 * The long-running scheduler behind `actas schedule`: node-cron fires ticks on the configured
 * expression and time zone, `noOverlap` drops a tick that comes while the previous one still runs,
 * and the project lock (taken inside each tick) keeps other processes — `actas run`, another
 * scheduler — from publishing at the same time. Stopping stops taking ticks, lets the current one
 * finish (publication is atomic in every target, so there is nothing to undo), and leaves the
 * status saying so.
 */
import { type Logger as CronLogger, createTask, type ScheduledTask } from 'node-cron';
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import { logEvent } from './logger.ts';
import { updateStatus } from './status.ts';
import { runTick, type TickOptions, type TickResult } from './tick.ts';

export interface SchedulerOptions extends Omit<TickOptions, 'signal' | 'nextRun' | 'schedule' | 'tick'> {
  cron: string;
  timezone: string;
  /** Called with each tick's result before the next tick may start (tests observe ticks here). */
  onTick?: (tick: TickResult) => void | Promise<void>;
}

export interface Scheduler {
  nextRun(): Date | null;
  /**
   * Stops taking ticks and aborts downloads and backoff waits; resolves once the tick in progress
   * (if any) has finished, the status says "detenido" and nothing is held.
   */
  stop(reason?: string): Promise<void>;
  /** Resolves when the scheduler has stopped. */
  readonly stopped: Promise<void>;
}

/** node-cron speaks English and would warn about overlaps itself; the scheduler says it in its own log. */
function cronLogger(effects: Effects): CronLogger {
  const text = (m: string | Error) => (m instanceof Error ? m.message : m);
  return {
    info: (m) => effects.log.debug(`node-cron: ${m}`),
    warn: (m) => effects.log.debug(`node-cron: ${m}`),
    error: (m) => effects.log.error(`node-cron: ${text(m)}`),
    debug: (m) => effects.log.debug(`node-cron: ${text(m)}`),
  };
}

export async function startScheduler(
  config: Config,
  effects: Effects,
  options: SchedulerOptions,
): Promise<Scheduler> {
  const abort = new AbortController();
  let ticks = 0;
  let current: Promise<void> | null = null;
  let stopping: Promise<void> | null = null;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  const task: ScheduledTask = createTask(
    options.cron,
    async () => {
      // Belt and braces with noOverlap: never two ticks of this process at once, none after stop.
      if (current || abort.signal.aborted) return;
      const tick = ++ticks;
      current = (async () => {
        const result = await runTick(config, effects, {
          ...options,
          signal: abort.signal,
          schedule: { cron: options.cron, timezone: options.timezone },
          nextRun: () => task.getNextRun(),
          tick,
        });
        await options.onTick?.(result);
      })();
      try {
        await current;
      } finally {
        current = null;
      }
    },
    { timezone: options.timezone, noOverlap: true, name: 'actas-schedule', logger: cronLogger(effects) },
  );
  task.on('execution:overlap', () => {
    logEvent(effects.log, 'info', 'Ejecución programada omitida: la anterior todavía no termina.', {
      event: 'tick.overlap',
    });
  });
  // Without a listener node-cron warns in English about every missed slot; a slow tick is reported above.
  task.on('execution:missed', () => {});

  const stop = (reason = 'detención solicitada'): Promise<void> => {
    stopping ??= (async () => {
      logEvent(effects.log, 'info', `Deteniendo el programador (${reason}): no se inician más ejecuciones.`, {
        event: 'scheduler.stopping',
        running: current !== null,
      });
      await task.stop();
      abort.abort();
      if (current) {
        logEvent(
          effects.log,
          'info',
          'Se espera a que termine la ejecución en curso (la publicación es atómica).',
        );
        await current.catch(() => {});
      }
      await task.destroy();
      await updateStatus(effects, (s) => ({
        ...s,
        state: 'detenido',
        current_run: null,
        next_run: null,
      })).catch((error) => effects.log.warn(`No se pudo escribir el estado: ${(error as Error).message}`));
      logEvent(effects.log, 'info', 'Programador detenido.', { event: 'scheduler.stopped', ticks });
      resolveStopped();
    })();
    return stopping;
  };

  await task.start();
  const next = task.getNextRun();
  await updateStatus(effects, (s) => ({
    ...s,
    state: 'esperando',
    cron: options.cron,
    timezone: options.timezone,
    current_run: null,
    next_run: next?.toISOString() ?? null,
  }));
  logEvent(
    effects.log,
    'info',
    `Programador iniciado: "${options.cron}" en la zona horaria ${options.timezone}; próxima ejecución ${next?.toISOString() ?? '—'}.`,
    {
      event: 'scheduler.started',
      pid: process.pid,
      cron: options.cron,
      timezone: options.timezone,
      next_run: next?.toISOString() ?? null,
    },
  );
  return { nextRun: () => task.getNextRun(), stop, stopped };
}
