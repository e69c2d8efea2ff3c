/**
 * The one way this project talks to GitHub's REST API: octokit with its throttling and retry
 * plugins, GitHub's pacing respected (about a second between writes, three before a call that
 * notifies people), the API URL from the configuration or $GITHUB_API_URL (GitHub Actions sets
 * it, also on GitHub Enterprise Server), and the token from the environment, never shown: every
 * line octokit logs passes through `redactor`. Used by the github target and the GitHub sources.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { Effects } from '../effects.ts';

const ActasOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof ActasOctokit>;

export interface GitHubPace {
  /** Milliseconds per second of GitHub's retry-after and of the retry backoff; tests shorten it. */
  retryAfterBaseMs: number;
  /** Milliseconds between writes; tests shorten it. */
  writeIntervalMs: number;
}

export const githubPace: GitHubPace = { retryAfterBaseMs: 1000, writeIntervalMs: 1000 };

export function githubToken(effects: Effects): string {
  return effects.env.ACTAS_GITHUB_TOKEN || effects.env.GITHUB_TOKEN || '';
}

/** Removes the token from any text that may reach a log or a message. */
export function redactor(effects: Effects): (text: string) => string {
  const token = githubToken(effects);
  return (text) => (token ? text.split(token).join('***') : text);
}

export function githubApiUrl(effects: Effects, configured: string | null | undefined): string {
  return (configured || effects.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '');
}

export interface GitHubClientOptions {
  apiUrl: string;
  pace?: GitHubPace;
  signal?: AbortSignal;
  /** How many times a rate-limited call is retried after GitHub's retry-after. */
  rateLimitRetries?: number;
  /** Prefix of the warnings it logs, e.g. "GitHub (fuentes)". */
  label?: string;
}

export function createGitHubClient(effects: Effects, options: GitHubClientOptions): GitHubClient {
  const token = githubToken(effects);
  const redact = redactor(effects);
  const pace = options.pace ?? githubPace;
  const label = options.label ?? 'GitHub';
  const retries = options.rateLimitRetries ?? 3;
  return new ActasOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl: options.apiUrl,
    userAgent: 'actas-abiertas',
    request: options.signal ? { signal: options.signal } : {},
    log: {
      debug: (m: string) => effects.log.debug(redact(m)),
      info: (m: string) => effects.log.debug(redact(m)),
      warn: (m: string) => effects.log.warn(redact(m)),
      error: (m: string) => effects.log.error(redact(m)),
    },
    throttle: {
      retryAfterBaseValue: pace.retryAfterBaseMs,
      write: new Bottleneck.Group({ id: 'actas-write', maxConcurrent: 1, minTime: pace.writeIntervalMs }),
      // Calls that notify people (creating a release) get three times the interval, as octokit does.
      notifications: new Bottleneck.Group({
        id: 'actas-notify',
        maxConcurrent: 1,
        minTime: 3 * pace.writeIntervalMs,
      }),
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        effects.log.warn(`${label}: límite de solicitudes; se reintenta en ${retryAfter} s`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        effects.log.warn(`${label}: límite secundario de solicitudes; se reintenta en ${retryAfter} s`);
        return retryCount < retries;
      },
    },
    // 409 "Git Repository is empty" and 422 "not a fast forward" are answers, not glitches.
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      retryAfterBaseValue: pace.retryAfterBaseMs,
    },
  });
}
