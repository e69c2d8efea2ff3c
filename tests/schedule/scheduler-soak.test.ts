/**
 * The scheduler in this process, on a cron that fires every second, for a minute, publishing to
 * a real git repository while the records change underneath it. Every tick must either publish a
 * whole, consistent new version or say "sin cambios"; no two ticks may overlap; memory must stay
 * flat. Nothing here asserts on how long anything takes.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { nodeEffects } from '../../pipeline/effects.ts';
import { startScheduler } from '../../pipeline/schedule/scheduler.ts';
import type { TickResult } from '../../pipeline/schedule/tick.ts';
import type { Workspace } from '../support/workspace.ts';
import {
  addThirdSession,
  captureLog,
  checkPublished,
  createProject,
  editSeed,
  git,
  projectConfig,
  sleep,
} from './support.ts';

const soakMs = 62_000;
const projects: Workspace[] = [];
afterEach(async () => {
  for (const ws of projects.splice(0)) await ws.remove();
});

interface Observed {
  tick: TickResult;
  rss: number;
  head: string;
  version: string;
  error?: string;
}

async function waitForTicks(observed: Observed[], count: number): Promise<void> {
  while (observed.length < count) await sleep(50);
}

it(
  'publishes consistent versions every second for a minute while records change, without overlap or growth',
  async () => {
    const ws = await createProject();
    projects.push(ws);
    const repo = join(ws.dir, 'public');
    const log = captureLog();
    const effects = nodeEffects({ cwd: ws.dir, log, env: {} });
    const observed: Observed[] = [];
    let lastHead = '';

    const scheduler = await startScheduler(projectConfig(), effects, {
      cron: '* * * * * *',
      timezone: 'America/Santiago',
      retry: { attempts: 2, baseMs: 10, maxMs: 10 },
      // Checked inside the tick, before the next one may start: what the repository holds right
      // after each tick, with nothing else writing to it.
      onTick: (tick) => {
        try {
          const { head, version } = checkPublished(repo);
          if (tick.outcome === 'published') {
            if (version !== tick.version)
              throw new Error(`published ${tick.version}, repository has ${version}`);
            if (head === lastHead) throw new Error('published without a new commit');
          } else if (tick.outcome === 'unchanged' || tick.outcome === 'stopped') {
            // 'stopped': the test stopped the scheduler after this tick began and before its run.
            if (head !== lastHead) throw new Error(`${tick.outcome} but HEAD moved`);
          } else throw new Error(`unexpected outcome ${tick.outcome}: ${tick.summary}`);
          lastHead = head;
          observed.push({ tick, head, version, rss: process.memoryUsage().rss });
        } catch (error) {
          observed.push({ tick, head: '', version: '', rss: 0, error: (error as Error).message });
        }
      },
    });

    const startRss = process.memoryUsage().rss;
    // The first ticks load the workbook and SQLite libraries (WebAssembly) once; growth is judged after that.
    await waitForTicks(observed, 3);
    const until = Date.now() + soakMs;
    let edits = 0;
    let added = false;
    while (Date.now() < until) {
      await sleep(2_500 + (edits % 3) * 500);
      edits++;
      if (edits === 8 && !added) {
        await addThirdSession(ws.dir);
        added = true;
      } else {
        await editSeed(ws.dir, (r) => {
          r.location = `Ex Congreso, Morandé 441, sala ${edits}`;
        });
      }
    }
    await scheduler.stop('fin de la prueba');
    const endRss = process.memoryUsage().rss;

    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const warmRss = observed[2]?.rss ?? startRss;
    const middleRss = observed[Math.floor(observed.length / 2)]?.rss ?? 0;
    const published = observed.filter((o) => o.tick.outcome === 'published');
    const unchanged = observed.filter((o) => o.tick.outcome === 'unchanged');
    console.log(
      `soak: ${observed.length} ticks (${published.length} published, ${unchanged.length} "sin cambios"), ${edits} edits; RSS at start ${mb(startRss)}, after 3 ticks ${mb(warmRss)}, mid-run ${mb(middleRss)}, at end ${mb(endRss)}`,
    );

    expect(observed.filter((o) => o.error).map((o) => o.error)).toEqual([]);
    expect(observed.slice(0, -1).filter((o) => o.tick.outcome === 'stopped')).toEqual([]);
    expect(observed.length).toBeGreaterThan(10);
    expect(published.length).toBeGreaterThan(5);
    expect(unchanged.length).toBeGreaterThan(0);

    // Every published version is a tag, in order, each one newer than the last.
    const versions = published.map((o) => o.version);
    expect(new Set(versions).size).toBe(versions.length);
    const tags = git(repo, 'tag', '--list', 'v*').split('\n').filter(Boolean);
    expect(tags).toHaveLength(versions.length);
    expect(versions.some((v) => /^1\.\d+\.0$/.test(v) && v !== '1.0.0')).toBe(true); // the added session: MINOR

    // No two ticks overlapped.
    const intervals = observed.map((o) => [o.tick.started.getTime(), o.tick.finished.getTime()] as const);
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]?.[0]).toBeGreaterThanOrEqual(intervals[i - 1]?.[1] ?? 0);
    }
    expect(log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(endRss).toBeLessThan(2 * startRss + 100 * 1024 * 1024);
    expect(endRss).toBeLessThan(2 * warmRss + 100 * 1024 * 1024);
  },
  soakMs + 60_000,
);
