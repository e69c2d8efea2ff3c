/**
 * What the site shows, read from the published files only (datapackage.json, data/*.json,
 * records/*.json, CITATION.cff, changes/*.json), so the page can never say something the data
 * does not. The builder made these files; a missing or malformed one is a programming error.
 */

import { parse as parseYaml } from 'yaml';
import { sha256 } from '../build/digest.ts';
import type { SessionRecord } from '../model/index.ts';

export type Cell = string | number | null;
export type Row = Readonly<Record<string, Cell>>;

export interface Category {
  value: string;
  label: string;
}

export interface FieldInfo {
  name: string;
  type: string;
  title: string;
  description: string;
  format?: string;
  categories?: Category[];
  constraints?: {
    required?: boolean;
    unique?: boolean;
    minimum?: number;
    maximum?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    enum?: Array<string | number>;
  };
}

export interface ForeignKeyInfo {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface ResourceInfo {
  name: string;
  title: string;
  description: string;
  /** The CSV file. */
  path: string;
  schema: { fields: FieldInfo[]; primaryKey: string[]; foreignKeys: ForeignKeyInfo[] };
  /** The typed JSON twin, when published. */
  jsonPath: string | null;
  rows: Row[];
}

export interface License {
  name: string;
  title: string;
  path: string | null;
}

export interface Contributor {
  title: string;
  roles: string[];
  email?: string;
  path?: string;
}

export interface PackageInfo {
  name: string;
  id: string;
  title: string;
  description: string;
  version: string;
  created: string;
  homepage: string | null;
  keywords: string[];
  licenses: License[];
  contributors: Contributor[];
  resources: ResourceInfo[];
}

export interface Citation {
  title: string;
  version: string;
  dateReleased: string;
  authors: string[];
  url: string | null;
  license: string | null;
}

export interface VersionChanges {
  version: string;
  previousVersion: string | null;
  date: string;
  bump: string;
  reasons: string[];
  resources: Array<{
    resource: string;
    added: string[];
    removed: string[];
    changed: Array<{ key: string; fields: string[] }>;
  }>;
}

export interface PublishedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface SiteData {
  pkg: PackageInfo;
  /** Records by id, in the order of the sessions table (date, then id). */
  records: SessionRecord[];
  citation: Citation | null;
  /** Every version with a changes/<version>.json, newest first. */
  versions: VersionChanges[];
  /** Every file the site was given, sorted by path. */
  files: PublishedFile[];
}

const decoder = new TextDecoder();
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function text(files: ReadonlyMap<string, Uint8Array>, path: string): string | undefined {
  const bytes = files.get(path);
  return bytes ? decoder.decode(bytes) : undefined;
}

function json<T>(files: ReadonlyMap<string, Uint8Array>, path: string): T {
  const content = text(files, path);
  if (content === undefined) throw new Error(`renderSite: ${path} is missing from the published files`);
  return JSON.parse(content) as T;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

interface RawResource {
  name: string;
  title?: string;
  description?: string;
  path: string;
  schema: { fields: FieldInfo[]; primaryKey?: string[] | string; foreignKeys?: ForeignKeyInfo[] };
  'actas:json'?: { path?: string };
}

function readResource(files: ReadonlyMap<string, Uint8Array>, raw: RawResource): ResourceInfo {
  const jsonPath = raw['actas:json']?.path ?? null;
  const primaryKey = raw.schema.primaryKey;
  return {
    name: raw.name,
    title: raw.title ?? raw.name,
    description: raw.description ?? '',
    path: raw.path,
    schema: {
      fields: raw.schema.fields.map((f) => ({
        ...f,
        title: f.title ?? f.name,
        description: f.description ?? '',
      })),
      primaryKey: typeof primaryKey === 'string' ? [primaryKey] : (primaryKey ?? []),
      foreignKeys: raw.schema.foreignKeys ?? [],
    },
    jsonPath,
    rows: jsonPath && files.has(jsonPath) ? json<Row[]>(files, jsonPath) : [],
  };
}

function readPackage(files: ReadonlyMap<string, Uint8Array>): PackageInfo {
  const raw = json<Record<string, unknown>>(files, 'datapackage.json');
  const licenses = Array.isArray(raw.licenses) ? (raw.licenses as Array<Record<string, unknown>>) : [];
  const contributors = Array.isArray(raw.contributors)
    ? (raw.contributors as Array<Record<string, unknown>>)
    : [];
  return {
    name: str(raw.name) ?? '',
    id: str(raw.id) ?? '',
    title: str(raw.title) ?? str(raw.name) ?? '',
    description: str(raw.description) ?? '',
    version: str(raw.version) ?? '',
    created: str(raw.created) ?? '',
    homepage: str(raw.homepage),
    keywords: strings(raw.keywords),
    licenses: licenses.map((l) => ({
      name: str(l.name) ?? str(l.title) ?? '',
      title: str(l.title) ?? str(l.name) ?? '',
      path: str(l.path),
    })),
    contributors: contributors.map((c) => ({
      title: str(c.title) ?? '',
      roles: strings(c.roles),
      ...(str(c.email) ? { email: str(c.email) as string } : {}),
      ...(str(c.path) ? { path: str(c.path) as string } : {}),
    })),
    resources: ((raw.resources ?? []) as RawResource[])
      .filter((r) => r.schema && Array.isArray(r.schema.fields))
      .map((r) => readResource(files, r)),
  };
}

function readCitation(files: ReadonlyMap<string, Uint8Array>): Citation | null {
  const content = text(files, 'CITATION.cff');
  if (content === undefined) return null;
  const cff = parseYaml(content) as Record<string, unknown>;
  const authors = Array.isArray(cff.authors) ? (cff.authors as Array<Record<string, unknown>>) : [];
  return {
    title: str(cff.title) ?? '',
    version: String(cff.version ?? ''),
    dateReleased: String(cff['date-released'] ?? ''),
    authors: authors.map(
      (a) => str(a.name) ?? [str(a['given-names']), str(a['family-names'])].filter(Boolean).join(' '),
    ),
    url: str(cff.url),
    license: str(cff.license),
  };
}

/** Semantic versions, newest first (pre-releases after their release's number ties broken by text). */
export function compareVersionsDescending(a: string, b: string): number {
  const parts = (v: string) => (/^(\d+)\.(\d+)\.(\d+)/.exec(v) ?? []).slice(1, 4).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  // 1.0.0 is newer than 1.0.0-rc.1.
  if (a.includes('-') !== b.includes('-')) return a.includes('-') ? 1 : -1;
  return byText(b, a);
}

function readVersions(files: ReadonlyMap<string, Uint8Array>): VersionChanges[] {
  const versions: VersionChanges[] = [];
  for (const path of files.keys()) {
    const m = /^changes\/([^/]+)\.json$/.exec(path);
    if (!m) continue;
    const raw = json<Record<string, unknown>>(files, path);
    const resources = Array.isArray(raw.resources) ? (raw.resources as Array<Record<string, unknown>>) : [];
    versions.push({
      version: str(raw.version) ?? (m[1] as string),
      previousVersion: str(raw.previous_version),
      date: str(raw.date) ?? '',
      bump: str(raw.bump) ?? '',
      reasons: strings(raw.reasons),
      resources: resources.map((r) => ({
        resource: str(r.resource) ?? '',
        added: strings(r.added),
        removed: strings(r.removed),
        changed: (Array.isArray(r.changed) ? (r.changed as Array<Record<string, unknown>>) : []).map((c) => ({
          key: str(c.key) ?? '',
          fields: strings(c.fields),
        })),
      })),
    });
  }
  return versions.sort((a, b) => compareVersionsDescending(a.version, b.version));
}

function readRecords(files: ReadonlyMap<string, Uint8Array>, pkg: PackageInfo): SessionRecord[] {
  const records = [...files.keys()]
    .filter((path) => /^records\/[^/]+\.json$/.test(path))
    .map((path) => json<SessionRecord>(files, path));
  // The order of the sessions table; records it does not list go last, by id.
  const sessions = pkg.resources.find((r) => r.name === 'sessions')?.rows ?? [];
  const position = new Map(sessions.map((row, i) => [String(row.session_id), i]));
  const rank = (r: SessionRecord) => position.get(r.id) ?? Number.MAX_SAFE_INTEGER;
  return records.sort((a, b) => rank(a) - rank(b) || byText(a.id, b.id));
}

export function readSiteData(files: ReadonlyMap<string, Uint8Array>): SiteData {
  const pkg = readPackage(files);
  return {
    pkg,
    records: readRecords(files, pkg),
    citation: readCitation(files),
    versions: readVersions(files),
    files: [...files.keys()].sort(byText).map((path) => {
      const bytes = files.get(path) as Uint8Array;
      return { path, bytes: bytes.length, sha256: sha256(bytes) };
    }),
  };
}
