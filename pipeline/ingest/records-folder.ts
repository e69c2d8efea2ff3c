import { join, resolve } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parse } from 'yaml';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { maxRecordBytes } from '../validate/parse-source.ts';
import { displayPath, recordExtensions } from '../validate/read-records.ts';

export const ledgerName = '.imported.json';

export type Ledger = Record<string, string>;

export interface RecordsFolder {
  /** Absolute path of the folder. */
  dir: string;
  /** sha256 of an imported document → the record that came from it. */
  imported: Map<string, string>;
  ledger: Ledger;
  problems: Problem[];
}

const isErrno = (error: unknown, code: string) => (error as NodeJS.ErrnoException | undefined)?.code === code;

async function readLedger(effects: Effects, dir: string): Promise<{ ledger: Ledger; problems: Problem[] }> {
  const path = join(dir, ledgerName);
  let text: string;
  try {
    text = await effects.fs.readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { ledger: {}, problems: [] };
    return { ledger: {}, problems: [problem('ACTAS-W214', { path: displayPath(effects.cwd, path) })] };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string');
      return { ledger: Object.fromEntries(entries), problems: [] };
    }
  } catch {
    // Falls through to the warning: an unreadable ledger protects every record.
  }
  const shown = displayPath(effects.cwd, path);
  return { ledger: {}, problems: [problem('ACTAS-W214', { path: shown }, { file: shown })] };
}

function sourceSha256(text: string): string | undefined {
  // js-yaml first (about ten times faster over thousands of records), the yaml package if it refuses.
  const readers = [
    () => load(text, { schema: CORE_SCHEMA }),
    () => parse(text, { uniqueKeys: false, maxAliasCount: 50 }),
  ];
  for (const read of readers) {
    try {
      const sha = (read() as { source?: { sha256?: unknown } } | null)?.source?.sha256;
      return typeof sha === 'string' ? sha : undefined;
    } catch {
      // try the next reader
    }
  }
  return undefined;
}

export async function readRecordsFolder(effects: Effects, out: string): Promise<RecordsFolder> {
  const dir = resolve(effects.cwd, out);
  const folder: RecordsFolder = { dir, imported: new Map(), ledger: {}, problems: [] };
  let names: string[];
  try {
    names = (await effects.fs.readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && !e.name.startsWith('.') && recordExtensions.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    // No folder yet: nothing imported, nothing to protect.
    return folder;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if ((await effects.fs.stat(path)).size > maxRecordBytes) continue;
      const sha = sourceSha256(await effects.fs.readFile(path, 'utf8'));
      if (sha) folder.imported.set(sha, displayPath(effects.cwd, path));
    } catch {
      // A record that cannot be read is the validator's to report.
    }
  }
  const { ledger, problems } = await readLedger(effects, dir);
  folder.ledger = ledger;
  folder.problems = problems;
  return folder;
}

/** The bytes of a file, or undefined when there is none. */
export async function readIfExists(effects: Effects, path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await effects.fs.readFile(path));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

export const serializeLedger = (ledger: Ledger): string =>
  `${JSON.stringify(Object.fromEntries(Object.entries(ledger).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;
