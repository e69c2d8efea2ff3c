/**
 * Bytes of an acta document → its text, or the located reason it has none. A .txt export is
 * decoded as UTF-8 (or UTF-16 when a byte-order mark says so); a .docx is unzipped with fflate and
 * its main part read with fast-xml-parser. Pure: no file system here.
 */
import { strFromU8, unzipSync } from 'fflate';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { firstInvalidUtf8Offset, positionOfByte } from '../text/utf8.ts';
import { Numbering } from './docx-numbering.ts';
import { bodyText } from './docx-text.ts';
import { attributeOf, childrenOf, findFirst, parseXml, tagOf, type XmlNode } from './docx-xml.ts';

export type DocumentFormat = 'txt' | 'docx';

/** Acta texts are tens of kilobytes; Word files with a few images a few megabytes. */
export const documentLimits = { txt: 5 * 1024 * 1024, docx: 25 * 1024 * 1024, docxPart: 20 * 1024 * 1024 };

export type DocumentText = { text: string } | { problem: Problem };

/** A .docx has no lines to point at: its problems are located at the file. */
const at = (file: string) => ({ file });

export function readTextExport(bytes: Uint8Array, file: string): DocumentText {
  // Word's "Unicode" text export is UTF-16 with a byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      return { problem: problem('ACTAS-E204', {}, at(file)) };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: problem('ACTAS-E203', {}, { file, ...positionOfByte(bytes, nul) }) };
  const bad = firstInvalidUtf8Offset(bytes);
  if (bad >= 0) return { problem: problem('ACTAS-E204', {}, { file, ...positionOfByte(bytes, bad) }) };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

function decodeXml(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The target of the package relationship of `type` in a .rels part, e.g. the main document. */
function relationshipTarget(rels: Uint8Array | undefined, type: string): string | undefined {
  const xml = rels ? decodeXml(rels) : undefined;
  const parsed = xml ? parseXml(xml) : undefined;
  if (!parsed || !('nodes' in parsed)) return undefined;
  const root = findFirst(parsed.nodes, 'Relationships');
  const relationship = (root ? childrenOf(root) : []).find(
    (r) => tagOf(r) === 'Relationship' && (attributeOf(r, 'Type') ?? '').endsWith(`/${type}`),
  );
  return relationship ? attributeOf(relationship, 'Target') : undefined;
}

const partName = (base: string, target: string): string =>
  target.startsWith('/') ? target.slice(1) : `${base}${target}`.replace(/[^/]+\/\.\.\//g, '');

export function readWordDocument(bytes: Uint8Array, file: string): DocumentText {
  const fail = (p: Problem): DocumentText => ({ problem: p });
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (!isZip)
    return fail(
      problem('ACTAS-E212', { detail: 'no es un archivo comprimido .zip, como todo .docx' }, at(file)),
    );

  let oversized: { bytes: number } | undefined;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(?:xml|rels)$|^mimetype$/.test(f.name)) return false;
        if (f.originalSize > documentLimits.docxPart) {
          oversized = { bytes: f.originalSize };
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    return fail(
      problem(
        'ACTAS-E212',
        { detail: `el .zip está dañado o incompleto (${(error as Error).message})` },
        at(file),
      ),
    );
  }
  if (oversized)
    return fail(problem('ACTAS-E202', { bytes: oversized.bytes, limit: documentLimits.docxPart }, at(file)));

  const mimetype = parts.mimetype ? strFromU8(parts.mimetype) : '';
  if (mimetype.includes('opendocument'))
    return fail(problem('ACTAS-E213', { detail: `es un documento OpenDocument (${mimetype})` }, at(file)));
  const main = partName(
    '',
    relationshipTarget(parts['_rels/.rels'], 'officeDocument') ?? 'word/document.xml',
  );
  const documentBytes = parts[main];
  if (!documentBytes) return fail(problem('ACTAS-E213', { detail: `no contiene ${main}` }, at(file)));

  const xml = decodeXml(documentBytes);
  if (xml === undefined)
    return fail(problem('ACTAS-E214', { detail: 'su texto no está en UTF-8 ni UTF-16' }, at(file)));
  const parsed = parseXml(xml);
  if ('error' in parsed) {
    const where = parsed.line === undefined ? '' : ` (línea ${parsed.line} del XML)`;
    return fail(problem('ACTAS-E214', { detail: `${parsed.error}${where}` }, at(file)));
  }
  const body = findFirst(parsed.nodes, 'w:body');
  if (!body)
    return fail(
      problem(
        'ACTAS-E213',
        { detail: `${main} no tiene el cuerpo de un documento de Word (w:body)` },
        at(file),
      ),
    );

  const base = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = parts[`${base}_rels/${main.slice(base.length)}.rels`];
  const numberingTarget = relationshipTarget(rels, 'numbering');
  const numberingBytes = parts[partName(base, numberingTarget ?? 'numbering.xml')];
  const numberingXml = numberingBytes ? decodeXml(numberingBytes) : undefined;
  const numberingParsed = numberingXml ? parseXml(numberingXml) : undefined;
  // Without a readable numbering part, list paragraphs still read as bullets.
  const numbering = new Numbering(
    numberingParsed && 'nodes' in numberingParsed ? (numberingParsed.nodes as XmlNode[]) : undefined,
  );
  return { text: bodyText(body, numbering) };
}

export function readDocument(bytes: Uint8Array, format: DocumentFormat, file: string): DocumentText {
  return format === 'docx' ? readWordDocument(bytes, file) : readTextExport(bytes, file);
}
