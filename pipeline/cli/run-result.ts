/** How a pipeline result is shown and which exit code it gives (DESIGN.md). */
import type { RunOutcome, RunResult } from '../run.ts';
import { type CommandContext, type ExitCode, exitCodes } from './command.ts';
import { countsLine, printProblems } from './report.ts';

const exitFor: Record<RunOutcome, ExitCode> = {
  invalid: exitCodes.invalidInput,
  busy: exitCodes.failure,
  failed: exitCodes.failure,
  unchanged: exitCodes.ok,
  built: exitCodes.ok,
  'dry-run': exitCodes.ok,
  published: exitCodes.ok,
};

export function reportRun(ctx: CommandContext, result: RunResult): ExitCode {
  printProblems(ctx, result.problems, 'text');
  for (const line of result.lines) ctx.print(line);
  if (result.outcome === 'invalid') {
    ctx.print(`No se publicó nada: ${countsLine(result.problems)}. Corrija lo indicado y vuelva a ejecutar.`);
  } else if (result.outcome === 'failed' || result.outcome === 'busy') {
    ctx.print('No se publicó nada: el destino conserva la versión anterior.');
  }
  return exitFor[result.outcome];
}
