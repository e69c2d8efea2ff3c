import type { RecordRows } from '../context.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdField, textField, toSession } from './common.ts';

export const agreements: ResourceDefinition = {
  name: 'agreements',
  title: 'Acuerdos',
  description:
    'Los acuerdos de cada sesión (bajo "CONCLUSIONES" en el acta), en su orden. Ordenados por sesión y luego por posición.',
  sheet: 'Acuerdos',
  primaryKey: ['session_id', 'position'],
  order: ['session_id', 'position'],
  foreignKeys: [toSession],
  fields: [
    sessionIdField,
    ordinalField('position', 'Posición', 'Lugar del acuerdo en la lista: 1, 2, 3…'),
    textField('text', 'Acuerdo', 'El acuerdo, como está escrito.', true),
  ],
};

export const agreementRows: RecordRows = (r) =>
  r.agreements.map((text, i) => ({ session_id: r.id, position: i + 1, text }));
