import { run } from '../../run.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { reportRun } from '../run-result.ts';
import { configFor, targetOptions } from '../shared-options.ts';

export const runCommand: Command = {
  name: 'run',
  usage: 'actas run [--target git|github|dir] [--repository owner/name] [--dry-run]',
  summary:
    'bandeja → importar → validar → construir → publicar; lo que ejecutan las programaciones / the whole pipeline',
  options: {
    ...commonOptions,
    ...targetOptions,
    records: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx) {
    const { config, problems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    const result = await run(
      {
        config,
        until: 'publish',
        importInbox: true,
        dryRun: ctx.values['dry-run'] === true,
        command: 'actas run',
      },
      ctx.effects,
    );
    return reportRun(ctx, result);
  },
};
