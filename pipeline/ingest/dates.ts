/**
 * Dates and times as actas write them, to ISO dates and HH:MM. A value is read only when all of it
 * is understood (a weekday and punctuation may surround a date, "hrs." may follow a time): a
 * partial guess would be an invented value, so anything else is null and the caller warns.
 */
import { foldAccents, normalizeText } from '../text/normalize.ts';

const months: Readonly<Record<string, number>> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

const weekday = /\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/g;

const datePatterns: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }> = [
  // 2016-06-30
  { re: /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  // 30.06.2016, 22-06-2016, 30/06/2016 (the same separator twice), and two-digit years
  {
    re: /(?<!\d)(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/,
    parts: (m) => [m[4] ?? '', m[3] ?? '', m[1] ?? ''],
  },
  // 14 de julio de 2016, 1° de julio del 2016, 14 julio 2016
  {
    re: /(?<!\d)(\d{1,2})\s*[°º]?\s*(?:de\s+)?([a-z]+)\s*(?:de(?:l)?\s+|,\s*)?(\d{4})(?!\d)/,
    parts: (m) => [m[3] ?? '', String(months[m[2] ?? ''] ?? ''), m[1] ?? ''],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: string, month: string, day: string): string | null {
  const y = year.length === 2 ? 2000 + Number(year) : Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!month || y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > daysInMonth ? null : `${y}-${pad(m)}-${pad(d)}`;
}

/** An ISO date (YYYY-MM-DD), or null when the text is not exactly one readable date. */
export function parseDate(text: string): string | null {
  const folded = foldAccents(normalizeText(text));
  for (const { re, parts } of datePatterns) {
    const match = re.exec(folded);
    if (!match) continue;
    const rest = (folded.slice(0, match.index) + folded.slice(match.index + match[0].length)).replace(
      weekday,
      '',
    );
    if (/[\p{L}\p{N}]/u.test(rest)) return null;
    return isoDate(...parts(match));
  }
  return null;
}

/** One time as written: 9:30, 15:00, 15.00, 15h30, 15:00 hrs., 15 hrs. */
export const timeToken = String.raw`\d{1,2}(?:\s*[:.]\s*\d{2}|h\d{2})?(?:\s*(?:hrs?|horas?|h)\b\.?)?`;

/** HH:MM, or null when the text is not exactly one readable time. */
export function parseTime(text: string): string | null {
  const folded = foldAccents(normalizeText(text));
  const match = /^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(hrs?|horas?|h)?\.?$/.exec(folded);
  if (!match) return null;
  const [, hours, minutes, suffix] = match;
  // A bare number ("15") could be anything; with "hrs." it is an hour.
  if (minutes === undefined && suffix === undefined) return null;
  const h = Number(hours);
  const m = Number(minutes ?? '0');
  return h > 23 || m > 59 ? null : `${pad(h)}:${pad(m)}`;
}

export interface TimeRangeText {
  start: string;
  end: string;
  /** What follows the range on the same line (an agenda title written inline), or ''. */
  rest: string;
}

const rangePattern = new RegExp(
  String.raw`^(?:de(?:sde)?\s+)?(${timeToken})\s*(?:–|—|-|\ba\b|\bal\b|\bhasta\b)\s*(${timeToken})(?=\s|$)\s*(.*)$`,
  'iu',
);

/** "15:00 – 15:10", "9:30 a 10:00", "15:00 hrs. - 16:00 hrs." (as text, not yet checked). */
export function splitTimeRange(text: string): TimeRangeText | undefined {
  const match = rangePattern.exec(normalizeText(text));
  if (!match) return undefined;
  return { start: match[1] ?? '', end: match[2] ?? '', rest: match[3] ?? '' };
}

/** Whether a line starts with something shaped like a time: an agenda time range, read or not. */
export const startsWithTime = (text: string): boolean =>
  /^(?:de(?:sde)?\s+)?\d{1,2}\s*[:.h]\s*\d{2}\b/i.test(text);
