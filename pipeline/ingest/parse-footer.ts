/**
 * The footer: a title row ("Preparada por | Fecha Elaboración | Próxima reunión | Distribuido a")
 * followed by a row of values. "Label | value" rows and "Label: value" lines are read too.
 */
import { problem } from '../errors/catalog/index.ts';
import { parseDate } from './dates.ts';
import type { Notes } from './notes.ts';
import { footerLabelIndex } from './sections.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { plainValue } from './text-values.ts';

export interface Footer {
  prepared_by: string | null;
  prepared_on: string | null;
  next_meeting: string | null;
  distributed_to: string | null;
}

const fields = ['prepared_by', 'prepared_on', 'next_meeting', 'distributed_to'] as const;
type Field = (typeof fields)[number];
const fieldNames: Record<Field, string> = {
  prepared_by: 'Preparada por',
  prepared_on: 'Fecha Elaboración',
  next_meeting: 'Próxima reunión',
  distributed_to: 'Distribuido a',
};

const fieldOf = (cell: string): Field | undefined => fields[footerLabelIndex(cell)];

export function parseFooter(lines: readonly SourceLine[], notes: Notes): Footer {
  const found = new Map<Field, { text: string; line: SourceLine }>();
  const set = (field: Field, text: string, line: SourceLine) => {
    if (!found.has(field)) found.set(field, { text, line });
  };
  const content = lines.filter((l) => l.text !== '');
  for (let i = 0; i < content.length; i++) {
    const line = content[i] as SourceLine;
    const labelled = line.cells.map(fieldOf);
    if (line.isRow && labelled.filter(Boolean).length >= 2) {
      // Titles in one row, values in the next.
      const values = content[i + 1];
      if (!values || values.cells.some((c) => fieldOf(c) !== undefined)) {
        notes.add(problem('ACTAS-W210', { text: excerpt(line) }, notes.at(line)));
        continue;
      }
      labelled.forEach((field, column) => {
        if (field) set(field, values.cells[column] ?? '', values);
      });
      i += 1;
      continue;
    }
    const colon = line.isRow ? -1 : line.text.indexOf(':');
    const label = line.isRow
      ? fieldOf(line.cells[0] ?? '')
      : colon > 0
        ? fieldOf(line.text.slice(0, colon))
        : undefined;
    if (label) {
      set(label, line.isRow ? (line.cells[1] ?? '') : line.text.slice(colon + 1), line);
      continue;
    }
    notes.add(problem('ACTAS-W204', { section: 'footer', text: excerpt(line) }, notes.at(line)));
  }

  const date = (field: 'prepared_on' | 'next_meeting'): string | null => {
    const entry = found.get(field);
    const value = plainValue(entry?.text);
    if (!entry || value === null) return null;
    const iso = parseDate(value);
    if (iso === null)
      notes.add(problem('ACTAS-W202', { field: fieldNames[field], text: value }, notes.at(entry.line)));
    return iso;
  };
  return {
    prepared_by: plainValue(found.get('prepared_by')?.text),
    prepared_on: date('prepared_on'),
    next_meeting: date('next_meeting'),
    distributed_to: plainValue(found.get('distributed_to')?.text),
  };
}
