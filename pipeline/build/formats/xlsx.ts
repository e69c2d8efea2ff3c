/**
 * actas.xlsx: a "Léeme" sheet (what this is, version, license, source, how to cite, the data
 * dictionary), then one sheet per table with Spanish column titles, the header row frozen and an
 * autofilter. Dates are real Excel dates and times real Excel times; text is neutralised like the
 * CSV. exceljs's streaming writer (three times faster than its in-memory workbook on large tables)
 * writes deterministic XML but stamps the zip with the wall clock, so the package is re-zipped
 * (zip.ts) and its document properties take the build's date.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { type DatasetInfo, fileUrl } from '../metadata/dataset-info.ts';
import { citationText, privacyNote, reportErrorNote } from '../metadata/notes.ts';
import { csvPath } from '../paths.ts';
import type { Table } from '../tables/build-tables.ts';
import { type Cell, type FieldDefinition, spanishTypeNames } from '../tables/table-schema.ts';
import { neutralisationNote } from './neutralize.ts';
import { excelRowLimit, excelText } from './xlsx-limits.ts';
import { rezip } from './zip.ts';

/**
 * What the workbook says about the dataset: everything but the build's exact instant. Its
 * properties and zip entries carry the build's date only, so that builds of the same data on the
 * same day reuse one workbook (the most expensive file to make).
 */
export type WorkbookInfo = Omit<DatasetInfo, 'created'>;

export interface WorkbookInput {
  info: WorkbookInfo;
  tables: readonly Table[];
}

const readmeSheetName = 'Léeme';

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const bold: Partial<ExcelJS.Font> = { bold: true };
const dateFormat = 'yyyy-mm-dd';
const timeFormat = 'hh:mm';

// Characters XML 1.0 cannot carry; a cell holding one would make the whole workbook unreadable.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are exactly what must be found.
const xmlInvalid = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Any text in a cell: neutralised, cut to fit, and without characters XML cannot carry. */
const safeText = (text: string, resource = ''): string =>
  excelText(text, resource).replace(xmlInvalid, '\uFFFD');

function cellValue(field: FieldDefinition, value: Cell, resource: string): ExcelJS.CellValue {
  if (value === null) return null;
  if (field.type === 'integer') return value;
  const text = String(value);
  if (field.type === 'date') return new Date(`${text}T00:00:00Z`);
  if (field.type === 'time') {
    const [h, m] = text.split(':').map(Number);
    return ((h ?? 0) * 60 + (m ?? 0)) / 1440;
  }
  return safeText(text, resource);
}

/** A column wide enough for its title and typical content, never absurdly wide. */
function columnWidth(table: Table, field: FieldDefinition): number {
  if (field.type === 'date') return Math.max(12, field.title.length + 4);
  if (field.type === 'time' || field.type === 'integer') return Math.max(9, field.title.length + 4);
  let longest = 0;
  for (const row of table.rows.slice(0, 500)) {
    const v = row[field.name];
    if (typeof v === 'string') longest = Math.max(longest, v.length);
  }
  return Math.min(60, Math.max(10, field.title.length + 4, longest + 2));
}

/** The style of a column's cells: a number format for dates and times, nothing otherwise. */
function columnStyle(field: FieldDefinition): Partial<ExcelJS.Style> | undefined {
  if (field.type === 'date') return { numFmt: dateFormat };
  if (field.type === 'time') return { numFmt: timeFormat };
  return undefined;
}

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

function addTableSheet(workbook: WorkbookWriter, table: Table): void {
  const { resource } = table;
  const sheet = workbook.addWorksheet(resource.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = resource.fields.map((field) => {
    const style = columnStyle(field);
    return { key: field.name, width: columnWidth(table, field), ...(style ? { style } : {}) };
  });
  // exceljs gives every cell its own copy of its column's style and works out each copy's style
  // id again (a third of the time of a large workbook); it remembers the id of a style object it
  // has seen, so cells share one object per column, one for values and one for empty cells (the
  // id also depends on the cell's type). The ids, and so the bytes, are the same.
  const shared = resource.fields.map((field) => ({ ...columnStyle(field) }));
  const sharedEmpty = resource.fields.map((field) => ({ ...columnStyle(field) }));
  const header = sheet.addRow(resource.fields.map((f) => f.title));
  header.eachCell((cell) => {
    cell.style = { font: bold, fill: headerFill };
  });
  header.commit();
  const rows = table.rows.slice(0, excelRowLimit);
  for (const row of rows) {
    const values = resource.fields.map((f) => cellValue(f, row[f.name] ?? null, resource.name));
    const added = sheet.addRow(values);
    for (let i = 0; i < values.length; i++)
      added.getCell(i + 1).style = (
        values[i] === null ? sharedEmpty[i] : shared[i]
      ) as Partial<ExcelJS.Style>;
    added.commit();
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: rows.length + 1, column: resource.fields.length },
  };
  sheet.commit();
}

function addReadmeSheet(workbook: WorkbookWriter, { info, tables }: WorkbookInput): void {
  const sheet = workbook.addWorksheet(readmeSheetName);
  sheet.columns = [{ width: 24 }, { width: 70 }, { width: 28 }, { width: 16 }, { width: 90 }];
  // The title, description and publisher come from the configuration: text like any other.
  const title = sheet.addRow([safeText(info.title)]);
  title.getCell(1).font = { bold: true, size: 14 };
  sheet.addRow([safeText(info.description)]);
  sheet.addRow([]);

  const sessions = tables.find((t) => t.resource.name === 'sessions')?.rows ?? [];
  const dates = sessions.map((r) => r.date).filter((d): d is string => typeof d === 'string');
  const span = dates.length > 0 ? `, del ${dates[0]} al ${dates[dates.length - 1]}` : '';
  const link = (text: string, url: string): ExcelJS.CellValue =>
    /^https?:\/\//.test(url) ? { text, hyperlink: url } : text;
  const about: Array<[string, ExcelJS.CellValue]> = [
    ['Versión', info.version],
    ['Fecha de publicación', info.date],
    ['Licencia', link(info.license.title, info.license.url)],
    ['Publicado por', safeText(info.publisher)],
    [
      'Fuente',
      `Las actas de las mesas de trabajo de Gobierno Abierto (OGP) de Chile, convertidas en datos: ${sessions.length} sesiones${span}.`,
    ],
    [
      'Diccionario de datos',
      link(`README.md, sección "Diccionario de datos" (y al final de esta hoja)`, fileUrl(info, 'README.md')),
    ],
    ['Cómo citar', safeText(citationText(info))],
    ['Errores', reportErrorNote(info)],
    ['Datos personales', privacyNote(info.attendeeNames)],
    ['Fórmulas', neutralisationNote],
    [
      'Fechas y horas',
      'Las fechas son fechas de Excel (AAAA-MM-DD) y las horas, horas de Excel (HH:MM). Una celda vacía es un dato que el acta no indica.',
    ],
  ];
  for (const [label, value] of about) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = bold;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }

  sheet.addRow([]);
  const sheetsHeader = sheet.addRow(['Hoja', 'Descripción', 'Archivo', 'Filas']);
  sheetsHeader.font = bold;
  for (const { resource, rows } of tables) {
    const row = sheet.addRow([resource.sheet, resource.description, csvPath(resource.name), rows.length]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }

  sheet.addRow([]);
  const dictionaryHeader = sheet.addRow(['Hoja', 'Columna', 'Campo', 'Tipo', 'Descripción']);
  dictionaryHeader.font = bold;
  for (const { resource } of tables) {
    for (const field of resource.fields) {
      sheet.addRow([
        resource.sheet,
        field.title,
        field.name,
        spanishTypeNames[field.type],
        field.description,
      ]);
    }
  }
  sheet.commit();
}

export async function buildWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // Loaded when a workbook is made: a run that builds nothing does not pay for the library.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    // Stored, not deflated: rezip compresses once, deterministically.
    zip: { zlib: { level: 0 } },
  });
  workbook.creator = input.info.publisher;
  workbook.lastModifiedBy = input.info.publisher;
  workbook.title = input.info.title;
  workbook.keywords = input.info.keywords.join(', ');
  const day = new Date(`${input.info.date}T00:00:00Z`);
  workbook.created = day;
  workbook.modified = day;
  addReadmeSheet(workbook, input);
  for (const table of input.tables) addTableSheet(workbook, table);
  await workbook.commit();
  return rezip(new Uint8Array(Buffer.concat(chunks)), day);
}
