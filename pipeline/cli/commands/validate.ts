import { type ReportFormat, reportFormats, summarize } from '../../errors/format.ts';
import { hasErrors } from '../../errors/problem.ts';
import { runValidate } from '../../validate/index.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { countsLine, printProblems } from '../report.ts';
import { configFor } from '../shared-options.ts';
import { oneOf } from '../usage-error.ts';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'actas validate [--records DIR] [--format text|json|github]',
  summary: 'valida los registros de sesión contra los esquemas y las reglas / validates the session records',
  options: { ...commonOptions, records: { type: 'string' }, format: { type: 'string', default: 'text' } },
  async run(ctx) {
    const format: ReportFormat = oneOf('format', ctx.values.format, reportFormats);
    const { config, problems: configProblems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, configProblems, format === 'json' ? 'text' : format);
      if (format === 'json') ctx.print(JSON.stringify({ ok: false, problems: configProblems }, null, 2));
      return exitCodes.invalidInput;
    }
    const result = await runValidate(config, ctx.effects);
    const ok = !hasErrors(result.problems);
    if (format === 'json') {
      const { errors, warnings } = summarize(result.problems);
      ctx.print(
        JSON.stringify(
          {
            ok,
            files: result.files,
            valid: result.records.length,
            errors,
            warnings,
            problems: result.problems,
          },
          null,
          2,
        ),
      );
    } else {
      printProblems(ctx, result.problems, format);
      if (format === 'text') {
        const verdict = ok ? 'Registros válidos' : 'Hay errores: no se publicará nada hasta corregirlos';
        ctx.print(
          `${verdict}. ${result.records.length} de ${result.files} registros sin errores en ${config.paths.records}; ${countsLine(result.problems)}.`,
        );
      }
    }
    return ok ? exitCodes.ok : exitCodes.invalidInput;
  },
};
