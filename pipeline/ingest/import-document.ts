/**
 * One document through the import: read it, skip it if already imported, parse it, validate the
 * record, and write it only if it is valid and no hand edit would be lost. Nothing is written for
 * a document that fails.
 */
import { join } from 'node:path';
import { sha256 } from '../build/digest.ts';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import { hasErrors, type Problem } from '../errors/problem.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import { indexOrganizations } from '../organizations/registry.ts';
import { serializeRecord } from '../records/serialize.ts';
import { displayPath } from '../validate/read-records.ts';
import { validateRecords } from '../validate/validate-records.ts';
import type { DocumentFile } from './documents.ts';
import { parseActaText } from './parse-acta.ts';
import { documentLimits, readDocument } from './read-document.ts';
import { ledgerName, type RecordsFolder, readIfExists, serializeLedger } from './records-folder.ts';

/** imported: new record; updated: replaced a record the importer wrote; unchanged: same bytes already there. */
export type ImportStatus = 'imported' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface DocumentReport {
  /** The document, as shown to people. */
  file: string;
  status: ImportStatus;
  /** The record's id and path, when the document gave one. */
  id: string | null;
  record: string | null;
  problems: Problem[];
}

export interface ImportRun {
  effects: Effects;
  folder: RecordsFolder;
  force: boolean;
  /** Record ids written in this run → the document that gave them. */
  ids: Map<string, string>;
}

const encoder = new TextEncoder();
// Organisations are the validate stage's to report; the import only needs the record to be valid.
const noOrganizations = indexOrganizations([]).index;

export async function importDocument(run: ImportRun, doc: DocumentFile): Promise<DocumentReport> {
  const { effects, folder } = run;
  const report = (
    status: ImportStatus,
    problems: Problem[],
    id: string | null = null,
    record: string | null = null,
  ) => ({ file: doc.shown, status, id, record, problems }) satisfies DocumentReport;
  const where = { file: doc.shown };

  let bytes: Uint8Array;
  try {
    const { size } = await effects.fs.stat(doc.path);
    const limit = documentLimits[doc.format];
    if (size > limit) return report('failed', [problem('ACTAS-E202', { bytes: size, limit }, where)]);
    bytes = new Uint8Array(await effects.fs.readFile(doc.path));
  } catch (error) {
    return report('failed', [
      problem('ACTAS-E006', { path: doc.shown, detail: (error as Error).message }, where),
    ]);
  }
  const sha = sha256(bytes);
  const already = folder.imported.get(sha);
  if (already && !run.force) return report('skipped', [], null, already);

  const read = readDocument(bytes, doc.format, doc.shown);
  if ('problem' in read) return report('failed', [read.problem]);
  const parsed = parseActaText(read.text, {
    file: doc.shown,
    source: { file: doc.name, sha256: sha, format: doc.format },
  });
  if (!parsed.record) return report('failed', parsed.problems);
  const { id } = parsed.record;
  const path = join(folder.dir, `${id}.yaml`);
  const shown = displayPath(effects.cwd, path);
  const fail = (...more: Problem[]) => report('failed', [...parsed.problems, ...more], id, shown);

  const yaml = encoder.encode(serializeRecord(parsed.record));
  const validation = validateRecords([{ path: shown, bytes: yaml }], noOrganizations);
  const invalid = validation.problems.filter((p) => p.severity === 'error');
  if (invalid.length > 0) {
    return fail(
      ...invalid.map((p) =>
        problem(
          'ACTAS-E215',
          { record: shown, pointer: p.pointer || '/', detail: p.message, detail_en: p.message_en },
          where,
        ),
      ),
    );
  }
  const other = run.ids.get(id);
  if (other) return fail(problem('ACTAS-E217', { id, other }, where));

  let existing: Uint8Array | undefined;
  try {
    existing = await readIfExists(effects, path);
  } catch (error) {
    return fail(problem('ACTAS-E006', { path: shown, detail: (error as Error).message }, { file: shown }));
  }
  const written = sha256(yaml);
  const sameBytes = existing !== undefined && sha256(existing) === written;
  if (existing && !sameBytes && folder.ledger[id] !== sha256(existing) && !run.force)
    return fail(problem('ACTAS-E216', { record: shown }, { file: shown }));

  try {
    await effects.fs.mkdir(folder.dir, { recursive: true });
    if (!sameBytes) await writeFileAtomic(effects, path, yaml);
    if (folder.ledger[id] !== written) {
      folder.ledger[id] = written;
      await writeFileAtomic(effects, join(folder.dir, ledgerName), serializeLedger(folder.ledger));
    }
  } catch (error) {
    return fail(problem('ACTAS-E006', { path: shown, detail: (error as Error).message }, { file: shown }));
  }
  run.ids.set(id, doc.shown);
  folder.imported.set(sha, shown);
  const status: ImportStatus = sameBytes ? 'unchanged' : existing ? 'updated' : 'imported';
  return report(status, parsed.problems, id, shown);
}

export const documentFailed = (report: DocumentReport): boolean => hasErrors(report.problems);
