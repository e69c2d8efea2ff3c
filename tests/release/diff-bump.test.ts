import { describe, expect, it } from 'vitest';
import { decideBump, nextVersion } from '../../pipeline/release/bump.ts';
import { capItems, prependChangelog, renderChangelogSection } from '../../pipeline/release/changelog.ts';
import { diffSnapshots } from '../../pipeline/release/diff.ts';
import { readSnapshot } from '../../pipeline/release/snapshot.ts';
import { memoryTreeView } from '../../pipeline/release/tree.ts';
import { defaultRows, type SampleTreeOptions, sampleTree } from '../support/sample-tree.ts';

const snapshot = (o: SampleTreeOptions) => readSnapshot(memoryTreeView(sampleTree(o)));
const baseFields = [
  { name: 'session_id', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'attendee_count', type: 'integer' },
];

async function decide(old: SampleTreeOptions, next: SampleTreeOptions) {
  const diff = diffSnapshots(await snapshot(old), await snapshot(next));
  return { diff, decision: decideBump(diff) };
}

describe('diff and bump', () => {
  it('the first publication adds every row and is 1.0.0', async () => {
    const diff = diffSnapshots(null, await snapshot({ version: '1.0.0' }));
    expect(diff.resources[0]?.added).toHaveLength(2);
    const decision = decideBump(diff);
    expect(decision?.bump).toBe('minor');
    expect(nextVersion(null, decision?.bump ?? 'patch')).toBe('1.0.0');
  });

  it('nothing changed → no bump', async () => {
    const { decision } = await decide({ version: '1.0.0' }, { version: '1.0.0' });
    expect(decision).toBeNull();
  });

  it('a corrected value is a PATCH naming the key and the field', async () => {
    const rows = structuredClone(defaultRows);
    (rows[0] as Record<string, unknown>).title = 'Mesa N°3: Modernización del Estado (corregido)';
    const { diff, decision } = await decide({ version: '1.0.0' }, { version: '1.0.0', rows });
    expect(diff.resources[0]?.changed).toEqual([{ key: '2016-06-30-mesa-3-sesion-2', fields: ['title'] }]);
    expect(decision?.bump).toBe('patch');
    expect(nextVersion('1.0.0', 'patch')).toBe('1.0.1');
  });

  it('a removed row is a PATCH', async () => {
    const { diff, decision } = await decide(
      { version: '1.0.0' },
      { version: '1.0.0', rows: defaultRows.slice(0, 1) },
    );
    expect(diff.resources[0]?.removed).toEqual(['2016-07-14-mesa-3-sesion-3']);
    expect(decision?.bump).toBe('patch');
  });

  it('an added row is a MINOR', async () => {
    const rows = [
      ...defaultRows,
      { session_id: '2016-08-01-mesa-4-sesion-1', title: 'Mesa 4', attendee_count: 9 },
    ];
    const { decision } = await decide({ version: '1.2.3' }, { version: '1.2.3', rows });
    expect(decision?.bump).toBe('minor');
    expect(nextVersion('1.2.3', 'minor')).toBe('1.3.0');
  });

  it('an added field is a MINOR, and rows are not counted as changed', async () => {
    const fields = [...baseFields, { name: 'location', type: 'string' }];
    const rows = defaultRows.map((r) => ({ ...r, location: 'Santiago' }));
    const { diff, decision } = await decide({ version: '1.0.0' }, { version: '1.0.0', fields, rows });
    expect(diff.schema).toEqual([{ kind: 'field-added', resource: 'sessions', field: 'location' }]);
    expect(diff.resources[0]?.changed).toEqual([]);
    expect(decision?.bump).toBe('minor');
  });

  it('a removed field is a MAJOR', async () => {
    const fields = baseFields.slice(0, 2);
    const { diff, decision } = await decide({ version: '1.4.2' }, { version: '1.4.2', fields });
    expect(diff.schema).toEqual([{ kind: 'field-removed', resource: 'sessions', field: 'attendee_count' }]);
    expect(decision?.bump).toBe('major');
    expect(nextVersion('1.4.2', 'major')).toBe('2.0.0');
  });

  it('a renamed field, a changed type and a changed key are MAJOR', async () => {
    const renamed = [baseFields[0], { name: 'titulo', type: 'string' }, baseFields[2]] as typeof baseFields;
    const rename = await decide(
      { version: '1.0.0' },
      {
        version: '1.0.0',
        fields: renamed,
        rows: defaultRows.map((r) => ({ ...r, titulo: r.title ?? null })),
      },
    );
    expect(rename.diff.schema).toEqual([
      { kind: 'field-renamed', resource: 'sessions', from: 'title', to: 'titulo' },
    ]);
    expect(rename.decision?.bump).toBe('major');

    const retyped = [
      baseFields[0],
      baseFields[1],
      { name: 'attendee_count', type: 'string' },
    ] as typeof baseFields;
    const retype = await decide({ version: '1.0.0' }, { version: '1.0.0', fields: retyped });
    expect(retype.diff.schema).toEqual([
      { kind: 'type-changed', resource: 'sessions', field: 'attendee_count', from: 'integer', to: 'string' },
    ]);
    expect(retype.decision?.bump).toBe('major');

    const rekeyed = await decide(
      { version: '1.0.0' },
      { version: '1.0.0', primaryKey: ['session_id', 'title'] },
    );
    expect(rekeyed.diff.schema[0]?.kind).toBe('key-changed');
    expect(rekeyed.decision?.bump).toBe('major');
  });

  it('only presentation changed → PATCH with that reason', () => {
    const decision = decideBump({ schema: [], resources: [] }, true);
    expect(decision).toEqual({
      bump: 'patch',
      reasons: ['cambiaron los metadatos o la presentación, no los datos'],
    });
  });
});

describe('changelog', () => {
  it('caps long key lists with "y N más"', () => {
    const keys = Array.from({ length: 13 }, (_, i) => `k${i}`);
    expect(capItems(keys)).toBe('k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 y 3 más');
  });

  it('a section has the date, the bump and why, and per resource the keys', async () => {
    const rows = structuredClone(defaultRows);
    (rows[1] as Record<string, unknown>).attendee_count = 13;
    const { diff, decision } = await decide({ version: '1.0.0' }, { version: '1.0.0', rows });
    const section = renderChangelogSection({
      version: '1.0.1',
      previousVersion: '1.0.0',
      date: '2026-11-24',
      decision: decision as NonNullable<typeof decision>,
      diff,
    });
    expect(section).toBe(
      [
        '## 1.0.1 — 2026-11-24',
        '',
        '**Corrección (PATCH): se corrigieron o eliminaron datos** (desde 1.0.0).',
        '',
        '- 1 fila corregida en sessions',
        '',
        '| tabla | agregadas | eliminadas | corregidas |',
        '|---|---:|---:|---:|',
        '| sessions | 0 | 0 | 1 |',
        '',
        '### sessions',
        '',
        '- Corregidas (1): `2016-07-14-mesa-3-sesion-3` (attendee_count)',
        '',
      ].join('\n'),
    );
    const log = prependChangelog(prependChangelog(undefined, '## 1.0.0 — 2026-11-01\n\nprimera\n'), section);
    expect(log.indexOf('## 1.0.1')).toBeLessThan(log.indexOf('## 1.0.0'));
    expect(log.startsWith('# Registro de cambios')).toBe(true);
  });
});
