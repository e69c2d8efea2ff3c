import { organizationId, type RecordRows } from '../context.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdField, textField, toOrganization, toSession } from './common.ts';

export const initiatives: ResourceDefinition = {
  name: 'initiatives',
  title: 'Iniciativas',
  description:
    'Las iniciativas (propuestas de compromiso) discutidas en cada sesión. Ordenadas por sesión y luego por número.',
  sheet: 'Iniciativas',
  primaryKey: ['session_id', 'number'],
  order: ['session_id', 'number'],
  foreignKeys: [toSession, toOrganization('origin_organization_id')],
  fields: [
    sessionIdField,
    ordinalField('number', 'N°', 'Número de la iniciativa en la lista del acta.'),
    textField('name', 'Iniciativa', 'Nombre de la iniciativa.', true),
    textField('origin', 'Origen', 'Quién la propuso, como está escrito en el acta.'),
    textField(
      'origin_organization_id',
      'Organización de origen',
      'Identificador de la organización de origen en la tabla organizations; vacío si el origen no está en el registro de organizaciones.',
    ),
    textField('previous_result', 'Resultado anterior', 'Resultado de la iniciativa en la sesión anterior.'),
  ],
};

export const initiativeRows: RecordRows = (r, ctx) =>
  r.initiatives.map((x) => ({
    session_id: r.id,
    number: x.number,
    name: x.name,
    origin: x.origin,
    origin_organization_id: organizationId(ctx, x.origin),
    previous_result: x.previous_result,
  }));
