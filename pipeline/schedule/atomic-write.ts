/**
 * Writes a file so that readers see the old content or the new one, never a half-written file: the
 * bytes go to a temporary sibling (same folder, so the same file system) that is then renamed over
 * the destination. A crash leaves at most a stray `.tmp` file, never a truncated status, state or
 * inbox document.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Effects } from '../effects.ts';

export async function writeFileAtomic(
  effects: Effects,
  path: string,
  content: string | Uint8Array,
): Promise<void> {
  const dir = dirname(path);
  await effects.fs.mkdir(dir, { recursive: true });
  // Hidden and unlike any acta, so the importer never picks up a temporary file from the inbox.
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await effects.fs.writeFile(temporary, content, { flag: 'wx' });
    await effects.fs.rename(temporary, path);
  } catch (error) {
    await effects.fs.rm(temporary, { force: true });
    throw error;
  }
}
