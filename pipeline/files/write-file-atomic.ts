/**
 * Writes a file so that readers see the old content or the new one, never half of it: the bytes go
 * to a hidden temporary sibling (same folder, so the same file system, and unlike any acta, so the
 * importer never picks one up from the inbox), are flushed to disk, and the temporary file is
 * renamed over the destination. A crash leaves at most a stray hidden `.tmp` file. The one way
 * the pipeline writes records, the import ledger, state files and downloaded documents.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Effects } from '../effects.ts';

export async function writeFileAtomic(
  effects: Effects,
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  const dir = dirname(path);
  await effects.fs.mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await effects.fs.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await effects.fs.rename(temporary, path);
  } catch (error) {
    await effects.fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
