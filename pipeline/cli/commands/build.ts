import { run } from '../../run.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { reportRun } from '../run-result.ts';
import { configFor, targetOptions } from '../shared-options.ts';

export const buildCommand: Command = {
  name: 'build',
  usage: 'actas build [--records DIR] [--out build]',
  summary:
    'valida y escribe el árbol publicado completo de la próxima versión, sin publicar / validates and writes the whole published tree',
  options: { ...commonOptions, ...targetOptions, records: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const { config, problems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    const result = await run({ config, until: 'build', command: 'actas build' }, ctx.effects);
    return reportRun(ctx, result);
  },
};
