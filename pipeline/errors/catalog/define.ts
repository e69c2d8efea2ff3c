import type { Severity } from '../problem.ts';

/** One catalog entry: a severity and a message in each language, built from typed parameters. */
export interface Entry<P> {
  severity: Severity;
  es: (params: P) => string;
  en: (params: P) => string;
}

/** Helps TypeScript infer each entry's parameter type from its message functions. */
export const entry = <P = Record<string, never>>(e: Entry<P>): Entry<P> => e;
