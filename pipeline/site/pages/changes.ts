/**
 * A version's changes, from changes/<version>.json: what kind of version it is, why, and per
 * table the rows added, removed and corrected (with their keys on the changelog page).
 */
import type { VersionChanges } from '../dataset.ts';
import { formatCount, formatDate } from '../format.ts';
import { type Html, html } from '../html.ts';

const bumpLabels: Record<string, string> = {
  major: 'Cambio mayor: cambió la estructura de las tablas',
  minor: 'Cambio menor: se agregaron datos o campos',
  patch: 'Corrección: se corrigieron o eliminaron datos',
};

export const bumpLabel = (v: VersionChanges): string =>
  v.previousVersion === null ? 'Primera publicación' : (bumpLabels[v.bump] ?? v.bump);

const touched = (v: VersionChanges) =>
  v.resources.filter((r) => r.added.length + r.removed.length + r.changed.length > 0);

/** Reasons and the per-table counts. */
export function versionSummary(v: VersionChanges, headingLevel: 'h3' | 'h4'): Html {
  const tables = touched(v);
  const counts =
    tables.length === 0
      ? html`<p>Ninguna fila cambió.</p>`
      : html`<div class="table-scroll" tabindex="0" role="region" aria-label="Filas cambiadas en la versión ${v.version}">
<table>
<caption>Filas por tabla en la versión ${v.version}</caption>
<thead><tr><th scope="col">Tabla</th><th scope="col" class="num">Agregadas</th><th scope="col" class="num">Eliminadas</th><th scope="col" class="num">Corregidas</th></tr></thead>
<tbody>${tables.map(
          (r) =>
            html`<tr><th scope="row"><code>${r.resource}</code></th><td class="num">${formatCount(r.added.length)}</td><td class="num">${formatCount(r.removed.length)}</td><td class="num">${formatCount(r.changed.length)}</td></tr>`,
        )}</tbody>
</table>
</div>`;
  const heading = headingLevel === 'h3' ? html`<h3>${bumpLabel(v)}</h3>` : html`<h4>${bumpLabel(v)}</h4>`;
  return html`${heading}
<p>${v.previousVersion ? `Desde la versión ${v.previousVersion}; publicada el ${formatDate(v.date)}.` : `Publicada el ${formatDate(v.date)}.`}</p>
${v.reasons.length > 0 ? html`<ul>${v.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
${counts}`;
}

/** At most `limit` keys, then "y N más". */
function keyList(keys: readonly string[], limit = 100): Html {
  const shown = keys.slice(0, limit).map((k) => html`<li><code>${k}</code></li>`);
  const more =
    keys.length > limit ? html`<li>y ${formatCount(keys.length - limit)} más (ver el JSON)</li>` : '';
  return html`<ul class="keys">${shown}${more}</ul>`;
}

/** Which rows changed, by key: only after the first publication (then every row is new). */
export function versionDetails(v: VersionChanges): Html {
  if (v.previousVersion === null) return html``;
  return html`${touched(v).map(
    (r) => html`<h4>Tabla <code>${r.resource}</code></h4>
${r.added.length > 0 ? html`<p>Filas agregadas (${formatCount(r.added.length)}):</p>${keyList(r.added)}` : ''}
${r.removed.length > 0 ? html`<p>Filas eliminadas (${formatCount(r.removed.length)}):</p>${keyList(r.removed)}` : ''}
${
  r.changed.length > 0
    ? html`<p>Filas corregidas (${formatCount(r.changed.length)}):</p>${keyList(r.changed.map((c) => `${c.key} (${c.fields.join(', ')})`))}`
    : ''
}`,
  )}`;
}
