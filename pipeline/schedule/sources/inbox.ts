import { join, resolve } from 'node:path';
import { sha256 } from '../../build/digest.ts';
import type { Effects } from '../../effects.ts';
import { problem } from '../../errors/catalog/index.ts';
import type { Problem } from '../../errors/problem.ts';
import { writeFileAtomic } from '../../files/write-file-atomic.ts';
import type { SourceEntry } from './source-state.ts';

/** A name that is safe to save in the inbox: one path component, not hidden, an acta extension. */
export const documentName = /^(?![.~])[^/\\\0]+\.(txt|docx)$/i;

export interface Inbox {
  dir: string;
  /** Path relative to the project, for messages: `data/inbox/acta.txt`. */
  shown(name: string): string;
  /** The sha256 of the file in the inbox, or null when it is not there. */
  current(name: string): Promise<string | null>;
}

export function openInbox(effects: Effects, inboxPath: string): Inbox {
  const dir = resolve(effects.cwd, inboxPath);
  return {
    dir,
    shown: (name) => join(inboxPath, name).split('\\').join('/'),
    async current(name) {
      try {
        return sha256(new Uint8Array(await effects.fs.readFile(join(dir, name))));
      } catch {
        return null;
      }
    },
  };
}

/** Whether the inbox still holds exactly what `entry` says was saved there. */
export async function stillSaved(inbox: Inbox, entry: SourceEntry | undefined): Promise<boolean> {
  return entry !== undefined && (await inbox.current(entry.file)) === entry.sha256;
}

/** `changed` is false when the inbox already held these exact bytes. */
export type SaveResult =
  | { saved: true; changed: boolean; sha256: string }
  | { saved: false; problem: Problem };

/**
 * Saves `bytes` as `name` in the inbox. A file already there is only replaced when it is the one
 * recorded in `previous` (ours, unchanged since); identical bytes are a no-op.
 */
export async function saveToInbox(
  effects: Effects,
  inbox: Inbox,
  name: string,
  bytes: Uint8Array,
  previous: SourceEntry | undefined,
  source: string,
): Promise<SaveResult> {
  const hash = sha256(bytes);
  const existing = await inbox.current(name);
  if (existing === hash) return { saved: true, changed: false, sha256: hash };
  if (existing !== null && !(previous?.file === name && previous.sha256 === existing)) {
    return { saved: false, problem: problem('ACTAS-W521', { file: inbox.shown(name), source }) };
  }
  try {
    await writeFileAtomic(effects, join(inbox.dir, name), bytes);
    return { saved: true, changed: true, sha256: hash };
  } catch (error) {
    return {
      saved: false,
      problem: problem('ACTAS-W522', { file: inbox.shown(name), detail: (error as Error).message }),
    };
  }
}
