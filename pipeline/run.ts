/**
 * The whole pipeline, as `npm start`, `actas run` and the scheduler run it:
 * inbox → import → validate → build → publish. Each stage is its own module; this file composes
 * them. It stops at the first stage whose input is invalid (nothing is published from bad data),
 * holds a lock while it builds and publishes, and reports what happened as data: the CLI and the
 * scheduler decide what it means for exit codes and retries.
 */
import { join, resolve } from 'node:path';
import { loadBuildCache, saveBuildCache } from './build/build-cache.ts';
import { buildTreeReport } from './build/build-tree.ts';
import { holdsTree } from './build/run-build.ts';
import type { BuildReport } from './build/types.ts';
import { writeTree } from './build/write-tree.ts';
import type { Config } from './config/config.ts';
import type { Effects } from './effects.ts';
import { problem } from './errors/catalog/index.ts';
import { hasErrors, type Problem } from './errors/problem.ts';
import { writeFileAtomic } from './files/write-file-atomic.ts';
import { type DocumentReport, runImport } from './ingest/index.ts';
import { createTarget } from './publish/create-target.ts';
import { readFolderTree } from './publish/dir-target.ts';
import { acquireLock, type Lock } from './publish/lock.ts';
import { type Release, semverPattern, type Target, TargetError } from './publish/target.ts';
import { type BuildVersion, planRelease } from './release/plan.ts';
import { memoryTreeView, sameTree } from './release/tree.ts';
import { lockFile, plannedReleaseFile } from './state.ts';
import { plural } from './text/plural.ts';
import { isUpToDate, recordUpToDate, runInputs, snapshotBuild, upToDateFile } from './up-to-date.ts';
import { runValidate } from './validate/index.ts';

export type RunOutcome = 'invalid' | 'busy' | 'failed' | 'unchanged' | 'built' | 'dry-run' | 'published';

export interface RunOptions {
  config: Config;
  /** `build` stops once the build folder holds the next version; `publish` goes on to the target. */
  until: 'build' | 'publish';
  /** Import the inbox's acta documents first (what `actas run` does). */
  importInbox?: boolean;
  dryRun?: boolean;
  /** Who holds the lock, for the message a second run gets. */
  command: string;
}

export interface RunResult {
  outcome: RunOutcome;
  problems: Problem[];
  /** What each stage did, one Spanish line each. */
  lines: string[];
  version?: string;
  previousVersion?: string | null;
  /** The changelog section of the new version. */
  notes?: string;
}

/** What `actas build` planned, so that `actas publish --from build` publishes exactly that. */
export interface PlannedRelease {
  datasetName: string;
  version: string;
  previousVersion: string | null;
  notes: string;
  target: string;
}

class BuildFailure extends Error {
  constructor(readonly problems: Problem[]) {
    super('build failed');
  }
}

export async function run(options: RunOptions, effects: Effects): Promise<RunResult> {
  const { config } = options;
  const lines: string[] = [];
  const problems: Problem[] = [];

  if (options.importInbox) {
    const imported = await runImport(config, effects);
    problems.push(...imported.problems);
    if (hasErrors(problems)) return { outcome: 'invalid', problems, lines };
    if (imported.documents.length > 0) lines.push(`Importación: ${describeImport(imported.documents)}.`);
  }

  const validated = await runValidate(config, effects, { cache: true });
  problems.push(...validated.problems);
  if (hasErrors(problems)) return { outcome: 'invalid', problems, lines };
  lines.push(
    `Validación: ${plural(validated.records.length, 'registro válido', 'registros válidos')} en ${config.paths.records}.`,
  );

  return guarded(effects, options.command, problems, lines, async () => {
    const target = createTarget(config, effects);
    const current = await target.readCurrent();
    if (current && !semverPattern.test(current.version)) {
      return {
        outcome: 'failed',
        problems: [...problems, problem('ACTAS-E404', { version: current.version })],
        lines,
      };
    }

    const buildDir = resolve(effects.cwd, config.paths.build);
    const unchanged = (version: string): RunResult => {
      lines.push(
        `Sin cambios: la versión publicada sigue siendo la ${version} (${target.describe()}); no se publica nada.`,
      );
      return { outcome: 'unchanged', problems, lines, version, previousVersion: version };
    };
    // Most scheduled runs find nothing new: the up-to-date check answers them without building.
    const inputs = validated.inputDigest && runInputs(config, validated.inputDigest);
    if (inputs && current && (await isUpToDate(effects, buildDir, inputs, current))) {
      effects.log.debug(`Al día según ${upToDateFile}: nada que construir.`);
      return unchanged(current.version);
    }

    const cache = await loadBuildCache(effects, buildDir);
    let lastReport: BuildReport | undefined;
    const build: BuildVersion = async (version, created, history) => {
      const report = await buildTreeReport(
        {
          records: validated.records.map((r) => r.record),
          organizations: validated.organizations,
          config,
          version,
          created,
          extraFiles: history,
        },
        cache.store,
      );
      if (hasErrors(report.problems)) throw new BuildFailure(report.problems);
      lastReport = report;
      return report.tree;
    };
    const plan = await planRelease(
      current ? { version: current.version, tree: current.tree } : null,
      effects.now(),
      build,
    );

    // A rerun with nothing changed finds build/ already holding this exact tree: leave it be.
    if (!(await holdsTree(effects, buildDir, plan.tree, cache.read))) {
      const writeProblems = await writeTree(plan.tree, buildDir, effects);
      if (hasErrors(writeProblems))
        return { outcome: 'failed', problems: [...problems, ...writeProblems], lines };
    }
    // The snapshot is what a stamp is made of: taken only when this run may end with one.
    const mayStamp = plan.kind === 'unchanged' || (options.until === 'publish' && !options.dryRun);
    const snapshot = inputs && mayStamp ? await snapshotBuild(effects, buildDir, plan.tree) : undefined;
    const remember = async (version: string) => {
      if (inputs && snapshot) await recordUpToDate(effects, snapshot, inputs, version);
    };
    if (lastReport) await saveBuildCache(effects, buildDir, lastReport);

    if (plan.kind === 'unchanged') {
      await remember(plan.version);
      return unchanged(plan.version);
    }
    const planned: PlannedRelease = {
      datasetName: config.dataset.name,
      version: plan.version,
      previousVersion: plan.previousVersion,
      notes: plan.notes,
      target: target.describe(),
    };
    await writeFileAtomic(
      effects,
      join(buildDir, plannedReleaseFile),
      `${JSON.stringify(planned, null, 2)}\n`,
    );
    const why = plan.previousVersion
      ? `${plan.decision.bump} desde ${plan.previousVersion}`
      : 'primera publicación';
    lines.push(
      `Construcción: versión ${plan.version} (${why}) en ${config.paths.build}/: ${plan.decision.reasons.join('; ')}.`,
    );
    const result = {
      problems,
      lines,
      version: plan.version,
      previousVersion: plan.previousVersion,
      notes: plan.notes,
    };
    if (options.until === 'build') return { outcome: 'built', ...result };

    const release: Release = { ...planned, tree: plan.tree, date: effects.now() };
    const delivered = await deliver(target, release, options.dryRun, result);
    if (delivered.outcome === 'published') await remember(plan.version);
    return delivered;
  });
}

function describeImport(documents: readonly DocumentReport[]): string {
  const count = (status: DocumentReport['status']) => documents.filter((d) => d.status === status).length;
  const parts = [
    count('imported') && plural(count('imported'), 'acta nueva', 'actas nuevas'),
    count('updated') && plural(count('updated'), 'acta actualizada', 'actas actualizadas'),
    count('unchanged') + count('skipped') &&
      plural(count('unchanged') + count('skipped'), 'documento ya importado', 'documentos ya importados'),
  ].filter(Boolean);
  return `${parts.join(', ')} en ${plural(documents.length, 'documento', 'documentos')} de la bandeja`;
}

/**
 * Runs `work` holding the project's lock. A second run gets 'busy' with who holds it; a target or
 * build failure becomes a 'failed' result carrying its problem.
 */
async function guarded(
  effects: Effects,
  command: string,
  problems: Problem[],
  lines: string[],
  work: () => Promise<RunResult>,
): Promise<RunResult> {
  let lock: Lock;
  try {
    lock = await acquireLock(effects, resolve(effects.cwd, lockFile), command);
  } catch (error) {
    if (error instanceof TargetError)
      return { outcome: 'busy', problems: [...problems, error.problem], lines };
    throw error;
  }
  try {
    return await work();
  } catch (error) {
    if (error instanceof TargetError)
      return { outcome: 'failed', problems: [...problems, error.problem], lines };
    if (error instanceof BuildFailure)
      return { outcome: 'failed', problems: [...problems, ...error.problems], lines };
    throw error;
  } finally {
    await lock.release();
  }
}

export interface PublishBuiltOptions {
  config: Config;
  dryRun?: boolean;
}

/** `actas publish --from build`: publishes exactly what the last `actas build` planned. */
export async function publishBuilt(options: PublishBuiltOptions, effects: Effects): Promise<RunResult> {
  const { config } = options;
  const lines: string[] = [];
  const buildDir = resolve(effects.cwd, config.paths.build);
  const tree = await readFolderTree(effects, buildDir);
  const planned = await readPlannedRelease(effects, buildDir);
  const notBuilt = (): RunResult => ({
    outcome: 'invalid',
    problems: [problem('ACTAS-E407', { path: config.paths.build })],
    lines,
  });
  if (!tree.has('datapackage.json')) return notBuilt();
  return guarded(effects, 'actas publish', [], lines, async () => {
    const target = createTarget(config, effects);
    const current = await target.readCurrent();
    if (current && sameTree(current.tree, memoryTreeView(tree))) {
      lines.push(
        `Sin cambios: ${target.describe()} ya tiene la versión ${current.version}; no se publica nada.`,
      );
      return { outcome: 'unchanged', problems: [], lines, version: current.version };
    }
    if (!planned) return notBuilt();
    if ((current?.version ?? null) !== planned.previousVersion) {
      const found = current?.version ?? 'ninguna';
      return {
        outcome: 'failed',
        problems: [problem('ACTAS-E408', { built: planned.previousVersion ?? 'ninguna', current: found })],
        lines,
      };
    }
    const release: Release = { ...planned, tree, date: effects.now() };
    const result = {
      problems: [],
      lines,
      version: planned.version,
      previousVersion: planned.previousVersion,
      notes: planned.notes,
    };
    return deliver(target, release, options.dryRun, result);
  });
}

/**
 * The last step of `actas run` and `actas publish`: with --dry-run, the exact files and calls
 * publishing would make and the release notes; otherwise the publication itself.
 */
async function deliver(
  target: Target,
  release: Release,
  dryRun: boolean | undefined,
  result: Omit<RunResult, 'outcome'>,
): Promise<RunResult> {
  if (dryRun) {
    result.lines.push(
      `Ensayo (--dry-run): nada se publica. En ${target.describe()} se haría:`,
      ...(await target.plan(release)).map((l) => `  ${l}`),
      'Notas de la versión:',
      release.notes,
    );
    return { outcome: 'dry-run', ...result };
  }
  const outcome = await target.publish(release);
  result.lines.push(
    `Publicación: versión ${outcome.version} publicada en ${target.describe()} (${outcome.location}).`,
  );
  return { outcome: 'published', ...result };
}

async function readPlannedRelease(effects: Effects, buildDir: string): Promise<PlannedRelease | null> {
  try {
    return JSON.parse(
      await effects.fs.readFile(join(buildDir, plannedReleaseFile), 'utf8'),
    ) as PlannedRelease;
  } catch {
    return null;
  }
}
