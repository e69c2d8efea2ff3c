/**
 * Small published trees for target and release tests that do not need the real builder: a
 * datapackage.json with one table resource, its CSV and JSON twins, a binary file and nested paths.
 */
import type { Row } from '../../pipeline/release/snapshot.ts';

const enc = new TextEncoder();

export interface SampleTreeOptions {
  version: string;
  rows?: Row[];
  fields?: Array<{ name: string; type: string }>;
  primaryKey?: string[];
  /** Extra files (path → text or bytes). */
  extra?: Record<string, string | Uint8Array>;
}

export const defaultRows: Row[] = [
  {
    session_id: '2016-06-30-mesa-3-sesion-2',
    title: 'Mesa N°3: Modernización del Estado',
    attendee_count: 18,
  },
  { session_id: '2016-07-14-mesa-3-sesion-3', title: 'Mesa N°3: tercera sesión', attendee_count: 12 },
];

export function sampleTree(options: SampleTreeOptions): Map<string, Uint8Array> {
  const rows = options.rows ?? defaultRows;
  const fields = options.fields ?? [
    { name: 'session_id', type: 'string' },
    { name: 'title', type: 'string' },
    { name: 'attendee_count', type: 'integer' },
  ];
  const descriptor = {
    name: 'actas-prueba',
    version: options.version,
    created: '2026-01-01T00:00:00Z',
    resources: [
      {
        name: 'sessions',
        path: 'data/sessions.csv',
        type: 'table',
        schema: { fields, primaryKey: options.primaryKey ?? ['session_id'] },
      },
    ],
  };
  const csv = [
    fields.map((f) => f.name).join(','),
    ...rows.map((r) => fields.map((f) => String(r[f.name] ?? '')).join(',')),
  ].join('\r\n');
  const tree = new Map<string, Uint8Array>([
    ['datapackage.json', enc.encode(`${JSON.stringify(descriptor, null, 2)}\n`)],
    ['data/sessions.csv', enc.encode(`${csv}\r\n`)],
    ['data/sessions.json', enc.encode(`${JSON.stringify(rows, null, 2)}\n`)],
    [
      'records/2016-06-30-mesa-3-sesion-2.json',
      enc.encode('{"id":"2016-06-30-mesa-3-sesion-2","title":"Peñalolén – N°3"}\n'),
    ],
    // Binary content: NUL bytes and invalid UTF-8, like the SQLite database.
    [
      'actas.sqlite',
      new Uint8Array([0x53, 0x51, 0x4c, 0x00, 0xff, 0xfe, 0x00, 0x01, ...enc.encode(options.version)]),
    ],
  ]);
  for (const [path, content] of Object.entries(options.extra ?? {})) {
    tree.set(path, typeof content === 'string' ? enc.encode(content) : content);
  }
  return tree;
}
