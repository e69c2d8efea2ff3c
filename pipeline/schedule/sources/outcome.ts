import type { Problem } from '../../errors/problem.ts';

/** What asking one source (or one file of a folder source) came to. */
export type SourceOutcome =
  | { kind: 'fetched'; file: string }
  | { kind: 'unchanged'; file: string }
  | { kind: 'problem'; problem: Problem }
  | { kind: 'stopped' };
