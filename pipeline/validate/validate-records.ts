/**
 * The validate stage's pure core: record files in, valid records and every problem out. It reads
 * nothing and writes nothing; it checks every file fully, so one run reports everything at once.
 */
import { sha256 } from '../build/digest.ts';
import { problem } from '../errors/catalog/index.ts';
import { hasErrors, type Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import type { OrganizationIndex } from '../organizations/registry.ts';
import { locate, type SourceMap } from './locate.ts';
import { parseSource, type SourceFile } from './parse-source.ts';
import { quickParse } from './quick-parse.ts';
import { recordRules, textProblems } from './rules.ts';
import { schemaProblems } from './schema-problems.ts';
import { getValidators } from './schemas.ts';

export interface ValidRecord {
  file: string;
  record: SessionRecord;
}

export interface ValidationResult {
  /** Records without errors (they may have warnings), in file order. */
  records: ValidRecord[];
  problems: Problem[];
  /** Records that had no problem at all, by `cleanKey`: what a later run may take as already checked. */
  clean: Map<string, SessionRecord>;
}

/** A file's identity for the cache of clean records: its path (the id must match it) and its bytes. */
export const cleanKey = (file: SourceFile): string => `${file.path}\0${sha256(file.bytes)}`;

/** Every record file by `cleanKey`, under the checker's fingerprint: see ValidateStageResult.inputDigest. */
export const validationInputDigest = (fingerprint: string, files: readonly SourceFile[]): string =>
  sha256([fingerprint, ...files.map(cleanKey)].join('\0'));

const baseNameOf = (path: string) => (path.split('/').pop() ?? path).replace(/\.(ya?ml|json)$/i, '');

/**
 * `known` holds records an earlier run found clean, by `cleanKey`; the caller keeps it only while
 * the code, the schemas and the organisation registry are the same, so using it never changes a
 * result. Checks across files (unique ids) always run.
 */
export function validateRecords(
  files: readonly SourceFile[],
  organizations: OrganizationIndex,
  known: ReadonlyMap<string, SessionRecord> = new Map(),
): ValidationResult {
  const records: ValidRecord[] = [];
  const problems: Problem[] = [];
  const clean = new Map<string, SessionRecord>();
  const firstFileOfId = new Map<string, string>();

  for (const file of files) {
    const baseName = baseNameOf(file.path);
    const key = cleanKey(file);
    const cached = known.get(key);
    // A record read fast that has no problem at all is done; anything else is read again, located.
    const quick = cached ?? quickParse(file);
    let fileProblems = cached
      ? []
      : quick === undefined
        ? undefined
        : checkRecord(quick, { file: file.path }, baseName, organizations);
    if (fileProblems?.length === 0 && quick) clean.set(key, quick as SessionRecord);
    let value: unknown = quick;
    if (fileProblems === undefined || fileProblems.length > 0) {
      const parsed = parseSource(file);
      if (parsed.problems.length > 0) {
        problems.push(...parsed.problems);
        continue;
      }
      value = parsed.value;
      fileProblems = checkRecord(parsed.value, parsed, baseName, organizations);
    }
    if (!hasErrors(fileProblems)) {
      const record = value as SessionRecord;
      const other = firstFileOfId.get(record.id);
      if (other) {
        const located = parseSource(file);
        fileProblems.push(problem('ACTAS-E122', { id: record.id, other }, locate(located, '/id')));
        clean.delete(key);
      } else {
        firstFileOfId.set(record.id, file.path);
        records.push({ file: file.path, record });
      }
    }
    problems.push(...fileProblems);
  }
  return { records, problems, clean };
}

/** Every problem of one record: text rules on anything, then the schema, then the rules a valid record must meet. */
function checkRecord(
  value: unknown,
  source: SourceMap,
  baseName: string,
  organizations: OrganizationIndex,
): Problem[] {
  const validate = getValidators().record;
  const problems = textProblems(value, source);
  if (!validate(value)) return [...problems, ...schemaProblems(validate.errors ?? [], value, source)];
  const ctx = { source, baseName, organizations };
  for (const rule of recordRules) problems.push(...rule(value, ctx));
  return problems;
}
