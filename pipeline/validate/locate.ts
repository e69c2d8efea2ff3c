/**
 * From a JSON pointer to a line and column in the YAML (or JSON) source, using the node ranges
 * the `yaml` parser keeps, so every problem can point at the exact place to fix.
 */
import { type Document, isMap, isNode, isPair, isScalar, type LineCounter, type Node } from 'yaml';
import type { Location } from '../errors/problem.ts';

export const pointerSegments = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

export const toPointer = (segments: ReadonlyArray<string | number>): string =>
  segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

function nodeAt(doc: Document, segments: readonly string[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      node = pair?.value;
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      node = node.items[Number(seg)];
    } else return undefined;
    if (node === undefined) return undefined;
  }
  return isNode(node) ? node : undefined;
}

/** The key node of `property` in the map at `pointer`, for "unknown property" problems. */
function keyNodeAt(doc: Document, pointer: string, property: string): Node | undefined {
  const parent = nodeAt(doc, pointerSegments(pointer));
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === property);
  return isNode(pair?.key) ? pair.key : undefined;
}

export interface SourceMap {
  file: string;
  doc?: Document;
  lineCounter?: LineCounter;
}

/**
 * Where a pointer is. A pointer to something that is not there (a missing field) falls back to
 * its nearest existing ancestor; with `key`, points at that property's key instead of its value.
 */
export function locate(source: SourceMap, pointer: string, key?: string): Location {
  const base: Location = { file: source.file, pointer: key ? `${pointer}/${key}` : pointer };
  const { doc, lineCounter } = source;
  if (!doc || !lineCounter) return base;
  let node = key ? keyNodeAt(doc, pointer, key) : undefined;
  const segments = pointerSegments(pointer);
  while (!node && segments.length >= 0) {
    node = nodeAt(doc, segments);
    if (node || segments.length === 0) break;
    segments.pop();
  }
  const offset = node?.range?.[0] ?? doc.contents?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { ...base, line, column: col };
}
