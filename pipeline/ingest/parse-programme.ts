/**
 * The programme: time ranges, each followed by its title ("15:00 – 15:10" / "Presentación de
 * participantes…"), and inside it the session's objective, inputs and expected product. Lines
 * before the first time range are the programme's own heading ("Programa sesión Mesas OGP …").
 */
import { problem } from '../errors/catalog/index.ts';
import type { AgendaItem } from '../model/index.ts';
import { parseTime, splitTimeRange, startsWithTime } from './dates.ts';
import type { Notes } from './notes.ts';
import { headingKey } from './sections.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { continuesAcrossBreak, labelKey, listItem, plainValue, splitLabel } from './text-values.ts';

export interface Programme {
  agenda: AgendaItem[];
  objective: string | null;
  inputs: string[];
  expected_output: string | null;
}

type ProgrammeLabel = 'objective' | 'inputs' | 'expected_output';

const session = '(?: (?:de )?(?:la )?(?:sesion|reunion))?';
const programmeLabels: ReadonlyArray<[RegExp, ProgrammeLabel]> = [
  [new RegExp(`^objetivos?${session}$`), 'objective'],
  [new RegExp(`^insumos?${session}$`), 'inputs'],
  [new RegExp(`^(?:producto|resultado)s?(?: esperados?)?${session}(?: esperados?)?$`), 'expected_output'],
];

function programmeLabel(text: string): { field: ProgrammeLabel; value: string } | undefined {
  const split = splitLabel(text);
  const key = split ? split.key : labelKey(text);
  const field = programmeLabels.find(([re]) => re.test(key))?.[1];
  return field ? { field, value: split?.value ?? '' } : undefined;
}

/** Something text can still be added to when the next line continues it across a page break. */
interface Target {
  get(): string;
  set(text: string): void;
}

export function parseProgramme(lines: readonly SourceLine[], notes: Notes): Programme {
  const programme: Programme = { agenda: [], objective: null, inputs: [], expected_output: null };
  const section = 'programme';
  let label: ProgrammeLabel | undefined;
  let last: Target | undefined;
  let untitled: { start_time: string | null; end_time: string | null; line: SourceLine } | undefined;

  const addItem = (item: AgendaItem) => {
    programme.agenda.push(item);
    last = { get: () => item.title, set: (t) => (item.title = t) };
  };
  const time = (text: string, line: SourceLine): string | null => {
    const hhmm = parseTime(text);
    if (hhmm === null) notes.add(problem('ACTAS-W207', { text: excerpt(line) }, notes.at(line)));
    return hhmm;
  };
  const dropUntitled = () => {
    if (untitled) notes.add(problem('ACTAS-W208', { text: excerpt(untitled.line) }, notes.at(untitled.line)));
    untitled = undefined;
  };
  const setField = (field: 'objective' | 'expected_output', text: string, line: SourceLine) => {
    const value = plainValue(text);
    if (value === null) return;
    if (programme[field] !== null) {
      notes.add(problem('ACTAS-W204', { section, text: excerpt(line) }, notes.at(line)));
      return;
    }
    programme[field] = value;
    last = { get: () => programme[field] ?? '', set: (t) => (programme[field] = t) };
  };
  const addInput = (text: string) => {
    const value = plainValue(text);
    if (value === null) return;
    const i = programme.inputs.push(value) - 1;
    last = { get: () => programme.inputs[i] ?? '', set: (t) => (programme.inputs[i] = t) };
  };

  const body = lines[0] && /^programa\b/.test(headingKey(lines[0].text)) ? lines.slice(1) : lines;
  for (const line of body) {
    if (line.text === '') continue;
    const range = splitTimeRange(line.text);
    if (range || startsWithTime(line.text)) {
      dropUntitled();
      label = undefined;
      const start_time = range ? time(range.start, line) : null;
      const end_time = range ? time(range.end, line) : null;
      if (!range) notes.add(problem('ACTAS-W207', { text: excerpt(line) }, notes.at(line)));
      const title = range ? plainValue(range.rest) : null;
      if (title !== null) addItem({ start_time, end_time, title });
      else untitled = { start_time, end_time, line };
      continue;
    }
    const labelled = programmeLabel(line.text);
    if (untitled && !labelled) {
      const title = plainValue(line.text);
      if (title !== null) addItem({ start_time: untitled.start_time, end_time: untitled.end_time, title });
      untitled = undefined;
      continue;
    }
    dropUntitled();
    if (labelled) {
      label = labelled.field;
      last = undefined;
      if (labelled.field === 'inputs') addInput(labelled.value);
      else setField(labelled.field, labelled.value, line);
      continue;
    }
    const item = listItem(line.text);
    const text = item ? item.text : line.text;
    if (last && !item && continuesAcrossBreak(last.get(), text)) {
      last.set(`${last.get()} ${plainValue(text) ?? ''}`.trim());
    } else if (label === 'inputs') {
      addInput(text);
    } else if (label && !item && programme[label] === null) {
      setField(label, text, line);
    } else if (programme.agenda.length > 0 || label) {
      notes.add(problem('ACTAS-W204', { section, text: excerpt(line) }, notes.at(line)));
    }
  }
  dropUntitled();
  return programme;
}
