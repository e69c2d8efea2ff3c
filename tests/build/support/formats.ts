/** Independent readers of the built files: csv-parse, read-excel-file and sql.js, never the writers' code. */
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import initSqlJs, { type Database } from 'sql.js';

export function readCsv(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), {
    bom: false,
    relax_quotes: false,
    record_delimiter: '\r\n',
  }) as string[][];
}

export type SheetCell = string | number | boolean | Date | null;

export async function readWorkbook(bytes: Uint8Array): Promise<Map<string, SheetCell[][]>> {
  const sheets = await readXlsxFile(Buffer.from(bytes));
  return new Map(sheets.map((s) => [s.sheet, s.data as SheetCell[][]]));
}

export async function openSqlite(bytes: Uint8Array): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database(bytes);
}

/** Rows of a query as objects. */
export function query(db: Database, sql: string): Array<Record<string, unknown>> {
  const [result] = db.exec(sql);
  if (!result) return [];
  return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])));
}

/** An Excel time (read back as a Date on 1899-12-30) or date as the text the CSV holds. */
export function sheetCellText(cell: SheetCell, type: string): string | number | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return type === 'time' ? iso.slice(11, 16) : iso.slice(0, 10);
  }
  if (type === 'time' && typeof cell === 'number') {
    const minutes = Math.round(cell * 1440);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return cell as string | number;
}
