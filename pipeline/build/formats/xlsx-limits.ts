/**
 * What Excel cannot hold: more than 32,767 characters in a cell or 1,048,576 rows in a sheet.
 * Rather than a workbook Excel refuses to open, the cell is cut with a note and the sheet keeps the
 * first rows, with a warning; CSV, JSON and SQLite always have everything.
 */
import { problem } from '../../errors/catalog/index.ts';
import type { Problem } from '../../errors/problem.ts';
import type { Table } from '../tables/build-tables.ts';
import { neutralizeFormula } from './neutralize.ts';

export const excelCellLimit = 32_767;
/** Data rows a sheet can take below its header row. */
export const excelRowLimit = 1_048_575;

export const truncationNote = (resource: string): string => ` […] (texto completo en data/${resource}.csv)`;

/** A text as an Excel cell shows it: neutralised, and cut with a note when too long. */
export function excelText(text: string, resource: string): string {
  const shown = neutralizeFormula(text);
  if (shown.length <= excelCellLimit) return shown;
  const note = truncationNote(resource);
  let cut = shown.slice(0, excelCellLimit - note.length);
  // Never leave half of a surrogate pair at the cut.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}

/** The warnings for what actas.xlsx will cut; cheap, so they are reported even when the workbook comes from the cache. */
export function excelLimitProblems(tables: readonly Table[]): Problem[] {
  const problems: Problem[] = [];
  for (const { resource, rows } of tables) {
    if (rows.length > excelRowLimit) {
      problems.push(
        problem('ACTAS-W311', { resource: resource.name, rows: rows.length, limit: excelRowLimit }),
      );
    }
    const textFields = resource.fields.filter((f) => f.type === 'string');
    for (const row of rows.slice(0, excelRowLimit)) {
      for (const f of textFields) {
        const value = row[f.name];
        if (
          typeof value === 'string' &&
          value.length >= excelCellLimit &&
          excelText(value, '') !== neutralizeFormula(value)
        ) {
          problems.push(
            problem('ACTAS-W310', {
              resource: resource.name,
              field: f.name,
              key: resource.primaryKey.map((k) => String(row[k])).join('/'),
              length: value.length,
              limit: excelCellLimit,
            }),
          );
        }
      }
    }
  }
  return problems;
}
