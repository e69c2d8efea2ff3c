import { publishBuilt } from '../../run.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { reportRun } from '../run-result.ts';
import { configFor, targetOptions } from '../shared-options.ts';

export const publishCommand: Command = {
  name: 'publish',
  usage: 'actas publish [--from build] [--target git|github|dir] [--dry-run]',
  summary: 'publica la versión que preparó "actas build" / publishes the version "actas build" prepared',
  options: { ...commonOptions, ...targetOptions, from: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    const { config, problems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    return reportRun(
      ctx,
      await publishBuilt({ config, dryRun: ctx.values['dry-run'] === true }, ctx.effects),
    );
  },
};
