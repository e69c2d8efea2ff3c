/**
 * Row-level and structural differences between two versions of the dataset. Pure: snapshots in,
 * a diff out. Rows are matched by their primary key; a changed row lists the fields that changed.
 */
import type { Cell, DatasetSnapshot, ResourceSnapshot, Row } from './snapshot.ts';

export type SchemaChange =
  | { kind: 'resource-added'; resource: string }
  | { kind: 'resource-removed'; resource: string }
  | { kind: 'field-added'; resource: string; field: string }
  | { kind: 'field-removed'; resource: string; field: string }
  | { kind: 'field-renamed'; resource: string; from: string; to: string }
  | { kind: 'type-changed'; resource: string; field: string; from: string; to: string }
  | { kind: 'key-changed'; resource: string; from: string[]; to: string[] };

export interface RowChange {
  key: string;
  fields: string[];
}

export interface ResourceDiff {
  resource: string;
  /** Keys shown as their values joined with "/", e.g. "2016-06-30-mesa-3-sesion-2/4". */
  added: string[];
  removed: string[];
  changed: RowChange[];
}

export interface DatasetDiff {
  schema: SchemaChange[];
  resources: ResourceDiff[];
}

export const isEmptyDiff = (diff: DatasetDiff): boolean =>
  diff.schema.length === 0 &&
  diff.resources.every((r) => r.added.length + r.removed.length + r.changed.length === 0);

const rowKey = (row: Row, key: readonly string[]): string => key.map((k) => String(row[k] ?? '')).join('/');

function schemaChanges(old: ResourceSnapshot, next: ResourceSnapshot): SchemaChange[] {
  const resource = next.name;
  const changes: SchemaChange[] = [];
  const oldNames = old.fields.map((f) => f.name);
  const newNames = next.fields.map((f) => f.name);
  const removed = old.fields.filter((f) => !newNames.includes(f.name));
  const added = next.fields.filter((f) => !oldNames.includes(f.name));
  // A field that disappears where a new one of the same type appears, at the same position, was renamed.
  for (const gone of removed) {
    const position = oldNames.indexOf(gone.name);
    const twin = added.find((f) => newNames.indexOf(f.name) === position && f.type === gone.type);
    if (twin) {
      changes.push({ kind: 'field-renamed', resource, from: gone.name, to: twin.name });
      added.splice(added.indexOf(twin), 1);
    } else changes.push({ kind: 'field-removed', resource, field: gone.name });
  }
  for (const f of added) changes.push({ kind: 'field-added', resource, field: f.name });
  for (const f of next.fields) {
    const before = old.fields.find((o) => o.name === f.name);
    if (before && before.type !== f.type) {
      changes.push({ kind: 'type-changed', resource, field: f.name, from: before.type, to: f.type });
    }
  }
  if (old.primaryKey.join(',') !== next.primaryKey.join(',')) {
    changes.push({ kind: 'key-changed', resource, from: old.primaryKey, to: next.primaryKey });
  }
  return changes;
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) => (a ?? null) === (b ?? null);

function rowDiff(old: ResourceSnapshot | undefined, next: ResourceSnapshot | undefined): ResourceDiff {
  const resource = (next ?? old)?.name ?? '';
  const key = (next ?? old)?.primaryKey ?? [];
  const oldRows = new Map((old?.rows ?? []).map((r) => [rowKey(r, key), r]));
  const newRows = new Map((next?.rows ?? []).map((r) => [rowKey(r, key), r]));
  // Only fields both versions have can change; an added field is a structural change, not n row changes.
  const common = (next?.fields ?? []).map((f) => f.name).filter((n) => old?.fields.some((f) => f.name === n));
  const diff: ResourceDiff = { resource, added: [], removed: [], changed: [] };
  for (const [k, row] of newRows) {
    const before = oldRows.get(k);
    if (!before) diff.added.push(k);
    else {
      const fields = common.filter((f) => !sameCell(before[f], row[f]));
      if (fields.length > 0) diff.changed.push({ key: k, fields });
    }
  }
  for (const k of oldRows.keys()) if (!newRows.has(k)) diff.removed.push(k);
  return diff;
}

export function diffSnapshots(old: DatasetSnapshot | null, next: DatasetSnapshot): DatasetDiff {
  const before = old?.resources ?? new Map<string, ResourceSnapshot>();
  const schema: SchemaChange[] = [];
  const resources: ResourceDiff[] = [];
  for (const [name, resource] of next.resources) {
    const previous = before.get(name);
    if (old && !previous) schema.push({ kind: 'resource-added', resource: name });
    if (previous) schema.push(...schemaChanges(previous, resource));
    resources.push(rowDiff(previous, resource));
  }
  for (const [name, resource] of before) {
    if (!next.resources.has(name)) {
      schema.push({ kind: 'resource-removed', resource: name });
      resources.push(rowDiff(resource, undefined));
    }
  }
  return { schema, resources };
}
