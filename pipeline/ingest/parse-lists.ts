/**
 * The acta's lists: the prioritisation ("1. …"), the agreements (bullets under "CONCLUSIONES"),
 * the commitments summary ("- 1) …") and the observations ("Obs:"). An item Word split over a page
 * break (the next line starts in lower case) is one item.
 */

import { problem } from '../errors/catalog/index.ts';
import type { ActaPart } from '../errors/catalog/ingest.ts';
import type { Commitment, PrioritizedProposal } from '../model/index.ts';
import type { Notes } from './notes.ts';
import { excerpt, type SourceLine } from './source-lines.ts';
import { continuesAcrossBreak, labelKey, listItem, plainValue } from './text-values.ts';

interface Item {
  number?: number;
  text: string;
  line: SourceLine;
}

interface ListOptions {
  section: ActaPart;
  /** Whether a line that is not a bullet is an item too (observations) or only a heading. */
  proseIsItem: boolean;
}

/** The text after a section's heading on the same line ("Obs: revisar…" → "revisar…"). */
function inlineAfterHeading(line: SourceLine): string {
  const colon = line.text.indexOf(':');
  return colon < 0 ? '' : line.text.slice(colon + 1).trim();
}

/** Lines of a section after its heading → items, with their numbers when written. */
function readItems(lines: readonly SourceLine[], notes: Notes, options: ListOptions): Item[] {
  const items: Item[] = [];
  const [heading, ...body] = lines;
  const entries: Array<{ text: string; line: SourceLine }> = body.map((line) => ({ text: line.text, line }));
  if (heading) {
    const inline = inlineAfterHeading(heading);
    if (inline !== '') entries.unshift({ text: inline, line: heading });
  }
  for (const { text, line } of entries) {
    if (text === '') continue;
    const item = listItem(text);
    const previous = items[items.length - 1];
    if (!item && previous && continuesAcrossBreak(previous.text, text)) {
      previous.text = `${previous.text} ${text}`;
      continue;
    }
    if (item) {
      // "- 1) text": a bullet whose text is numbered carries that number.
      const inner = item.kind === 'bullet' ? listItem(item.text) : undefined;
      const numbered = inner?.kind === 'numbered' ? inner : item.kind === 'numbered' ? item : undefined;
      const entry: Item = { text: numbered ? numbered.text : item.text, line };
      if (numbered) entry.number = numbered.number;
      items.push(entry);
      continue;
    }
    // Sub-headings the template puts inside these sections ("Compromisos.", "Se acordó:").
    if (/:$/.test(text) || /^(?:compromisos|acuerdos|conclusiones|observaciones)$/.test(labelKey(text)))
      continue;
    if (options.proseIsItem) items.push({ text, line });
    else notes.add(problem('ACTAS-W204', { section: options.section, text: excerpt(line) }, notes.at(line)));
  }
  return items;
}

const texts = (items: readonly Item[]): string[] =>
  items.map((i) => plainValue(i.text)).filter((t): t is string => t !== null);

export function parsePrioritization(lines: readonly SourceLine[], notes: Notes): PrioritizedProposal[] {
  const items = readItems(lines, notes, { section: 'prioritization', proseIsItem: false });
  const ranked: PrioritizedProposal[] = [];
  for (const item of items) {
    const text = plainValue(item.text);
    if (text !== null) ranked.push({ rank: item.number ?? ranked.length + 1, text });
  }
  return ranked;
}

export const parseAgreements = (lines: readonly SourceLine[], notes: Notes): string[] =>
  texts(readItems(lines, notes, { section: 'conclusions', proseIsItem: false }));

export function parseCommitments(lines: readonly SourceLine[], notes: Notes): Commitment[] {
  const items = readItems(lines, notes, { section: 'commitments', proseIsItem: false });
  const commitments: Commitment[] = [];
  for (const item of items) {
    const text = plainValue(item.text);
    if (text === null) continue;
    const number = item.number ?? commitments.length + 1;
    if (item.number === undefined)
      notes.add(problem('ACTAS-W209', { text: excerpt(item.line), number }, notes.at(item.line)));
    commitments.push({ number, text });
  }
  return commitments;
}

export const parseObservations = (lines: readonly SourceLine[], notes: Notes): string[] =>
  texts(readItems(lines, notes, { section: 'observations', proseIsItem: true }));
