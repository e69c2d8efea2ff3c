/**
 * Which failed runs are worth retrying within the same tick, and how long to wait between tries.
 * A target or network failure (the target could not be read or written: ACTAS-E400/E401, HTTP 5xx,
 * a rate limit, another publication that landed first) often goes away by itself, so the tick tries
 * again with exponential backoff. Invalid input, a missing token or repository, a refused
 * credential, a held lock: trying again seconds later gives the same answer, so those are reported
 * at once.
 */
import type { RunResult } from '../run.ts';

export interface RetryPolicy {
  /** How many times a run is tried in all (1 = no retries). */
  attempts: number;
  /** The first wait; each next one doubles. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 4, baseMs: 30_000, maxMs: 10 * 60_000 };

/** Wait before attempt `attempt + 1` (attempt counts from 1): base, 2×base, 4×base… capped at max. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
}

/** Codes whose failures come from the target or the network, not from the data or the setup. */
const transientCodes = new Set(['ACTAS-E400', 'ACTAS-E401', 'ACTAS-E410']);
/** Answers that a retry cannot change, even when they come wrapped in a target failure. */
const permanentHttp = /\bHTTP (40[0-7]|409|41\d|42[0-8]|4[3-9]\d)\b/;
const rateLimited = /rate limit|límite de solicitudes/i;

export function isTransientFailure(result: RunResult): boolean {
  if (result.outcome !== 'failed') return false;
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return false;
  return errors.every((p) => {
    if (!transientCodes.has(p.code)) return false;
    return rateLimited.test(p.message) || !permanentHttp.test(p.message);
  });
}

/** Resolves after `ms`, or at once when `signal` aborts (a stopping scheduler does not sit out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
