/**
 * The Markdown of a record's `discussion`, rendered as the small subset actas use: paragraphs
 * (separated by blank lines), "- " lists and **bold**. Everything else stays the text it is:
 * the text is escaped first and only these constructs become elements, so raw HTML in a record
 * is shown, never run.
 */
import { type Html, html } from './html.ts';

/** Alternating plain and **strong** runs of one line or paragraph. */
function inline(text: string): Html[] {
  const parts: Html[] = [];
  const pattern = /\*\*(?=\S)(.+?)(?<=\S)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(html`${text.slice(last, match.index)}`, html`<strong>${match[1] ?? ''}</strong>`);
    last = match.index + match[0].length;
  }
  parts.push(html`${text.slice(last)}`);
  return parts;
}

const listItem = /^[-*] +(.*)$/;

/** One block (no blank lines inside): a list when every line is an item, else a paragraph. */
function block(lines: readonly string[]): Html {
  const items = lines.map((line) => listItem.exec(line));
  if (items.every((m) => m !== null)) {
    return html`<ul>${items.map((m) => html`<li>${inline(m?.[1] ?? '')}</li>`)}</ul>`;
  }
  // A paragraph followed by a list without a blank line between them (common in actas).
  const firstItem = items.findIndex((m) => m !== null);
  if (firstItem > 0 && items.slice(firstItem).every((m) => m !== null)) {
    return html`${block(lines.slice(0, firstItem))}${block(lines.slice(firstItem))}`;
  }
  return html`<p>${inline(lines.join('\n'))}</p>`;
}

export function renderMarkdown(text: string): Html {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line.trim());
  }
  if (current.length > 0) blocks.push(current);
  return html`${blocks.map(block)}`;
}
