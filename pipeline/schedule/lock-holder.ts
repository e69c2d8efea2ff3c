/** Who holds the project lock, in words, for the "omitido" line of a tick that found it taken. */
import { resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import type { Problem } from '../errors/problem.ts';
import { lockFile } from '../state.ts';

export async function describeLockHolder(effects: Effects, busy: readonly Problem[]): Promise<string> {
  try {
    const owner = JSON.parse(await effects.fs.readFile(resolve(effects.cwd, lockFile), 'utf8')) as {
      pid?: number;
      host?: string;
      started?: string;
      command?: string;
    };
    if (owner.pid)
      return `${owner.command ?? '?'}, pid ${owner.pid} en ${owner.host ?? '?'}, desde ${owner.started ?? '?'}`;
  } catch {
    // Released in the meantime: fall back to what the lock said when it refused us.
  }
  const refused = busy.find((p) => p.code === 'ACTAS-E403');
  return /en curso \((.*?)\)\./.exec(refused?.message ?? '')?.[1] ?? 'ya terminó';
}
