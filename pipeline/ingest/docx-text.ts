/**
 * A Word document body as the same lines the text export gives, so one parser reads both:
 * paragraphs are lines separated by a blank line (list items follow each other directly), bullets
 * and numbers are written out ("- ", "1. "), bold outside tables is Markdown "**", and a table is
 * one line per row with its cells separated by tabs (a cell's paragraphs joined with a space, a
 * merged cell followed by the empty cells it spans).
 */
import { normalizeText } from '../text/normalize.ts';
import type { Numbering } from './docx-numbering.ts';
import {
  attributeOf,
  childNamed,
  childrenOf,
  propertyValue,
  tagOf,
  textOf,
  type XmlNode,
} from './docx-xml.ts';
import { listItem } from './text-values.ts';

interface Segment {
  text: string;
  bold: boolean;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[] };

/** Elements that only wrap content (links, tracked insertions, content controls…). */
const wrappers = new Set([
  'w:hyperlink',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:customXml',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);

function isBold(runProperties: XmlNode | undefined): boolean {
  const b = runProperties ? childNamed(runProperties, 'w:b') : undefined;
  if (!b) return false;
  const value = attributeOf(b, 'w:val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

function runSegments(nodes: readonly XmlNode[], out: Segment[]): Segment[] {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:r') {
      const bold = isBold(childNamed(node, 'w:rPr'));
      for (const part of childrenOf(node)) {
        const partTag = tagOf(part);
        const text =
          partTag === 'w:t'
            ? textOf(part)
            : partTag === 'w:tab' || partTag === 'w:ptab'
              ? '\t'
              : partTag === 'w:br' || partTag === 'w:cr'
                ? '\n'
                : partTag === 'w:noBreakHyphen'
                  ? '-'
                  : '';
        if (text !== '') out.push({ text, bold });
      }
    } else if (wrappers.has(tag)) runSegments(childrenOf(node), out);
    else if (tag === 'w:sdt') runSegments(childrenOf(childNamed(node, 'w:sdtContent') ?? {}), out);
    // Deleted text (w:del), field codes and drawings are not what the acta says.
  }
  return out;
}

/** Bold as Markdown, with the spaces around a bold stretch kept outside its markers. */
function withBold(segments: readonly Segment[]): string {
  const merged: Segment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.bold === s.bold) last.text += s.text;
    else merged.push({ ...s });
  }
  return merged
    .map((s) =>
      s.bold
        ? s.text
            .split(/([\t\n])/)
            .map((piece) => piece.replace(/^(\s*)(\S(?:.*\S)?)(\s*)$/su, '$1**$2**$3'))
            .join('')
        : s.text,
    )
    .join('');
}

function paragraphText(p: XmlNode, numbering: Numbering, markdown: boolean): string {
  const marker = numbering.marker(childNamed(p, 'w:pPr'));
  const segments = runSegments(childrenOf(p), []);
  const text = markdown ? withBold(segments) : segments.map((s) => s.text).join('');
  if (text.trim() === '') return '';
  return markdown && marker ? `${marker}${text.trimStart()}` : text;
}

/** Children of a row or table, looking through content controls and custom XML around them. */
function unwrapped(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (const node of nodes) {
    const t = tagOf(node);
    if (t === tag) found.push(node);
    else if (t === 'w:sdt') found.push(...unwrapped(childrenOf(childNamed(node, 'w:sdtContent') ?? {}), tag));
    else if (t === 'w:customXml') found.push(...unwrapped(childrenOf(node), tag));
  }
  return found;
}

function cellText(cell: XmlNode, numbering: Numbering): string {
  const parts: string[] = [];
  for (const node of unwrappedBlocks(childrenOf(cell))) {
    if (tagOf(node) === 'w:p') parts.push(paragraphText(node, numbering, false));
    else parts.push(...tableRows(node, numbering));
  }
  return normalizeText(parts.filter((p) => p.trim() !== '').join(' '));
}

function tableRows(table: XmlNode, numbering: Numbering): string[] {
  return unwrapped(childrenOf(table), 'w:tr').map((row) => {
    const cells: string[] = [];
    const before = Number(propertyValue(childNamed(row, 'w:trPr'), 'w:gridBefore') ?? 0);
    for (let i = 0; i < before; i++) cells.push('');
    for (const cell of unwrapped(childrenOf(row), 'w:tc')) {
      const span = Number(propertyValue(childNamed(cell, 'w:tcPr'), 'w:gridSpan') ?? 1);
      cells.push(cellText(cell, numbering));
      for (let i = 1; i < span; i++) cells.push('');
    }
    return cells.join('\t');
  });
}

/** Paragraphs and tables in document order, looking through content controls. */
function unwrappedBlocks(nodes: readonly XmlNode[]): XmlNode[] {
  const blocks: XmlNode[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'w:p' || tag === 'w:tbl') blocks.push(node);
    else if (tag === 'w:sdt')
      blocks.push(...unwrappedBlocks(childrenOf(childNamed(node, 'w:sdtContent') ?? {})));
    else if (tag === 'w:customXml') blocks.push(...unwrappedBlocks(childrenOf(node)));
  }
  return blocks;
}

export function bodyText(body: XmlNode, numbering: Numbering): string {
  const blocks: Block[] = unwrappedBlocks(childrenOf(body)).map((node) =>
    tagOf(node) === 'w:p'
      ? { kind: 'paragraph', text: paragraphText(node, numbering, true) }
      : { kind: 'table', rows: tableRows(node, numbering) },
  );
  const lines: string[] = [];
  let previousWasListItem = false;
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.trim() === '') continue;
      const isListItem = listItem(normalizeText(block.text.split('\n')[0] ?? '')) !== undefined;
      if (lines.length > 0 && !(isListItem && previousWasListItem)) lines.push('');
      lines.push(...block.text.split('\n'));
      previousWasListItem = isListItem;
    } else if (block.rows.length > 0) {
      if (lines.length > 0) lines.push('');
      lines.push(...block.rows);
      previousWasListItem = false;
    }
  }
  return lines.join('\n');
}
