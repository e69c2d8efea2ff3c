/**
 * Word documents: real .docx files made here with the `docx` package (tables as Word tables,
 * bullets and numbers as Word lists, a table cell in two paragraphs) give the same record as the
 * text export they were made from.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWordDocument } from '../../pipeline/ingest/read-document.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import { createWorkspace, type Workspace } from '../support/workspace.ts';
import { docxTwin } from './support/docx-twin.ts';
import { fixtureText, importIn, readRecord, seedDocument, seedRecordFile } from './support/importing.ts';

let ws: Workspace;
beforeAll(async () => {
  ws = await createWorkspace();
});
afterAll(async () => {
  await ws.remove();
});

const withoutSource = ({ source: _, ...rest }: SessionRecord) => rest;

/** Imports a document written into the workspace and returns its record and warnings. */
async function importDocument(name: string, bytes: Uint8Array, out: string) {
  await ws.write(`inbox/${name}`, bytes);
  const result = await importIn(ws.dir, { inputs: [`inbox/${name}`], out });
  const [doc] = result.documents;
  if (doc?.status !== 'imported' || !doc.record) throw new Error(JSON.stringify(result, null, 2));
  return { record: await readRecord(join(ws.dir, doc.record)), doc };
}

describe('a .docx twin of a text export gives the same record', () => {
  it.each([
    ['the seed acta', seedDocument],
    ['salto-de-pagina', fixtureText('salto-de-pagina')],
    ['mesa-1-primera-sesion', fixtureText('mesa-1-primera-sesion')],
  ])('%s', async (label, textPath) => {
    const text = await readFile(textPath);
    const slug = label.replace(/\W+/g, '-');
    const fromText = await importDocument(`${slug}.txt`, text, `out-${slug}-txt`);
    const docx = await docxTwin(text.toString('utf8'));

    // The twin is a real Word file: a table cell holds two paragraphs, lists are Word numbering.
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] as Uint8Array);
    expect(xml).toMatch(
      /<w:tc>(?:(?!<\/w:tc>).)*<w:p>(?:(?!<\/w:tc>).)*<\/w:p><w:p>(?:(?!<\/w:tc>).)*<\/w:tc>/s,
    );
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:numPr>');

    const fromWord = await importDocument(`${slug}.docx`, docx, `out-${slug}-docx`);
    expect(fromWord.doc.problems).toEqual(
      fromText.doc.problems.map((p) => ({ ...p, file: `inbox/${slug}.docx` })),
    );
    expect(withoutSource(fromWord.record)).toEqual(withoutSource(fromText.record));
    expect(fromWord.record.source).toMatchObject({ file: `${slug}.docx`, format: 'docx' });
    expect(fromWord.record.source?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the seed twin matches the hand-made record in every field but source', async () => {
    const docx = await docxTwin(await readFile(seedDocument, 'utf8'));
    const { record } = await importDocument('acta.docx', docx, 'out-seed-record');
    expect(withoutSource(record)).toEqual(withoutSource(await readRecord(seedRecordFile)));
  });
});

describe('reading Word', () => {
  it('reads bold as Markdown outside tables, merged cells, links and tracked changes as Word shows them', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'roman',
            levels: [
              { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun('Se propone '), new TextRun({ text: 'agrupar ', bold: true })],
            }),
            new Paragraph({
              children: [new TextRun({ text: 'Lista sesión 1', bold: true })],
              numbering: { reference: 'roman', level: 0 },
            }),
            new Paragraph({
              children: [new TextRun({ text: 'Propuesta', bold: true })],
              numbering: { reference: 'roman', level: 0 },
            }),
            new Paragraph({
              children: [
                new TextRun('Ver '),
                new ExternalHyperlink({ link: 'https://example.org', children: [new TextRun('el portal')] }),
                new DeletedTextRun({ text: ' borrado', id: 1, author: 'a', date: '2016-07-01T00:00:00Z' }),
                new TextRun('.'),
              ],
            }),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({
                      children: [new Paragraph({ children: [new TextRun({ text: 'Lugar', bold: true })] })],
                    }),
                    new TableCell({ children: [new Paragraph('Ex Congreso')], columnSpan: 3 }),
                    new TableCell({ children: [new Paragraph('FECHA'), new Paragraph('')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const read = readWordDocument(new Uint8Array(await Packer.toBuffer(doc)), 'x.docx');
    expect(read).toEqual({
      text: [
        'Se propone **agrupar** ',
        '',
        'I. **Lista sesión 1**',
        '',
        'II. **Propuesta**',
        '',
        'Ver el portal.',
        '',
        'Lugar\tEx Congreso\t\t\tFECHA',
      ].join('\n'),
    });
  });
});
