/**
 * The discussion section: the attendee tables, then the free text up to "CONCLUSIONES", as
 * Markdown. Each line of the export is a paragraph; consecutive list lines ("- …", "1. …") stay
 * together as one list; a paragraph Word split over a page break is joined again.
 */
import type { Attendee } from '../model/index.ts';
import { normalizeText } from '../text/normalize.ts';
import type { Notes } from './notes.ts';
import { AttendeeTable, attendeeColumnsOf } from './parse-attendees.ts';
import { isAttendeeHeader, isDiscussionHeading, sectorOfGroupLine } from './sections.ts';
import type { SourceLine } from './source-lines.ts';
import { continuesAcrossBreak, listItem } from './text-values.ts';

export interface Discussion {
  attendees: Attendee[];
  discussion: string;
}

interface Block {
  list: boolean;
  lines: string[];
}

/** Paragraph and list lines → Markdown blocks separated by one blank line. */
export function discussionMarkdown(texts: readonly string[]): string {
  const blocks: Block[] = [];
  for (const raw of texts) {
    const text = normalizeText(raw);
    if (text === '') continue;
    const item = listItem(text);
    const last = blocks[blocks.length - 1];
    if (item) {
      const markdown = item.kind === 'bullet' ? `- ${item.text}` : text;
      if (last?.list) last.lines.push(markdown);
      else blocks.push({ list: true, lines: [markdown] });
      continue;
    }
    const previous = last && !last.list && last.lines.length === 1 ? last.lines[0] : undefined;
    if (last && previous !== undefined && continuesAcrossBreak(previous, text)) {
      last.lines[0] = `${previous} ${text}`;
      continue;
    }
    blocks.push({ list: false, lines: [text] });
  }
  return blocks.map((b) => b.lines.join('\n')).join('\n\n');
}

export function parseDiscussion(lines: readonly SourceLine[], notes: Notes): Discussion {
  const table = new AttendeeTable(notes);
  const prose: string[] = [];
  let inTable = false;
  let lastRow = -1;
  const content = lines.filter((l) => l.text !== '');
  content.forEach((line, i) => {
    const sector = sectorOfGroupLine(line);
    // "Sociedad civil:" inside the text is a heading of the text, not of a table: a sector row
    // counts after the text has started only when an attendee title row follows it.
    const next = content[i + 1];
    if (sector && (prose.length === 0 || (next && isAttendeeHeader(next)))) {
      table.sector = sector;
      table.columns = undefined;
      inTable = true;
      return;
    }
    if (isAttendeeHeader(line)) {
      table.columns = attendeeColumnsOf(line, notes);
      inTable = true;
      lastRow = line.number;
      return;
    }
    // A table goes on over blank lines and page breaks until the first line that is not a row.
    // A row with one filled cell ("Vidal\t\t") counts only right below another row, and only if
    // it is short: a sentence with a stray trailing tab is the text that follows the table.
    const shortRow = line.tabbed && line.number === lastRow + 1 && line.text.split(' ').length <= 5;
    if (inTable && (line.isRow || shortRow)) {
      table.addRow(line);
      lastRow = line.number;
      return;
    }
    inTable = false;
    if (prose.length === 0 && isDiscussionHeading(line.text)) return;
    prose.push(line.text);
  });
  return { attendees: table.finish(), discussion: discussionMarkdown(prose) };
}
