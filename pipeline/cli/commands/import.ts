import { type ReportFormat, summarize } from '../../errors/format.ts';
import { hasErrors, type Problem } from '../../errors/problem.ts';
import { type DocumentReport, type ImportStageResult, runImport } from '../../ingest/index.ts';
import { type Command, type CommandContext, commonOptions, exitCodes } from '../command.ts';
import { countsLine, printProblems } from '../report.ts';
import { configFor } from '../shared-options.ts';
import { oneOf } from '../usage-error.ts';

const importFormats: readonly ReportFormat[] = ['text', 'json'];

/** One line per document: what happened to it, in Spanish. */
function statusLine(d: DocumentReport): string {
  const warnings = d.problems.filter((p) => p.severity === 'warning').length;
  const notes =
    warnings === 0 ? '' : ` (${warnings === 1 ? '1 aviso' : `${warnings} avisos`}: revíselos abajo)`;
  switch (d.status) {
    case 'imported':
      return `${d.file} → ${d.record}: importado${notes}.`;
    case 'updated':
      return `${d.file} → ${d.record}: actualizado${notes}.`;
    case 'unchanged':
      return `${d.file} → ${d.record}: sin cambios, el registro ya dice lo mismo.`;
    case 'skipped':
      return `${d.file}: ya importado (${d.record}); no se escribió nada.`;
    case 'failed':
      return `${d.file}: no se importó; no se escribió nada.`;
  }
}

function printText(ctx: CommandContext, result: ImportStageResult, out: string): void {
  printProblems(ctx, result.general, 'text');
  for (const d of result.documents) {
    ctx.print(statusLine(d));
    printProblems(ctx, d.problems, 'text');
  }
  const count = (status: DocumentReport['status']) =>
    result.documents.filter((d) => d.status === status).length;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [
    n(count('imported'), 'importado', 'importados'),
    n(count('updated'), 'actualizado', 'actualizados'),
    n(count('unchanged') + count('skipped'), 'ya importado', 'ya importados'),
    n(count('failed'), 'sin importar', 'sin importar'),
  ];
  ctx.print(
    `Importación en ${out}: ${n(result.documents.length, 'documento', 'documentos')}; ${parts.join(', ')}; ${countsLine(result.problems)}.`,
  );
}

function printJson(
  ctx: CommandContext,
  result: ImportStageResult | undefined,
  problems: readonly Problem[],
): void {
  const { errors, warnings } = summarize(problems);
  ctx.print(
    JSON.stringify(
      {
        ok: !hasErrors(problems),
        errors,
        warnings,
        documents: result?.documents ?? [],
        problems: result?.general ?? problems,
      },
      null,
      2,
    ),
  );
}

export const importCommand: Command = {
  name: 'import',
  usage: 'actas import [<archivo|carpeta>…] [--out data/sessions] [--force] [--format text|json]',
  summary:
    'actas (.txt exportado o .docx) → registros canónicos, con un informe de lo dudoso; sin argumentos, la bandeja (paths.inbox) / acta documents → canonical records',
  options: {
    ...commonOptions,
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  async run(ctx) {
    const format = oneOf('format', ctx.values.format, importFormats);
    const out = typeof ctx.values.out === 'string' ? ctx.values.out : undefined;
    const { config, problems } = await configFor(ctx);
    if (!config) {
      if (format === 'json') printJson(ctx, undefined, problems);
      else printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    const result = await runImport(config, ctx.effects, {
      inputs: ctx.positionals,
      out: out ?? config.paths.records,
      force: ctx.values.force === true,
    });
    if (format === 'json') printJson(ctx, result, result.problems);
    else printText(ctx, result, out ?? config.paths.records);
    return hasErrors(result.problems) ? exitCodes.invalidInput : exitCodes.ok;
  },
};
