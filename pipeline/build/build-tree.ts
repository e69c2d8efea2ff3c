/**
 * The builder's core: records in, the whole published tree out, as bytes in memory. Pure except
 * that it reads the project's JSON Schemas (part of the program) and, given a store, reuses the
 * outputs of earlier builds whose keys match. Same records, version and clock → same bytes.
 */
import { problem } from '../errors/catalog/index.ts';
import { hasErrors, type Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import { renderSite } from '../site/index.ts';
import { sitePageNames } from '../site/site-files.ts';
import { sha256 } from './digest.ts';
import { extraFileProblems } from './extra-files.ts';
import { artifactKey } from './fingerprint.ts';
import { tableCsv } from './formats/csv.ts';
import { utf8 } from './formats/encode.ts';
import { prettyJson, recordJson, tableJson } from './formats/json.ts';
import { buildSqlite } from './formats/sqlite.ts';
import { buildWorkbook } from './formats/xlsx.ts';
import { excelLimitProblems } from './formats/xlsx-limits.ts';
import { catalog } from './metadata/catalog.ts';
import { checksumsFile } from './metadata/checksums.ts';
import { citationFile } from './metadata/citation.ts';
import { datapackage, datasetId } from './metadata/datapackage.ts';
import { datasetCard } from './metadata/dataset-card.ts';
import { datasetInfo } from './metadata/dataset-info.ts';
import { recordSchemaFiles } from './metadata/record-schemas.ts';
import {
  cardPath,
  catalogPath,
  checksumsPath,
  citationPath,
  csvPath,
  datapackagePath,
  jsonPath,
  recordPath,
  sqlitePath,
  workbookPath,
} from './paths.ts';
import { buildTables } from './tables/build-tables.ts';
import { publishedRecord } from './tables/privacy.ts';
import { compareCells } from './tables/sort-rows.ts';
import type { ArtifactStore, BuildInput, BuildReport, BuiltArtifact, PublishedTree } from './types.ts';

// Semantic Versioning 2.0.0, without build metadata (a published version is one thing).
const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const noStore: ArtifactStore = { get: async () => undefined };

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sortedTree = (files: ReadonlyMap<string, Uint8Array>): PublishedTree =>
  new Map([...files.keys()].sort(byPath).map((p) => [p, files.get(p) as Uint8Array]));

/** Records in the order of the sessions table: by date (undated last), then id. */
const publishedOrder = (records: readonly SessionRecord[]): SessionRecord[] =>
  [...records].sort((a, b) => compareCells(a.date, b.date) || compareCells(a.id, b.id));

/** The key of the whole tree: every input, through the published records (privacy already applied). */
function treeKey(input: BuildInput, recordFiles: ReadonlyMap<string, Uint8Array>): string {
  const extras = [...(input.extraFiles ?? new Map<string, Uint8Array>())].sort(([a], [b]) => byPath(a, b));
  return artifactKey(
    'tree',
    ...[...recordFiles].flatMap(([path, bytes]) => [path, sha256(bytes)]),
    sha256(JSON.stringify(input.organizations.organizations)),
    sha256(JSON.stringify(input.config)),
    input.version,
    input.created.toISOString(),
    ...extras.flatMap(([path, bytes]) => [path, sha256(bytes)]),
  );
}

/** Takes one file from the store, or makes it; either way records it as a keyed artifact. */
async function keyed(
  store: ArtifactStore,
  artifacts: BuiltArtifact[],
  key: string,
  path: string,
  make: () => Uint8Array | Promise<Uint8Array>,
): Promise<Uint8Array> {
  artifacts.push({ key, paths: [path], problems: [] });
  return (await store.get(key))?.files.get(path) ?? (await make());
}

export async function buildTreeReport(
  input: BuildInput,
  store: ArtifactStore = noStore,
): Promise<BuildReport> {
  const { config, version, created } = input;
  const extraFiles = input.extraFiles ?? new Map<string, Uint8Array>();
  const problems: Problem[] = [];
  if (!semver.test(version)) problems.push(problem('ACTAS-E303', { version }));
  problems.push(...extraFileProblems(extraFiles));
  if (hasErrors(problems)) return { tree: new Map(), problems, artifacts: [] };

  const attendeeNames = config.privacy.attendee_names;
  const records = publishedOrder(input.records);
  const recordFiles = new Map(
    records.map((r) => [recordPath(r.id), recordJson(publishedRecord(r, attendeeNames))] as const),
  );
  const wholeKey = treeKey(input, recordFiles);
  const previous = await store.get(wholeKey);
  if (previous) {
    const paths = [...previous.files.keys()];
    const artifact = { key: wholeKey, paths, problems: previous.problems };
    return { tree: sortedTree(previous.files), problems: [...previous.problems], artifacts: [artifact] };
  }

  const tablesResult = buildTables(records, { organizations: input.organizations, attendeeNames });
  problems.push(...tablesResult.problems);
  if (hasErrors(problems)) return { tree: new Map(), problems, artifacts: [] };
  const { tables } = tablesResult;
  problems.push(...excelLimitProblems(tables));

  const info = datasetInfo(config, version, created);
  const files = new Map<string, Uint8Array>(recordFiles);
  const artifacts: BuiltArtifact[] = [];
  for (const [path, bytes] of recordSchemaFiles()) files.set(path, bytes);

  // The JSON twins hold every value: their digests key everything else derived from the rows.
  const rowDigests: string[] = [];
  for (const table of tables) {
    const json = tableJson(table);
    const digest = sha256(json);
    rowDigests.push(digest);
    files.set(jsonPath(table.resource.name), json);
    const path = csvPath(table.resource.name);
    const key = artifactKey('csv', table.resource.name, digest);
    files.set(path, await keyed(store, artifacts, key, path, () => tableCsv(table)));
  }
  try {
    const key = artifactKey('sqlite', ...rowDigests);
    files.set(sqlitePath, await keyed(store, artifacts, key, sqlitePath, () => buildSqlite(tables)));
  } catch (error) {
    problems.push(problem('ACTAS-E305', { file: sqlitePath, detail: (error as Error).message }));
  }
  try {
    // Exactly what the workbook is made of is what keys it: the rows and the info without the instant.
    const { created: _instant, ...workbookInfo } = info;
    const key = artifactKey('xlsx', ...rowDigests, JSON.stringify(workbookInfo));
    const make = () => buildWorkbook({ info: workbookInfo, tables });
    files.set(workbookPath, await keyed(store, artifacts, key, workbookPath, make));
  } catch (error) {
    problems.push(problem('ACTAS-E305', { file: workbookPath, detail: (error as Error).message }));
  }
  if (hasErrors(problems)) return { tree: new Map(), problems, artifacts: [] };

  for (const [path, bytes] of extraFiles) files.set(path, bytes);
  files.set(datapackagePath, prettyJson(datapackage({ info, tables, records, files })));
  // The landing page is rendered last (it shows the hashes of the files above); the card names it ahead.
  const sitePaths = [...sitePageNames, ...records.map((r) => `records/${r.id}.html`), 'assets/'];
  const paths = [...files.keys(), cardPath, citationPath, catalogPath, checksumsPath, ...sitePaths].sort(
    byPath,
  );
  files.set(cardPath, utf8(datasetCard({ info, tables, paths })));
  files.set(citationPath, utf8(citationFile(info)));
  files.set(catalogPath, prettyJson(catalog({ info, tables, files, datasetId: datasetId(info) })));
  // The landing page shows every file above with its size and hash, so it comes after them; the
  // checksums come last and cover the page too.
  for (const [path, bytes] of renderSite({ files, config })) files.set(path, bytes);
  files.set(checksumsPath, utf8(checksumsFile(files)));

  const tree = sortedTree(files);
  artifacts.push({ key: wholeKey, paths: [...tree.keys()], problems });
  return { tree, problems, artifacts };
}

/**
 * The published tree for the given input. Throws only when the caller passes what the pipeline
 * never produces (an invalid version, an extra file over a generated one, unvalidated records):
 * stages that handle user input use `buildTreeReport` or `runBuild`, which return problems.
 */
export async function buildTree(input: BuildInput): Promise<PublishedTree> {
  const { tree, problems } = await buildTreeReport(input);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.code}: ${p.message_en}`).join('\n'));
  return tree;
}
