/**
 * Remote sources of acta documents (config `sources`), besides the local inbox: each is asked for
 * what is new or changed since last time, and that is saved into the inbox, where the import stage
 * finds it like any document dropped there by hand. A source that fails is reported as a warning
 * and asked again next time; it never removes anything from the inbox.
 */
import type { Config } from '../../config/config.ts';
import type { Effects } from '../../effects.ts';
import type { Problem } from '../../errors/problem.ts';
import type { GitHubPace } from '../../github/client.ts';
import { plural } from '../../text/plural.ts';
import { logEvent } from '../logger.ts';
import { describeGitHubSource, fetchGitHubSource } from './github-source.ts';
import { fetchHttpSource, urlLabel } from './http-source.ts';
import { openInbox } from './inbox.ts';
import type { SourceOutcome } from './outcome.ts';
import { readSourcesState, writeSourcesState } from './source-state.ts';

export interface FetchSourcesOptions {
  /** Stops between and during downloads (the scheduler is shutting down); nothing half-saved. */
  signal?: AbortSignal;
  /** GitHub pacing; tests shorten it. */
  githubPace?: GitHubPace;
}

export interface FetchSourcesResult {
  /** Inbox paths (relative to the project) of documents that are new or changed. */
  fetched: string[];
  /** Inbox paths of documents the sources say have not changed. */
  unchanged: string[];
  /** Warnings about sources that could not be read; never errors, so they never stop a run. */
  problems: Problem[];
}

export async function fetchSources(
  config: Config,
  effects: Effects,
  options: FetchSourcesOptions = {},
): Promise<FetchSourcesResult> {
  const result: FetchSourcesResult = { fetched: [], unchanged: [], problems: [] };
  if (config.sources.length === 0) return result;
  const inbox = openInbox(effects, config.paths.inbox);
  const { state, problems } = await readSourcesState(effects);
  result.problems.push(...problems);
  const before = JSON.stringify(state);

  for (const source of config.sources) {
    if (options.signal?.aborted) break;
    const name = source.kind === 'http' ? urlLabel(source.url) : describeGitHubSource(source);
    const outcomes: SourceOutcome[] =
      source.kind === 'http'
        ? [await fetchHttpSource(source, effects, inbox, state, options.signal)]
        : await fetchGitHubSource(source, effects, inbox, state, {
            signal: options.signal,
            pace: options.githubPace,
          });
    for (const outcome of outcomes) {
      if (outcome.kind === 'fetched') {
        result.fetched.push(outcome.file);
        logEvent(
          effects.log,
          'info',
          `Fuente ${name}: documento nuevo o cambiado guardado en ${outcome.file}`,
          {
            source: name,
            file: outcome.file,
          },
        );
      } else if (outcome.kind === 'unchanged') {
        result.unchanged.push(outcome.file);
        logEvent(effects.log, 'debug', `Fuente ${name}: sin cambios (${outcome.file})`, { source: name });
      } else if (outcome.kind === 'problem') {
        result.problems.push(outcome.problem);
        logEvent(effects.log, 'warn', outcome.problem.message, { code: outcome.problem.code, source: name });
      }
    }
  }
  // Only what was saved is recorded, so a failed or interrupted source is simply asked again.
  if (JSON.stringify(state) !== before) await writeSourcesState(effects, state);
  return result;
}

/** One Spanish line on what the sources brought, for the run's report; null when none are configured. */
export function sourcesLine(config: Config, result: FetchSourcesResult): string | null {
  if (config.sources.length === 0) return null;
  const parts = [
    result.fetched.length > 0
      ? `${plural(result.fetched.length, 'documento nuevo o cambiado', 'documentos nuevos o cambiados')} en ${config.paths.inbox} (${result.fetched.join(', ')})`
      : 'ningún documento nuevo',
    ...(result.unchanged.length > 0
      ? [plural(result.unchanged.length, 'documento sin cambios', 'documentos sin cambios')]
      : []),
    ...(result.problems.length > 0
      ? [
          `${plural(result.problems.length, 'fuente con problemas', 'problemas con las fuentes')} (se reintenta en la próxima ejecución)`,
        ]
      : []),
  ];
  return `Fuentes: ${parts.join('; ')}.`;
}

export interface SourcesForRun {
  /** Warnings to add to the run's report (they never make it invalid). */
  problems: Problem[];
  /** Lines to print before the run's own, e.g. "Fuentes: 1 documento nuevo o cambiado en data/inbox (…)". */
  lines: string[];
  fetched: string[];
}

/**
 * What `actas run` calls before importing the inbox, so that a manual run and a scheduled one see
 * the same documents. Never throws for an unreachable source; returns its warnings.
 */
export async function fetchSourcesForRun(config: Config, effects: Effects): Promise<SourcesForRun> {
  const result = await fetchSources(config, effects);
  const line = sourcesLine(config, result);
  return { problems: result.problems, lines: line ? [line] : [], fetched: result.fetched };
}
