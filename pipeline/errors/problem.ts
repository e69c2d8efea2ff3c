/**
 * A problem is data, not an exception: every stage returns the problems it found, located as
 * precisely as it can, and the CLI decides what they mean for the exit code.
 */
export type Severity = 'error' | 'warning';

export interface Location {
  /** Path of the file, relative to the working directory, with forward slashes. */
  file?: string;
  /** 1-based line and column in that file. */
  line?: number;
  column?: number;
  /** JSON pointer (RFC 6901) to the value inside the record, e.g. `/attendees/3/organization`. */
  pointer?: string;
}

export interface Problem extends Location {
  /** Stable code from the catalog, e.g. `ACTAS-E110`. */
  code: string;
  severity: Severity;
  /** Spanish first: what is wrong, where, and how to fix it. */
  message: string;
  /** The same in English. */
  message_en: string;
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** Orders problems by file, then position, so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
