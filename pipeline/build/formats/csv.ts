/**
 * data/<resource>.csv: UTF-8 without BOM, RFC 4180 (comma, double quotes doubled, CRLF between
 * rows), a header row of field names, null as an empty cell, formulas neutralised in text cells.
 */
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../tables/build-tables.ts';
import type { Cell } from '../tables/table-schema.ts';
import { utf8Joined } from './encode.ts';
import { neutralizeFormula } from './neutralize.ts';

/** The Table Dialect written into datapackage.json: exactly what this writer does. */
export const csvDialect = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

const stringifyOptions = {
  bom: false,
  delimiter: csvDialect.delimiter,
  quote: csvDialect.quoteChar,
  record_delimiter: csvDialect.lineTerminator,
  // Every batch ends its last row, so that batches join into one file.
  eof: true,
  // A line break inside a cell (Markdown, one-per-line lists) must be quoted, or readers split the row.
  quoted_match: [/[\r\n]/],
};

// Rows are written a batch at a time: the cells of a whole table at once would be its largest copy.
const batchRows = 2000;

export function tableCsv({ resource, rows }: Table): Uint8Array {
  const fields = resource.fields;
  const cells = (row: (typeof rows)[number]): Cell[] =>
    fields.map((f) => {
      const value = row[f.name] ?? null;
      return f.type === 'string' && typeof value === 'string' ? neutralizeFormula(value) : value;
    });
  function* batches(): Generator<string> {
    yield stringify([fields.map((f) => f.name)], stringifyOptions);
    for (let i = 0; i < rows.length; i += batchRows)
      yield stringify(rows.slice(i, i + batchRows).map(cells), stringifyOptions);
  }
  return utf8Joined(batches());
}
