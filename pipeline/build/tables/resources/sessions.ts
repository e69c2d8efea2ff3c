import type { RecordRows } from '../context.ts';
import type { FieldDefinition, ResourceDefinition } from '../table-schema.ts';
import { ordinalField, sessionIdPattern, textField } from './common.ts';

const dateField = (name: string, title: string, description: string): FieldDefinition => ({
  name,
  type: 'date',
  title,
  description: `${description} (AAAA-MM-DD); vacío si el acta no la indica.`,
});

const timeField = (name: string, title: string, description: string): FieldDefinition => ({
  name,
  type: 'time',
  title,
  description: `${description} (HH:MM, hora de Chile); vacía si el acta no la indica.`,
});

export const sessions: ResourceDefinition = {
  name: 'sessions',
  title: 'Sesiones',
  description:
    'Una fila por sesión de una mesa de trabajo, con los datos de su acta. Ordenadas por fecha y luego por identificador (las sin fecha al final).',
  sheet: 'Sesiones',
  primaryKey: ['session_id'],
  order: ['date', 'session_id'],
  foreignKeys: [],
  fields: [
    {
      name: 'session_id',
      type: 'string',
      title: 'Sesión',
      description:
        'Identificador estable de la sesión: fecha, número de mesa y número de sesión, p. ej. 2016-06-30-mesa-3-sesion-2. Es también el nombre de records/<id>.json.',
      required: true,
      pattern: sessionIdPattern,
    },
    ordinalField('working_group_number', 'N° de mesa', 'Número de la mesa de trabajo ("Mesa N°3" → 3).'),
    textField(
      'working_group_name',
      'Mesa',
      'Nombre de la mesa de trabajo, sin su número (p. ej. "Modernización del Estado").',
      true,
    ),
    ordinalField(
      'session_number',
      'N° de sesión',
      'Número de la sesión dentro de la mesa, tomado del ordinal del título ("segunda sesión" → 2).',
    ),
    textField('title', 'Título', 'Título de la sesión tal como está escrito en el acta.', true),
    dateField('date', 'Fecha', 'Fecha de la sesión'),
    timeField('start_time', 'Hora de inicio', 'Hora de inicio'),
    timeField('end_time', 'Hora de término', 'Hora de término'),
    textField('location', 'Lugar', 'Lugar donde se realizó la sesión.'),
    textField('convened_by', 'Convocada por', 'Quién convocó la reunión.'),
    dateField('convened_on', 'Fecha de convocatoria', 'Fecha de la convocatoria'),
    textField('objective', 'Objetivo', 'Objetivo de la sesión ("Objetivo de sesión").'),
    textField(
      'expected_output',
      'Producto esperado',
      'Producto esperado de la sesión ("Producto de la sesión").',
    ),
    textField(
      'prepared_by',
      'Acta elaborada por',
      'Quién elaboró el acta (como consta, a menudo con iniciales).',
    ),
    dateField('prepared_on', 'Fecha del acta', 'Fecha de elaboración del acta'),
    dateField('next_meeting', 'Próxima reunión', 'Fecha de la próxima reunión, si se fijó'),
    textField('distributed_to', 'Distribución', 'A quién se distribuyó el acta.'),
    {
      name: 'attendee_count',
      type: 'integer',
      title: 'N° de asistentes',
      description: 'Cuántas personas asistieron según el acta (filas de esta sesión en attendance).',
      required: true,
      minimum: 0,
    },
    textField(
      'inputs',
      'Insumos',
      'Insumos de la sesión ("Insumo"), uno por línea; vacío si el acta no los indica.',
    ),
    textField(
      'discussion',
      'Desarrollo',
      'Desarrollo de la sesión: el texto libre del acta, en Markdown (los saltos de línea son parte del texto).',
    ),
    textField(
      'observations',
      'Observaciones',
      'Observaciones del acta ("Obs"), una por línea; vacío si no hay.',
    ),
    textField(
      'source_file',
      'Documento de origen',
      'Nombre del documento del acta del que se importó el registro; vacío si el registro se escribió a mano.',
    ),
    {
      name: 'source_sha256',
      type: 'string',
      title: 'SHA-256 del documento',
      description:
        'Huella SHA-256 (hexadecimal) del documento de origen, para comprobar que es el mismo archivo; vacía si no hay documento.',
      pattern: '^[0-9a-f]{64}$',
    },
  ],
};

const lines = (items: readonly string[]): string | null => (items.length > 0 ? items.join('\n') : null);

export const sessionRows: RecordRows = (r) => [
  {
    session_id: r.id,
    working_group_number: r.working_group.number,
    working_group_name: r.working_group.name,
    session_number: r.session_number,
    title: r.title,
    date: r.date,
    start_time: r.start_time,
    end_time: r.end_time,
    location: r.location,
    convened_by: r.convened_by,
    convened_on: r.convened_on,
    objective: r.objective,
    expected_output: r.expected_output,
    prepared_by: r.prepared_by,
    prepared_on: r.prepared_on,
    next_meeting: r.next_meeting,
    distributed_to: r.distributed_to,
    attendee_count: r.attendees.length,
    inputs: lines(r.inputs),
    discussion: r.discussion === '' ? null : r.discussion,
    observations: lines(r.observations),
    source_file: r.source?.file ?? null,
    source_sha256: r.source?.sha256 ?? null,
  },
];
