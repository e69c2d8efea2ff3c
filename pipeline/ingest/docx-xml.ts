/**
 * fast-xml-parser's ordered output (`preserveOrder`), read as a tree of WordprocessingML elements.
 * Entities are decoded here, once, so "&amp;#233;" stays the text "&#233;" as Word meant it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Tables inside tables inside content controls nest deeply; more than this is not a Word file.
  maxNestedTags: 400,
});

const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });

export type ParsedXml = { nodes: XmlNode[] } | { error: string; line?: number };

export function parseXml(xml: string): ParsedXml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: valid.err.msg, line: valid.err.line };
  try {
    return { nodes: parser.parse(xml) as XmlNode[] };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export const tagOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@') ?? '';

export const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};

export const attributeOf = (node: XmlNode, name: string): string | undefined => {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return typeof value === 'string' ? decodeEntities(value) : undefined;
};

/** The text of a text node's children (`<w:t>…</w:t>`). */
export const textOf = (node: XmlNode): string =>
  childrenOf(node)
    .map((c) => (typeof c['#text'] === 'string' ? decodeEntities(c['#text']) : ''))
    .join('');

export const childNamed = (node: XmlNode, tag: string): XmlNode | undefined =>
  childrenOf(node).find((c) => tagOf(c) === tag);

/** The first element with this tag, searching depth-first. */
export function findFirst(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return undefined;
}

/** `w:val` of a child property element (`<w:ilvl w:val="0"/>`), e.g. of `w:pPr` or `w:tcPr`. */
export function propertyValue(node: XmlNode | undefined, tag: string): string | undefined {
  const child = node ? childNamed(node, tag) : undefined;
  return child ? attributeOf(child, 'w:val') : undefined;
}
