/**
 * data/<resource>.json (the typed twin of the CSV: numbers as numbers, null as null, text as in the
 * record, one row per line so that a diff shows rows) and records/<id>.json (the whole record).
 */
import type { SessionRecord } from '../../model/index.ts';
import { orderRecordKeys } from '../../records/serialize.ts';
import type { Table } from '../tables/build-tables.ts';
import { utf8, utf8Joined } from './encode.ts';

export function tableJson({ resource, rows }: Table): Uint8Array {
  if (rows.length === 0) return utf8('[]\n');
  // Keys in field order whatever order a row object has them in; the key prefixes are built once.
  const keys = resource.fields.map(
    (f, i) => [f.name, `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`] as const,
  );
  function* lines(): Generator<string> {
    yield '[\n';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as (typeof rows)[number];
      let line = i === 0 ? '  ' : ',\n  ';
      for (const [name, prefix] of keys) line += prefix + JSON.stringify(row[name] ?? null);
      yield `${line}}`;
    }
    yield '\n]\n';
  }
  return utf8Joined(lines());
}

export const recordJson = (record: SessionRecord): Uint8Array =>
  utf8(`${JSON.stringify(orderRecordKeys(record), null, 2)}\n`);

/** Any JSON document as published: two-space indentation and a final newline. */
export const prettyJson = (value: unknown): Uint8Array => utf8(`${JSON.stringify(value, null, 2)}\n`);
