/**
 * `actas diff <old> <new>`: row-level changes between two versions and the bump they imply. Each
 * side is a folder holding a published tree (build/, public/) or a version of the configured
 * target (v1.0.0 or 1.0.0).
 */
import { resolve } from 'node:path';
import type { Config } from '../../config/config.ts';
import type { Effects } from '../../effects.ts';
import { problem } from '../../errors/catalog/index.ts';
import { createTarget } from '../../publish/create-target.ts';
import { folderTreeView } from '../../publish/dir-target.ts';
import { TargetError } from '../../publish/target.ts';
import { decideBump, describeSchemaChange } from '../../release/bump.ts';
import { capItems } from '../../release/changelog.ts';
import { diffSnapshots } from '../../release/diff.ts';
import { readSnapshot } from '../../release/snapshot.ts';
import { sameTree, type TreeView } from '../../release/tree.ts';
import { type Command, commonOptions, exitCodes } from '../command.ts';
import { printProblems } from '../report.ts';
import { configFor, targetOptions } from '../shared-options.ts';
import { oneOf, UsageError } from '../usage-error.ts';

async function resolveSide(arg: string, config: Config, effects: Effects): Promise<TreeView | null> {
  const folder = resolve(effects.cwd, arg);
  const isFolder = await effects.fs.stat(`${folder}/datapackage.json`).then(
    () => true,
    () => false,
  );
  if (isFolder) return folderTreeView(effects, folder);
  const version = /^v?(\d+\.\d+\.\d+)$/.exec(arg)?.[1];
  if (!version) return null;
  return (await createTarget(config, effects).readVersion(version))?.tree ?? null;
}

export const diffCommand: Command = {
  name: 'diff',
  usage: 'actas diff <antigua> <nueva> [--format text|json]',
  summary:
    'cambios fila a fila entre dos versiones y el salto de versión que implican / row-level changes and the bump',
  options: { ...commonOptions, ...targetOptions, format: { type: 'string', default: 'text' } },
  positionals: true,
  async run(ctx) {
    const format = oneOf('format', ctx.values.format, ['text', 'json'] as const);
    const [oldArg, newArg, ...rest] = ctx.positionals;
    if (!oldArg || !newArg || rest.length > 0)
      throw new UsageError('"diff" recibe exactamente dos argumentos: la versión antigua y la nueva');
    const { config, problems } = await configFor(ctx);
    if (!config) {
      printProblems(ctx, problems, 'text');
      return exitCodes.invalidInput;
    }
    let sides: Array<TreeView | null>;
    try {
      sides = [
        await resolveSide(oldArg, config, ctx.effects),
        await resolveSide(newArg, config, ctx.effects),
      ];
    } catch (error) {
      if (error instanceof TargetError) {
        printProblems(ctx, [error.problem], 'text');
        return exitCodes.failure;
      }
      throw error;
    }
    const [oldTree, newTree] = sides;
    if (!oldTree || !newTree) {
      printProblems(ctx, [problem('ACTAS-E409', { what: `"${oldTree ? newArg : oldArg}"` })], 'text');
      return exitCodes.usage;
    }
    const [before, after] = [await readSnapshot(oldTree), await readSnapshot(newTree)];
    const diff = diffSnapshots(before, after);
    const decision = decideBump(diff, !sameTree(oldTree, newTree));
    if (format === 'json') {
      ctx.print(
        JSON.stringify(
          {
            old_version: before.version,
            new_version: after.version,
            bump: decision?.bump ?? null,
            reasons: decision?.reasons ?? [],
            ...diff,
          },
          null,
          2,
        ),
      );
      return exitCodes.ok;
    }
    ctx.print(`De ${before.version ?? oldArg} a ${after.version ?? newArg}:`);
    if (!decision) {
      ctx.print('Sin cambios.');
      return exitCodes.ok;
    }
    ctx.print(`Salto de versión: ${decision.bump.toUpperCase()} — ${decision.reasons.join('; ')}.`);
    for (const change of diff.schema) ctx.print(`  estructura: ${describeSchemaChange(change)}`);
    for (const r of diff.resources) {
      if (r.added.length + r.removed.length + r.changed.length === 0) continue;
      ctx.print(
        `  ${r.resource}: ${r.added.length} agregadas, ${r.removed.length} eliminadas, ${r.changed.length} corregidas`,
      );
      if (r.added.length) ctx.print(`    agregadas: ${capItems(r.added)}`);
      if (r.removed.length) ctx.print(`    eliminadas: ${capItems(r.removed)}`);
      if (r.changed.length)
        ctx.print(`    corregidas: ${capItems(r.changed.map((c) => `${c.key} (${c.fields.join(', ')})`))}`);
    }
    return exitCodes.ok;
  },
};
