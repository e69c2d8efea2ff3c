/**
 * The corpus of bad inputs: each case builds a records folder (usually the seed record with one
 * mistake) and says exactly which problems `actas validate` must report, with code and location.
 * Good inputs that must be accepted (BOM, CRLF, JSON) are here too, with no expected errors.
 */
import { parse } from 'yaml';

export interface ExpectedProblem {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  pointer?: string;
}

export interface Case {
  name: string;
  /** Files of data/sessions (name → content), built from the seed record's text. */
  files: (seed: string) => Record<string, string | Uint8Array>;
  /** Every problem the run must report, in order (file, line, column). */
  expected: ExpectedProblem[];
  /** Exit code; 1 unless the input is acceptable. */
  exit?: number;
  /** Replace the records folder option (e.g. a folder that does not exist). */
  recordsDir?: string;
}

export const seedFile = '2016-06-30-mesa-3-sesion-2.yaml';
const S = `data/sessions/${seedFile}`;

/** The seed with one exact substring replaced; fails loudly if the substring is not there. */
export function edit(seed: string, from: string, to: string): string {
  if (!seed.includes(from)) throw new Error(`test corpus: "${from}" not in the seed record`);
  return seed.replace(from, to);
}
const one = (content: string) => ({ [seedFile]: content });

export const cases: Case[] = [
  {
    name: 'malformed YAML: bad indentation',
    files: (s) => one(edit(s, '  name: Modernización del Estado', '     name: Modernización del Estado')),
    expected: [{ code: 'ACTAS-E103', file: S, line: 3, column: 11 }],
  },
  {
    name: 'malformed YAML: unclosed quote',
    files: (s) => one(edit(s, '(segunda sesión)"', '(segunda sesión)')),
    expected: [{ code: 'ACTAS-E103', file: S }],
  },
  {
    name: 'duplicate key',
    files: (s) => one(edit(s, 'session_number: 2\n', 'session_number: 2\nsession_number: 3\n')),
    expected: [{ code: 'ACTAS-E104', file: S, line: 6, column: 1 }],
  },
  {
    name: 'wrong type: text where an integer goes',
    files: (s) => one(edit(s, 'session_number: 2', 'session_number: dos')),
    expected: [{ code: 'ACTAS-E112', file: S, line: 5, column: 17, pointer: '/session_number' }],
  },
  {
    name: 'wrong type: a text where a list goes',
    files: (s) =>
      one(
        edit(
          s,
          'observations:\n  - Incluir a open data a transparencia presupuestaria\n  - SEGPRES queda a cargo para generar coordinación.',
          'observations: Incluir a open data',
        ),
      ),
    expected: [{ code: 'ACTAS-E112', pointer: '/observations' }],
  },
  {
    name: 'wrong type: decimal number',
    files: (s) => one(edit(s, 'session_number: 2', 'session_number: 2.5')),
    expected: [{ code: 'ACTAS-E112', line: 5, column: 17, pointer: '/session_number' }],
  },
  {
    name: 'unknown property at the top',
    files: (s) => one(edit(s, 'session_number: 2\n', 'session_number: 2\nfecha: "2016-06-30"\n')),
    expected: [{ code: 'ACTAS-E111', line: 6, column: 1, pointer: '/fecha' }],
  },
  {
    name: 'unknown property in an attendee',
    files: (s) =>
      one(edit(s, '    last_name: Bruhn\n', '    last_name: Bruhn\n    cargo: Jefa de gabinete\n')),
    expected: [{ code: 'ACTAS-E111', pointer: '/attendees/0/cargo' }],
  },
  {
    name: 'missing required field',
    files: (s) => one(edit(s, 'title: "Mesa N°3: Modernización del Estado (segunda sesión)"\n', '')),
    expected: [{ code: 'ACTAS-E110', line: 1, column: 1, pointer: '/title' }],
  },
  {
    name: 'missing required field in an attendee',
    files: (s) => one(edit(s, '  - sector: government\n    last_name: Bruhn\n', '  - last_name: Bruhn\n')),
    expected: [{ code: 'ACTAS-E110', pointer: '/attendees/0/sector' }],
  },
  {
    name: 'impossible date',
    files: (s) => one(edit(s, 'convened_on: "2016-06-22"', 'convened_on: "2016-02-30"')),
    expected: [{ code: 'ACTAS-E113', line: 12, column: 14, pointer: '/convened_on' }],
  },
  {
    name: 'date written the Chilean way',
    files: (s) => one(edit(s, 'prepared_on: "2016-07-11"', 'prepared_on: 11.07.2016')),
    expected: [{ code: 'ACTAS-E113', pointer: '/prepared_on' }],
  },
  {
    name: 'time past midnight: 25:00',
    files: (s) => one(edit(s, 'end_time: "18:00"\nlocation', 'end_time: "25:00"\nlocation')),
    expected: [{ code: 'ACTAS-E114', line: 9, column: 11, pointer: '/end_time' }],
  },
  {
    name: 'time without leading zero in the agenda',
    files: (s) => one(edit(s, '  - start_time: "15:00"', '  - start_time: "9:30"')),
    expected: [{ code: 'ACTAS-E114', pointer: '/agenda/0/start_time' }],
  },
  {
    name: 'id does not match the file name',
    files: (s) => ({ '2016-06-30-mesa-3-sesion-9.yaml': s }),
    expected: [
      {
        code: 'ACTAS-E120',
        file: 'data/sessions/2016-06-30-mesa-3-sesion-9.yaml',
        line: 1,
        column: 5,
        pointer: '/id',
      },
    ],
  },
  {
    name: 'id disagrees with the date',
    files: (s) => one(edit(s, 'date: "2016-06-30"', 'date: "2016-06-29"')),
    expected: [{ code: 'ACTAS-E121', line: 1, column: 5, pointer: '/id' }],
  },
  {
    name: 'invalid id',
    files: (s) => ({ 'sesion-2.yaml': edit(s, 'id: 2016-06-30-mesa-3-sesion-2', 'id: sesion-2') }),
    expected: [
      { code: 'ACTAS-E115', file: 'data/sessions/sesion-2.yaml', line: 1, column: 5, pointer: '/id' },
    ],
  },
  {
    name: 'the same id in two files',
    files: (s) => ({ [seedFile]: s, '2016-06-30-mesa-3-sesion-2.json': JSON.stringify(parseSeedForJson(s)) }),
    // Files are read in name order, so the YAML file is the second to claim the id.
    expected: [{ code: 'ACTAS-E122', file: S, line: 1, column: 5, pointer: '/id' }],
  },
  {
    name: 'YAML alias bomb',
    files: () => ({
      [seedFile]: [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
        '',
      ].join('\n'),
    }),
    expected: [{ code: 'ACTAS-E105', line: 1, column: 1 }],
  },
  {
    name: 'a 20 MB file',
    files: (s) => one(`${s}# ${'x'.repeat(20 * 1024 * 1024)}\n`),
    expected: [{ code: 'ACTAS-E101', line: 1, column: 1 }],
  },
  {
    name: 'invalid UTF-8 (a Latin-1 "ó")',
    files: (s) => {
      const text = edit(s, 'location: Ex Congreso', 'location: Ex Congres\u0000');
      const bytes = new TextEncoder().encode(text);
      bytes[bytes.indexOf(0)] = 0xf3; // "ó" in Latin-1, invalid on its own in UTF-8
      return one(bytes as unknown as string);
    },
    expected: [{ code: 'ACTAS-E102', line: 10, column: 21 }],
  },
  {
    name: 'Latin-1 file saved by an old editor (invalid UTF-8 in the first line)',
    files: () => one(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]) as unknown as string),
    expected: [{ code: 'ACTAS-E102', line: 1, column: 5 }],
  },
  {
    name: 'UTF-8 BOM is accepted',
    files: (s) => one(`\uFEFF${s}`),
    expected: [],
    exit: 0,
  },
  {
    name: 'CRLF line ends are accepted',
    files: (s) => one(s.replace(/\n/g, '\r\n')),
    expected: [],
    exit: 0,
  },
  {
    name: 'a record in JSON is accepted',
    files: (s) => ({ '2016-06-30-mesa-3-sesion-2.json': JSON.stringify(parseSeedForJson(s), null, 2) }),
    expected: [],
    exit: 0,
  },
  {
    name: 'JSON with a syntax error',
    files: (s) => ({
      '2016-06-30-mesa-3-sesion-2.json': JSON.stringify(parseSeedForJson(s), null, 2).replace(
        '"title"',
        '"title" "x"',
      ),
    }),
    expected: [
      { code: 'ACTAS-E103', file: 'data/sessions/2016-06-30-mesa-3-sesion-2.json', line: 8, column: 11 },
    ],
  },
  {
    name: 'empty file',
    files: () => one(''),
    expected: [{ code: 'ACTAS-E106', line: 1, column: 1 }],
  },
  {
    name: 'file with only blank lines and a comment',
    files: () => one('\n\n# nada\n'),
    expected: [{ code: 'ACTAS-E106', line: 1, column: 1 }],
  },
  {
    name: 'a list instead of a record',
    files: () => one('- id: 2016-06-30-mesa-3-sesion-2\n'),
    expected: [{ code: 'ACTAS-E108', line: 1, column: 1 }],
  },
  {
    name: 'two YAML documents in one file',
    files: (s) => one(`${s}---\n${s}`),
    expected: [{ code: 'ACTAS-E109' }],
  },
  {
    name: 'a folder with no records',
    files: () => ({}),
    expected: [{ code: 'ACTAS-E100', file: 'data/sessions' }],
  },
  {
    name: 'records folder that does not exist',
    files: () => ({}),
    recordsDir: 'data/sesiones',
    expected: [{ code: 'ACTAS-E004' }],
  },
  {
    name: 'a Word document dropped among the records',
    files: (s) => ({ [seedFile]: s, 'acta-julio.docx': 'PK\u0003\u0004' }),
    expected: [{ code: 'ACTAS-E107', file: 'data/sessions/acta-julio.docx' }],
  },
  {
    name: 'an e-mail address in the discussion',
    files: (s) =>
      one(
        edit(s, 'recapitulando y retomando', 'recapitulando (escribir a rmora@segpres.gob.cl) y retomando'),
      ),
    expected: [{ code: 'ACTAS-E128', pointer: '/discussion' }],
  },
  {
    name: 'a phone number in an attendee field',
    files: (s) => one(edit(s, 'first_name: Valeria', 'first_name: Valeria +56 9 8765 4321')),
    expected: [{ code: 'ACTAS-E128', pointer: '/attendees/0/first_name' }],
  },
  {
    name: 'a Chilean RUT with a valid check digit',
    files: (s) => one(edit(s, 'prepared_by: AMG/CMM', 'prepared_by: AMG/CMM (12.345.678-5)')),
    expected: [{ code: 'ACTAS-E128', pointer: '/prepared_by' }],
  },
  {
    name: 'a number that looks like a RUT but has a wrong check digit is not contact data',
    files: (s) => one(edit(s, 'prepared_by: AMG/CMM', 'prepared_by: AMG/CMM (12.345.678-9)')),
    expected: [],
    exit: 0,
  },
  {
    name: 'sector not in the list',
    files: (s) =>
      one(
        edit(s, '  - sector: government\n    last_name: Bruhn', '  - sector: gobierno\n    last_name: Bruhn'),
      ),
    expected: [{ code: 'ACTAS-E116', pointer: '/attendees/0/sector' }],
  },
  {
    name: 'session number zero',
    files: (s) => one(edit(s, 'session_number: 2', 'session_number: 0')),
    expected: [{ code: 'ACTAS-E117', pointer: '/session_number' }],
  },
  {
    name: 'empty title',
    files: (s) => one(edit(s, 'title: "Mesa N°3: Modernización del Estado (segunda sesión)"', 'title: ""')),
    expected: [{ code: 'ACTAS-E118', pointer: '/title' }],
  },
  {
    name: 'initiative numbers skip one',
    files: (s) => one(edit(s, '  - number: 2\n    name: Campaña', '  - number: 12\n    name: Campaña')),
    expected: [{ code: 'ACTAS-E123', pointer: '/initiatives/1/number' }],
  },
  {
    name: 'session ends before it starts',
    files: (s) => one(edit(s, 'end_time: "18:00"\nlocation', 'end_time: "14:00"\nlocation')),
    // The agenda is not also reported as outside hours that are themselves impossible.
    expected: [{ code: 'ACTAS-E124', line: 9, column: 11, pointer: '/end_time' }],
  },
  {
    name: 'agenda out of order',
    files: (s) =>
      one(
        edit(
          s,
          '  - start_time: "16:30"\n    end_time: "16:45"',
          '  - start_time: "15:30"\n    end_time: "16:45"',
        ),
      ),
    expected: [{ code: 'ACTAS-E125', pointer: '/agenda/3/start_time' }],
  },
  {
    name: 'agenda item outside the session hours',
    files: (s) =>
      one(
        edit(
          s,
          '  - start_time: "17:40"\n    end_time: "18:00"',
          '  - start_time: "17:40"\n    end_time: "18:30"',
        ),
      ),
    expected: [{ code: 'ACTAS-E126', pointer: '/agenda/5/end_time' }],
  },
  {
    name: 'minutes prepared before the session',
    files: (s) => one(edit(s, 'prepared_on: "2016-07-11"', 'prepared_on: "2016-06-11"')),
    expected: [
      { code: 'ACTAS-E127', pointer: '/prepared_on' },
      { code: 'ACTAS-E127', pointer: '/prepared_on' },
    ],
  },
  {
    name: 'placeholder written as text instead of null',
    files: (s) => one(edit(s, 'next_meeting: null', 'next_meeting: N/A')),
    expected: [
      { code: 'ACTAS-E113', pointer: '/next_meeting' },
      { code: 'ACTAS-E129', pointer: '/next_meeting' },
    ],
  },
  {
    name: 'text with double spaces',
    files: (s) => one(edit(s, 'location: Ex Congreso, Morandé 441', 'location: Ex Congreso,  Morandé 441')),
    expected: [{ code: 'ACTAS-E130', pointer: '/location' }],
  },
  {
    name: 'an organisation missing from the registry is a warning, not an error',
    files: (s) => one(edit(s, 'organization: Gouvernance Chile', 'organization: Fundación Nueva')),
    expected: [{ code: 'ACTAS-W150', pointer: '/attendees/16/organization' }],
    exit: 0,
  },
];

/** The seed as a plain object (for the JSON variants). */
function parseSeedForJson(seed: string): unknown {
  return parse(seed);
}
