/**
 * One tick on a real project publishing to a real git repository: what it publishes, what it
 * retries (target and network failures, with backoff) and what it does not (invalid input, a
 * missing token, a held lock), and what it leaves in .actas/status.json for `actas status`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusCommand } from '../../pipeline/cli/commands/status.ts';
import { nodeEffects } from '../../pipeline/effects.ts';
import { problem } from '../../pipeline/errors/catalog/index.ts';
import { acquireLock } from '../../pipeline/publish/lock.ts';
import { type RunResult, run } from '../../pipeline/run.ts';
import { createLogger } from '../../pipeline/schedule/logger.ts';
import { backoffDelay, isTransientFailure } from '../../pipeline/schedule/retry.ts';
import type { SchedulerStatus } from '../../pipeline/schedule/status.ts';
import { type RunPipeline, runTick } from '../../pipeline/schedule/tick.ts';
import { createWorkspace, repoRoot, seedRecordName, type Workspace } from '../support/workspace.ts';
import {
  captureLog,
  checkPublished,
  createProject,
  editSeed,
  projectConfig,
  runCommand,
  seedFile,
} from './support.ts';

const projects: Workspace[] = [];
afterEach(async () => {
  for (const ws of projects.splice(0)) await ws.remove();
});
async function project() {
  const ws = await createProject();
  projects.push(ws);
  return ws;
}

const fastRetry = { attempts: 4, baseMs: 5, maxMs: 20 };
const failedWith = (detail: string, code: 'ACTAS-E400' | 'ACTAS-E401' = 'ACTAS-E400'): RunResult => ({
  outcome: 'failed',
  problems: [problem(code, { target: 'git public', detail })],
  lines: [],
});
const readStatusFile = async (dir: string) =>
  JSON.parse(await readFile(join(dir, '.actas/status.json'), 'utf8')) as SchedulerStatus;

describe('runTick', () => {
  it('publishes, then reports "sin cambios", recording both in the status file', async () => {
    const ws = await project();
    const log = captureLog();
    const effects = nodeEffects({ cwd: ws.dir, log, env: {} });
    const config = projectConfig();

    const first = await runTick(config, effects, { retry: fastRetry });
    expect(first.outcome).toBe('published');
    expect(first.version).toBe('1.0.0');
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.0');
    let status = await readStatusFile(ws.dir);
    expect(status.pid).toBe(process.pid);
    expect(status.last_run).toMatchObject({
      outcome: 'published',
      result: 'publicado',
      version: '1.0.0',
      errors: [],
    });

    const second = await runTick(config, effects, { retry: fastRetry });
    expect(second.outcome).toBe('unchanged');
    expect(second.version).toBeNull();
    status = await readStatusFile(ws.dir);
    expect(status.last_run).toMatchObject({ outcome: 'unchanged', result: 'sin cambios', version: null });
    expect(status.last_run?.current_version).toBe('1.0.0');
    expect(log.lines.some((l) => l.startsWith('info sin cambios: sigue la versión 1.0.0'))).toBe(true);
  });

  it('imports the actas waiting in the inbox, as `actas run` does, and publishes them', async () => {
    const ws = await createWorkspace();
    projects.push(ws);
    await ws.write(
      'data/inbox/acta-mesa-3.txt',
      await readFile(join(repoRoot, 'data/inbox/000_2ede7aa9bd753bcb.txt')),
    );
    const effects = nodeEffects({ cwd: ws.dir, log: captureLog(), env: {} });

    const tick = await runTick(projectConfig(), effects, { retry: fastRetry });
    expect(tick.outcome).toBe('published');
    expect(await readdir(join(ws.dir, 'data/sessions'))).toContain(seedRecordName);
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.0');
  });

  it('retries a transient target failure with exponential backoff, then publishes', async () => {
    const ws = await project();
    const lines: string[] = [];
    const log = createLogger('json', { out: (l) => lines.push(l), now: () => new Date() });
    const effects = nodeEffects({ cwd: ws.dir, log, env: {} });
    let calls = 0;
    const flaky: RunPipeline = async (options, e) => {
      calls++;
      if (calls === 1) return failedWith('HTTP 502: Bad Gateway');
      if (calls === 2) return failedWith('connect ECONNRESET', 'ACTAS-E401');
      return run(options, e);
    };
    const tick = await runTick(projectConfig(), effects, { retry: fastRetry, runPipeline: flaky });
    expect(tick.outcome).toBe('published');
    expect(tick.attempts).toBe(3);
    const retries = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'tick.retry');
    expect(retries.map((r) => r.wait_ms)).toEqual([5, 10]);
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.0');
  });

  it('gives up after the configured attempts and reports every failure, nothing published', async () => {
    const ws = await project();
    const effects = nodeEffects({ cwd: ws.dir, log: captureLog(), env: {} });
    let calls = 0;
    const down: RunPipeline = async () => {
      calls++;
      return failedWith('HTTP 503: Service Unavailable');
    };
    const tick = await runTick(projectConfig(), effects, { retry: fastRetry, runPipeline: down });
    expect(tick.outcome).toBe('failed');
    expect(calls).toBe(4);
    const status = await readStatusFile(ws.dir);
    expect(status.last_run?.errors.map((e) => e.code)).toEqual(['ACTAS-E400', 'ACTAS-E502']);
    expect(status.last_run?.attempts).toBe(4);
  });

  it('does not retry what a retry cannot fix: refused credentials, a missing token, invalid input', async () => {
    expect(isTransientFailure(failedWith('HTTP 401: Bad credentials'))).toBe(false);
    expect(isTransientFailure(failedWith('HTTP 404: Not Found'))).toBe(false);
    expect(isTransientFailure(failedWith('HTTP 403: API rate limit exceeded'))).toBe(true);
    expect(isTransientFailure(failedWith('HTTP 429: Too Many Requests'))).toBe(true);
    expect(isTransientFailure(failedWith('HTTP 500: boom'))).toBe(true);
    const noToken: RunResult = {
      outcome: 'failed',
      problems: [problem('ACTAS-E405', { variable: 'X' })],
      lines: [],
    };
    expect(isTransientFailure(noToken)).toBe(false);
    expect(backoffDelay({ attempts: 9, baseMs: 1000, maxMs: 5000 }, 1)).toBe(1000);
    expect(backoffDelay({ attempts: 9, baseMs: 1000, maxMs: 5000 }, 3)).toBe(4000);
    expect(backoffDelay({ attempts: 9, baseMs: 1000, maxMs: 5000 }, 4)).toBe(5000);

    const ws = await project();
    await editSeed(ws.dir, (r) => {
      (r as { date: string }).date = '30.06.2016';
    });
    const effects = nodeEffects({ cwd: ws.dir, log: captureLog(), env: {} });
    let calls = 0;
    const counted: RunPipeline = (options, e) => {
      calls++;
      return run(options, e);
    };
    const tick = await runTick(projectConfig(), effects, { retry: fastRetry, runPipeline: counted });
    expect(tick.outcome).toBe('invalid');
    expect(calls).toBe(1);
    const status = await readStatusFile(ws.dir);
    expect(status.last_run?.result).toBe('datos inválidos');
    expect(status.last_run?.errors.length).toBeGreaterThan(0);
    expect(status.last_run?.errors[0]?.file).toBe(seedFile);
    expect(status.last_run?.errors[0]?.code).toMatch(/^ACTAS-E1\d\d$/);
  });

  it('skips a tick while another process holds the lock, without counting it as a failure', async () => {
    const ws = await project();
    const log = captureLog();
    const effects = nodeEffects({ cwd: ws.dir, log, env: {} });
    const lock = await acquireLock(effects, resolve(ws.dir, '.actas/lock'), 'actas run');
    try {
      const tick = await runTick(projectConfig(), effects, { retry: fastRetry });
      expect(tick.outcome).toBe('busy');
      expect(tick.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const skipped = log.lines.find((l) => l.includes('omitido: otra ejecución en curso'));
      expect(skipped).toContain(`actas run, pid ${process.pid}`);
      expect(skipped?.startsWith('info ')).toBe(true);
    } finally {
      await lock.release();
    }
    const status = await readStatusFile(ws.dir);
    expect(status.last_run).toMatchObject({ outcome: 'busy', result: 'omitido', errors: [] });
  });
});

describe('actas status', () => {
  it('prints the last run in Spanish, and as JSON', async () => {
    const ws = await project();
    const none = await runCommand(statusCommand, ws.dir, []);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Todavía no hay estado');

    const effects = nodeEffects({ cwd: ws.dir, log: captureLog(), env: {} });
    await runTick(projectConfig(), effects, {
      retry: fastRetry,
      schedule: { cron: '0 7 * * *', timezone: 'America/Santiago' },
      nextRun: () => new Date('2030-01-02T10:00:00Z'),
    });
    const text = await runCommand(statusCommand, ws.dir, []);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Programador: en marcha, esperando la próxima ejecución');
    expect(text.stdout).toContain('Programación: "0 7 * * *" en la zona horaria America/Santiago.');
    expect(text.stdout).toContain('Próxima ejecución: 2 de enero de 2030');
    expect(text.stdout).toContain(
      'Última ejecución: publicado: versión 1.0.0 publicada (primera publicación)',
    );
    expect(text.stdout).toContain('Versión publicada: 1.0.0.');

    const json = await runCommand(statusCommand, ws.dir, ['--format', 'json']);
    const parsed = JSON.parse(json.stdout) as { status: SchedulerStatus; running: boolean };
    expect(parsed.running).toBe(true);
    expect(parsed.status.next_run).toBe('2030-01-02T10:00:00.000Z');
    expect(parsed.status.last_run).toMatchObject({ outcome: 'published', version: '1.0.0' });
  });

  it('says so when the scheduler that wrote the status is gone, and names what failed', async () => {
    const ws = await project();
    const status: SchedulerStatus = {
      pid: 2 ** 22 + 12345,
      host: (await import('node:os')).hostname(),
      state: 'esperando',
      cron: '0 7 * * *',
      timezone: 'America/Santiago',
      updated: '2024-05-01T11:00:00.000Z',
      current_run: null,
      next_run: '2024-05-02T11:00:00.000Z',
      last_run: {
        started: '2024-05-01T11:00:00.000Z',
        finished: '2024-05-01T11:00:09.000Z',
        outcome: 'failed',
        result: 'fallido',
        version: null,
        current_version: '1.2.0',
        summary: 'no se publicó nada (el destino conserva la versión anterior): ACTAS-E400',
        attempts: 4,
        fetched: [],
        errors: [{ code: 'ACTAS-E400', message: 'No se pudo publicar en github o/r (rama main): HTTP 502.' }],
        warnings: [],
      },
    };
    await ws.write('.actas/status.json', JSON.stringify(status));
    const text = await runCommand(statusCommand, ws.dir, []);
    expect(text.stdout).toContain('Programador: NO está en marcha');
    expect(text.stdout).toContain('Última ejecución: fallido');
    expect(text.stdout).toContain('Intentos: 4.');
    expect(text.stdout).toContain('ACTAS-E400  No se pudo publicar');
    expect(text.stdout).toContain('sin cambios (sigue la 1.2.0)');

    await ws.write('.actas/status.json', '{ roto');
    const broken = await runCommand(statusCommand, ws.dir, []);
    expect(broken.code).toBe(3);
    expect(broken.stdout).toContain('ACTAS-E503');
  });
});
