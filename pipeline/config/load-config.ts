/** Reads actas.config.yaml (when present) with located errors, like any record. */
import { resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import type { ConfigFile } from '../model/index.ts';
import { parseSource } from '../validate/parse-source.ts';
import { displayPath } from '../validate/read-records.ts';
import { schemaProblems } from '../validate/schema-problems.ts';
import { getValidators } from '../validate/schemas.ts';
import { type Config, configFileName, mergeConfig } from './config.ts';

export type LoadedConfig = { config: Config; problems: [] } | { config?: undefined; problems: Problem[] };

export async function loadConfig(
  effects: Effects,
  path?: string,
  overrides: ConfigFile = {},
): Promise<LoadedConfig> {
  const file = resolve(effects.cwd, path ?? configFileName);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await effects.fs.readFile(file));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    // No file is fine: every option has a default. A file named with --config must exist.
    if (missing && !path) return checked({}, overrides);
    return { problems: [problem('ACTAS-E004', { path: displayPath(effects.cwd, file) })] };
  }
  const parsed = parseSource({ path: displayPath(effects.cwd, file), bytes });
  if (parsed.problems.length > 0) return { problems: parsed.problems };
  const validate = getValidators().config;
  if (!validate(parsed.value))
    return { problems: schemaProblems(validate.errors ?? [], parsed.value, parsed) };
  return checked(parsed.value, overrides);
}

function checked(file: ConfigFile, overrides: ConfigFile): LoadedConfig {
  const validate = getValidators().config;
  if (!validate(overrides)) {
    return { problems: schemaProblems(validate.errors ?? [], overrides, { file: 'opciones / flags' }) };
  }
  return { config: mergeConfig(file, overrides), problems: [] };
}
