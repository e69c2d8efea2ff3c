/**
 * The dataset's metadata as every published document states it, computed once from the
 * configuration, the version and the build clock, so that the card, datapackage.json, the Léeme
 * sheet, CITATION.cff and the catalog cannot disagree.
 */
import type { Config } from '../../config/config.ts';
import type { AttendeeNames } from '../tables/context.ts';
import { type LicenseInfo, licenseInfo } from './licenses.ts';

export interface DatasetInfo {
  name: string;
  title: string;
  description: string;
  version: string;
  /** RFC 3339 instant of the build, without milliseconds: 2026-01-01T00:00:00Z. */
  created: string;
  /** The build's UTC date, YYYY-MM-DD. */
  date: string;
  license: LicenseInfo;
  publisher: string;
  /** Where to report an error: the configured contact, else the GitHub repository's issues, else null. */
  contact: string | null;
  homepage: string | null;
  /** Base URL of the published files, ending in "/", or null: then links are relative. */
  baseUrl: string | null;
  keywords: string[];
  attendeeNames: AttendeeNames;
}

export function datasetInfo(config: Config, version: string, created: Date): DatasetInfo {
  const { dataset, target } = config;
  const instant = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const issues =
    target.kind === 'github' && target.repository ? `https://github.com/${target.repository}/issues` : null;
  const base = dataset.base_url;
  return {
    name: dataset.name,
    title: dataset.title,
    description: dataset.description,
    version,
    created: instant,
    date: instant.slice(0, 10),
    license: licenseInfo(dataset.license),
    publisher: dataset.publisher,
    contact: dataset.contact ?? issues,
    homepage: dataset.homepage,
    baseUrl: base ? (base.endsWith('/') ? base : `${base}/`) : null,
    keywords: [...dataset.keywords],
    attendeeNames: config.privacy.attendee_names,
  };
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The address of a published file: absolute under base_url when configured, else the relative path. */
export const fileUrl = (info: Pick<DatasetInfo, 'baseUrl'>, path: string): string =>
  info.baseUrl ? `${info.baseUrl}${encodePath(path)}` : encodePath(path);

export const isEmail = (contact: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact);
