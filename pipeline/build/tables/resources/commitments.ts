import type { RecordRows } from '../context.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdField, textField, toSession } from './common.ts';

export const commitments: ResourceDefinition = {
  name: 'commitments',
  title: 'Compromisos',
  description:
    'Los compromisos del "Resumen de compromisos" de cada acta (no las listas numeradas del desarrollo). Ordenados por sesión y luego por número.',
  sheet: 'Compromisos',
  primaryKey: ['session_id', 'number'],
  order: ['session_id', 'number'],
  foreignKeys: [toSession],
  fields: [
    sessionIdField,
    ordinalField('number', 'N°', 'Número del compromiso en el resumen.'),
    textField('text', 'Compromiso', 'El compromiso, como está escrito.', true),
  ],
};

export const commitmentRows: RecordRows = (r) =>
  r.commitments.map((c) => ({ session_id: r.id, number: c.number, text: c.text }));
