/** Media types (IANA) and EU file types of the published files, by extension. */
const byExtension: Record<string, { mediaType: string; euFileType?: string }> = {
  csv: { mediaType: 'text/csv', euFileType: 'CSV' },
  json: { mediaType: 'application/json', euFileType: 'JSON' },
  jsonld: { mediaType: 'application/ld+json', euFileType: 'JSON_LD' },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    euFileType: 'XLSX',
  },
  sqlite: { mediaType: 'application/vnd.sqlite3' },
  md: { mediaType: 'text/markdown' },
  cff: { mediaType: 'application/yaml' },
  html: { mediaType: 'text/html', euFileType: 'HTML' },
  css: { mediaType: 'text/css' },
  js: { mediaType: 'text/javascript' },
  svg: { mediaType: 'image/svg+xml' },
  png: { mediaType: 'image/png' },
  ico: { mediaType: 'image/vnd.microsoft.icon' },
  txt: { mediaType: 'text/plain', euFileType: 'TXT' },
  zip: { mediaType: 'application/zip', euFileType: 'ZIP' },
};

const extension = (path: string): string => {
  const name = path.split('/').pop() ?? path;
  return name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
};

/** SHA256SUMS has no extension; it is plain text. */
export const mediaTypeOf = (path: string): string =>
  byExtension[extension(path)]?.mediaType ??
  (path === 'SHA256SUMS' ? 'text/plain' : 'application/octet-stream');

export const euFileTypeOf = (path: string): string | undefined =>
  byExtension[extension(path)]?.euFileType ?? (path === 'SHA256SUMS' ? 'TXT' : undefined);
