import { run } from '../../run.ts';
import { fetchSourcesForRun } from '../../schedule/sources/index.ts';
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
    // Remote sources (config `sources`) land in the inbox first; a failing source is a warning.
    const sources = await fetchSourcesForRun(config, ctx.effects);
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
    return reportRun(ctx, {
      ...result,
      problems: [...sources.problems, ...result.problems],
      lines: [...sources.lines, ...result.lines],
    });
  },
};
