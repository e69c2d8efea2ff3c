/**
 * Turns the bytes of a record file into a value plus everything needed to say where a problem
 * is: the YAML document (JSON is parsed as the YAML 1.2 subset it is) and its line counter.
 * Never throws: what cannot be read becomes a located problem.
 */
import { type Document, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { firstInvalidUtf8Offset, positionOfByte } from '../text/utf8.ts';

/** Records are a few tens of kilobytes; anything past this is a mistake or an attack. */
export const maxRecordBytes = 5 * 1024 * 1024;
/** More aliases than any hand-written record needs, far fewer than a "billion laughs". */
const maxAliasCount = 50;

export interface SourceFile {
  /** Path as shown to people: relative to the working directory, forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** Size on disk, when the bytes were not read because the file is too large. */
  size?: number;
}

export interface ParsedSource {
  file: string;
  value?: unknown;
  doc?: Document;
  lineCounter?: LineCounter;
  problems: Problem[];
}

export function parseSource({ path, bytes, size = bytes.length }: SourceFile): ParsedSource {
  const fail = (p: Problem): ParsedSource => ({ file: path, problems: [p] });
  if (size > maxRecordBytes) {
    return fail(
      problem('ACTAS-E101', { bytes: size, limit: maxRecordBytes }, { file: path, line: 1, column: 1 }),
    );
  }
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad >= 0) return fail(problem('ACTAS-E102', {}, { file: path, ...positionOfByte(bytes, bad) }));

  // A BOM is what some Windows editors write; it is not content.
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (text.trim() === '') return fail(problem('ACTAS-E106', {}, { file: path, line: 1, column: 1 }));

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  if (!Array.isArray(docs)) return fail(problem('ACTAS-E106', {}, { file: path, line: 1, column: 1 }));
  if (docs.length > 1) return fail(problem('ACTAS-E109', {}, at(docs[1]?.range[0] ?? 0)));
  const doc = docs[0];
  // Nothing but comments and blank lines is as empty as an empty file.
  if (!doc || doc.contents === null)
    return fail(problem('ACTAS-E106', {}, { file: path, line: 1, column: 1 }));

  // After the first syntax error a parser's later complaints are mostly echoes of it: report that one.
  const [error] = doc.errors;
  if (error) {
    const where = at(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      return fail(problem('ACTAS-E104', { key: duplicateKeyName(text, error.pos[0]) }, where));
    }
    return fail(problem('ACTAS-E103', { detail: firstLine(error.message) }, where));
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return fail(problem('ACTAS-E105', {}, at(doc.range[0])));
    }
    return fail(
      problem('ACTAS-E103', { detail: firstLine(String((error as Error).message)) }, at(doc.range[0])),
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found =
      value === null
        ? 'nada (null)'
        : isSeq(doc.contents)
          ? 'una lista'
          : `el valor ${JSON.stringify(value)}`;
    return { file: path, problems: [problem('ACTAS-E108', { found }, at(doc.contents?.range?.[0] ?? 0))] };
  }
  return { file: path, value, doc, lineCounter, problems: [] };
}

const firstLine = (message: string) =>
  (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');

function duplicateKeyName(text: string, offset: number): string {
  const match = /^\s*["']?([^"':\n]+)/.exec(text.slice(offset));
  return match?.[1]?.trim() ?? '?';
}
