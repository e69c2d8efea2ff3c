/**
 * CHANGELOG.md (people) and changes/<version>.json (programs): one section per version with the
 * date, the bump and why, and per resource the rows added, removed and changed, by key.
 */
import type { Bump, BumpDecision } from './bump.ts';
import type { DatasetDiff, ResourceDiff } from './diff.ts';

export const changelogPath = 'CHANGELOG.md';
export const changesPath = (version: string) => `changes/${version}.json`;

const header = `# Registro de cambios / Changelog

Cada versión publicada de este conjunto de datos, la más reciente primero. El número de versión
sigue el versionado semántico para datos: MAYOR cuando cambia la estructura (se elimina o
renombra una tabla o un campo, cambia un tipo o una clave), MENOR cuando se agregan datos o
campos, PARCHE cuando se corrigen valores o se eliminan filas. El detalle legible por máquinas de
cada versión está en \`changes/<versión>.json\`.
`;

const bumpTitles: Record<Bump, string> = {
  major: 'Cambio mayor (MAJOR): cambió la estructura',
  minor: 'Cambio menor (MINOR): se agregaron datos o campos',
  patch: 'Corrección (PATCH): se corrigieron o eliminaron datos',
};

/** At most `limit` items, then "y N más". */
export function capItems(items: readonly string[], limit = 10): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown} y ${items.length - limit} más` : shown;
}

const code = (key: string) => `\`${key}\``;

function resourceLines(r: ResourceDiff): string[] {
  const lines: string[] = [];
  if (r.added.length) lines.push(`- Agregadas (${r.added.length}): ${capItems(r.added.map(code))}`);
  if (r.removed.length) lines.push(`- Eliminadas (${r.removed.length}): ${capItems(r.removed.map(code))}`);
  if (r.changed.length) {
    const changed = r.changed.map((c) => `${code(c.key)} (${c.fields.join(', ')})`);
    lines.push(`- Corregidas (${r.changed.length}): ${capItems(changed)}`);
  }
  return lines;
}

export interface ReleaseNotesInput {
  version: string;
  previousVersion: string | null;
  date: string;
  decision: BumpDecision;
  diff: DatasetDiff;
}

/** The Markdown section of one version; also the body of the GitHub Release. */
export function renderChangelogSection({
  version,
  previousVersion,
  date,
  decision,
  diff,
}: ReleaseNotesInput): string {
  const lines = [`## ${version} — ${date}`, ''];
  lines.push(
    previousVersion
      ? `**${bumpTitles[decision.bump]}** (desde ${previousVersion}).`
      : '**Primera publicación.**',
  );
  lines.push('');
  for (const reason of decision.reasons) lines.push(`- ${reason}`);
  const touched = diff.resources.filter((r) => r.added.length + r.removed.length + r.changed.length > 0);
  if (touched.length > 0) {
    lines.push('', '| tabla | agregadas | eliminadas | corregidas |', '|---|---:|---:|---:|');
    for (const r of touched)
      lines.push(`| ${r.resource} | ${r.added.length} | ${r.removed.length} | ${r.changed.length} |`);
    // The first publication adds every row: listing them all would be the whole dataset again.
    if (previousVersion) {
      for (const r of touched) lines.push('', `### ${r.resource}`, '', ...resourceLines(r));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Puts a new section on top of an existing changelog (or starts one). */
export function prependChangelog(existing: string | undefined, section: string): string {
  if (!existing) return `${header}\n${section}`;
  const first = existing.indexOf('\n## ');
  if (first < 0) return `${existing.trimEnd()}\n\n${section}`;
  return `${existing.slice(0, first + 1)}${section}\n${existing.slice(first + 1)}`;
}

/** The machine-readable changes of one version. */
export function renderChangesJson({
  version,
  previousVersion,
  date,
  decision,
  diff,
}: ReleaseNotesInput): string {
  const body = {
    version,
    previous_version: previousVersion,
    date,
    bump: decision.bump,
    reasons: decision.reasons,
    schema_changes: diff.schema,
    resources: diff.resources.map((r) => ({
      resource: r.resource,
      added: r.added,
      removed: r.removed,
      changed: r.changed,
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
