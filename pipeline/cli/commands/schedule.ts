/**
 * `actas schedule`: runs the pipeline on a cron schedule until SIGTERM or SIGINT (or one tick with
 * --once). On the first signal it takes no more ticks, lets the run in progress finish and exits 0;
 * a second signal exits at once (nothing is half-published: every target publishes atomically,
 * and the lock of a process that is gone is recovered by the next run).
 */
import type { Config } from '../../config/config.ts';
import type { Effects } from '../../effects.ts';
import type { Problem } from '../../errors/problem.ts';
import { createLogger, type LogFormat, logFormats } from '../../schedule/logger.ts';
import type { RetryPolicy } from '../../schedule/retry.ts';
import { defaultRetryPolicy } from '../../schedule/retry.ts';
import { cronProblems, timezoneProblems } from '../../schedule/schedule-check.ts';
import { startScheduler } from '../../schedule/scheduler.ts';
import { updateStatus } from '../../schedule/status.ts';
import { runTick } from '../../schedule/tick.ts';
import { type Command, type CommandContext, commonOptions, type ExitCode, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { configFor, targetOptions } from '../shared-options.ts';
import { oneOf, UsageError } from '../usage-error.ts';

const command = 'actas schedule';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function numberFlag(
  name: string,
  value: unknown,
  check: { integer: boolean; min: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < check.min || (check.integer && !Number.isInteger(n)))
    throw new UsageError(
      `--${name} debe ser un número${check.integer ? ' entero' : ''} mayor o igual a ${check.min} (se recibió "${String(value)}")`,
    );
  return n;
}

/** --retries: how many times a transient failure is retried after the first try; --retry-base: the first wait. */
function retryPolicy(values: CommandContext['values']): RetryPolicy {
  const retries = numberFlag('retries', values.retries, { integer: true, min: 0 });
  const base = numberFlag('retry-base', values['retry-base'], { integer: false, min: 0 });
  return {
    ...defaultRetryPolicy,
    ...(retries !== undefined ? { attempts: retries + 1 } : {}),
    ...(base !== undefined ? { baseMs: base * 1000 } : {}),
  };
}

/** Problems with the schedule: a usage error when they come from flags, invalid configuration otherwise. */
function checkSchedule(ctx: CommandContext, cron: string, timezone: string): Problem[] {
  const fromFlags = [
    ...(str(ctx.values.cron) !== undefined ? cronProblems(cron) : []),
    ...(str(ctx.values.timezone) !== undefined ? timezoneProblems(timezone) : []),
  ];
  if (fromFlags.length > 0) throw new UsageError(fromFlags.map((p) => p.message).join(' '));
  return [...cronProblems(cron), ...timezoneProblems(timezone)];
}

/** SIGTERM and SIGINT handlers for the life of the command; returns a function that removes them. */
function onSignals(effects: Effects, stop: (reason: string) => void): () => void {
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    if (received) {
      effects.log.warn(
        `Segunda señal (${signal}): se sale sin esperar. Nada queda publicado a medias; el candado se recupera en la próxima ejecución.`,
      );
      process.exit(130);
    }
    received = true;
    stop(`señal ${signal}`);
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}

const onceExit: Record<string, ExitCode> = {
  invalid: exitCodes.invalidInput,
  failed: exitCodes.failure,
  error: exitCodes.failure,
};

async function once(config: Config, effects: Effects, retry: RetryPolicy): Promise<ExitCode> {
  const abort = new AbortController();
  const removeHandlers = onSignals(effects, () => abort.abort());
  try {
    const tick = await runTick(config, effects, {
      retry,
      command,
      signal: abort.signal,
      schedule: { cron: config.schedule.cron, timezone: config.schedule.timezone },
      tick: 1,
    });
    await updateStatus(effects, (s) => ({ ...s, state: 'detenido', next_run: null })).catch(() => {});
    // A tick that found another run in progress did not fail: that run does the work.
    return onceExit[tick.outcome] ?? exitCodes.ok;
  } finally {
    removeHandlers();
  }
}

export const scheduleCommand: Command = {
  name: 'schedule',
  usage:
    'actas schedule [--cron EXPR] [--timezone ZONA] [--once] [--log-format text|json] [--retries N] [--retry-base SEGUNDOS]',
  summary:
    'ejecuta "actas run" según una programación cron (por omisión todos los días a las 07:00, America/Santiago) / long-running scheduler',
  options: {
    ...commonOptions,
    ...targetOptions,
    cron: { type: 'string' },
    timezone: { type: 'string' },
    once: { type: 'boolean' },
    'log-format': { type: 'string', default: 'text' },
    retries: { type: 'string' },
    'retry-base': { type: 'string' },
  },
  async run(ctx) {
    const format: LogFormat = oneOf('log-format', ctx.values['log-format'], logFormats);
    const retry = retryPolicy(ctx.values);
    const log = createLogger(format, {
      out: ctx.print,
      err: (line) => ctx.effects.log.error(line),
      now: ctx.effects.now,
      debug: ctx.effects.env.ACTAS_DEBUG === '1',
    });
    const effects: Effects = { ...ctx.effects, log };
    const loaded = await configFor(ctx);
    if (!loaded.config) {
      printProblems(ctx, loaded.problems, 'text');
      return exitCodes.invalidInput;
    }
    const cron = str(ctx.values.cron) ?? loaded.config.schedule.cron;
    const timezone = str(ctx.values.timezone) ?? loaded.config.schedule.timezone;
    const config: Config = { ...loaded.config, schedule: { cron, timezone } };
    const problems = checkSchedule(ctx, cron, timezone);
    if (problems.length > 0) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    if (ctx.values.once === true) return once(config, effects, retry);

    const scheduler = await startScheduler(config, effects, { cron, timezone, retry, command });
    const removeHandlers = onSignals(effects, (reason) => void scheduler.stop(reason));
    try {
      await scheduler.stopped;
    } finally {
      removeHandlers();
    }
    return exitCodes.ok;
  },
};
