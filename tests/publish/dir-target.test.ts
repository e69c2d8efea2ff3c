import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { createDirTarget } from '../../pipeline/publish/dir-target.ts';
import { sampleTree } from '../support/sample-tree.ts';
import { release, targetConformance } from './target-conformance.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir() {
  const d = await mkdtemp(join(tmpdir(), 'actas-dir-'));
  dirs.push(d);
  return d;
}
const effectsIn = (cwd: string) => nodeEffects({ cwd, log: silentLogger });

describe('dir target: conformance', () => {
  targetConformance(async () => ({
    target: createDirTarget({ path: 'site' }, effectsIn(await tempDir())),
    keepsHistory: false,
  }));
});

describe('dir target', () => {
  it('leaves no sibling folders behind after a swap', async () => {
    const cwd = await tempDir();
    const target = createDirTarget({ path: 'site' }, effectsIn(cwd));
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    await target.publish(release(sampleTree({ version: '1.0.1' }), '1.0.1', '1.0.0'));
    expect(await readdir(cwd)).toEqual(['site']);
  });

  it('rolls back a swap interrupted between its two renames, and drops a half-written new version', async () => {
    const cwd = await tempDir();
    const target = createDirTarget({ path: 'site' }, effectsIn(cwd));
    await target.publish(release(sampleTree({ version: '1.0.0' }), '1.0.0', null));
    // What a SIGKILL between "rename old away" and "rename new in" leaves:
    const { rename } = await import('node:fs/promises');
    await rename(join(cwd, 'site'), join(cwd, '.site.actas-old'));
    await mkdir(join(cwd, '.site.actas-new/data'), { recursive: true });
    await writeFile(join(cwd, '.site.actas-new/data/partial.csv'), 'a,b');
    const current = await target.readCurrent();
    expect(current?.version).toBe('1.0.0');
    expect(await readdir(cwd)).toEqual(['site']);
    expect(JSON.parse(await readFile(join(cwd, 'site/datapackage.json'), 'utf8')).version).toBe('1.0.0');
  });
});
