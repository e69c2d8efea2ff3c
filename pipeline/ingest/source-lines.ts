/**
 * The acta as the parser sees it: numbered lines, each also split into the table cells the text
 * export separates with tabs. Both formats arrive here as text (.docx is turned into the same
 * lines first), so one parser reads both.
 */
import { normalizeText } from '../text/normalize.ts';

export interface SourceLine {
  /** 1-based line number in the document's text, for warnings. */
  number: number;
  /** Normalised text of the whole line (tabs count as spaces). Empty for a blank line. */
  text: string;
  /** Normalised tab-separated cells, without the trailing empty ones a Word export leaves. */
  cells: string[];
  /** A table row: two or more cells, or a row continued from the one above (starts with a tab). */
  isRow: boolean;
  /** Has a tab: in a table, even a row with one filled cell ("Vidal\t\t") is a row. */
  tabbed: boolean;
}

// Word's plain-text export may write a page break as a form feed and a manual line break as a
// vertical tab; both end a line just like LF, CRLF or a lone CR.
const lineBreak = /\r\n|[\n\r\f\v\u2028\u2029]/;

export function toSourceLines(text: string): SourceLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(lineBreak).map((raw, i) => {
    const cells = raw.split('\t').map(normalizeText);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    const text = normalizeText(raw);
    return {
      number: i + 1,
      text,
      cells,
      isRow: cells.length >= 2,
      tabbed: text !== '' && raw.includes('\t'),
    };
  });
}

/** A quotable excerpt of a line for a warning: short enough to read in a terminal. */
export function excerpt(line: SourceLine | string, max = 120): string {
  const text = typeof line === 'string' ? line : line.isRow ? line.cells.join(' | ') : line.text;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
