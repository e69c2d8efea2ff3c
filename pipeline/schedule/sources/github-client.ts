/**
 * The octokit client the GitHub folder sources read with: the same plugins and manners as the
 * github target (throttling and retry on, GitHub's pacing respected), the token from the
 * environment (optional: a public repository can be read without one) and never shown.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { Effects } from '../../effects.ts';

const SourcesOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof SourcesOctokit>;

export interface GitHubPace {
  /** Milliseconds per second of retry-after and of the retry plugin's backoff; tests shorten it. */
  retryAfterBaseMs: number;
}

export const githubPace: GitHubPace = { retryAfterBaseMs: 1000 };

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

export function createGitHubClient(
  effects: Effects,
  apiUrl: string,
  pace: GitHubPace = githubPace,
  signal?: AbortSignal,
): GitHubClient {
  const token = githubToken(effects);
  const redact = redactor(effects);
  return new SourcesOctokit({
    ...(token ? { auth: token } : {}),
    baseUrl: apiUrl,
    userAgent: 'actas-abiertas',
    request: signal ? { signal } : {},
    log: {
      debug: (m: string) => effects.log.debug(redact(m)),
      info: (m: string) => effects.log.debug(redact(m)),
      warn: (m: string) => effects.log.warn(redact(m)),
      error: (m: string) => effects.log.error(redact(m)),
    },
    throttle: {
      retryAfterBaseValue: pace.retryAfterBaseMs,
      onRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        effects.log.warn(`GitHub (fuentes): límite de solicitudes; se reintenta en ${retryAfter} s`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => {
        effects.log.warn(
          `GitHub (fuentes): límite secundario de solicitudes; se reintenta en ${retryAfter} s`,
        );
        return retryCount < 2;
      },
    },
    retry: {
      doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
      retryAfterBaseValue: pace.retryAfterBaseMs,
    },
  });
}
