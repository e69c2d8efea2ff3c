import { type Problem, sortProblems } from './problem.ts';

export type ReportFormat = 'text' | 'json' | 'github';
export const reportFormats: readonly ReportFormat[] = ['text', 'json', 'github'];

function where(p: Problem): string {
  const pos = p.file ? [p.file, p.line, p.column].filter((x) => x !== undefined).join(':') : '';
  return [pos, p.pointer ? `(${p.pointer})` : ''].filter(Boolean).join(' ');
}

/** Readable lines for a terminal: position, code, the Spanish message and the English one. */
export function formatProblemsText(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const label = p.severity === 'error' ? 'error' : 'aviso';
      const head = [where(p), `${label} ${p.code}`].filter(Boolean).join('  ');
      return `${head}\n  ${p.message}\n  (en) ${p.message_en}`;
    })
    .join('\n');
}

/** Summary line in Spanish: how many errors and warnings. */
export function summarize(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

// GitHub workflow commands: data escapes %, CR, LF; properties also escape : and ,
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=…::message` so problems land on the lines of a pull request. */
export function formatProblemsGithub(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const props: string[] = [];
      if (p.file) props.push(`file=${escapeProperty(p.file)}`);
      if (p.line !== undefined) props.push(`line=${p.line}`);
      if (p.column !== undefined) props.push(`col=${p.column}`);
      props.push(`title=${escapeProperty(`${p.code}${p.pointer ? ` ${p.pointer}` : ''}`)}`);
      const level = p.severity === 'error' ? 'error' : 'warning';
      return `::${level} ${props.join(',')}::${escapeData(`${p.message} / ${p.message_en}`)}`;
    })
    .join('\n');
}
