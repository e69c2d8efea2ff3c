/**
 * The rules no JSON Schema can say (DESIGN.md and the foundation issue). Each takes a record that
 * already passed the schema and returns located problems; none throws.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Location, Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import { type OrganizationIndex, resolveOrganization } from '../organizations/registry.ts';
import { isPlaceholder, normalizeText } from '../text/normalize.ts';
import { contactKindNames, findContactData } from './contact-data.ts';
import { locate, type SourceMap, toPointer } from './locate.ts';

export interface RuleContext {
  source: SourceMap;
  /** File name without its extension: what the id must equal. */
  baseName: string;
  organizations: OrganizationIndex;
}

type Rule = (record: SessionRecord, ctx: RuleContext) => Problem[];

export const sessionId = (date: string, group: number, session: number) =>
  `${date}-mesa-${group}-sesion-${session}`;

const idRules: Rule = (r, { source, baseName }) => {
  const problems: Problem[] = [];
  const at = locate(source, '/id');
  if (r.id !== baseName) problems.push(problem('ACTAS-E120', { id: r.id, expected: `${r.id}.yaml` }, at));
  const date = r.date ?? r.id.slice(0, 10);
  const expected = sessionId(date, r.working_group.number, r.session_number);
  if (r.id !== expected) problems.push(problem('ACTAS-E121', { id: r.id, expected }, at));
  return problems;
};

/** Numbers, ranks and positions run 1, 2, 3… within a session. */
const numberingRules: Rule = (r, { source }) => {
  const lists = [
    ['initiatives', r.initiatives.map((i) => i.number), 'number'],
    ['prioritization', r.prioritization.map((p) => p.rank), 'rank'],
    ['commitments', r.commitments.map((c) => c.number), 'number'],
  ] as const;
  const problems: Problem[] = [];
  for (const [field, numbers, key] of lists) {
    numbers.forEach((found, i) => {
      if (found !== i + 1) {
        problems.push(
          problem(
            'ACTAS-E123',
            { field, expected: i + 1, found },
            locate(source, toPointer([field, i, key])),
          ),
        );
      }
    });
  }
  return problems;
};

const timeRules: Rule = (r, { source }) => {
  const problems: Problem[] = [];
  const ordered = (start: string | null, end: string | null, at: Location) => {
    if (start && end && end <= start) problems.push(problem('ACTAS-E124', { start, end }, at));
  };
  ordered(r.start_time, r.end_time, locate(source, '/end_time'));
  let previous: string | null = null;
  r.agenda.forEach((item, i) => {
    ordered(item.start_time, item.end_time, locate(source, toPointer(['agenda', i, 'end_time'])));
    const startAt = locate(source, toPointer(['agenda', i, 'start_time']));
    if (item.start_time && previous && item.start_time < previous) {
      problems.push(problem('ACTAS-E125', { time: item.start_time, previous }, startAt));
    }
    previous = item.start_time ?? previous;
    // Only a session with coherent hours can say whether an item falls inside them.
    if (r.start_time && r.end_time && r.start_time < r.end_time) {
      for (const key of ['start_time', 'end_time'] as const) {
        const t = item[key];
        if (t && (t < r.start_time || t > r.end_time)) {
          problems.push(
            problem(
              'ACTAS-E126',
              { time: t, start: r.start_time, end: r.end_time },
              locate(source, toPointer(['agenda', i, key])),
            ),
          );
        }
      }
    }
  });
  return problems;
};

/** convened_on ≤ date ≤ prepared_on, and a next meeting after this one. */
const dateRules: Rule = (r, { source }) => {
  const pairs = [
    ['convened_on', 'date'],
    ['date', 'prepared_on'],
    ['convened_on', 'prepared_on'],
    ['date', 'next_meeting'],
  ] as const;
  const problems: Problem[] = [];
  for (const [earlier, later] of pairs) {
    const a = r[earlier];
    const b = r[later];
    if (a && b && a > b) {
      problems.push(
        problem('ACTAS-E127', { earlier, earlierDate: a, later, laterDate: b }, locate(source, `/${later}`)),
      );
    }
  }
  return problems;
};

const organizationRules: Rule = (r, { source, organizations }) => {
  const named: Array<[string, string | null]> = [
    ...r.attendees.map((a, i): [string, string | null] => [
      toPointer(['attendees', i, 'organization']),
      a.organization,
    ]),
    ...r.initiatives.map((x, i): [string, string | null] => [
      toPointer(['initiatives', i, 'origin']),
      x.origin,
    ]),
  ];
  return named
    .filter(([, name]) => name !== null && !resolveOrganization(organizations, name))
    .map(([pointer, name]) => problem('ACTAS-W150', { name: name as string }, locate(source, pointer)));
};

/** Every string of a value, with its pointer. */
export function* strings(value: unknown, path: Array<string | number> = []): Generator<[string, string]> {
  if (typeof value === 'string') yield [toPointer(path), value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/** Text rules: no contact data, no placeholders standing for null, and normalised text. */
export function textProblems(value: unknown, source: SourceMap): Problem[] {
  const problems: Problem[] = [];
  for (const [pointer, text] of strings(value)) {
    const contact = findContactData(text);
    if (contact)
      problems.push(problem('ACTAS-E128', { kind: contactKindNames[contact] }, locate(source, pointer)));
    if (text !== '' && isPlaceholder(text))
      problems.push(problem('ACTAS-E129', { value: text }, locate(source, pointer)));
    const fix = normalizationFix(pointer, text);
    if (fix) problems.push(problem('ACTAS-E130', { fix }, locate(source, pointer)));
  }
  return problems;
}

function normalizationFix(pointer: string, text: string): string | undefined {
  if (text !== text.normalize('NFC'))
    return 'los acentos no están en forma Unicode NFC; vuelva a escribirlos';
  // The discussion is Markdown: its line breaks and blank lines are content.
  if (pointer === '/discussion' || text === '') return undefined;
  if (text !== normalizeText(text)) {
    return 'tiene espacios al inicio o al final, espacios repetidos, saltos de línea o espacios no separables; déjelo con espacios simples';
  }
  return undefined;
}

export const recordRules: readonly Rule[] = [
  idRules,
  numberingRules,
  timeRules,
  dateRules,
  organizationRules,
];
