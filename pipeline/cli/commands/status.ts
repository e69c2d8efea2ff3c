/** `actas status`: what the scheduler did last and when it runs next, from .actas/status.json. */
import { problem } from '../../errors/catalog/index.ts';
import { formatStatus, schedulerAlive } from '../../schedule/format-status.ts';
import { readStatus } from '../../schedule/status.ts';
import { statusFile } from '../../state.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { oneOf } from '../usage-error.ts';

export const statusCommand: Command = {
  name: 'status',
  usage: 'actas status [--format text|json]',
  summary: 'muestra la última ejecución programada y la próxima / shows the scheduler status',
  options: { ...commonOptions, format: { type: 'string', default: 'text' } },
  async run(ctx) {
    const format = oneOf('format', ctx.values.format, ['text', 'json'] as const);
    const read = await readStatus(ctx.effects);
    if (read.kind === 'unreadable') {
      printProblems(ctx, [problem('ACTAS-E503', { path: statusFile, detail: read.detail })], 'text');
      return exitCodes.failure;
    }
    if (read.kind === 'missing') {
      if (format === 'json') ctx.print(JSON.stringify({ status: null }, null, 2));
      else
        ctx.print(
          `Todavía no hay estado: "actas schedule" no se ha ejecutado en esta carpeta (falta ${statusFile}).`,
        );
      return exitCodes.ok;
    }
    if (format === 'json') {
      ctx.print(JSON.stringify({ status: read.status, running: schedulerAlive(read.status) }, null, 2));
    } else ctx.print(formatStatus(read.status));
    return exitCodes.ok;
  },
};
