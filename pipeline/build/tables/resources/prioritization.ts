import type { RecordRows } from '../context.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdField, textField, toSession } from './common.ts';

export const prioritization: ResourceDefinition = {
  name: 'prioritization',
  title: 'Priorización',
  description:
    'La propuesta de priorización de cada sesión, del primer lugar en adelante. Ordenadas por sesión y luego por lugar.',
  sheet: 'Priorización',
  primaryKey: ['session_id', 'rank'],
  order: ['session_id', 'rank'],
  foreignKeys: [toSession],
  fields: [
    sessionIdField,
    ordinalField('rank', 'Lugar', 'Lugar en la priorización: 1 es la primera prioridad.'),
    textField('text', 'Propuesta', 'La propuesta priorizada, como está escrita.', true),
  ],
};

export const prioritizationRows: RecordRows = (r) =>
  r.prioritization.map((p) => ({ session_id: r.id, rank: p.rank, text: p.text }));
