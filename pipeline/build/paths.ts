/** Where things are in the published tree (DESIGN.md, "Published tree"). */
export const datapackagePath = 'datapackage.json';
export const cardPath = 'README.md';
export const citationPath = 'CITATION.cff';
export const catalogPath = 'catalog.jsonld';
export const checksumsPath = 'SHA256SUMS';
export const workbookPath = 'actas.xlsx';
export const sqlitePath = 'actas.sqlite';

export const csvPath = (resource: string): string => `data/${resource}.csv`;
export const jsonPath = (resource: string): string => `data/${resource}.json`;
export const recordPath = (id: string): string => `records/${id}.json`;
export const schemaPath = (file: string): string => `schemas/${file}`;

/** Files the builder itself writes at the top of the tree; an extra file may not take these names. */
export const generatedTopLevel = [
  datapackagePath,
  cardPath,
  citationPath,
  catalogPath,
  checksumsPath,
  workbookPath,
  sqlitePath,
] as const;

/** Folders whose content the builder owns; extra files may add to records/ (the pages), not to these. */
export const generatedFolders = ['data/', 'schemas/'] as const;
