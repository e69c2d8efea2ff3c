/**
 * The validate stage's edge: lists a records folder and reads its files and the organisation
 * registry. Everything it cannot read becomes a problem; it never throws for a user's mistake.
 */
import { relative, resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { mapInBatches } from '../files/in-batches.ts';
import { maxRecordBytes, type SourceFile } from './parse-source.ts';

export const recordExtensions = /\.(ya?ml|json)$/i;

export const displayPath = (cwd: string, path: string): string => {
  const rel = relative(cwd, resolve(cwd, path));
  return (rel.startsWith('..') ? resolve(cwd, path) : rel).split('\\').join('/');
};

/** Reads a file unless it is larger than `limit`: the parser refuses those from their size alone. */
async function readBounded(
  effects: Effects,
  path: string,
  shown: string,
  limit: number,
): Promise<SourceFile> {
  const { size } = await effects.fs.stat(path);
  if (size > limit) return { path: shown, bytes: new Uint8Array(0), size };
  return { path: shown, bytes: new Uint8Array(await effects.fs.readFile(path)) };
}

export interface ReadRecordsResult {
  files: SourceFile[];
  problems: Problem[];
}

export async function readRecordFiles(effects: Effects, dir: string): Promise<ReadRecordsResult> {
  const absolute = resolve(effects.cwd, dir);
  const shown = displayPath(effects.cwd, dir);
  let entries: import('node:fs').Dirent[];
  try {
    entries = await effects.fs.readdir(absolute, { withFileTypes: true });
  } catch {
    return { files: [], problems: [problem('ACTAS-E004', { path: shown })] };
  }
  const problems: Problem[] = [];
  const files: SourceFile[] = [];
  const names = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const outcomes = await mapInBatches(names, async (name): Promise<SourceFile | Problem> => {
    const path = `${shown}/${name}`;
    if (!recordExtensions.test(name)) return problem('ACTAS-E107', { name }, { file: path });
    try {
      return await readBounded(effects, `${absolute}/${name}`, path, maxRecordBytes);
    } catch (error) {
      return problem('ACTAS-E006', { path, detail: (error as Error).message }, { file: path });
    }
  });
  for (const outcome of outcomes) {
    if ('code' in outcome) problems.push(outcome);
    else files.push(outcome);
  }
  if (files.length === 0 && problems.length === 0)
    problems.push(problem('ACTAS-E100', { dir: shown }, { file: shown }));
  return { files, problems };
}

export async function readRegistryFile(effects: Effects, path: string): Promise<SourceFile | Problem> {
  const shown = displayPath(effects.cwd, path);
  try {
    return await readBounded(effects, resolve(effects.cwd, path), shown, maxRecordBytes);
  } catch {
    return problem('ACTAS-E004', { path: shown });
  }
}
