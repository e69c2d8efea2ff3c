/**
 * catalog.jsonld: a DCAT-AP 3 catalog in JSON-LD with one dataset and one distribution per
 * published file (download address, media type, size, SPDX checksum, license), for harvesters
 * such as CKAN's ckanext-dcat. Addresses are absolute under dataset.base_url when it is set, else
 * relative to the catalog (JSON-LD resolves them against the document's own address).
 */
import { sha256 } from '../digest.ts';
import type { Table } from '../tables/build-tables.ts';
import { type DatasetInfo, fileUrl, isEmail } from './dataset-info.ts';
import { describeFile } from './file-descriptions.ts';
import { euFileTypeOf, mediaTypeOf } from './media-types.ts';

export interface CatalogInput {
  info: DatasetInfo;
  tables: readonly Table[];
  /** Every file the catalog describes (all published files but the catalog and SHA256SUMS). */
  files: ReadonlyMap<string, Uint8Array>;
  datasetId: string;
}

const context = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
};

const eu = 'http://publications.europa.eu/resource/authority/';
const es = (text: string) => ({ '@value': text, '@language': 'es' });
const id = (iri: string) => ({ '@id': iri });
const dateTime = (instant: string) => ({ '@value': instant, '@type': 'xsd:dateTime' });

function distribution(info: DatasetInfo, path: string, bytes: Uint8Array): Record<string, unknown> {
  const url = fileUrl(info, path);
  const fileType = euFileTypeOf(path);
  return {
    '@id': `${url}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': path,
    'dct:description': es(describeFile(path)),
    'dcat:accessURL': id(url),
    'dcat:downloadURL': id(url),
    'dcat:mediaType': id(`https://www.iana.org/assignments/media-types/${mediaTypeOf(path)}`),
    ...(fileType ? { 'dct:format': id(`${eu}file-type/${fileType}`) } : {}),
    'dcat:byteSize': { '@value': String(bytes.length), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': id('spdx:checksumAlgorithm_sha256'),
      'spdx:checksumValue': { '@value': sha256(bytes), '@type': 'xsd:hexBinary' },
    },
    'dct:license': id(info.license.url),
    'dct:issued': dateTime(info.created),
  };
}

export function catalog({ info, tables, files, datasetId }: CatalogInput): Record<string, unknown> {
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': info.publisher };
  const sessions = tables.find((t) => t.resource.name === 'sessions')?.rows ?? [];
  const dates = sessions.map((r) => r.date).filter((d): d is string => typeof d === 'string');
  // Every version carries its landing page (pipeline/site), written after this catalog.
  const landingPage = info.homepage ?? fileUrl(info, 'index.html');
  const contact = info.contact
    ? {
        'dcat:contactPoint': {
          '@type': 'vcard:Kind',
          'vcard:fn': info.publisher,
          ...(isEmail(info.contact)
            ? { 'vcard:hasEmail': id(`mailto:${info.contact}`) }
            : { 'vcard:hasURL': id(info.contact) }),
        },
      }
    : {};
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const dataset = {
    '@id': `${fileUrl(info, 'catalog.jsonld')}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:identifier': datasetId,
    'dct:title': es(info.title),
    'dct:description': es(info.description),
    'dcat:version': info.version,
    'dct:issued': dateTime(info.created),
    'dct:modified': dateTime(info.created),
    'dct:publisher': publisher,
    'dct:license': id(info.license.url),
    'dct:language': id(`${eu}language/SPA`),
    'dct:spatial': id(`${eu}country/CHL`),
    ...(dates.length > 0
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': { '@value': dates[0], '@type': 'xsd:date' },
            'dcat:endDate': { '@value': dates[dates.length - 1], '@type': 'xsd:date' },
          },
        }
      : {}),
    'dcat:keyword': info.keywords.map(es),
    ...(landingPage ? { 'dcat:landingPage': id(landingPage) } : {}),
    ...contact,
    'dcat:distribution': paths.map((path) => distribution(info, path, files.get(path) as Uint8Array)),
  };
  return {
    '@context': context,
    '@id': fileUrl(info, 'catalog.jsonld'),
    '@type': 'dcat:Catalog',
    'dct:title': es(info.title),
    'dct:description': es(info.description),
    'dct:publisher': publisher,
    'dct:language': id(`${eu}language/SPA`),
    'dct:modified': dateTime(info.created),
    ...(info.homepage ? { 'foaf:homepage': id(info.homepage) } : {}),
    'dcat:dataset': [dataset],
  };
}
