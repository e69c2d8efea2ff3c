/**
 * The import stage: acta documents (.txt exports and .docx) → canonical records in the records
 * folder, with a report of everything that was uncertain. The parsing is pure (parse-acta.ts);
 * this module is the edge that lists, reads and writes files. It never throws for bad input.
 */
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import type { Problem } from '../errors/problem.ts';
import { listDocuments } from './documents.ts';
import { type DocumentReport, type ImportRun, importDocument } from './import-document.ts';
import { readRecordsFolder } from './records-folder.ts';

export type { DocumentReport, ImportStatus } from './import-document.ts';

export interface ImportOptions {
  /** Files and folders to import; by default the configured inbox (`config.paths.inbox`). */
  inputs?: string[];
  /** Where records go; by default `config.paths.records`. */
  out?: string;
  /** Re-import documents already imported and overwrite records edited by hand. */
  force?: boolean;
}

export interface ImportStageResult {
  /** One entry per document, in the order they were imported. */
  documents: DocumentReport[];
  /** Problems about no single document (a path that does not exist, a file that is not an acta…). */
  general: Problem[];
  /** Every problem: the general ones and each document's. */
  problems: Problem[];
  /** Paths of the records written (new or updated). */
  written: string[];
}

export async function runImport(
  config: Config,
  effects: Effects,
  options: ImportOptions = {},
): Promise<ImportStageResult> {
  const explicit = options.inputs !== undefined && options.inputs.length > 0;
  const inputs = explicit ? (options.inputs ?? []) : [config.paths.inbox];
  const listed = await listDocuments(effects, inputs, explicit);
  // Nothing to import (the usual scheduled run): no need to read every record already there.
  if (listed.documents.length === 0) {
    return { documents: [], general: listed.problems, problems: listed.problems, written: [] };
  }
  const folder = await readRecordsFolder(effects, options.out ?? config.paths.records);
  const run: ImportRun = { effects, folder, force: options.force ?? false, ids: new Map() };

  const documents: DocumentReport[] = [];
  for (const doc of listed.documents) documents.push(await importDocument(run, doc));

  const general = [...listed.problems, ...folder.problems];
  return {
    documents,
    general,
    problems: [...general, ...documents.flatMap((d) => d.problems)],
    written: documents
      .filter((d) => d.status === 'imported' || d.status === 'updated')
      .map((d) => d.record)
      .filter((r): r is string => r !== null),
  };
}
