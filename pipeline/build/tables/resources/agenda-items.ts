import type { RecordRows } from '../context.ts';
import type { ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdField, textField, toSession } from './common.ts';

export const agendaItems: ResourceDefinition = {
  name: 'agenda_items',
  title: 'Programa',
  description:
    'Los puntos del programa de cada sesión, en el orden del acta. Ordenadas por sesión y luego por posición.',
  sheet: 'Programa',
  primaryKey: ['session_id', 'position'],
  order: ['session_id', 'position'],
  foreignKeys: [toSession],
  fields: [
    sessionIdField,
    ordinalField('position', 'Posición', 'Lugar del punto en el programa: 1, 2, 3…'),
    {
      name: 'start_time',
      type: 'time',
      title: 'Hora de inicio',
      description: 'Hora de inicio del punto (HH:MM); vacía si el acta no la indica.',
    },
    {
      name: 'end_time',
      type: 'time',
      title: 'Hora de término',
      description: 'Hora de término del punto (HH:MM); vacía si el acta no la indica.',
    },
    textField('title', 'Punto', 'El punto del programa, como está escrito.', true),
  ],
};

export const agendaItemRows: RecordRows = (r) =>
  r.agenda.map((item, i) => ({
    session_id: r.id,
    position: i + 1,
    start_time: item.start_time,
    end_time: item.end_time,
    title: item.title,
  }));
