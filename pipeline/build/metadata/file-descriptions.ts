/**
 * What each published file is, in Spanish, for the dataset card's file list and the catalog's
 * distributions. Extra files from other stages (changelog, landing page) are described too.
 */
import { resourceNamed } from '../tables/resources.ts';

const fixed: Record<string, string> = {
  'datapackage.json':
    'Descriptor Frictionless Data Package v2: las tablas, sus campos, claves, tamaños y huellas SHA-256.',
  'README.md': 'Esta ficha del conjunto de datos.',
  'CITATION.cff': 'Cómo citar el conjunto de datos (Citation File Format 1.2.0).',
  'catalog.jsonld': 'Catálogo DCAT-AP 3 (JSON-LD) con una distribución por archivo, para portales como CKAN.',
  SHA256SUMS:
    'Huellas SHA-256 de todos los archivos publicados (compruébelas con "sha256sum -c SHA256SUMS").',
  'actas.xlsx': 'Todas las tablas en un libro de Excel, una hoja por tabla, más la hoja "Léeme".',
  'actas.sqlite':
    'Todas las tablas en una base de datos SQLite con claves primarias y foráneas (sqlite3, Datasette).',
  'CHANGELOG.md': 'Registro de cambios: qué cambió en cada versión.',
  'index.html': 'Página del conjunto de datos: descargas, versiones y cómo citar.',
  'explorar.html': 'Explorador de las tablas: buscar, filtrar por columna y ordenar.',
  'diccionario.html': 'Diccionario de datos, en una página.',
  'cambios.html': 'Registro de cambios, en una página.',
  'schemas/session-record.schema.json': 'JSON Schema (2020-12) de los registros de sesión de records/.',
  'schemas/organizations.schema.json': 'JSON Schema (2020-12) del registro de organizaciones.',
};

export function describeFile(path: string): string {
  const known = fixed[path];
  if (known) return known;
  let m = /^data\/([^/]+)\.(csv|json)$/.exec(path);
  if (m) {
    const title = resourceNamed(m[1] as string)?.title ?? m[1];
    return m[2] === 'csv' ? `Tabla "${title}" en CSV.` : `Tabla "${title}" en JSON, con tipos.`;
  }
  m = /^records\/(.+)\.(json|html)$/.exec(path);
  if (m) return m[2] === 'json' ? `Registro completo de la sesión ${m[1]}.` : `Página de la sesión ${m[1]}.`;
  m = /^changes\/(.+)\.json$/.exec(path);
  if (m) return `Cambios de la versión ${m[1]}, legibles por máquinas.`;
  if (path.startsWith('assets/')) return 'Recurso de la página del conjunto de datos.';
  return 'Archivo publicado.';
}

/** Groups of many similar files, listed as one line in the card. */
export const fileGroups: ReadonlyArray<{
  pattern: RegExp;
  label: string;
  description: string;
  counted?: false;
}> = [
  {
    pattern: /^records\/[^/]+\.json$/,
    label: 'records/<id>.json',
    description: 'Un registro completo por sesión (JSON).',
  },
  {
    pattern: /^records\/[^/]+\.html$/,
    label: 'records/<id>.html',
    description: 'Una página legible por sesión.',
  },
  {
    pattern: /^changes\/[^/]+\.json$/,
    label: 'changes/<versión>.json',
    description: 'Los cambios de cada versión, legibles por máquinas.',
  },
  {
    pattern: /^assets\//,
    label: 'assets/',
    description: 'Estilos, programas y datos del explorador de la página (sin recursos externos).',
    // The card is written before the page, so it names the folder rather than counting its files.
    counted: false,
  },
];
