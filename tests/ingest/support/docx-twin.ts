/**
 * Builds a real Word document (.docx, with the `docx` package) that says what a text export says,
 * the way the secretariat's template lays it out: tab-separated lines as Word tables (trailing
 * empty cells as a merged cell), "- " lines as Word bullets, runs of "1. 2. 3." as Word numbered
 * lists, "**bold**" as bold runs, and long table cells split over two paragraphs. Importing the
 * twin must give the same record as importing the text.
 */
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const numbered = /^(\d+)\. (.*)$/;

/** "**bold**" stretches as bold runs. */
function runs(text: string): ParagraphChild[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part !== '')
    .map((part) =>
      part.startsWith('**') && part.endsWith('**')
        ? new TextRun({ text: part.slice(2, -2), bold: true })
        : new TextRun(part),
    );
}

/** A cell's text as one paragraph, or two when it is long (a cell Word wrapped into paragraphs). */
function cellParagraphs(text: string, split: boolean): Paragraph[] {
  const words = text.split(' ');
  if (!split || words.length < 6) return [new Paragraph({ children: runs(text) })];
  const half = Math.ceil(words.length / 2);
  return [
    new Paragraph({ children: runs(words.slice(0, half).join(' ')) }),
    new Paragraph({ children: runs(words.slice(half).join(' ')) }),
  ];
}

function tableOf(rows: readonly string[], splitLongCells: boolean): Table {
  return new Table({
    rows: rows.map((row) => {
      const cells = row.split('\t');
      let filled = cells.length;
      while (filled > 1 && (cells[filled - 1] ?? '').trim() === '') filled -= 1;
      const spanOfLast = cells.length - filled + 1;
      return new TableRow({
        children: cells.slice(0, filled).map(
          (cell, i) =>
            new TableCell({
              children: cellParagraphs(cell.trim(), splitLongCells),
              ...(i === filled - 1 && spanOfLast > 1 ? { columnSpan: spanOfLast } : {}),
            }),
        ),
      });
    }),
  });
}

export interface TwinOptions {
  /** Split table cells of six words or more into two paragraphs (default true). */
  splitLongCells?: boolean;
}

export async function docxTwin(text: string, options: TwinOptions = {}): Promise<Uint8Array> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|[\n\r\f]/);
  const children: Array<Paragraph | Table> = [];
  let table: string[] = [];
  let listInstance = 0;
  let expected = 1;
  const flushTable = () => {
    if (table.length > 0) children.push(tableOf(table, options.splitLongCells ?? true));
    table = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && line.trim() !== '') {
      table.push(line);
      continue;
    }
    flushTable();
    const content = line.trim();
    if (content === '') continue;
    const number = numbered.exec(content);
    if (number && Number(number[1]) === expected) {
      // A new list restarts at 1: a new numbering instance.
      if (expected === 1) listInstance += 1;
      expected += 1;
      children.push(
        new Paragraph({
          children: runs(number[2] ?? ''),
          numbering: { reference: 'decimal', level: 0, instance: listInstance },
        }),
      );
      continue;
    }
    expected = 1;
    if (content.startsWith('- ')) {
      children.push(new Paragraph({ children: runs(content.slice(2)), bullet: { level: 0 } }));
      continue;
    }
    children.push(new Paragraph({ children: runs(content) }));
  }
  flushTable();
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'decimal',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children }],
  });
  return deterministic(new Uint8Array(await Packer.toBuffer(doc)));
}

const fixedTime = '2016-07-11T12:00:00Z';

/**
 * The same bytes on every run: `docx` stamps the creation time into docProps/core.xml and the zip,
 * and a document's sha256 goes into its record, so a test must not depend on the clock.
 */
export function deterministic(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const core = parts['docProps/core.xml'];
  if (core) {
    parts['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${fixedTime}`),
    );
  }
  return zipSync(parts, { mtime: fixedTime });
}
