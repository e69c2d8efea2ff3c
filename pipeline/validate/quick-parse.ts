/**
 * The fast path for the common case, a well-formed record: js-yaml parses YAML about ten times
 * faster than the `yaml` package, but keeps no positions. So a record is first read with js-yaml,
 * and only when anything about it is wrong is it read again with `yaml`, whose node ranges say
 * where each problem is. Everything unusual (invalid UTF-8, several documents, aliases, a parse
 * error) returns undefined and takes the located path.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { maxRecordBytes, type SourceFile } from './parse-source.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when some object or array is reachable twice: YAML aliases, which the located path limits. */
function sharesReferences(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (seen.has(value)) return true;
  seen.add(value);
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => sharesReferences(child, seen));
}

export function quickParse({ bytes, size = bytes.length }: SourceFile): Record<string, unknown> | undefined {
  if (size > maxRecordBytes || bytes.length === 0) return undefined;
  try {
    // YAML 1.2 core schema: dates and times stay strings, as with the `yaml` package; duplicate keys throw.
    const value = load(decoder.decode(bytes), { schema: CORE_SCHEMA, json: false });
    if (value === null || typeof value !== 'object' || Array.isArray(value) || sharesReferences(value))
      return undefined;
    return value as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
