/**
 * Build inputs for the builder's tests: the seed record and the registry, read and validated the
 * way the pipeline does (read-only, from the repository), and variants of the seed in memory.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BuildInput, PublishedTree } from '../../../pipeline/build/index.ts';
import { type Config, defaultConfig } from '../../../pipeline/config/config.ts';
import { nodeEffects, silentLogger } from '../../../pipeline/effects.ts';
import type { SessionRecord } from '../../../pipeline/model/index.ts';
import type { OrganizationIndex } from '../../../pipeline/organizations/registry.ts';
import { runValidate } from '../../../pipeline/validate/index.ts';
import { repoRoot } from '../../support/workspace.ts';

/** The pinned build clock of the golden tree. */
export const pinnedClock = new Date('2026-01-01T00:00:00Z');
export const seedId = '2016-06-30-mesa-3-sesion-2';

let loaded: Promise<{ record: SessionRecord; organizations: OrganizationIndex }> | undefined;

/** The seed record and the registry through the real validate stage; no errors or warnings allowed. */
export function seedData(): Promise<{ record: SessionRecord; organizations: OrganizationIndex }> {
  loaded ??= (async () => {
    const result = await runValidate(defaultConfig, nodeEffects({ cwd: repoRoot, log: silentLogger }));
    if (result.problems.length > 0 || result.records.length !== 1) {
      throw new Error(`the seed does not validate cleanly: ${result.problems.map((p) => p.code).join(', ')}`);
    }
    return {
      record: (result.records[0] as { record: SessionRecord }).record,
      organizations: result.organizations,
    };
  })();
  return loaded;
}

export const withConfig = (change: (config: Config) => void): Config => {
  const config = structuredClone(defaultConfig);
  change(config);
  return config;
};

/** The golden input: the seed, default configuration, version 1.0.0, the pinned clock. */
export async function seedInput(overrides: Partial<BuildInput> = {}): Promise<BuildInput> {
  const { record, organizations } = await seedData();
  return {
    records: [structuredClone(record)],
    organizations,
    config: structuredClone(defaultConfig),
    version: '1.0.0',
    created: pinnedClock,
    ...overrides,
  };
}

/** The seed with changes, under another id (date, working group and session number follow the id). */
export async function variant(
  id: string,
  change: (r: SessionRecord) => void = () => {},
): Promise<SessionRecord> {
  const { record } = await seedData();
  const copy = structuredClone(record);
  const m = /^(\d{4}-\d{2}-\d{2})-mesa-(\d+)-sesion-(\d+)$/.exec(id);
  if (!m) throw new Error(`bad id ${id}`);
  copy.id = id;
  copy.date = m[1] as string;
  copy.working_group = { ...copy.working_group, number: Number(m[2]) };
  copy.session_number = Number(m[3]);
  change(copy);
  return copy;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function text(tree: ReadonlyMap<string, Uint8Array>, path: string): string {
  const bytes = tree.get(path);
  if (!bytes) throw new Error(`${path} is not in the tree`);
  return decoder.decode(bytes);
}

export const json = <T = unknown>(tree: ReadonlyMap<string, Uint8Array>, path: string): T =>
  JSON.parse(text(tree, path)) as T;

export type JsonRow = Record<string, string | number | null>;

/** A tree written to a fresh temporary folder, for readers that want files. */
export async function onDisk(tree: PublishedTree): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'actas-build-test-'));
  for (const [path, bytes] of tree) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
