/** Fields and keys several tables share, written once. */
import type { FieldDefinition, ForeignKeyDefinition } from '../table-schema.ts';

export const sessionIdPattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}-mesa-[0-9]+-sesion-[0-9]+$';

export const sessionIdField: FieldDefinition = {
  name: 'session_id',
  type: 'string',
  title: 'Sesión',
  description:
    'Identificador de la sesión (fecha, número de mesa y número de sesión), p. ej. 2016-06-30-mesa-3-sesion-2. Enlaza con la tabla sessions.',
  required: true,
  pattern: sessionIdPattern,
};

export const toSession: ForeignKeyDefinition = {
  fields: ['session_id'],
  resource: 'sessions',
  referencedFields: ['session_id'],
};

export const toOrganization = (field: string): ForeignKeyDefinition => ({
  fields: [field],
  resource: 'organizations',
  referencedFields: ['organization_id'],
});

export const sectorCategories = [
  { value: 'government', label: 'Gobierno' },
  { value: 'civil_society', label: 'Sociedad civil' },
] as const;

/** A position, number or rank: 1, 2, 3… within a session. */
export const ordinalField = (name: string, title: string, description: string): FieldDefinition => ({
  name,
  type: 'integer',
  title,
  description,
  required: true,
  minimum: 1,
});

export const textField = (
  name: string,
  title: string,
  description: string,
  required = false,
): FieldDefinition => ({ name, type: 'string', title, description, ...(required ? { required } : {}) });
