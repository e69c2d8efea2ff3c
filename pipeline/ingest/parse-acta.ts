/**
 * The importer's pure core: the lines of one acta in, its canonical record and every warning out.
 * It reads and writes nothing. What it cannot read becomes null plus a warning that quotes the
 * line; what the record cannot exist without (working group, session, date) is an error, and then
 * there is no record at all.
 */
import { problem } from '../errors/catalog/index.ts';
import { type Problem, sortProblems } from '../errors/problem.ts';
import type { RecordSource, SessionRecord } from '../model/index.ts';
import { sessionId } from '../validate/rules.ts';
import { Notes } from './notes.ts';
import { parseDiscussion } from './parse-discussion.ts';
import { parseFooter } from './parse-footer.ts';
import { type Header, parseHeader } from './parse-header.ts';
import { parseInitiatives } from './parse-initiatives.ts';
import { parseAgreements, parseCommitments, parseObservations, parsePrioritization } from './parse-lists.ts';
import { parseProgramme } from './parse-programme.ts';
import { type Sections, sectionOrder, splitSections } from './sections.ts';
import { excerpt, type SourceLine, toSourceLines } from './source-lines.ts';
import { plainValue } from './text-values.ts';
import { readTitle, sessionNumberIn } from './title-line.ts';

export interface ActaContext {
  /** The document's path as shown to people; every problem is located in it. */
  file: string;
  source: RecordSource;
}

export interface ParsedActa {
  /** Absent when the document could not be imported (then `problems` says why). */
  record?: SessionRecord;
  problems: Problem[];
}

const closingSections = ['conclusions', 'commitments', 'observations', 'footer'] as const;

/** Errors that leave no record: not an acta, cut short, or no way to name the record. */
function fatalProblems(
  lines: readonly SourceLine[],
  sections: Sections,
  header: Header,
  notes: Notes,
): Problem[] {
  const content = lines.filter((l) => l.text !== '');
  const last = content[content.length - 1];
  if (!last) return [problem('ACTAS-E205', {}, notes.at())];
  const found = sectionOrder.filter((name) => name !== 'header' && sections[name] !== undefined).length;
  if (!header.title && !header.dateText && found < 2)
    return [problem('ACTAS-E206', {}, notes.at(content[0]))];
  if (closingSections.every((name) => sections[name] === undefined))
    return [problem('ACTAS-E207', { text: excerpt(last) }, notes.at(last))];

  const errors: Problem[] = [];
  const { group, session } = naming(header);
  if (!header.title) errors.push(problem('ACTAS-E208', {}, notes.at(content[0])));
  else {
    const text = excerpt(header.title.text);
    if (!group) errors.push(problem('ACTAS-E209', { text }, notes.at(header.title.line)));
    if (session === undefined) errors.push(problem('ACTAS-E210', { text }, notes.at(header.title.line)));
  }
  if (header.date === null) {
    const written = header.dateText;
    errors.push(
      problem(
        'ACTAS-E211',
        { written: written ? excerpt(written.text) : null },
        notes.at(written?.line ?? content[0]),
      ),
    );
  }
  return errors;
}

/** The working group and session number the record's id needs: from the title, or a "Sesión" cell. */
function naming(header: Header): { group?: { number: number; name: string }; session?: number } {
  const parts = header.title ? readTitle(header.title.text) : {};
  const session =
    parts.session ?? (header.session ? sessionNumberIn(`sesion ${header.session.text}`) : undefined);
  return { ...(parts.group ? { group: parts.group } : {}), ...(session === undefined ? {} : { session }) };
}

export function parseActa(lines: readonly SourceLine[], context: ActaContext): ParsedActa {
  const notes = new Notes(context.file);
  const sections = splitSections(lines);
  const section = (name: keyof Sections) => sections[name] ?? [];
  const header = parseHeader(section('header'), notes);
  const fatal = fatalProblems(lines, sections, header, notes);
  if (fatal.length > 0 || !header.title || !header.date) return { problems: fatal };

  const { group, session: session_number } = naming(header);
  const title = plainValue(header.title.text);
  if (!group || session_number === undefined || title === null) return { problems: fatal };

  const programme = parseProgramme(section('programme'), notes);
  const { attendees, discussion } = parseDiscussion(section('discussion'), notes);
  if (attendees.length === 0) notes.add(problem('ACTAS-W211', {}, notes.at(section('discussion')[0])));
  const footer = parseFooter(section('footer'), notes);
  if (!sections.footer) {
    const last = lines.filter((l) => l.text !== '').pop();
    notes.add(
      problem(
        'ACTAS-W201',
        { label: 'Preparada por / Fecha Elaboración / Próxima reunión / Distribuido a' },
        notes.at(last),
      ),
    );
  }

  const record: SessionRecord = {
    id: sessionId(header.date, group.number, session_number),
    working_group: group,
    session_number,
    title,
    date: header.date,
    start_time: header.start_time,
    end_time: header.end_time,
    location: header.location,
    convened_by: header.convened_by,
    convened_on: header.convened_on,
    objective: programme.objective,
    expected_output: programme.expected_output,
    inputs: programme.inputs,
    agenda: programme.agenda,
    initiatives: parseInitiatives(section('initiatives'), notes),
    prioritization: parsePrioritization(section('prioritization'), notes),
    attendees,
    discussion,
    agreements: parseAgreements(section('conclusions'), notes),
    commitments: parseCommitments(section('commitments'), notes),
    observations: parseObservations(section('observations'), notes),
    ...footer,
    source: context.source,
  };
  return { record, problems: sortProblems(notes.problems) };
}

/** The same, from the document's text (LF or CRLF, with or without BOM). */
export const parseActaText = (text: string, context: ActaContext): ParsedActa =>
  parseActa(toSourceLines(text), context);
