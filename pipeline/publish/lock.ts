/**
 * A lock file that keeps two runs (an `actas run`, a publish, a scheduler tick, in this process or
 * another) from publishing at the same time. Created with O_EXCL, so only one process can win;
 * it records who holds it, and a lock whose process is gone (a crash, a SIGKILL) is taken over.
 */
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import { TargetError } from './target.ts';

interface LockOwner {
  pid: number;
  host: string;
  started: string;
  command: string;
}

export interface Lock {
  path: string;
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function olderThan(effects: Effects, path: string, ms: number): Promise<boolean> {
  try {
    return effects.now().getTime() - (await effects.fs.stat(path)).mtimeMs > ms;
  } catch {
    return true;
  }
}

async function readOwner(effects: Effects, path: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await effects.fs.readFile(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export async function acquireLock(effects: Effects, path: string, command: string): Promise<Lock> {
  await effects.fs.mkdir(dirname(path), { recursive: true });
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: effects.now().toISOString(),
    command,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await effects.fs.writeFile(path, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      return {
        path,
        release: async () => {
          const current = await readOwner(effects, path);
          if (current?.pid === process.pid) await effects.fs.rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readOwner(effects, path);
    // A lock from a process that no longer exists on this host is stale: take it over. An
    // unreadable one may be in the middle of being written: only stale once it is old.
    const stale =
      holder === null
        ? await olderThan(effects, path, 10_000)
        : holder.host === owner.host && !alive(holder.pid);
    if (!stale && holder) {
      const who = `${holder.command}, pid ${holder.pid} en ${holder.host}, desde ${holder.started}`;
      throw new TargetError(problem('ACTAS-E403', { holder: who, lock: path }));
    }
    if (!stale) continue;
    effects.log.warn(`Candado abandonado por un proceso que ya no existe; se recupera: ${path}`);
    await effects.fs.rm(path, { force: true });
  }
  throw new TargetError(problem('ACTAS-E403', { holder: 'desconocido', lock: path }));
}
