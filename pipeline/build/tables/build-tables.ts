/**
 * Records in, tables out (pure). Each table's rows are sorted in the documented order, so the same
 * records always give the same rows whatever order the files were read in.
 */
import type { Problem } from '../../errors/problem.ts';
import type { SessionRecord } from '../../model/index.ts';
import { checkTables } from './check-tables.ts';
import type { TableContext } from './context.ts';
import { organizationRows, organizations } from './resources/organizations.ts';
import { recordRows, resources } from './resources.ts';
import { sortRows } from './sort-rows.ts';
import type { ResourceDefinition, Row } from './table-schema.ts';

export interface Table {
  resource: ResourceDefinition;
  rows: readonly Row[];
}

export interface TablesResult {
  /** The eight tables, in publication order. */
  tables: Table[];
  problems: Problem[];
}

export function buildTables(records: readonly SessionRecord[], ctx: TableContext): TablesResult {
  const tables = resources.map((resource): Table => {
    const rowsOf = recordRows.get(resource.name);
    const rows =
      resource.name === organizations.name
        ? organizationRows(ctx.organizations)
        : records.flatMap((record) => rowsOf?.(record, ctx) ?? []);
    return { resource, rows: sortRows(rows, resource.order) };
  });
  return { tables, problems: checkTables(tables) };
}
