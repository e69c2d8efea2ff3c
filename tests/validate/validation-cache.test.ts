/**
 * The cache of clean records makes reruns cheap and never changes a result: an edited file, a
 * changed registry or an id clash are checked again.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeConfig } from '../../pipeline/config/config.ts';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { runValidate } from '../../pipeline/validate/index.ts';
import { validationCacheFile } from '../../pipeline/validate/validation-cache.ts';
import { createWorkspace, seedRecordName, type Workspace } from '../support/workspace.ts';

const workspaces: Workspace[] = [];
afterEach(async () => {
  for (const ws of workspaces.splice(0)) await ws.remove();
});

async function setup() {
  const ws = await createWorkspace({ seed: true });
  workspaces.push(ws);
  const effects = nodeEffects({ cwd: ws.dir, log: silentLogger });
  const validate = () => runValidate(mergeConfig({}), effects, { cache: true });
  return { ws, validate };
}

describe('validation cache', () => {
  it('remembers clean records, and gives the same result from the cache', async () => {
    const { ws, validate } = await setup();
    const first = await validate();
    const cache = JSON.parse(await readFile(join(ws.dir, validationCacheFile), 'utf8'));
    expect(Object.keys(cache.records)).toHaveLength(1);
    const second = await validate();
    expect(second.records).toEqual(first.records);
    expect(second.problems).toEqual([]);
  });

  it('checks an edited file again', async () => {
    const { ws, validate } = await setup();
    await validate();
    const path = join(ws.dir, 'data/sessions', seedRecordName);
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace('end_time: "18:00"\nlocation', 'end_time: "14:00"\nlocation'),
    );
    const result = await validate();
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-E124']);
    expect(result.problems[0]?.line).toBe(9);
  });

  it('forgets everything when the organisation registry changes', async () => {
    const { ws, validate } = await setup();
    await validate();
    const registry = join(ws.dir, 'data/organizations.yaml');
    await writeFile(
      registry,
      (await readFile(registry, 'utf8')).replace('aliases: [Ciudadano Inteligente]', 'aliases: []'),
    );
    const result = await validate();
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-W150']);
  });

  it('still reports an id used twice when both files were clean before', async () => {
    const { ws, validate } = await setup();
    await validate();
    const seed = await readFile(join(ws.dir, 'data/sessions', seedRecordName), 'utf8');
    await ws.write(
      'data/sessions/2016-06-30-mesa-3-sesion-2.json',
      JSON.stringify((await import('yaml')).parse(seed)),
    );
    const result = await validate();
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-E122']);
    const again = await validate();
    expect(again.problems.map((p) => p.code)).toEqual(['ACTAS-E122']);
  });
});
