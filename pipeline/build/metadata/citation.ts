/**
 * CITATION.cff (Citation File Format 1.2.0), so that GitHub offers "Cite this repository".
 * Written with YAML 1.1 quoting, like the records: GitHub reads it with a YAML 1.1 parser, which
 * would otherwise take "2026-01-01" for a date object instead of the string CFF requires.
 */
import { stringify } from 'yaml';
import { type DatasetInfo, isEmail } from './dataset-info.ts';

export function citationFile(info: DatasetInfo): string {
  const url = info.homepage ?? info.baseUrl;
  const document = {
    'cff-version': '1.2.0',
    message:
      'Si usa estos datos, cítelos como se indica abajo. / If you use this dataset, please cite it as below.',
    type: 'dataset',
    title: info.title,
    abstract: info.description,
    version: info.version,
    'date-released': info.date,
    license: info.license.id,
    authors: [{ name: info.publisher }],
    ...(info.keywords.length > 0 ? { keywords: info.keywords } : {}),
    ...(url ? { url } : {}),
    ...(info.contact && isEmail(info.contact)
      ? { contact: [{ name: info.publisher, email: info.contact }] }
      : {}),
  };
  return stringify(document, { version: '1.1', lineWidth: 0, minContentWidth: 0 });
}
