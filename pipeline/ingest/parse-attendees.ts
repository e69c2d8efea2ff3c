/**
 * Attendee tables: a sector row ("Convocados gobierno", "Convocados Sociedad civil"), a title row
 * ("Apellido | Nombre | Institución" or "… | Organización"), then one row per person. A row that
 * starts with an empty cell continues the row above (a page break inside the table).
 */
import { problem } from '../errors/catalog/index.ts';
import type { Attendee, Sector } from '../model/index.ts';
import type { Notes } from './notes.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { labelKey, plainValue } from './text-values.ts';

type Column = 'last_name' | 'first_name' | 'organization';
export type AttendeeColumns = Partial<Record<Column, number>>;

const table = 'attendees';
export const templateAttendeeColumns: AttendeeColumns = { last_name: 0, first_name: 1, organization: 2 };

export function attendeeColumnsOf(header: SourceLine, notes: Notes): AttendeeColumns {
  const columns: AttendeeColumns = {};
  header.cells.forEach((cell, i) => {
    const key = labelKey(cell);
    let column: Column | undefined;
    if (/^apellidos?$/.test(key)) column = 'last_name';
    else if (/^nombres?$/.test(key)) column = 'first_name';
    else if (/^(?:institucion|organizacion|servicio|entidad|organismo)/.test(key)) column = 'organization';
    if (column && columns[column] === undefined) columns[column] = i;
    // A "N°" column only counts rows; anything else (cargo, correo…) is not in the data model.
    else if (key !== '' && !/^(?:n°|#|numero|nro)$/.test(key))
      notes.add(problem('ACTAS-W212', { table, column: cell }, notes.at(header)));
  });
  return columns;
}

interface Draft {
  sector: Sector;
  cells: Partial<Record<Column, string>>;
  line: SourceLine;
}

/** Reads attendee rows as they come; `finish` turns them into records. */
export class AttendeeTable {
  private drafts: Draft[] = [];
  sector: Sector | undefined;
  columns: AttendeeColumns | undefined;

  constructor(private readonly notes: Notes) {}

  addRow(line: SourceLine): void {
    if (!this.columns) {
      this.notes.add(problem('ACTAS-W215', { table, text: excerpt(line) }, this.notes.at(line)));
      this.columns = templateAttendeeColumns;
    }
    const columns = this.columns;
    const cell = (column: Column) => {
      const i = columns[column];
      return i === undefined ? undefined : line.cells[i];
    };
    const previous = this.drafts[this.drafts.length - 1];
    if (line.cells[0] === '' && previous) {
      for (const column of ['last_name', 'first_name', 'organization'] as const) {
        const more = cell(column);
        if (more) previous.cells[column] = [previous.cells[column], more].filter(Boolean).join(' ');
      }
      return;
    }
    if (!this.sector) {
      this.notes.add(problem('ACTAS-W206', { text: excerpt(line) }, this.notes.at(line)));
      return;
    }
    const cells: Draft['cells'] = {};
    for (const column of ['last_name', 'first_name', 'organization'] as const) {
      const value = cell(column);
      if (value !== undefined) cells[column] = value;
    }
    this.drafts.push({ sector: this.sector, cells, line });
  }

  finish(): Attendee[] {
    const attendees: Attendee[] = [];
    for (const draft of this.drafts) {
      const last_name = plainValue(draft.cells.last_name);
      if (last_name === null) {
        this.notes.add(
          problem(
            'ACTAS-W205',
            { table, missing: 'last_name', text: excerpt(draft.line) },
            this.notes.at(draft.line),
          ),
        );
        continue;
      }
      attendees.push({
        sector: draft.sector,
        last_name,
        first_name: plainValue(draft.cells.first_name),
        organization: plainValue(draft.cells.organization),
      });
    }
    return attendees;
  }
}
