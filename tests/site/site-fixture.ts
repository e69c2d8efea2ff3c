/**
 * Published trees with their site, for the site's tests: the seed record (and variants) through
 * the real pipeline (validate → plan a release with its changelog → build), then renderSite over
 * the tree without SHA256SUMS, then SHA256SUMS again over everything, as the builder will do.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { buildTree } from '../../pipeline/build/index.ts';
import { checksumsFile } from '../../pipeline/build/metadata/checksums.ts';
import { type Config, defaultConfig } from '../../pipeline/config/config.ts';
import type { SessionRecord } from '../../pipeline/model/index.ts';
import type { OrganizationIndex } from '../../pipeline/organizations/registry.ts';
import { planRelease } from '../../pipeline/release/plan.ts';
import { memoryTreeView } from '../../pipeline/release/tree.ts';
import { isSiteFile, renderSite } from '../../pipeline/site/index.ts';
import { loadRegistry } from '../../pipeline/validate/registry.ts';
import { validateRecords } from '../../pipeline/validate/validate-records.ts';
import { registryPath, seedRecordPath } from '../support/workspace.ts';

export type Tree = Map<string, Uint8Array>;

/** The pinned build clock: byte-reproducible trees. */
export const buildClock = new Date('2026-01-01T12:00:00Z');

export const seedId = '2016-06-30-mesa-3-sesion-2';

export async function seedRecord(): Promise<SessionRecord> {
  return parse(await readFile(seedRecordPath, 'utf8')) as SessionRecord;
}

/** Validates records as the pipeline does (they go through YAML files); throws on any error. */
async function validated(
  records: readonly SessionRecord[],
): Promise<{ records: SessionRecord[]; organizations: OrganizationIndex }> {
  const registry = loadRegistry({ path: 'data/organizations.yaml', bytes: await readFile(registryPath) });
  const files = records.map((r) => ({
    path: `data/sessions/${r.id}.yaml`,
    bytes: new TextEncoder().encode(stringify(r)),
  }));
  const result = validateRecords(files, registry.index);
  const errors = [...registry.problems, ...result.problems].filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.code} ${p.message_en}`).join('\n'));
  return { records: result.records.map((r) => r.record), organizations: registry.index };
}

/** The published files the builder gives renderSite: everything but SHA256SUMS and the site itself. */
export const siteInput = (tree: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> =>
  new Map([...tree].filter(([path]) => path !== 'SHA256SUMS' && !isSiteFile(path)));

/** Tree + site + SHA256SUMS over both. */
export function withSite(tree: ReadonlyMap<string, Uint8Array>, config: Config): Tree {
  const files = siteInput(tree);
  for (const [path, bytes] of renderSite({ files, config })) files.set(path, bytes);
  files.set('SHA256SUMS', new TextEncoder().encode(checksumsFile(files)));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface ReleaseStep {
  records: SessionRecord[];
  at: Date;
}

/**
 * Publishes each step in turn as the release stage would (1.0.0, then the computed bumps), each
 * with its CHANGELOG.md and changes/<version>.json; returns the last version's tree (without the site).
 */
export async function releasedTree(
  steps: readonly ReleaseStep[],
  config: Config = defaultConfig,
): Promise<Tree> {
  let current: { version: string; tree: Tree } | null = null;
  for (const step of steps) {
    const input = await validated(step.records);
    const plan = await planRelease(
      current ? { version: current.version, tree: memoryTreeView(current.tree) } : null,
      step.at,
      (version, created, history) => buildTree({ ...input, config, version, created, extraFiles: history }),
    );
    if (plan.kind !== 'release') throw new Error('expected a new version');
    current = { version: plan.version, tree: new Map(plan.tree) };
  }
  if (!current) throw new Error('no steps');
  return current.tree;
}

/** The seed dataset, version 1.0.0, with its site. */
export async function seedSite(config: Config = defaultConfig): Promise<Tree> {
  return withSite(await releasedTree([{ records: [await seedRecord()], at: buildClock }], config), config);
}

/** Writes a tree to a new temporary folder. */
export async function writeTreeToTemp(
  tree: ReadonlyMap<string, Uint8Array>,
  prefix = 'actas-site-',
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const [path, bytes] of tree) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const text = (tree: ReadonlyMap<string, Uint8Array>, path: string): string => {
  const bytes = tree.get(path);
  if (!bytes) throw new Error(`${path} is not in the tree`);
  return new TextDecoder().decode(bytes);
};
