/** The scheduler's log lines: readable text, or one JSON object per line with time, level, message and fields. */
import { expect, it } from 'vitest';
import { createLogger, logEvent } from '../../pipeline/schedule/logger.ts';
import { captureLog } from './support.ts';

const now = () => new Date('2024-05-01T11:00:00.000Z');

it('writes JSON lines with time, level, message and the fields, all on one stream', () => {
  const out: string[] = [];
  const log = createLogger('json', { out: (l) => out.push(l), err: () => out.push('stderr!'), now });
  logEvent(log, 'info', 'publicado: versión 1.0.0', {
    event: 'tick.finished',
    version: '1.0.0',
    file: undefined,
  });
  log.warn('aviso\ncon dos líneas');
  log.debug('no se ve sin ACTAS_DEBUG');
  expect(out.map((l) => JSON.parse(l))).toEqual([
    {
      time: '2024-05-01T11:00:00.000Z',
      level: 'info',
      message: 'publicado: versión 1.0.0',
      event: 'tick.finished',
      version: '1.0.0',
    },
    { time: '2024-05-01T11:00:00.000Z', level: 'warn', message: 'aviso\ncon dos líneas' },
  ]);
});

it('writes readable text lines, problems to the error stream', () => {
  const out: string[] = [];
  const err: string[] = [];
  const log = createLogger('text', { out: (l) => out.push(l), err: (l) => err.push(l), now });
  logEvent(log, 'info', 'sin cambios: sigue la versión 1.0.0', {
    outcome: 'unchanged',
    result: 'sin cambios',
  });
  log.error('fallido');
  expect(out).toEqual([
    '2024-05-01T11:00:00.000Z info  sin cambios: sigue la versión 1.0.0  outcome=unchanged result="sin cambios"',
  ]);
  expect(err).toEqual(['2024-05-01T11:00:00.000Z error fallido']);
});

it('gives fields as text to a logger that does not take them', () => {
  const log = captureLog();
  logEvent(log, 'warn', 'Fuente caída', { code: 'ACTAS-W510' });
  expect(log.lines).toEqual(['warn Fuente caída  code=ACTAS-W510']);
});
