/**
 * The validate stage's pure core: record files in, valid records and every problem out. It reads
 * nothing and writes nothing; it checks every file fully, so one run reports everything at once.
 */
import { problem } from '../errors/catalog/index.ts';
import { hasErrors, type Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import type { OrganizationIndex } from '../organizations/registry.ts';
import { locate } from './locate.ts';
import { parseSource, type SourceFile } from './parse-source.ts';
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
}

const baseName = (path: string) => (path.split('/').pop() ?? path).replace(/\.(ya?ml|json)$/i, '');

export function validateRecords(
  files: readonly SourceFile[],
  organizations: OrganizationIndex,
): ValidationResult {
  const validate = getValidators().record;
  const records: ValidRecord[] = [];
  const problems: Problem[] = [];
  const firstFileOfId = new Map<string, string>();

  for (const file of files) {
    const parsed = parseSource(file);
    if (parsed.problems.length > 0) {
      problems.push(...parsed.problems);
      continue;
    }
    const fileProblems = textProblems(parsed.value, parsed);
    if (!validate(parsed.value)) {
      fileProblems.push(...schemaProblems(validate.errors ?? [], parsed.value, parsed));
    } else {
      const record = parsed.value;
      const ctx = { source: parsed, baseName: baseName(file.path), organizations };
      for (const rule of recordRules) fileProblems.push(...rule(record, ctx));
      const other = firstFileOfId.get(record.id);
      if (other) fileProblems.push(problem('ACTAS-E122', { id: record.id, other }, locate(parsed, '/id')));
      else firstFileOfId.set(record.id, file.path);
      if (!hasErrors(fileProblems)) records.push({ file: file.path, record });
    }
    problems.push(...fileProblems);
  }
  return { records, problems };
}
