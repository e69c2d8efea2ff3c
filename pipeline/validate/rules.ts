/**
 * The rules no JSON Schema can say (DESIGN.md and the foundation issue). Each takes a record that
 * already passed the schema and returns located problems; none throws.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import { type OrganizationIndex, resolveOrganization } from '../organizations/registry.ts';
import { isPlaceholder } from '../text/normalize.ts';
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
  if (r.id !== baseName)
    problems.push(problem('ACTAS-E120', { id: r.id, expected: `${r.id}.yaml` }, locate(source, '/id')));
  const date = r.date ?? r.id.slice(0, 10);
  const expected = sessionId(date, r.working_group.number, r.session_number);
  if (r.id !== expected) problems.push(problem('ACTAS-E121', { id: r.id, expected }, locate(source, '/id')));
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
  const ordered = (start: string | null, end: string | null, pointer: string) => {
    if (start && end && end <= start)
      problems.push(problem('ACTAS-E124', { start, end }, locate(source, pointer)));
  };
  ordered(r.start_time, r.end_time, '/end_time');
  let previous: string | null = null;
  r.agenda.forEach((item, i) => {
    ordered(item.start_time, item.end_time, toPointer(['agenda', i, 'end_time']));
    if (item.start_time && previous && item.start_time < previous) {
      const at = locate(source, toPointer(['agenda', i, 'start_time']));
      problems.push(problem('ACTAS-E125', { time: item.start_time, previous }, at));
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

/**
 * Calls `visit` with every string of a value and the path to it. The path is one array, pushed
 * and popped on the way down: a record has hundreds of strings, and 10,000 records millions.
 * `visit` must copy the path if it keeps it.
 */
function eachString(
  value: unknown,
  visit: (path: ReadonlyArray<string | number>, text: string) => void,
  path: Array<string | number> = [],
): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      eachString(value[i], visit, path);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      path.push(key);
      eachString((value as Record<string, unknown>)[key], visit, path);
      path.pop();
    }
  }
}

/** Text rules: no contact data, no placeholders standing for null, and normalised text. */
export function textProblems(value: unknown, source: SourceMap): Problem[] {
  const problems: Problem[] = [];
  eachString(value, (path, text) => {
    // `source` is machine-written (a file name and a hash): a hash's digits can look like a phone.
    if (path[0] === 'source') return;
    const contact = findContactData(text);
    const placeholder = text !== '' && isPlaceholder(text);
    const fix = normalizationFix(path.length === 1 && path[0] === 'discussion', text);
    if (!contact && !placeholder && !fix) return;
    const at = locate(source, toPointer(path));
    if (contact) problems.push(problem('ACTAS-E128', { kind: contactKindNames[contact] }, at));
    if (placeholder) problems.push(problem('ACTAS-E129', { value: text }, at));
    if (fix) problems.push(problem('ACTAS-E130', { fix }, at));
  });
  return problems;
}

const plainAscii = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

function normalizationFix(isMarkdown: boolean, text: string): string | undefined {
  // Most values are plain ASCII words with single spaces: normalised by construction.
  if (plainAscii.test(text)) return undefined;
  if (text !== text.normalize('NFC'))
    return 'los acentos no están en forma Unicode NFC; vuelva a escribirlos';
  // The discussion is Markdown: its line breaks and blank lines are content.
  if (isMarkdown || text === '') return undefined;
  // NFC already holds: the text is normalised unless some white space is at an end, repeated or not a plain space.
  if (/^\s|\s$|\s\s|[^\S ]/u.test(text)) {
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
