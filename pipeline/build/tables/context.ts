import type { Config } from '../../config/config.ts';
import type { SessionRecord } from '../../model/index.ts';
import { type OrganizationIndex, resolveOrganization } from '../../organizations/registry.ts';
import type { Row } from './table-schema.ts';

export type AttendeeNames = Config['privacy']['attendee_names'];

/** What turning records into rows needs besides the records. */
export interface TableContext {
  organizations: OrganizationIndex;
  attendeeNames: AttendeeNames;
}

/** Rows one session record contributes to a table, in the order the acta lists them. */
export type RecordRows = (record: SessionRecord, ctx: TableContext) => Row[];

/** The registry id of an organisation named in an acta; null when the registry does not know the name. */
export const organizationId = (ctx: TableContext, name: string | null): string | null =>
  name === null ? null : (resolveOrganization(ctx.organizations, name)?.id ?? null);
