/**
 * schema.org `Dataset` JSON-LD for the page head, so that search engines (Google Dataset Search)
 * find the dataset: name, description, version, license, creator, temporal coverage from the
 * session dates, keywords, one DataDownload per file and the variables from the Table Schemas.
 */
import { mediaTypeOf } from '../build/metadata/media-types.ts';
import type { Config } from '../config/config.ts';
import type { SiteData } from './dataset.ts';
import { safeExternalUrl } from './links.ts';

/** The dataset's published address, ending in "/", when configured. */
export function publishedBaseUrl(config: Config): string | null {
  const base = safeExternalUrl(config.dataset.base_url);
  return base ? (base.endsWith('/') ? base : `${base}/`) : null;
}

/** First and last session date ("2016-06-30/2016-11-10"), or null when no session is dated. */
export function temporalCoverage(data: SiteData): string | null {
  const dates = data.records.flatMap((r) => (r.date ? [r.date] : [])).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (!first || !last) return null;
  return first === last ? first : `${first}/${last}`;
}

const distributed = (path: string): boolean => !/^records\//.test(path) && !path.startsWith('changes/');

export function datasetJsonLd(data: SiteData, config: Config): Record<string, unknown> {
  const { pkg } = data;
  const base = publishedBaseUrl(config);
  const fileUrl = (path: string) =>
    base ? `${base}${path.split('/').map(encodeURIComponent).join('/')}` : path;
  const publisher = pkg.contributors.find((c) => c.roles.includes('publisher')) ?? pkg.contributors[0];
  const organization = publisher
    ? {
        '@type': 'Organization',
        name: publisher.title,
        ...(safeExternalUrl(publisher.path) ? { url: publisher.path } : {}),
      }
    : undefined;
  const coverage = temporalCoverage(data);
  const license = pkg.licenses[0];
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: pkg.title,
    description: pkg.description,
    url: base ?? safeExternalUrl(pkg.homepage) ?? 'index.html',
    ...(pkg.id ? { identifier: pkg.id } : {}),
    version: pkg.version,
    inLanguage: 'es',
    isAccessibleForFree: true,
    ...(license ? { license: license.path ?? license.name } : {}),
    ...(organization ? { creator: organization, publisher: organization } : {}),
    ...(pkg.created ? { dateModified: pkg.created, datePublished: pkg.created.slice(0, 10) } : {}),
    ...(coverage ? { temporalCoverage: coverage } : {}),
    ...(pkg.keywords.length > 0 ? { keywords: pkg.keywords } : {}),
    distribution: data.files
      .filter((f) => distributed(f.path))
      .map((f) => ({
        '@type': 'DataDownload',
        name: f.path,
        contentUrl: fileUrl(f.path),
        encodingFormat: mediaTypeOf(f.path),
        contentSize: `${f.bytes} B`,
      })),
    variableMeasured: pkg.resources.flatMap((r) =>
      r.schema.fields.map((f) => ({
        '@type': 'PropertyValue',
        name: `${r.name}.${f.name}`,
        alternateName: f.title,
        description: f.description,
      })),
    ),
  };
}
