import { hasErrors } from '../../errors/problem.ts';
import { run } from '../../run.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { countsLine, printProblems } from '../report.ts';
import { configFor, targetOptions } from '../shared-options.ts';

export const runCommand: Command = {
  name: 'run',
  usage: 'actas run [--target git|github|dir] [--config FILE]',
  summary: 'bandeja → importar → validar → construir → publicar / the whole pipeline',
  options: { ...commonOptions, ...targetOptions, records: { type: 'string' } },
  async run(ctx) {
    const { config, problems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    const result = await run({ config }, ctx.effects);
    printProblems(ctx, result.problems, 'text');
    for (const line of result.summary) ctx.print(line);
    if (hasErrors(result.problems)) {
      ctx.print(
        `No se publicó nada: ${countsLine(result.problems)}. Corrija lo indicado y vuelva a ejecutar.`,
      );
      return exitCodes.invalidInput;
    }
    return exitCodes.ok;
  },
};
