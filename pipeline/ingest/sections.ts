/**
 * Cuts the acta into the sections of the template, which always come in this order: header,
 * programme, initiatives, prioritisation, discussion (attendees and text), conclusions, summary of
 * commitments, observations, footer. Any of them may be missing; a section starts at its landmark
 * line (a heading, or a table's title row) and runs to the next landmark of a later section.
 */
import { splitTimeRange, startsWithTime } from './dates.ts';
import type { SourceLine } from './source-lines.ts';
import { labelKey } from './text-values.ts';

export const sectionOrder = [
  'header',
  'programme',
  'initiatives',
  'prioritization',
  'discussion',
  'conclusions',
  'commitments',
  'observations',
  'footer',
] as const;
export type SectionName = (typeof sectionOrder)[number];
export type Sections = Partial<Record<SectionName, SourceLine[]>>;

/** A heading without its decoration: Roman or Arabic numbering ("II.") and Markdown bold. */
export const headingKey = (text: string): string =>
  labelKey(text.replace(/^\s*(?:[ivxlc]+|\d+)[.)]\s+/i, ''));
const hasRomanNumber = (text: string) => /^\s*[ivxlc]+[.)]\s+/i.test(text);

const footerLabels = [
  /^(?:preparad[ao]|elaborad[ao]|redactad[ao]) por$/,
  /^fecha (?:de )?(?:elaboracion|preparacion)$/,
  /^(?:fecha )?(?:de )?(?:la )?proxima reunion$/,
  /^distribuid[ao] a$|^distribucion$/,
];
export const footerLabelIndex = (cell: string): number =>
  footerLabels.findIndex((re) => re.test(labelKey(cell)));

/** The footer's title row ("Preparada por | Fecha Elaboración | …"), or its first label line. */
export function isFooterStart(line: SourceLine): boolean {
  if (line.isRow) return line.cells.filter((c) => footerLabelIndex(c) >= 0).length >= 2;
  return /^(?:preparad[ao]|elaborad[ao]|redactad[ao]) por\b/.test(labelKey(line.text));
}

/** "Convocados gobierno", "Sociedad civil:", "Asistentes sociedad civil": which sector a table lists. */
export function sectorOfGroupLine(line: SourceLine): 'government' | 'civil_society' | undefined {
  if (line.isRow) return undefined;
  const key = labelKey(line.text);
  const match =
    /^(?:(?:convocad|invitad|asistent|participant|representant)[aeos]*\s+)?(?:(?:de|del|por)\s+(?:el\s+|la\s+)?)?(gobierno|sector publico|estado|instituciones publicas|sociedad civil|organizaciones de (?:la )?sociedad civil)$/.exec(
      key,
    );
  if (!match) return undefined;
  return /sociedad civil/.test(match[1] ?? '') ? 'civil_society' : 'government';
}

/** An attendee table's title row: "Apellido | Nombre | Institución". */
export const isAttendeeHeader = (line: SourceLine): boolean =>
  line.isRow &&
  line.cells.some((c) => /^apellidos?$/.test(labelKey(c))) &&
  line.cells.some((c) => /^nombres?$/.test(labelKey(c)));

/** An initiatives table's title row: "| Nombre | Origen | Resultado sesión 1". */
export const isInitiativesHeader = (line: SourceLine): boolean =>
  line.isRow &&
  line.cells.some((c) => /^(?:nombre|iniciativa)/.test(labelKey(c))) &&
  line.cells.some((c) => /^(?:origen|propuest[ao] por|proponente)/.test(labelKey(c)));

export const isDiscussionHeading = (text: string): boolean =>
  /^(?:discusion|desarrollo(?: de la (?:sesion|reunion))?|asistentes?|asistencia)$/.test(headingKey(text));

const index = (name: SectionName) => sectionOrder.indexOf(name);

/** Whether an initiatives title row comes within the next few lines: a "Lista iniciativas" heading
 * without its table is text (an expected product may well start with those words). */
function tableFollows(lines: readonly SourceLine[], from: number): boolean {
  const next = lines
    .slice(from + 1)
    .filter((l) => l.text !== '')
    .slice(0, 3);
  return next.some(isInitiativesHeader);
}

/** The section line `i` opens, if it is a landmark of a section after `current`. */
function landmark(lines: readonly SourceLine[], i: number, current: SectionName): SectionName | undefined {
  const line = lines[i] as SourceLine;
  const at = index(current);
  const after = (name: SectionName) => index(name) > at;
  const key = headingKey(line.text);
  if (line.text === '') return undefined;

  if (after('footer') && at >= index('programme') && isFooterStart(line)) return 'footer';
  if (line.isRow) {
    if (after('initiatives') && isInitiativesHeader(line)) return 'initiatives';
    if (after('discussion') && isAttendeeHeader(line)) return 'discussion';
    return undefined;
  }
  // Observations are only a section after the conclusions: an "Obs:" inside the discussion stays there.
  if (after('observations') && at >= index('conclusions') && /^obs(?:ervacion(?:es)?)?\b/.test(key))
    return 'observations';
  if (after('commitments') && /^resumen de (?:los )?compromisos\b/.test(key)) return 'commitments';
  if (
    after('conclusions') &&
    /^(?:conclusiones?|acuerdos)(?: y acuerdos| de la sesion)?$|^conclusiones?\s*:/.test(labelKey(line.text))
  )
    return 'conclusions';
  if (after('discussion') && (isDiscussionHeading(line.text) || sectorOfGroupLine(line))) return 'discussion';
  // In the programme, "Priorización de iniciativas" is an agenda title: there a heading must say
  // "Propuesta de priorización" or carry a Roman number to open the section.
  if (
    after('prioritization') &&
    /^(?:propuesta (?:de )?)?priorizacion\b/.test(key) &&
    (current !== 'programme' || key.startsWith('propuesta') || hasRomanNumber(line.text))
  )
    return 'prioritization';
  if (
    after('initiatives') &&
    /^(?:lista (?:de )?(?:las )?)?iniciativas\b/.test(key) &&
    tableFollows(lines, i)
  )
    return 'initiatives';
  if (
    current === 'header' &&
    (/^programa\b/.test(key) || /^objetivos?\b.*:/.test(labelKey(line.text)) || startsWithTime(line.text))
  )
    return 'programme';
  return undefined;
}

/**
 * In the programme, the line after a time range is that item's title and the line after a bare
 * label ("Producto de la sesión:") is its value, whatever they say: neither opens a section.
 */
function opensValueSlot(line: SourceLine): boolean {
  const range = splitTimeRange(line.text);
  if (range) return range.rest === '';
  return startsWithTime(line.text) || /:$/.test(line.text);
}

export function splitSections(lines: readonly SourceLine[]): Sections {
  const sections: Sections = { header: [] };
  let current: SectionName = 'header';
  let slot = false;
  lines.forEach((line, i) => {
    const opened = slot ? undefined : landmark(lines, i, current);
    if (opened) {
      current = opened;
      sections[current] = [];
    }
    sections[current]?.push(line);
    if (line.text === '') return;
    slot = current === 'programme' && opensValueSlot(line);
  });
  return sections;
}
