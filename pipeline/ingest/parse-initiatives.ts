/**
 * The initiatives table: a title row ("| Nombre | Origen | Resultado sesión 1") and one row per
 * initiative. A row that starts with an empty cell continues the row above (Word split it over a
 * page break), cell by cell. A first session has no "Resultado" column: previous_result is null.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Initiative } from '../model/index.ts';
import type { Notes } from './notes.ts';
import { isInitiativesHeader } from './sections.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { labelKey, plainValue } from './text-values.ts';

type Column = 'number' | 'name' | 'origin' | 'previous_result';
type Columns = Partial<Record<Column, number>>;

const table = 'initiatives';
const templateColumns: Columns = { number: 0, name: 1, origin: 2, previous_result: 3 };

function columnsOf(header: SourceLine, notes: Notes): Columns {
  const columns: Columns = {};
  header.cells.forEach((cell, i) => {
    const key = labelKey(cell);
    let column: Column | undefined;
    if (/^(?:n°|#|numero|nro)?$/.test(key) && columns.number === undefined) column = 'number';
    else if (/^(?:nombre|iniciativa|propuesta$|compromiso)/.test(key)) column = 'name';
    else if (/^(?:origen|propuest[ao] por|proponente)/.test(key)) column = 'origin';
    else if (/^resultado/.test(key)) column = 'previous_result';
    if (column && columns[column] === undefined) columns[column] = i;
    else if (key !== '') notes.add(problem('ACTAS-W212', { table, column: cell }, notes.at(header)));
  });
  return columns;
}

const rowNumber = (cell: string | undefined): number | undefined => {
  const match = /^(?:n°\s*)?(\d{1,3})\s*[.)]?$/.exec(labelKey(cell ?? ''));
  return match ? Number(match[1]) : undefined;
};

interface Draft {
  number: number;
  cells: Partial<Record<Exclude<Column, 'number'>, string>>;
  line: SourceLine;
}

export function parseInitiatives(lines: readonly SourceLine[], notes: Notes): Initiative[] {
  let columns: Columns | undefined;
  const drafts: Draft[] = [];
  const cellOf = (line: SourceLine, column: Column) => {
    const i = columns?.[column];
    return i === undefined ? undefined : line.cells[i];
  };
  for (const line of lines) {
    if (line.text === '') continue;
    if (isInitiativesHeader(line)) {
      columns = columnsOf(line, notes);
      continue;
    }
    if (!line.isRow) {
      // Headings ("Lista iniciativas Mesa 3", "I. **Lista sesión 1**") are the template's, not data.
      const heading = drafts.length === 0 && /^(?:[ivxlc]+[.)]\s*)?(?:\*\*)?lista\b/i.test(line.text);
      if (!heading)
        notes.add(problem('ACTAS-W204', { section: 'initiatives', text: excerpt(line) }, notes.at(line)));
      continue;
    }
    if (!columns) {
      notes.add(problem('ACTAS-W215', { table, text: excerpt(line) }, notes.at(line)));
      columns = templateColumns;
    }
    const numberCell = cellOf(line, 'number') ?? '';
    const previous = drafts[drafts.length - 1];
    if (columns.number !== undefined && numberCell === '' && previous) {
      // The rest of the row above, after a page break: each cell continues its own column.
      for (const column of ['name', 'origin', 'previous_result'] as const) {
        const more = cellOf(line, column);
        if (more) previous.cells[column] = [previous.cells[column], more].filter(Boolean).join(' ');
      }
      continue;
    }
    // Without a number column, the rows are numbered in order, as the list reads.
    const number = columns.number === undefined ? drafts.length + 1 : rowNumber(numberCell);
    if (number === undefined) {
      notes.add(problem('ACTAS-W205', { table, missing: 'number', text: excerpt(line) }, notes.at(line)));
      continue;
    }
    const cells: Draft['cells'] = {};
    for (const column of ['name', 'origin', 'previous_result'] as const) {
      const value = cellOf(line, column);
      if (value !== undefined) cells[column] = value;
    }
    drafts.push({ number, cells, line });
  }
  const initiatives: Initiative[] = [];
  for (const draft of drafts) {
    const name = plainValue(draft.cells.name);
    if (name === null) {
      notes.add(
        problem('ACTAS-W205', { table, missing: 'name', text: excerpt(draft.line) }, notes.at(draft.line)),
      );
      continue;
    }
    initiatives.push({
      number: draft.number,
      name,
      origin: plainValue(draft.cells.origin),
      previous_result: plainValue(draft.cells.previous_result),
    });
  }
  return initiatives;
}
