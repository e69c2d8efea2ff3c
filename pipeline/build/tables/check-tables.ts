/**
 * The keys the Table Schemas declare, checked on the rows before anything is written: a primary
 * key is unique and every foreign key resolves. Validated records always pass; a failure means a
 * caller handed the builder records that skipped validation, and it is reported, not thrown.
 */
import { problem } from '../../errors/catalog/index.ts';
import type { Problem } from '../../errors/problem.ts';
import type { Table } from './build-tables.ts';
import type { Row } from './table-schema.ts';

const keyOf = (row: Row, fields: readonly string[]): string =>
  fields.map((f) => String(row[f] ?? '')).join('/');

export function checkTables(tables: readonly Table[]): Problem[] {
  const problems: Problem[] = [];
  const keys = new Map<string, Set<string>>();
  for (const { resource, rows } of tables) {
    const seen = new Set<string>();
    for (const row of rows) {
      const key = keyOf(row, resource.primaryKey);
      if (seen.has(key)) problems.push(problem('ACTAS-E301', { resource: resource.name, key }));
      seen.add(key);
    }
    keys.set(resource.name, seen);
  }
  for (const { resource, rows } of tables) {
    for (const fk of resource.foreignKeys) {
      const target = keys.get(fk.resource) ?? new Set<string>();
      for (const row of rows) {
        if (fk.fields.some((f) => row[f] === null || row[f] === undefined)) continue;
        const value = keyOf(row, fk.fields);
        if (!target.has(value)) {
          problems.push(
            problem('ACTAS-E302', {
              resource: resource.name,
              field: fk.fields.join(', '),
              value,
              target: fk.resource,
            }),
          );
        }
      }
    }
  }
  return problems;
}
