/**
 * The whole pipeline, as schedules and `npm start` run it:
 * inbox → import → validate → build → publish. Each stage is its own module; this file only
 * composes them and stops at the first stage whose input is invalid, so nothing is published
 * from bad data.
 */
import type { Config } from './config/config.ts';
import type { Effects } from './effects.ts';
import { hasErrors, type Problem } from './errors/problem.ts';
import { runValidate } from './validate/index.ts';

export type RunOutcome = 'invalid' | 'validated';

export interface RunResult {
  outcome: RunOutcome;
  problems: Problem[];
  /** Short Spanish lines saying what each stage did. */
  summary: string[];
}

export interface RunOptions {
  config: Config;
}

export async function run({ config }: RunOptions, effects: Effects): Promise<RunResult> {
  const summary: string[] = [];
  const validated = await runValidate(config, effects);
  const problems = [...validated.problems];
  if (hasErrors(problems)) return { outcome: 'invalid', problems, summary };
  summary.push(`Validación: ${validated.records.length} registros válidos en ${config.paths.records}.`);
  return { outcome: 'validated', problems, summary };
}
