/**
 * How a published table is described, once: each resource's fields, keys and Spanish titles live
 * in one definition, and every output (CSV header, JSON rows, datapackage.json, SQLite DDL, XLSX
 * column titles, the dataset card's dictionary) is derived from it, so they cannot disagree.
 */

/** The Table Schema types the dataset uses. */
export type FieldType = 'string' | 'integer' | 'date' | 'time';

/** How the card and the Léeme sheet name each type. */
export const spanishTypeNames: Record<FieldType, string> = {
  string: 'texto',
  integer: 'número entero',
  date: 'fecha',
  time: 'hora',
};

/** A cell: text, a whole number, or null where the acta does not say. Dates and times are ISO text. */
export type Cell = string | number | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Category {
  value: string;
  /** Spanish label. */
  label: string;
}

export interface FieldDefinition {
  name: string;
  type: FieldType;
  /** Spanish column title (the XLSX header). */
  title: string;
  /** Spanish description (the data dictionary). */
  description: string;
  required?: boolean;
  minimum?: number;
  pattern?: string;
  /** The allowed values of a coded text field, with Spanish labels. */
  categories?: readonly Category[];
}

export interface ForeignKeyDefinition {
  fields: readonly string[];
  resource: string;
  referencedFields: readonly string[];
}

export interface ResourceDefinition {
  /** Machine name: the file name (data/<name>.csv), the SQLite table and the JSON twin. */
  name: string;
  /** Spanish title. */
  title: string;
  /** Spanish description, including the order of the rows. */
  description: string;
  /** Spanish sheet name in actas.xlsx (Excel allows at most 31 characters). */
  sheet: string;
  fields: readonly FieldDefinition[];
  primaryKey: readonly string[];
  /** Fields the rows are sorted by (nulls last); documented in `description`. */
  order: readonly string[];
  foreignKeys: readonly ForeignKeyDefinition[];
}

/** Times are published as HH:MM, as actas write them; Table Schema's default would be HH:MM:SS. */
export const timeFormat = '%H:%M';

/** The Table Schema (Data Package v2) of a resource. */
export function tableSchema(resource: ResourceDefinition): Record<string, unknown> {
  return {
    fields: resource.fields.map(fieldDescriptor),
    missingValues: [''],
    primaryKey: [...resource.primaryKey],
    ...(resource.foreignKeys.length > 0
      ? {
          foreignKeys: resource.foreignKeys.map((fk) => ({
            fields: [...fk.fields],
            reference: { resource: fk.resource, fields: [...fk.referencedFields] },
          })),
        }
      : {}),
  };
}

function fieldDescriptor(field: FieldDefinition): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.minimum !== undefined) constraints.minimum = field.minimum;
  if (field.pattern !== undefined) constraints.pattern = field.pattern;
  if (field.categories) constraints.enum = field.categories.map((c) => c.value);
  return {
    name: field.name,
    type: field.type,
    ...(field.type === 'time' ? { format: timeFormat } : {}),
    title: field.title,
    description: field.description,
    ...(field.categories ? { categories: field.categories.map((c) => ({ ...c })) } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}
