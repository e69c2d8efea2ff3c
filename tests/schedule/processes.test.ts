/**
 * The scheduler as users run it — the real `actas` binary in its own process — against the other
 * processes it meets: a second run while one holds the lock is refused (or skipped, for a
 * scheduler tick), a scheduler killed with SIGKILL leaves a lock the next start recovers, and
 * SIGTERM during a run lets it finish, releases the lock and exits 0 with nothing half-published.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { acquireLock } from '../../pipeline/publish/lock.ts';
import type { SchedulerStatus } from '../../pipeline/schedule/status.ts';
import { runActas, type Workspace } from '../support/workspace.ts';
import {
  type ActasProcess,
  checkPublished,
  createProject,
  editSeed,
  lockOwner,
  sleep,
  spawnActas,
  ticksFinished,
  waitFor,
} from './support.ts';

const projects: Workspace[] = [];
const children: ActasProcess[] = [];
afterEach(async () => {
  for (const p of children.splice(0))
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  for (const ws of projects.splice(0)) await ws.remove();
});
async function project() {
  const ws = await createProject();
  projects.push(ws);
  return ws;
}
function scheduler(dir: string, ...extra: string[]) {
  const p = spawnActas(dir, ['schedule', '--cron', '* * * * * *', '--log-format', 'json', ...extra]);
  children.push(p);
  return p;
}
const readStatus = async (dir: string) =>
  JSON.parse(await readFile(join(dir, '.actas/status.json'), 'utf8')) as SchedulerStatus;

describe('a second process', () => {
  it('is refused while a run holds the lock: `actas run` exits 3, a scheduler tick is skipped (exit 0)', async () => {
    const ws = await project();
    const lock = await acquireLock(
      nodeEffects({ cwd: ws.dir, log: silentLogger }),
      resolve(ws.dir, '.actas/lock'),
      'actas run',
    );
    try {
      const manual = await runActas(ws.dir, ['run']);
      expect(manual.code).toBe(3);
      expect(manual.stdout + manual.stderr).toContain(
        'Otra ejecución de Actas Abiertas está en curso (actas run',
      );

      const tick = spawnActas(ws.dir, ['schedule', '--once', '--log-format', 'json']);
      children.push(tick);
      expect((await tick.exited).code).toBe(0);
      const finished = ticksFinished(tick);
      expect(finished).toHaveLength(1);
      expect(finished[0]).toMatchObject({ level: 'info', outcome: 'busy', result: 'omitido' });
      expect(finished[0]?.message).toMatch(/^omitido: otra ejecución en curso \(actas run, pid \d+ en /);
      expect((await readStatus(ws.dir)).last_run).toMatchObject({ outcome: 'busy', errors: [] });
    } finally {
      await lock.release();
    }
    expect(existsSync(join(ws.dir, 'public'))).toBe(false);
  });

  it('two schedulers on one project never publish at the same time', async () => {
    const ws = await project();
    const a = scheduler(ws.dir);
    const b = scheduler(ws.dir);
    await waitFor(
      'both schedulers to tick',
      () => ticksFinished(a).length >= 3 && ticksFinished(b).length >= 3,
    );
    await editSeed(ws.dir, (r) => {
      r.location = 'Otra sala';
    });
    await waitFor('more ticks', () => ticksFinished(a).length >= 6 && ticksFinished(b).length >= 6);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect((await a.exited).code).toBe(0);
    expect((await b.exited).code).toBe(0);

    const outcomes = [...ticksFinished(a), ...ticksFinished(b)].map((l) => l.outcome);
    console.log(
      `two schedulers: ${outcomes.filter((o) => o === 'busy').length} of ${outcomes.length} ticks skipped as "omitido"`,
    );
    expect(outcomes.every((o) => o === 'published' || o === 'unchanged' || o === 'busy')).toBe(true);
    expect(outcomes.filter((o) => o === 'published')).toHaveLength(2); // 1.0.0 and the correction, once each
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.1');
    expect(existsSync(join(ws.dir, '.actas/lock'))).toBe(false);
  });
});

describe('stopping', () => {
  it('recovers the lock a SIGKILLed scheduler left behind', async () => {
    const ws = await project();
    const killed = scheduler(ws.dir);
    const pid = killed.child.pid;
    await waitFor('the scheduler to hold the lock', async () => (await lockOwner(ws.dir))?.pid === pid);
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect((await lockOwner(ws.dir))?.pid).toBe(pid);

    const next = spawnActas(ws.dir, ['schedule', '--once', '--log-format', 'json']);
    children.push(next);
    expect((await next.exited).code).toBe(0);
    expect(next.lines.some((l) => l.level === 'warn' && l.message.startsWith('Candado abandonado'))).toBe(
      true,
    );
    expect(ticksFinished(next)[0]?.outcome).toMatch(/^(published|unchanged)$/);
    expect(existsSync(join(ws.dir, '.actas/lock'))).toBe(false);
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.0');
  });

  it('SIGTERM during a run: the run finishes, the lock is released, exit 0, nothing half-published', async () => {
    const ws = await project();
    const p = scheduler(ws.dir);
    await waitFor('a tick to start', () => p.lines.some((l) => l.event === 'tick.started'));
    await waitFor('the run to hold the lock', async () => (await lockOwner(ws.dir))?.pid === p.child.pid);
    p.child.kill('SIGTERM');
    const exit = await p.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    const events = p.lines.map((l) => l.event).filter(Boolean);
    const stopping = events.indexOf('scheduler.stopping');
    expect(stopping).toBeGreaterThan(events.indexOf('tick.started'));
    expect(events.indexOf('tick.finished')).toBeGreaterThan(stopping); // the run in progress was let finish
    expect(events.at(-1)).toBe('scheduler.stopped');
    expect(events.filter((e) => e === 'tick.started')).toHaveLength(1); // no tick after the signal
    expect(ticksFinished(p)[0]?.outcome).toBe('published');
    expect(p.other.join('')).toBe('');

    expect(existsSync(join(ws.dir, '.actas/lock'))).toBe(false);
    expect(checkPublished(join(ws.dir, 'public')).version).toBe('1.0.0');
    const status = await readStatus(ws.dir);
    expect(status).toMatchObject({ state: 'detenido', next_run: null, current_run: null });
    expect(status.last_run?.version).toBe('1.0.0');

    // Stopped cleanly: the next start runs without recovering anything.
    await sleep(10);
    const again = spawnActas(ws.dir, ['schedule', '--once', '--log-format', 'json']);
    children.push(again);
    expect((await again.exited).code).toBe(0);
    expect(again.lines.some((l) => String(l.message).startsWith('Candado abandonado'))).toBe(false);
    expect(ticksFinished(again)[0]?.outcome).toBe('unchanged');
  });

  it('refuses a bad cron expression or time zone from the flags as a usage error', async () => {
    const ws = await project();
    const cron = await runActas(ws.dir, ['schedule', '--cron', '61 * * * *']);
    expect(cron.code).toBe(2);
    expect(cron.stderr).toContain('ACTAS-E001');
    expect(cron.stderr).toContain('61 * * * *');
    const zone = await runActas(ws.dir, ['schedule', '--timezone', 'America/Springfield', '--once']);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain('"America/Springfield" no es una zona horaria conocida');
  });
});
