/**
 * Ajv's errors as catalog problems: one per place, in words a secretariat can act on, located in
 * the source file.
 */
import type { ErrorObject } from 'ajv';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { locate, pointerSegments, type SourceMap } from './locate.ts';

const typeNames: Record<string, string> = {
  string: 'texto',
  integer: 'número entero',
  number: 'número',
  boolean: 'verdadero/falso',
  array: 'lista',
  object: 'objeto',
  null: 'null',
};

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'una lista';
  if (typeof value === 'object') return 'un objeto';
  if (typeof value === 'string') return `el texto "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? `el número ${value}` : `el número decimal ${value}`;
  return `el valor ${String(value)}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const seg of pointerSegments(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[seg];
  }
  return value;
}

function toProblem(error: ErrorObject, value: unknown, source: SourceMap): Problem {
  const at = locate(source, error.instancePath);
  const text = String(value);
  switch (error.keyword) {
    case 'required': {
      const property = (error.params as { missingProperty: string }).missingProperty;
      return problem('ACTAS-E110', { property }, { ...at, pointer: `${error.instancePath}/${property}` });
    }
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      return problem('ACTAS-E111', { property }, locate(source, error.instancePath, property));
    }
    case 'type': {
      const expected = ([] as string[])
        .concat((error.params as { type: string | string[] }).type)
        .map((t) => typeNames[t] ?? t)
        .join(' o ');
      return problem('ACTAS-E112', { expected, found: describeValue(value) }, at);
    }
    case 'format':
      return problem('ACTAS-E113', { value: text }, at);
    case 'pattern':
      if (error.schemaPath.includes('nullableDate')) return problem('ACTAS-E113', { value: text }, at);
      if (error.schemaPath.includes('nullableTime')) return problem('ACTAS-E114', { value: text }, at);
      if (error.instancePath === '/id') return problem('ACTAS-E115', { value: text }, at);
      return problem(
        'ACTAS-E119',
        { detail: `"${text}" no tiene la forma ${String((error.params as { pattern: string }).pattern)}` },
        at,
      );
    case 'enum':
      return problem(
        'ACTAS-E116',
        { value: text, allowed: (error.params as { allowedValues: unknown[] }).allowedValues.join(', ') },
        at,
      );
    case 'minimum':
      return problem('ACTAS-E117', { limit: Number((error.params as { limit: number }).limit) }, at);
    case 'minLength':
      return problem('ACTAS-E118', {}, at);
    default:
      return problem('ACTAS-E119', { detail: error.message ?? error.keyword }, at);
  }
}

/** One problem per place and code: a date that breaks both `pattern` and `format` is one mistake. */
export function schemaProblems(errors: readonly ErrorObject[], root: unknown, source: SourceMap): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    const p = toProblem(error, valueAt(root, error.instancePath), source);
    const key = `${p.code}|${p.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  return problems;
}
