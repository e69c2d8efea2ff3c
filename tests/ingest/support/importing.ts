/** Shared pieces of the import tests: where the documents are, and the import run in a workspace. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultConfig } from '../../../pipeline/config/config.ts';
import { nodeEffects, silentLogger } from '../../../pipeline/effects.ts';
import { type ImportOptions, type ImportStageResult, runImport } from '../../../pipeline/ingest/index.ts';
import type { SessionRecord } from '../../../pipeline/model/index.ts';
import { repoRoot } from '../../support/workspace.ts';

export const fixturesDir = join(repoRoot, 'tests/fixtures/import');
export const seedDocument = join(repoRoot, 'data/inbox/000_2ede7aa9bd753bcb.txt');
export const seedRecordFile = join(repoRoot, 'data/sessions/2016-06-30-mesa-3-sesion-2.yaml');

/** The variants of the template under tests/fixtures/import, each with its golden record. */
export const fixtureNames = [
  'mesa-1-primera-sesion',
  'crlf-bom-nbsp',
  'fecha-en-palabras',
  'salto-de-pagina',
  'sin-secciones',
  'celdas-vacias',
  'listas-numeradas',
  'ordinales-abreviados',
  'avisos',
  'mesa-4-decima',
] as const;

export const fixtureText = (name: string) => join(fixturesDir, `${name}.txt`);
export const fixtureGolden = (name: string) => join(fixturesDir, `${name}.yaml`);

/** Runs the import stage in `cwd` with the default configuration, records into `out`. */
export function importIn(cwd: string, options: ImportOptions): Promise<ImportStageResult> {
  const effects = nodeEffects({ cwd, log: silentLogger, env: {} });
  return runImport(structuredClone(defaultConfig), effects, { out: 'out', ...options });
}

/** Every file in a folder (hidden ones too), sorted; [] when it does not exist. */
export async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

export async function readRecord(path: string): Promise<SessionRecord> {
  return parse(await readFile(path, 'utf8')) as SessionRecord;
}

/** "CODE@line" for each problem: the shape warnings are compared in. */
export const codesAndLines = (problems: ReadonlyArray<{ code: string; line?: number }>): string[] =>
  problems.map((p) => (p.line === undefined ? p.code : `${p.code}@${p.line}`));
