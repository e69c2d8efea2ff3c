/**
 * The download list: every published file with its format, size, SHA-256 and what it is for, in
 * plain Spanish, grouped the way a reader chooses ("I use Excel", "I program"). A table's CSV and
 * JSON share one card; records/*.json are one line (one file per session would drown the list),
 * and each session page links its own.
 */
import type { PackageInfo, PublishedFile } from './dataset.ts';
import { compareVersionsDescending } from './dataset.ts';

export interface DownloadFile {
  path: string;
  format: string;
  bytes: number;
  /** Absent for a group of files (their hashes are in SHA256SUMS). */
  sha256?: string;
  /** For a group: how many files; it has no link of its own. */
  count?: number;
  /** Who it is for, when the card holds several files: "para planillas". */
  audience?: string;
}

export interface DownloadCard {
  /** The card's title when it holds several files (a table); else the file name is the title. */
  title: string | null;
  description: string;
  files: DownloadFile[];
}

export interface DownloadGroup {
  id: string;
  title: string;
  cards: DownloadCard[];
}

const formats: ReadonlyArray<[RegExp, string]> = [
  [/\.xlsx$/, 'Excel (XLSX)'],
  [/\.sqlite$/, 'SQLite'],
  [/\.csv$/, 'CSV'],
  [/^schemas\/.*\.json$/, 'JSON Schema'],
  [/\.jsonld$/, 'JSON-LD'],
  [/\.json$/, 'JSON'],
  [/\.md$/, 'Markdown'],
  [/\.cff$/, 'CFF (YAML)'],
  [/\.html$/, 'HTML'],
];

export const formatOf = (path: string): string =>
  formats.find(([pattern]) => pattern.test(path))?.[1] ?? 'texto';

const fixedDescriptions: Record<string, string> = {
  'actas.xlsx':
    'Para Excel o LibreOffice: todas las tablas en un libro, una hoja por tabla, más la hoja «Léeme».',
  'actas.sqlite':
    'Base de datos SQLite con todas las tablas y sus claves (para sqlite3, DB Browser o Datasette).',
  'README.md':
    'Ficha del conjunto de datos: qué contiene, tablas, campos, licencia y cómo citar (con resumen en inglés).',
  'datapackage.json':
    'Para programadores: descripción de las tablas (Frictionless Data Package), con campos, claves, tamaños y huellas.',
  'CITATION.cff': 'Cómo citar el conjunto de datos (formato Citation File Format, el que usa GitHub).',
  'catalog.jsonld': 'Catálogo DCAT para portales de datos abiertos (CKAN, datos.gob.cl).',
  'CHANGELOG.md': 'Registro de cambios: qué cambió en cada versión.',
};

function describe(path: string): string {
  const fixed = fixedDescriptions[path];
  if (fixed) return fixed;
  let m = /^schemas\/(.+)\.schema\.json$/.exec(path);
  if (m) {
    const what = m[1] === 'session-record' ? 'los registros de sesión (records/)' : `«${m[1]}»`;
    return `JSON Schema de ${what}: para validar los datos con un programa.`;
  }
  m = /^changes\/(.+)\.json$/.exec(path);
  if (m) return `Los cambios de la versión ${m[1]}, fila por fila, para programas.`;
  return 'Archivo publicado.';
}

const isRecord = (path: string) => /^records\/[^/]+\.json$/.test(path);
const versionOfChanges = (path: string) => path.slice('changes/'.length, -'.json'.length);

export function downloadGroups(pkg: PackageInfo, files: readonly PublishedFile[]): DownloadGroup[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const used = new Set<string>();
  const file = (path: string, audience?: string): DownloadFile[] => {
    const found = byPath.get(path);
    if (!found || used.has(path)) return [];
    used.add(path);
    return [
      {
        path,
        format: formatOf(path),
        bytes: found.bytes,
        sha256: found.sha256,
        ...(audience ? { audience } : {}),
      },
    ];
  };
  const single = (path: string): DownloadCard[] => {
    const files = file(path);
    return files.length > 0 ? [{ title: null, description: describe(path), files }] : [];
  };
  const matching = (test: (path: string) => boolean) => files.filter((f) => test(f.path)).map((f) => f.path);

  const everything = [...single('actas.xlsx'), ...single('actas.sqlite')];
  const tables = pkg.resources.flatMap((r): DownloadCard[] => {
    const twins = [
      ...file(r.path, 'para planillas y cualquier programa'),
      ...(r.jsonPath ? file(r.jsonPath, 'para programadores: números y vacíos con tipo') : []),
    ];
    return twins.length > 0 ? [{ title: r.title, description: r.description, files: twins }] : [];
  });
  const records = files.filter((f) => isRecord(f.path));
  for (const r of records) used.add(r.path);
  const recordCards: DownloadCard[] =
    records.length > 0
      ? [
          {
            title: null,
            description:
              'Un registro completo por sesión (records/<id>.json), tal como se validó; cada página de sesión enlaza el suyo.',
            files: [
              {
                path: 'records/',
                format: 'JSON',
                bytes: records.reduce((sum, f) => sum + f.bytes, 0),
                count: records.length,
              },
            ],
          },
        ]
      : [];
  const documentation = [
    ...single('README.md'),
    ...single('datapackage.json'),
    ...single('CITATION.cff'),
    ...single('catalog.jsonld'),
    ...matching((p) => p.startsWith('schemas/')).flatMap(single),
  ];
  const changes = matching((p) => /^changes\/[^/]+\.json$/.test(p)).sort((a, b) =>
    compareVersionsDescending(versionOfChanges(a), versionOfChanges(b)),
  );
  const history = [...single('CHANGELOG.md'), ...changes.flatMap(single)];
  const others = files.filter((f) => !used.has(f.path)).flatMap((f) => single(f.path));

  return [
    { id: 'todo', title: 'Todo en un archivo', cards: everything },
    { id: 'tablas', title: 'Cada tabla por separado', cards: tables },
    { id: 'registros', title: 'Registros de sesión', cards: recordCards },
    { id: 'documentacion', title: 'Documentación y metadatos', cards: documentation },
    { id: 'historial', title: 'Historial de versiones', cards: history },
    { id: 'otros', title: 'Otros archivos', cards: others },
  ].filter((g) => g.cards.length > 0);
}
