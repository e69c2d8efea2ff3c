/**
 * The validate stage: reads the records folder and the organisation registry (edges), then runs
 * the pure checks. Returns every problem; never throws for bad input.
 */
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import { type Problem, sortProblems } from '../errors/problem.ts';
import { indexOrganizations, type OrganizationIndex } from '../organizations/registry.ts';
import { readRecordFiles, readRegistryFile } from './read-records.ts';
import { loadRegistry } from './registry.ts';
import { type ValidRecord, validateRecords, validationInputDigest } from './validate-records.ts';
import { loadValidationCache, saveValidationCache, validationFingerprint } from './validation-cache.ts';

export interface ValidateStageResult {
  records: ValidRecord[];
  organizations: OrganizationIndex;
  /** How many record files were read. */
  files: number;
  /**
   * The identity of this validation: the checker (its code, the schemas, the registry) and every
   * record file by path and digest. The same identity always gives the same result. Undefined
   * when the registry could not be read.
   */
  inputDigest: string | undefined;
  problems: Problem[];
}

export interface ValidateOptions {
  /**
   * Reuse and keep the cache of clean records (.actas/validation-cache.json). The pipeline does;
   * `actas validate` does not, so that checking never writes anything.
   */
  cache?: boolean;
}

export async function runValidate(
  config: Config,
  effects: Effects,
  options: ValidateOptions = {},
): Promise<ValidateStageResult> {
  const registryFile = await readRegistryFile(effects, config.paths.organizations);
  const registry =
    'bytes' in registryFile
      ? loadRegistry(registryFile)
      : { index: indexOrganizations([]).index, problems: [registryFile] };
  const read = await readRecordFiles(effects, config.paths.records);
  const fingerprint = 'bytes' in registryFile ? validationFingerprint(registryFile.bytes) : undefined;
  const cached = options.cache ? fingerprint : undefined;
  const known = cached ? await loadValidationCache(effects, cached) : new Map();
  const result = validateRecords(read.files, registry.index, known);
  const sameAsKnown = result.clean.size === known.size && [...result.clean.keys()].every((k) => known.has(k));
  if (cached && !sameAsKnown) await saveValidationCache(effects, cached, result.clean);
  return {
    records: result.records,
    organizations: registry.index,
    files: read.files.length,
    inputDigest: fingerprint && validationInputDigest(fingerprint, read.files),
    problems: sortProblems([...registry.problems, ...read.problems, ...result.problems]),
  };
}
