/**
 * The schedule stage: the long-running scheduler (`actas schedule`), one tick of it, the remote
 * sources it fetches first, and the status file `actas status` reads.
 */
export { createLogger, type FieldLogger, type LogFormat, logEvent, logFormats } from './logger.ts';
export { defaultRetryPolicy, isTransientFailure, type RetryPolicy } from './retry.ts';
export { cronProblems, timezoneProblems } from './schedule-check.ts';
export { type Scheduler, type SchedulerOptions, startScheduler } from './scheduler.ts';
export {
  type FetchSourcesOptions,
  type FetchSourcesResult,
  fetchSources,
  fetchSourcesForRun,
  type SourcesForRun,
  sourcesLine,
} from './sources/index.ts';
export { readStatus, type SchedulerStatus } from './status.ts';
export { runTick, type TickOptions, type TickResult } from './tick.ts';
