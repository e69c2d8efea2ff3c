/**
 * The header table: pairs of a label cell and a value cell ("Lugar | Ex Congreso…", "FECHA |
 * 30.06.2016", "HORA INICIO | 15:00"). In a Word table or a text export, labels may be in any case,
 * with or without accents; "Label: value" paragraphs are read too.
 */
import { problem } from '../errors/catalog/index.ts';
import { parseDate, parseTime, splitTimeRange } from './dates.ts';
import type { Notes } from './notes.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { labelKey, plainValue, splitLabel } from './text-values.ts';

type HeaderField =
  | 'convened_by'
  | 'convened_on'
  | 'title'
  | 'location'
  | 'date'
  | 'start_time'
  | 'end_time'
  | 'hours'
  | 'session';

const labels: ReadonlyArray<[RegExp, HeaderField]> = [
  [/^(?:reunion )?convocad[ao] por$|^convoca$/, 'convened_by'],
  [/^fecha (?:de )?(?:la )?convocatoria$/, 'convened_on'],
  [/^nombre de la mesa$|^mesa(?: de trabajo)?$/, 'title'],
  [/^lugar$/, 'location'],
  [/^fecha(?: de la)?(?: sesion| reunion)?$/, 'date'],
  [/^hora (?:de )?inicio$|^inicio$/, 'start_time'],
  [/^hora (?:de )?(?:fin|termino|cierre)$|^(?:fin|termino)$/, 'end_time'],
  [/^(?:hora|horario)$/, 'hours'],
  [/^(?:n° |numero de |nro )?sesion$/, 'session'],
];

/** The Spanish label named in a "missing" warning. */
const labelNames: Record<Exclude<HeaderField, 'hours' | 'session' | 'title'>, string> = {
  convened_by: 'Reunión convocada por',
  convened_on: 'Fecha convocatoria',
  location: 'Lugar',
  date: 'FECHA',
  start_time: 'HORA INICIO',
  end_time: 'HORA FIN',
};

const fieldOf = (cell: string): HeaderField | undefined =>
  labels.find(([re]) => re.test(labelKey(cell)))?.[1];

export interface HeaderValue {
  text: string;
  line: SourceLine;
}

export interface Header {
  title?: HeaderValue;
  session?: HeaderValue;
  convened_by: string | null;
  convened_on: string | null;
  location: string | null;
  date: string | null;
  /** The date cell as written, for the error when it cannot be read. */
  dateText?: HeaderValue;
  start_time: string | null;
  end_time: string | null;
}

/** Every label → value pair of the header, first occurrence wins. */
function collectPairs(lines: readonly SourceLine[], notes: Notes): Map<HeaderField, HeaderValue> {
  const pairs = new Map<HeaderField, HeaderValue>();
  const set = (field: HeaderField, text: string, line: SourceLine) => {
    if (!pairs.has(field)) pairs.set(field, { text, line });
  };
  let pendingLabel: HeaderField | undefined;
  for (const line of lines) {
    if (line.text === '') continue;
    if (line.isRow) {
      const leftovers: string[] = [];
      for (let i = 0; i < line.cells.length; i++) {
        const cell = line.cells[i] ?? '';
        const field = fieldOf(cell);
        if (!field) {
          if (cell !== '') leftovers.push(cell);
          continue;
        }
        // The value is the next cell, unless that cell is itself a label (then the value is empty).
        const next = line.cells[i + 1];
        if (next !== undefined && fieldOf(next) === undefined) {
          set(field, next, line);
          i += 1;
        } else set(field, '', line);
      }
      if (leftovers.length > 0)
        notes.add(problem('ACTAS-W204', { section: 'header', text: excerpt(line) }, notes.at(line)));
      pendingLabel = undefined;
      continue;
    }
    if (pendingLabel) {
      set(pendingLabel, line.text, line);
      pendingLabel = undefined;
      continue;
    }
    const whole = fieldOf(line.text);
    const split = splitLabel(line.text);
    const labelled = split ? labels.find(([re]) => re.test(split.key))?.[1] : undefined;
    if (whole) pendingLabel = whole;
    else if (labelled && split) set(labelled, split.value, line);
    else if (/^mesa\b/i.test(line.text)) set('title', line.text, line);
    // The document's own title ("ACTA DE REUNIÓN") says nothing the record keeps.
    else if (/^acta\b/.test(labelKey(line.text))) continue;
    else notes.add(problem('ACTAS-W204', { section: 'header', text: excerpt(line) }, notes.at(line)));
  }
  return pairs;
}

export function parseHeader(lines: readonly SourceLine[], notes: Notes): Header {
  const pairs = collectPairs(lines, notes);
  const missing = (field: keyof typeof labelNames) =>
    notes.add(
      problem('ACTAS-W201', { label: labelNames[field] }, notes.at(lines.find((l) => l.text !== ''))),
    );

  const text = (field: 'convened_by' | 'location'): string | null => {
    const pair = pairs.get(field);
    if (!pair) missing(field);
    return plainValue(pair?.text);
  };
  const date = (field: 'convened_on' | 'date'): string | null => {
    const pair = pairs.get(field);
    if (!pair) {
      if (field !== 'date') missing(field);
      return null;
    }
    const value = plainValue(pair.text);
    const iso = value === null ? null : parseDate(value);
    if (value !== null && iso === null && field !== 'date')
      notes.add(problem('ACTAS-W202', { field: labelNames[field], text: value }, notes.at(pair.line)));
    return iso;
  };
  const hours = pairs.get('hours');
  const range = hours ? splitTimeRange(hours.text) : undefined;
  if (hours && !range && plainValue(hours.text) !== null)
    notes.add(problem('ACTAS-W203', { field: 'Horario', text: hours.text }, notes.at(hours.line)));
  const time = (field: 'start_time' | 'end_time', fromRange: string | undefined): string | null => {
    const pair = pairs.get(field);
    if (!pair && fromRange === undefined) {
      if (!hours) missing(field);
      return null;
    }
    const written = pair ? plainValue(pair.text) : fromRange;
    if (written === null || written === undefined) return null;
    const hhmm = parseTime(written);
    if (hhmm === null)
      notes.add(
        problem(
          'ACTAS-W203',
          { field: labelNames[field], text: written },
          notes.at(pair?.line ?? hours?.line),
        ),
      );
    return hhmm;
  };

  const header: Header = {
    convened_by: text('convened_by'),
    convened_on: date('convened_on'),
    location: text('location'),
    date: date('date'),
    start_time: time('start_time', range?.start),
    end_time: time('end_time', range?.end),
  };
  const title = pairs.get('title');
  if (title && plainValue(title.text) !== null) header.title = title;
  const session = pairs.get('session');
  if (session) header.session = session;
  const dateText = pairs.get('date');
  if (dateText) header.dateText = dateText;
  return header;
}
