/**
 * The builder's fingerprint: a digest of the source files the builder runs (its own folder and
 * what it calls: organisation matching, text folding, record key order, the model, the error
 * messages, the landing page and its assets), of the JSON Schemas it publishes, and of the versions of the libraries that write the
 * bytes (csv-stringify, exceljs, fflate, sql.js, yaml). It is part of every cache key, so changing
 * that code or upgrading a writer can never reuse stale output. A new import from another folder
 * of pipeline/ must be added to `sourceFolders`.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const writers = ['csv-stringify', 'exceljs', 'fflate', 'sql.js', 'yaml'] as const;
const sourceFolders = ['build', 'errors', 'model', 'organizations', 'records', 'site', 'text'] as const;

export function packageVersion(name: string): string {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    while (dir !== dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? 'unknown';
      }
      dir = dirname(dir);
    }
  } catch {
    // Not resolvable here: fall through to a value that never matches a cached build.
  }
  return `unknown-${process.pid}-${Date.now()}`;
}

/** Adds every file under `url` whose path matches `pattern` to `hash`: its path, then its bytes. */
export function hashFolder(hash: Hash, url: URL, pattern: RegExp): Hash {
  const root = fileURLToPath(url);
  const files = (readdirSync(root, { recursive: true }) as string[])
    .map((p) => p.split('\\').join('/'))
    .filter((p) => pattern.test(p))
    .sort();
  for (const path of files)
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(root, path)))
      .update('\0');
  return hash;
}

/** Adds the installed version of each named library to `hash`. */
export const hashVersions = (hash: Hash, names: readonly string[]): Hash => {
  for (const name of names) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash;
};

let fingerprint: string | undefined;

export function builderFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  for (const folder of sourceFolders) hashFolder(hash, new URL(`../${folder}/`, import.meta.url), /\.ts$/);
  hashFolder(hash, new URL('../../schemas/', import.meta.url), /\.json$/);
  // The landing page's stylesheet and scripts are published as they are.
  hashFolder(hash, new URL('../site/assets/', import.meta.url), /\.(css|js|svg)$/);
  fingerprint = hashVersions(hash, writers).digest('hex');
  return fingerprint;
}

let wholeFingerprint: string | undefined;

/**
 * The whole program: every file of pipeline/ and schemas/, the installed version of each library
 * the project depends on directly (their own dependencies are pinned with them by the lockfile),
 * and the versions of Node.js and of the ICU and Unicode data it orders and normalises text with.
 * What a run decided with one program says nothing about what another would.
 */
export function pipelineFingerprint(): string {
  if (wholeFingerprint) return wholeFingerprint;
  const hash = createHash('sha256');
  hashFolder(hash, new URL('../', import.meta.url), /\.(ts|css|js|svg|json)$/);
  hashFolder(hash, new URL('../../schemas/', import.meta.url), /\.json$/);
  const manifest = fileURLToPath(new URL('../../package.json', import.meta.url));
  const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  hashVersions(hash, Object.keys(dependencies).sort());
  hash.update(`${process.version}\0${process.versions.icu}\0${process.versions.unicode}`);
  wholeFingerprint = hash.digest('hex');
  return wholeFingerprint;
}

/** A cache key: the fingerprint, the kind of artifact and the digests of its inputs. */
export const artifactKey = (kind: string, ...parts: string[]): string =>
  createHash('sha256')
    .update([builderFingerprint(), kind, ...parts].join('\0'))
    .digest('hex');
