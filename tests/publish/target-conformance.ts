/**
 * The conformance suite every target driver runs (unjs/unstorage's testDriver is the model): the
 * same publications, the same expectations, whatever the driver.
 */
import { expect, it } from 'vitest';
import type { Release, Target } from '../../pipeline/publish/target.ts';
import { gitBlobId, type PublishedTree } from '../../pipeline/release/tree.ts';
import { sampleTree } from '../support/sample-tree.ts';

export interface DriverFixture {
  target: Target;
  /** Whether earlier versions stay readable (git, github) or only the current one (dir). */
  keepsHistory: boolean;
}

export const release = (tree: PublishedTree, version: string, previousVersion: string | null): Release => ({
  datasetName: 'actas-prueba',
  version,
  previousVersion,
  tree,
  notes: `## ${version}\n\nNotas de la versión ${version}.\n`,
  date: new Date('2026-11-24T12:00:00Z'),
});

async function expectHolds(target: Target, version: string, tree: PublishedTree) {
  const current = await target.readCurrent();
  expect(current?.version).toBe(version);
  expect(current?.tree.paths()).toEqual([...tree.keys()].sort());
  for (const [path, content] of tree) {
    expect(current?.tree.blobId(path), path).toBe(gitBlobId(content));
    expect(Buffer.from((await current?.tree.read(path)) ?? [])).toEqual(Buffer.from(content));
  }
}

export function targetConformance(setup: () => Promise<DriverFixture>) {
  const first = sampleTree({ version: '1.0.0', extra: { 'deep/nested/ñandú.txt': 'Peñalolén, N°3\n' } });
  const second = sampleTree({
    version: '1.1.0',
    rows: [{ session_id: '2016-06-30-mesa-3-sesion-2', title: 'corregido', attendee_count: 18 }],
    extra: { 'CHANGELOG.md': '# Cambios\n' },
  });

  it('starts empty', async () => {
    const { target } = await setup();
    expect(await target.readCurrent()).toBeNull();
    expect(await target.listVersions()).toEqual([]);
  });

  it('publishes a first version and reads it back exactly', async () => {
    const { target } = await setup();
    const outcome = await target.publish(release(first, '1.0.0', null));
    expect(outcome.version).toBe('1.0.0');
    await expectHolds(target, '1.0.0', first);
    expect(await target.listVersions()).toEqual(['1.0.0']);
  });

  it('publishes a second version whole: changed, added and removed files', async () => {
    const { target, keepsHistory } = await setup();
    await target.publish(release(first, '1.0.0', null));
    await target.publish(release(second, '1.1.0', '1.0.0'));
    await expectHolds(target, '1.1.0', second);
    expect(await target.listVersions()).toEqual(keepsHistory ? ['1.0.0', '1.1.0'] : ['1.1.0']);
    const old = await target.readVersion('1.0.0');
    if (keepsHistory) expect(old?.tree.paths()).toEqual([...first.keys()].sort());
    else expect(old).toBeNull();
  });

  it('plans without publishing: lists added, modified and removed files', async () => {
    const { target } = await setup();
    await target.publish(release(first, '1.0.0', null));
    const lines = await target.plan(release(second, '1.1.0', '1.0.0'));
    expect(lines).toContain('agregar CHANGELOG.md');
    expect(lines).toContain('modificar data/sessions.json');
    expect(lines).toContain('eliminar deep/nested/ñandú.txt');
    expect((await target.readCurrent())?.version).toBe('1.0.0');
  });

  it('refuses to publish over a version other than the one the release was planned on', async () => {
    const { target } = await setup();
    await target.publish(release(first, '1.0.0', null));
    await target.publish(release(second, '1.1.0', '1.0.0'));
    // A second publisher still believes 1.0.0 is current.
    const error = await target.publish(release(first, '1.1.0', '1.0.0')).catch((e) => e);
    expect(error.problem?.code).toBe('ACTAS-E410');
    await expectHolds(target, '1.1.0', second);
  });
}
