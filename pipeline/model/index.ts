/**
 * The data model. Types come from the JSON Schemas (schema-types.ts is generated from them), so
 * what TypeScript accepts is what validation accepts; here they get the short names the code uses.
 */
import type { ConfigFile, OrganizationRegistry, SessionRecord } from './schema-types.ts';

export type { ConfigFile, OrganizationRegistry, SessionRecord };
export type WorkingGroup = SessionRecord['working_group'];
export type AgendaItem = SessionRecord['agenda'][number];
export type Initiative = SessionRecord['initiatives'][number];
export type PrioritizedProposal = SessionRecord['prioritization'][number];
export type Attendee = SessionRecord['attendees'][number];
export type Commitment = SessionRecord['commitments'][number];
export type RecordSource = NonNullable<SessionRecord['source']>;
export type Sector = Attendee['sector'];
export type Organization = OrganizationRegistry['organizations'][number];

/** Keys of a session record in the order the acta reads; records are always written in this order. */
export const recordKeyOrder = [
  'id',
  'working_group',
  'session_number',
  'title',
  'date',
  'start_time',
  'end_time',
  'location',
  'convened_by',
  'convened_on',
  'objective',
  'expected_output',
  'inputs',
  'agenda',
  'initiatives',
  'prioritization',
  'attendees',
  'discussion',
  'agreements',
  'commitments',
  'observations',
  'prepared_by',
  'prepared_on',
  'next_meeting',
  'distributed_to',
  'source',
] as const satisfies ReadonlyArray<keyof SessionRecord>;
