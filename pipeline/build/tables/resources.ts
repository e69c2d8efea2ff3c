/** The eight published tables, in the order DESIGN.md lists them (and every output repeats). */
import type { RecordRows } from './context.ts';
import { agendaItemRows, agendaItems } from './resources/agenda-items.ts';
import { agreementRows, agreements } from './resources/agreements.ts';
import { attendance, attendanceRows } from './resources/attendance.ts';
import { commitmentRows, commitments } from './resources/commitments.ts';
import { initiativeRows, initiatives } from './resources/initiatives.ts';
import { organizations } from './resources/organizations.ts';
import { prioritization, prioritizationRows } from './resources/prioritization.ts';
import { sessionRows, sessions } from './resources/sessions.ts';
import type { ResourceDefinition } from './table-schema.ts';

export const resources: readonly ResourceDefinition[] = [
  sessions,
  agendaItems,
  initiatives,
  prioritization,
  attendance,
  commitments,
  agreements,
  organizations,
];

/** How each table made of session records gets its rows; organizations come from the registry. */
export const recordRows: ReadonlyMap<string, RecordRows> = new Map([
  [sessions.name, sessionRows],
  [agendaItems.name, agendaItemRows],
  [initiatives.name, initiativeRows],
  [prioritization.name, prioritizationRows],
  [attendance.name, attendanceRows],
  [commitments.name, commitmentRows],
  [agreements.name, agreementRows],
]);

export const resourceNamed = (name: string): ResourceDefinition | undefined =>
  resources.find((r) => r.name === name);
