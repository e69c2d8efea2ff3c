/**
 * The working-group line ("Mesa N°3: Modernización del Estado (segunda sesión)") gives three
 * values: the working-group number, its name without number or session, and the session number.
 */
import { foldAccents, normalizeText } from '../text/normalize.ts';

const ordinalWords: Readonly<Record<string, number>> = {
  primera: 1,
  primer: 1,
  segunda: 2,
  tercera: 3,
  tercer: 3,
  cuarta: 4,
  quinta: 5,
  sexta: 6,
  septima: 7,
  setima: 7,
  octava: 8,
  novena: 9,
  decima: 10,
  undecima: 11,
  duodecima: 12,
};
const ordinalWord = Object.keys(ordinalWords).join('|');

// "Mesa N°3", "Mesa Nº 03", "Mesa No. 3", "Mesa de trabajo 3", "MESA 3"
const groupPattern =
  /\bmesa(?:\s+de\s+trabajo)?\s*(?:(?:n(?:ro|[uú]m(?:ero)?)?)\s*\.?\s*[°ºo]?\s*\.?\s*|#\s*)?0*(\d{1,3})(?!\d)/iu;

// Session phrases, tried in order on folded text (lower case, no accents).
const sessionPatterns: ReadonlyArray<[RegExp, (m: RegExpExecArray) => number | undefined]> = [
  [new RegExp(`\\b(${ordinalWord})\\s+sesion\\b`), (m) => ordinalWords[m[1] ?? '']],
  [
    /\bsesion\s+(?:n°\s*|n\s*[º°o]?\s*\.?\s*|numero\s+|nro\.?\s*|#\s*)?0*(\d{1,3})(?!\d)/,
    (m) => Number(m[1]),
  ],
  [/(?<![\d.])(\d{1,3})\s*(?:ª|a|°|º|ra|da|ta|va|na|ma|er|era|do|to)?\s*\.?\s*sesion\b/, (m) => Number(m[1])],
  [new RegExp(`\\bsesion\\s+(${ordinalWord})\\b`), (m) => ordinalWords[m[1] ?? '']],
  [new RegExp(`\\b(${ordinalWord})\\b`), (m) => ordinalWords[m[1] ?? '']],
];

/** The session number from an ordinal ("segunda sesión", "1ª sesión", "sesión 3", "tercera"). */
export function sessionNumberIn(text: string): number | undefined {
  const folded = foldAccents(normalizeText(text));
  for (const [re, value] of sessionPatterns) {
    const match = re.exec(folded);
    const n = match ? value(match) : undefined;
    if (n !== undefined && n >= 1) return n;
  }
  return undefined;
}

export interface TitleParts {
  group?: { number: number; name: string };
  session?: number;
}

// A session phrase inside the name: "(segunda sesión)", ", 4ª sesión", "– Sesión N°2", "(tercera)".
const sessionInName = new RegExp(
  String.raw`\s*(?:\([^)]*\bsesi[oó]n\b[^)]*\)|\((?:${ordinalWord})\)|[,;:–—-]?\s*(?:\d{1,3}\s*[ªa°º]?\.?|(?:${ordinalWord}))\s+sesi[oó]n\b.*$|[,;:–—-]?\s*\bsesi[oó]n\b.*$)`,
  'giu',
);

export function readTitle(title: string): TitleParts {
  const text = normalizeText(title);
  const parts: TitleParts = {};
  const group = groupPattern.exec(text);
  const rest = group ? text.slice(0, group.index) + text.slice(group.index + group[0].length) : text;
  const session = sessionNumberIn(rest);
  if (session !== undefined) parts.session = session;
  if (group) {
    const name = normalizeText(rest.replace(sessionInName, ' '))
      .replace(/^[\s:;,.–—-]+/u, '')
      .replace(/[\s:;,–—-]+$/u, '');
    if (name !== '') parts.group = { number: Number(group[1]), name };
  }
  return parts;
}
