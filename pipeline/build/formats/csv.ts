/**
 * data/<resource>.csv: UTF-8 without BOM, RFC 4180 (comma, double quotes doubled, CRLF between
 * rows), a header row of field names, null as an empty cell, formulas neutralised in text cells.
 */
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../tables/build-tables.ts';
import type { Cell } from '../tables/table-schema.ts';
import { utf8 } from './encode.ts';
import { neutralizeFormula } from './neutralize.ts';

/** The Table Dialect written into datapackage.json: exactly what this writer does. */
export const csvDialect = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

export function tableCsv({ resource, rows }: Table): Uint8Array {
  const fields = resource.fields;
  const records: Cell[][] = [fields.map((f) => f.name)];
  for (const row of rows) {
    records.push(
      fields.map((f) => {
        const value = row[f.name] ?? null;
        return f.type === 'string' && typeof value === 'string' ? neutralizeFormula(value) : value;
      }),
    );
  }
  const text = stringify(records, {
    bom: false,
    delimiter: csvDialect.delimiter,
    quote: csvDialect.quoteChar,
    record_delimiter: csvDialect.lineTerminator,
    eof: true,
    // A line break inside a cell (Markdown, one-per-line lists) must be quoted, or readers split the row.
    quoted_match: [/[\r\n]/],
  });
  return utf8(text);
}
