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
import { type ValidRecord, validateRecords } from './validate-records.ts';
import { loadValidationCache, saveValidationCache, validationFingerprint } from './validation-cache.ts';

export interface ValidateStageResult {
  records: ValidRecord[];
  organizations: OrganizationIndex;
  /** How many record files were read. */
  files: number;
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
  const fingerprint =
    options.cache && 'bytes' in registryFile ? validationFingerprint(registryFile.bytes) : undefined;
  const known = fingerprint ? await loadValidationCache(effects, fingerprint) : new Map();
  const result = validateRecords(read.files, registry.index, known);
  const sameAsKnown = result.clean.size === known.size && [...result.clean.keys()].every((k) => known.has(k));
  if (fingerprint && !sameAsKnown) await saveValidationCache(effects, fingerprint, result.clean);
  return {
    records: result.records,
    organizations: registry.index,
    files: read.files.length,
    problems: sortProblems([...registry.problems, ...read.problems, ...result.problems]),
  };
}
