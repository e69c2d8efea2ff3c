import { organizationId, type RecordRows } from '../context.ts';
import { tableName } from '../privacy.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import {
  ordinalField,
  sectorCategories,
  sessionIdField,
  textField,
  toOrganization,
  toSession,
} from './common.ts';

const nameNote =
  'Publicado como consta en el acta pública, solo con iniciales o vacío, según la configuración de privacidad del conjunto de datos (ver README.md).';

export const attendance: ResourceDefinition = {
  name: 'attendance',
  title: 'Asistencia',
  description:
    'Quién asistió a cada sesión, por sector, con su institución u organización. Ordenada por sesión y luego por el orden de la lista del acta.',
  sheet: 'Asistencia',
  primaryKey: ['session_id', 'position'],
  order: ['session_id', 'position'],
  foreignKeys: [toSession, toOrganization('organization_id')],
  fields: [
    sessionIdField,
    ordinalField('position', 'Posición', 'Lugar de la persona en la lista de asistentes del acta: 1, 2, 3…'),
    {
      name: 'sector',
      type: 'string',
      title: 'Sector',
      description: 'Sector al que asiste: government (gobierno) o civil_society (sociedad civil).',
      required: true,
      categories: sectorCategories,
    },
    textField('last_name', 'Apellido', `Apellido. ${nameNote}`),
    textField('first_name', 'Nombre', `Nombre. ${nameNote}`),
    textField(
      'organization',
      'Institución u organización',
      'Institución u organización, como está escrita en el acta.',
    ),
    textField(
      'organization_id',
      'Organización (id)',
      'Identificador de la organización en la tabla organizations; vacío si el nombre no está en el registro de organizaciones.',
    ),
  ],
};

export const attendanceRows: RecordRows = (r, ctx) =>
  r.attendees.map((a, i) => ({
    session_id: r.id,
    position: i + 1,
    sector: a.sector,
    last_name: tableName(a.last_name, ctx.attendeeNames),
    first_name: tableName(a.first_name, ctx.attendeeNames),
    organization: a.organization,
    organization_id: organizationId(ctx, a.organization),
  }));
