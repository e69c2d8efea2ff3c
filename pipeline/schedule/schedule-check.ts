/** Checks a cron expression and a time zone before the scheduler starts, with catalog problems. */
import { validateDetailed } from 'node-cron';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';

export function cronProblems(expression: string): Problem[] {
  const checked = validateDetailed(expression);
  if (checked.valid) return [];
  const detail = checked.errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'formato no reconocido';
  return [problem('ACTAS-E500', { expression, detail })];
}

export function timezoneProblems(timezone: string): Problem[] {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return [];
  } catch {
    return [problem('ACTAS-E501', { timezone })];
  }
}
