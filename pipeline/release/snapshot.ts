/**
 * What a version of the dataset holds, for comparing two of them: each resource's Table Schema
 * (from datapackage.json) and its rows (from data/<resource>.json, the typed twin of the CSV).
 */
import { readText, type TreeView } from './tree.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface FieldSummary {
  name: string;
  type: string;
}

export interface ResourceSnapshot {
  name: string;
  fields: FieldSummary[];
  primaryKey: string[];
  rows: Row[];
}

export interface DatasetSnapshot {
  version: string | null;
  resources: Map<string, ResourceSnapshot>;
}

interface DescriptorResource {
  name: string;
  path: string;
  schema?: { fields?: Array<{ name: string; type?: string }>; primaryKey?: string | string[] };
}

/** The JSON twin of a resource's CSV file: data/<name>.csv → data/<name>.json. */
export const jsonTwin = (path: string): string => path.replace(/\.csv$/i, '.json');

export async function readSnapshot(view: TreeView): Promise<DatasetSnapshot> {
  const text = await readText(view, 'datapackage.json');
  if (!text) return { version: null, resources: new Map() };
  const descriptor = JSON.parse(text) as { version?: string; resources?: DescriptorResource[] };
  const resources = new Map<string, ResourceSnapshot>();
  for (const resource of descriptor.resources ?? []) {
    if (!resource.schema?.fields) continue;
    const rowsText = await readText(view, jsonTwin(resource.path));
    const primaryKey = resource.schema.primaryKey ?? [];
    resources.set(resource.name, {
      name: resource.name,
      fields: resource.schema.fields.map((f) => ({ name: f.name, type: f.type ?? 'any' })),
      primaryKey: Array.isArray(primaryKey) ? primaryKey : [primaryKey],
      rows: rowsText ? (JSON.parse(rowsText) as Row[]) : [],
    });
  }
  return { version: descriptor.version ?? null, resources };
}
