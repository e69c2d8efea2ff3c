/**
 * Semantic versioning for data (DESIGN.md): MAJOR when the structure breaks (a resource or field
 * removed or renamed, a type or key changed), MINOR when data or fields are added, PATCH when
 * existing values are corrected or rows removed. Computed from the diff, never typed by hand.
 */
import { plural } from '../text/plural.ts';
import type { DatasetDiff, SchemaChange } from './diff.ts';

export type Bump = 'major' | 'minor' | 'patch';

const breaking: ReadonlyArray<SchemaChange['kind']> = [
  'resource-removed',
  'field-removed',
  'field-renamed',
  'type-changed',
  'key-changed',
];

export interface BumpDecision {
  bump: Bump;
  /** Why, in Spanish, one line per reason. */
  reasons: string[];
}

export function describeSchemaChange(c: SchemaChange): string {
  switch (c.kind) {
    case 'resource-added':
      return `se agregó la tabla ${c.resource}`;
    case 'resource-removed':
      return `se eliminó la tabla ${c.resource}`;
    case 'field-added':
      return `se agregó el campo ${c.resource}.${c.field}`;
    case 'field-removed':
      return `se eliminó el campo ${c.resource}.${c.field}`;
    case 'field-renamed':
      return `el campo ${c.resource}.${c.from} pasó a llamarse ${c.to}`;
    case 'type-changed':
      return `el campo ${c.resource}.${c.field} cambió de tipo (${c.from} → ${c.to})`;
    case 'key-changed':
      return `la clave primaria de ${c.resource} cambió (${c.from.join(', ')} → ${c.to.join(', ')})`;
  }
}

/**
 * The bump a diff implies, or null when the data did not change. `presentationChanged` says that
 * some other published file (dataset card, landing page, metadata) differs: that alone is a PATCH.
 */
export function decideBump(diff: DatasetDiff, presentationChanged = false): BumpDecision | null {
  const structural = diff.schema.filter((c) => breaking.includes(c.kind));
  if (structural.length > 0) return { bump: 'major', reasons: structural.map(describeSchemaChange) };

  const additions = diff.schema.filter((c) => !breaking.includes(c.kind)).map(describeSchemaChange);
  for (const r of diff.resources) {
    if (r.added.length > 0)
      additions.push(`${plural(r.added.length, 'fila nueva', 'filas nuevas')} en ${r.resource}`);
  }
  if (additions.length > 0) return { bump: 'minor', reasons: additions };

  const corrections: string[] = [];
  for (const r of diff.resources) {
    if (r.changed.length > 0)
      corrections.push(`${plural(r.changed.length, 'fila corregida', 'filas corregidas')} en ${r.resource}`);
    if (r.removed.length > 0)
      corrections.push(`${plural(r.removed.length, 'fila eliminada', 'filas eliminadas')} de ${r.resource}`);
  }
  if (corrections.length > 0) return { bump: 'patch', reasons: corrections };
  if (presentationChanged) {
    return { bump: 'patch', reasons: ['cambiaron los metadatos o la presentación, no los datos'] };
  }
  return null;
}

/** The version after `current` with this bump; the first publication is 1.0.0. */
export function nextVersion(current: string | null, bump: Bump): string {
  if (!current) return '1.0.0';
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) throw new Error(`versión publicada inválida: "${current}"`);
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
