/**
 * privacy.attendee_names (DESIGN.md, "Personal data"): `publish` keeps names as the public acta
 * writes them, `initials` keeps only initials ("Juan Pablo" → "J. P."), `omit` removes them.
 * Applied to the attendance table and to records/<id>.json alike, so no format leaks what another hides.
 */
import type { Attendee, SessionRecord } from '../../model/index.ts';
import type { AttendeeNames } from './context.ts';

/** What records/<id>.json says instead of a name in `omit` mode: the record schema requires a last name. */
export const omittedName = '(omitido)';

/** "Juan Pablo" → "J. P."; "von Braun" → "v. B."; "Pérez-Cotapos" → "P.-C.". */
export const initials = (name: string): string =>
  name
    .split(' ')
    .filter((word) => word !== '')
    .map((word) =>
      word
        .split('-')
        .map((part) => (part === '' ? '' : `${String.fromCodePoint(part.codePointAt(0) as number)}.`))
        .join('-'),
    )
    .join(' ');

/** An attendee name in a table: as written, initials, or null. */
export function tableName(name: string | null, mode: AttendeeNames): string | null {
  if (name === null || mode === 'omit') return null;
  return mode === 'initials' ? initials(name) : name;
}

function publishedAttendee(a: Attendee, mode: AttendeeNames): Attendee {
  if (mode === 'publish') return a;
  if (mode === 'omit') return { ...a, last_name: omittedName, first_name: null };
  return { ...a, last_name: initials(a.last_name), first_name: a.first_name && initials(a.first_name) };
}

/** The record as published in records/<id>.json. */
export const publishedRecord = (record: SessionRecord, mode: AttendeeNames): SessionRecord =>
  mode === 'publish'
    ? record
    : { ...record, attendees: record.attendees.map((a) => publishedAttendee(a, mode)) };
