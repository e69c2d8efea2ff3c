/**
 * The error catalog: every problem any stage can report, with a stable code. Codes never change
 * meaning once published; a retired code is not reused. Ranges: E0xx command line and
 * configuration, E1xx records and validation, E2xx import, E3xx build, E4xx release and publish,
 * E5xx schedule and sources. `W` codes are warnings.
 */
import type { Location, Problem } from '../problem.ts';
import { build } from './build.ts';
import type { Entry } from './define.ts';
import { general } from './general.ts';
import { ingest } from './ingest.ts';
import { publish } from './publish.ts';
import { schedule } from './schedule.ts';
import { validate } from './validate.ts';

export const catalog = { ...general, ...validate, ...ingest, ...build, ...publish, ...schedule };

export type Code = keyof typeof catalog;
type Params<C extends Code> = (typeof catalog)[C] extends Entry<infer P> ? P : never;

/** Builds a located problem from its catalog entry. */
export function problem<C extends Code>(code: C, params: Params<C>, where: Location = {}): Problem {
  const e = catalog[code] as Entry<Params<C>>;
  return { code, severity: e.severity, ...where, message: e.es(params), message_en: e.en(params) };
}
