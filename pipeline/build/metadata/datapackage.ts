/**
 * datapackage.json, Data Package v2. Each table's resource is its CSV file (with dialect, size,
 * hash and Table Schema); its typed JSON twin is named in the custom property `actas:json` with
 * its own size and hash, rather than as a second resource, so that tools see eight tables, not
 * sixteen (custom properties are namespaced, as the v2 specification recommends).
 */
import type { SessionRecord } from '../../model/index.ts';
import { sha256 } from '../digest.ts';
import { csvDialect } from '../formats/csv.ts';
import { neutralisationNote } from '../formats/neutralize.ts';
import { csvPath, jsonPath } from '../paths.ts';
import type { Table } from '../tables/build-tables.ts';
import { tableSchema } from '../tables/table-schema.ts';
import { type DatasetInfo, isEmail } from './dataset-info.ts';
import { formatsNote, privacyNote } from './notes.ts';
import { uuidV5 } from './uuid.ts';

export const datapackageProfile = 'https://datapackage.org/profiles/2.0/datapackage.json';

export interface DatapackageInput {
  info: DatasetInfo;
  tables: readonly Table[];
  /** Records in published order: their source documents are the package's sources. */
  records: readonly SessionRecord[];
  files: ReadonlyMap<string, Uint8Array>;
}

/** A stable, globally unique id: the published address when there is one, else a UUID from the name. */
export const datasetId = (info: DatasetInfo): string =>
  info.baseUrl ?? info.homepage ?? `urn:uuid:${uuidV5(`urn:actas-abiertas:dataset:${info.name}`)}`;

function fileFacts(files: ReadonlyMap<string, Uint8Array>, path: string) {
  const bytes = files.get(path);
  if (!bytes) throw new Error(`${path} must be built before datapackage.json`);
  return { bytes: bytes.length, hash: `sha256:${sha256(bytes)}` };
}

export function datapackage({ info, tables, records, files }: DatapackageInput): Record<string, unknown> {
  const contributor: Record<string, unknown> = { title: info.publisher, roles: ['publisher'] };
  if (info.contact && isEmail(info.contact)) contributor.email = info.contact;
  if (info.homepage) contributor.path = info.homepage;
  return {
    $schema: datapackageProfile,
    name: info.name,
    id: datasetId(info),
    title: info.title,
    description: [info.description, formatsNote, neutralisationNote, privacyNote(info.attendeeNames)].join(
      '\n\n',
    ),
    version: info.version,
    created: info.created,
    ...(info.homepage ? { homepage: info.homepage } : {}),
    ...(info.keywords.length > 0 ? { keywords: info.keywords } : {}),
    licenses: [{ name: info.license.id, path: info.license.url, title: info.license.title }],
    contributors: [contributor],
    sources: records.flatMap((r) =>
      r.source
        ? [
            {
              title: `Acta de la sesión ${r.id} (${r.source.file})`,
              'actas:session_id': r.id,
              'actas:file': r.source.file,
              'actas:format': r.source.format,
              'actas:sha256': r.source.sha256,
            },
          ]
        : [],
    ),
    resources: tables.map(({ resource }) => ({
      name: resource.name,
      type: 'table',
      path: csvPath(resource.name),
      title: resource.title,
      description: resource.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileFacts(files, csvPath(resource.name)),
      dialect: { ...csvDialect },
      schema: tableSchema(resource),
      'actas:json': {
        path: jsonPath(resource.name),
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        ...fileFacts(files, jsonPath(resource.name)),
      },
    })),
  };
}
