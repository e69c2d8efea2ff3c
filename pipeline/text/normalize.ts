/**
 * Text rules of the canonical record (DESIGN.md): trimmed, inner runs of white space (non-breaking
 * spaces included) collapsed to one space, Unicode NFC; placeholders mean "no value".
 */
const placeholders = new Set(['--', '-', 'n/a', '']);

/** Trims, collapses every run of white space (including U+00A0) to one space, and applies NFC. */
export const normalizeText = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * True for the placeholders actas use for "nothing here": `--`, `-`, `N/A`, `n/a` and empty.
 * Longer than three characters once trimmed, a text is never one (collapsing inner white space
 * leaves a space, and NFC only shortens text by composing letters with accents), so most text is
 * answered without normalising it.
 */
export const isPlaceholder = (s: string): boolean => {
  const trimmed = s.trim();
  return trimmed.length <= 3 && placeholders.has(normalizeText(trimmed).toLowerCase());
};

/** A table cell as a record value: normalised text, or null for a placeholder. */
export const cellValue = (s: string | undefined): string | null =>
  s === undefined || isPlaceholder(s) ? null : normalizeText(s);

/** Lower case without accents, for comparisons that ignore them ("participación" ~ "participacion"). */
export const foldAccents = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
