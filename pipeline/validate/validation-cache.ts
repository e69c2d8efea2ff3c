/**
 * Remembers which record files were clean (no error, no warning) last time, by path and content
 * digest, so a rerun with nothing changed does not parse and check thousands of unchanged
 * records again. The cache belongs to one version of the rules: it is keyed by a fingerprint of
 * the validator's code, the builder's (schemas, model, text rules) and the organisation registry's
 * bytes, so any change there starts from scratch. Kept in .actas/ (never published); losing it
 * only makes the next run slower.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { builderFingerprint, hashFolder, hashVersions } from '../build/fingerprint.ts';
import type { Effects } from '../effects.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import type { SessionRecord } from '../model/index.ts';
import { stateDir } from '../state.ts';

export const validationCacheFile = `${stateDir}/validation-cache.json`;

interface CacheFile {
  fingerprint: string;
  records: Record<string, SessionRecord>;
}

let codeFingerprint: string | undefined;

function validatorCode(): string {
  if (codeFingerprint) return codeFingerprint;
  const hash = createHash('sha256').update(builderFingerprint());
  hashFolder(hash, new URL('./', import.meta.url), /^[^/]+\.ts$/);
  hashVersions(hash, ['js-yaml', 'ajv', 'ajv-formats']);
  codeFingerprint = hash.digest('hex');
  return codeFingerprint;
}

export const validationFingerprint = (registryBytes: Uint8Array): string =>
  createHash('sha256').update(validatorCode()).update(registryBytes).digest('hex');

export async function loadValidationCache(
  effects: Effects,
  fingerprint: string,
): Promise<Map<string, SessionRecord>> {
  try {
    const file = JSON.parse(
      await effects.fs.readFile(resolve(effects.cwd, validationCacheFile), 'utf8'),
    ) as CacheFile;
    return file.fingerprint === fingerprint ? new Map(Object.entries(file.records)) : new Map();
  } catch {
    return new Map();
  }
}

export async function saveValidationCache(
  effects: Effects,
  fingerprint: string,
  records: ReadonlyMap<string, SessionRecord>,
): Promise<void> {
  const path = resolve(effects.cwd, validationCacheFile);
  try {
    await writeFileAtomic(
      effects,
      path,
      JSON.stringify({ fingerprint, records: Object.fromEntries(records) }),
    );
  } catch (error) {
    effects.log.debug(`No se pudo guardar ${validationCacheFile}: ${(error as Error).message}`);
  }
}
