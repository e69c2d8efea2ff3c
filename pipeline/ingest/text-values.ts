/**
 * Small readers of the acta's text: label keys that ignore case, accents and decoration, plain
 * cell values, list items, and the page-break rule that joins a paragraph Word split in two.
 */
import { foldAccents, isPlaceholder, normalizeText } from '../text/normalize.ts';

/**
 * A label as a comparable key: no case, no accents, no Markdown bold, no trailing ":" or ".",
 * and the many spellings of "número" ("N°", "Nº", "No.", "N.°") as "n°".
 */
export const labelKey = (s: string): string =>
  foldAccents(normalizeText(s.replace(/\*\*/g, '')))
    .replace(/\bn(?:o|ro|um)?\s*\.?\s*[°º]\s*/g, 'n° ')
    .replace(/\bno\.\s*(?=\d)/g, 'n° ')
    .replace(/[\s:.]+$/, '')
    .trim();

/** A value for a plain-text field: normalised, Markdown bold removed, placeholders as null. */
export function plainValue(s: string | undefined): string | null {
  if (s === undefined) return null;
  const text = normalizeText(s.replace(/\*\*/g, ''));
  return text === '' || isPlaceholder(text) ? null : text;
}

const bulletPattern = /^[-•·▪◦*–]\s+(.*)$/u;
const numberedPattern = /^(\d{1,3})\s*[.)]\s+(.*)$/;

export type ListItem = { kind: 'bullet'; text: string } | { kind: 'numbered'; number: number; text: string };

/** "- text", "• text" or "1. text", "1) text"; undefined for anything else. */
export function listItem(text: string): ListItem | undefined {
  const bullet = bulletPattern.exec(text);
  if (bullet) return { kind: 'bullet', text: bullet[1] ?? '' };
  const numbered = numberedPattern.exec(text);
  if (numbered) return { kind: 'numbered', number: Number(numbered[1]), text: numbered[2] ?? '' };
  return undefined;
}

/**
 * Whether `next` continues `previous` across a page break: the previous part does not end a
 * sentence or introduce something (. : ; ! ?) and the next part starts in lower case.
 */
export const continuesAcrossBreak = (previous: string, next: string): boolean =>
  previous !== '' && !/[.:;!?]$/.test(previous) && /^\p{Ll}/u.test(next);

/** Splits "Label: value" at the first colon; undefined when the line has none. */
export function splitLabel(text: string): { key: string; value: string } | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  return { key: labelKey(text.slice(0, colon)), value: normalizeText(text.slice(colon + 1)) };
}
