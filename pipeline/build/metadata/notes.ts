/** Sentences the dataset card, the Léeme sheet and datapackage.json share (Spanish first). */
import type { AttendeeNames } from '../tables/context.ts';
import { omittedName } from '../tables/privacy.ts';
import { type DatasetInfo, isEmail } from './dataset-info.ts';

const privacyNotes: Record<AttendeeNames, string> = {
  publish:
    'Los nombres de los asistentes se publican tal como constan en el acta pública (funcionarios en ejercicio de su cargo y representantes de organizaciones en una reunión pública de participación).',
  initials:
    'Los nombres de los asistentes se publican solo con sus iniciales (p. ej. "J. P." por "Juan Pablo").',
  omit: `Los nombres de los asistentes se omiten: en la tabla attendance el apellido y el nombre quedan vacíos, y en records/<id>.json el apellido dice "${omittedName}".`,
};

export const privacyNote = (mode: AttendeeNames): string =>
  `${privacyNotes[mode]} Nunca se publican datos de contacto (correos, teléfonos ni RUT).`;

export const privacyNoteEn: Record<AttendeeNames, string> = {
  publish: 'Attendee names are published as they appear in the public minutes.',
  initials: 'Attendee names are published as initials only.',
  omit: 'Attendee names are omitted.',
};

/** How to report an error: the configured contact, or an issue in the published repository. */
export function reportErrorNote(info: Pick<DatasetInfo, 'contact'>): string {
  const contact = info.contact;
  if (contact && isEmail(contact))
    return `Si encuentra un error, escriba a ${contact} indicando el archivo, la fila y el valor.`;
  if (contact)
    return `Si encuentra un error, repórtelo en ${contact} indicando el archivo, la fila y el valor.`;
  return 'Si encuentra un error, abra un issue en el repositorio donde se publica este conjunto de datos, indicando el archivo, la fila y el valor.';
}

/** The suggested citation (APA-like, Spanish). */
export function citationText(info: Omit<DatasetInfo, 'created'>): string {
  const url = info.homepage ?? info.baseUrl;
  const where = url ? ` ${url}.` : '';
  return `${info.publisher} (${info.date.slice(0, 4)}). ${info.title} (versión ${info.version}) [conjunto de datos].${where} Licencia ${info.license.id}.`;
}

export const formatsNote =
  'Cada tabla se publica en CSV (data/<tabla>.csv, el recurso que describe datapackage.json) y en JSON con tipos (data/<tabla>.json: números como números y null donde el acta no dice nada), además de reunidas en actas.xlsx y actas.sqlite.';
