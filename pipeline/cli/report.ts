/** Prints problems in the format asked for: text for people, JSON for programs, GitHub annotations for pull requests. */
import { formatProblemsGithub, formatProblemsText, type ReportFormat, summarize } from '../errors/format.ts';
import type { Problem } from '../errors/problem.ts';
import { plural } from '../text/plural.ts';
import type { CommandContext } from './command.ts';

export function printProblems(ctx: CommandContext, problems: readonly Problem[], format: ReportFormat): void {
  if (problems.length === 0) return;
  if (format === 'github') ctx.print(formatProblemsGithub(problems));
  else if (format === 'text') ctx.print(formatProblemsText(problems));
}

export function countsLine(problems: readonly Problem[]): string {
  const { errors, warnings } = summarize(problems);
  return `${plural(errors, 'error', 'errores')}, ${plural(warnings, 'aviso', 'avisos')}`;
}
