/**
 * The scheduler's logs: readable lines for a terminal or a journal (`--log-format text`), or JSON
 * lines for a log collector (`--log-format json`: one object per line with time, level, message
 * and any fields). Both are a Logger for Effects, so every stage the scheduler runs logs the same
 * way; `logEvent` adds structured fields where the logger understands them.
 */
import type { Logger } from '../effects.ts';

export type LogFormat = 'text' | 'json';
export const logFormats: readonly LogFormat[] = ['text', 'json'];
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface FieldLogger extends Logger {
  event(level: LogLevel, message: string, fields?: LogFields): void;
}

export interface LoggerSinks {
  /** Where a line goes; text lines of warnings and errors may go elsewhere (stderr). */
  out: (line: string) => void;
  err?: (line: string) => void;
  now: () => Date;
  debug?: boolean;
}

const levelNames: Record<LogLevel, string> = {
  debug: 'depuración',
  info: 'info',
  warn: 'aviso',
  error: 'error',
};

function fieldText(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/** `2024-05-01T11:00:00.000Z aviso  mensaje  clave=valor …` */
function textLine(time: Date, level: LogLevel, message: string, fields: LogFields): string {
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${fieldText(v)}`)
    .join(' ');
  return `${time.toISOString()} ${levelNames[level].padEnd(5)} ${message}${extra ? `  ${extra}` : ''}`;
}

export function createLogger(format: LogFormat, sinks: LoggerSinks): FieldLogger {
  const event = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (level === 'debug' && !sinks.debug) return;
    const time = sinks.now();
    if (format === 'json') {
      // One object per line on one stream: a collector never has to merge stdout and stderr.
      sinks.out(JSON.stringify({ time: time.toISOString(), level, message, ...fields }));
      return;
    }
    const line = textLine(time, level, message, fields);
    if ((level === 'warn' || level === 'error') && sinks.err) sinks.err(line);
    else sinks.out(line);
  };
  return {
    event,
    debug: (m) => event('debug', m),
    info: (m) => event('info', m),
    warn: (m) => event('warn', m),
    error: (m) => event('error', m),
  };
}

const hasEvents = (log: Logger): log is FieldLogger =>
  typeof (log as Partial<FieldLogger>).event === 'function';

/** Logs with fields when the logger takes them; any other logger gets them appended as text. */
export function logEvent(log: Logger, level: LogLevel, message: string, fields: LogFields = {}): void {
  if (hasEvents(log)) {
    log.event(level, message, fields);
    return;
  }
  const extra = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${fieldText(v)}`)
    .join(' ');
  log[level](extra ? `${message}  ${extra}` : message);
}
