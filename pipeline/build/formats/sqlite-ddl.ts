/**
 * SQLite DDL from the Table Schemas: one table per resource with its primary and foreign keys,
 * NOT NULL where a field is required, an index on every foreign key the primary key does not
 * already cover, and each Spanish title as a comment (sqlite3's .schema and Datasette show them).
 */
import type { ResourceDefinition } from '../tables/table-schema.ts';

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const list = (names: readonly string[]): string => names.map(q).join(', ');
const comment = (text: string): string => `-- ${text.replace(/[\r\n]+/g, ' ')}`;

export function createTableSql(resource: ResourceDefinition): string {
  const lines = resource.fields.map((f) => {
    const type = f.type === 'integer' ? 'INTEGER' : 'TEXT';
    return `  ${q(f.name)} ${type}${f.required ? ' NOT NULL' : ''}, ${comment(f.title)}`;
  });
  const constraints = [
    `  PRIMARY KEY (${list(resource.primaryKey)})`,
    ...resource.foreignKeys.map(
      (fk) =>
        `  FOREIGN KEY (${list(fk.fields)}) REFERENCES ${q(fk.resource)} (${list(fk.referencedFields)})`,
    ),
  ];
  return `CREATE TABLE ${q(resource.name)} ( ${comment(resource.title)}\n${lines.join('\n')}\n${constraints.join(',\n')}\n)`;
}

export function createIndexSql(resource: ResourceDefinition): string[] {
  return resource.foreignKeys
    .filter((fk) => !fk.fields.every((f, i) => resource.primaryKey[i] === f))
    .map(
      (fk) =>
        `CREATE INDEX ${q(`${resource.name}_${fk.fields.join('_')}_idx`)} ON ${q(resource.name)} (${list(fk.fields)})`,
    );
}

export const insertSql = (resource: ResourceDefinition): string =>
  `INSERT INTO ${q(resource.name)} (${list(resource.fields.map((f) => f.name))}) VALUES (${resource.fields.map(() => '?').join(', ')})`;

/** Tables referenced by others first, so that rows can be inserted with foreign keys enforced. */
export const insertionOrder = (resources: readonly ResourceDefinition[]): ResourceDefinition[] => [
  ...resources.filter((r) => r.foreignKeys.length === 0),
  ...resources.filter((r) => r.foreignKeys.length > 0),
];
