/**
 * The explorer's data: each resource's rows as JavaScript files (assets/data/<resource>-<n>.js)
 * that the explorer adds as <script src> when its tab is opened. Chromium blocks fetch() of local
 * files opened from file://, but loads scripts; and 'self' scripts pass the Content-Security-Policy.
 * Rows are arrays in field order (no repeated keys) inside a JSON.parse string, which engines
 * parse faster than the equivalent object literal; big tables are split so that no single script
 * holds the page for long, and the page can say how far loading has got.
 */
import type { ResourceInfo } from './dataset.ts';
import { formatBytes } from './format.ts';

/**
 * A data file closes at this many rows or about this many bytes, whichever comes first: small
 * enough to evaluate in a few tens of milliseconds (200,000 attendance rows make ten files; long
 * session texts make more, smaller ones).
 */
export const rowsPerChunk = 20_000;
export const bytesPerChunk = 1_500_000;

/** Text longer than this in some row is shown clamped in the explorer (the full text is in the row's page). */
const longTextLength = 160;

export interface ExplorerField {
  name: string;
  title: string;
  type: string;
  /** Spanish labels of coded values (sector: government → Gobierno). */
  labels?: Record<string, string>;
  long?: true;
}

export interface ExplorerResource {
  name: string;
  title: string;
  description: string;
  rowCount: number;
  /** Size of its data files, so that the page can say what opening the tab costs ("1,8 MB"). */
  bytes: number;
  size: string;
  /** Tree paths of the data files, in order. */
  chunks: string[];
  fields: ExplorerField[];
  primaryKey: string[];
  csv: string;
}

/** Resource names are machine names; anything else is kept out of file names. */
const fileStem = (name: string): string => name.replace(/[^A-Za-z0-9_-]/g, '_');

export const chunkPath = (resource: string, index: number): string =>
  `assets/data/${fileStem(resource)}-${index}.js`;

/** The key a data file registers its rows under (window.actasChunks[key]). */
export const chunkKey = (resource: string, index: number): string => `${resource}/${index}`;

function explorerField(resource: ResourceInfo, index: number): ExplorerField {
  const field = resource.schema.fields[index] as ResourceInfo['schema']['fields'][number];
  const long = resource.rows.some((row) => {
    const value = row[field.name];
    return typeof value === 'string' && value.length > longTextLength;
  });
  return {
    name: field.name,
    title: field.title,
    type: field.type,
    ...(field.categories
      ? { labels: Object.fromEntries(field.categories.map((c) => [c.value, c.label])) }
      : {}),
    ...(long ? { long: true as const } : {}),
  };
}

/** Rows as arrays in field order, cut into the data files' parts. */
function rowParts(resource: ResourceInfo): string[][] {
  const names = resource.schema.fields.map((f) => f.name);
  const parts: string[][] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const row of resource.rows) {
    const json = JSON.stringify(names.map((n) => row[n] ?? null));
    if (part.length > 0 && (part.length >= rowsPerChunk || bytes + json.length > bytesPerChunk)) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(json);
    bytes += json.length + 1;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** The explorer's description of a resource and its data files (path → JavaScript text). */
export function explorerData(resource: ResourceInfo): {
  resource: ExplorerResource;
  files: Map<string, string>;
} {
  const parts = rowParts(resource);
  const files = new Map<string, string>();
  parts.forEach((rows, index) => {
    // The rows as JSON, then that JSON as a string literal: valid JavaScript, parsed by JSON.parse.
    files.set(
      chunkPath(resource.name, index),
      `// Filas de la tabla ${fileStem(resource.name)} (parte ${index + 1} de ${parts.length}) para explorar.html. Generado: no editar.\n` +
        `(window.actasChunks = window.actasChunks || {})[${JSON.stringify(chunkKey(resource.name, index))}] = JSON.parse(${JSON.stringify(`[${rows.join(',')}]`)});\n`,
    );
  });
  const bytes = [...files.values()].reduce((sum, js) => sum + Buffer.byteLength(js), 0);
  return {
    resource: {
      name: resource.name,
      title: resource.title,
      description: resource.description,
      rowCount: resource.rows.length,
      bytes,
      size: formatBytes(bytes),
      chunks: [...files.keys()],
      fields: resource.schema.fields.map((_, i) => explorerField(resource, i)),
      primaryKey: resource.schema.primaryKey,
      csv: resource.path,
    },
    files,
  };
}
