/**
 * explorar.html: the table explorer's page. The markup (tabs, search, column filter, status,
 * table, pager) is here, labelled and usable by keyboard; assets/js/ fills it. No rows are in the
 * page: a tab loads its resource's data files only when opened, so a large table costs nothing
 * until someone asks for it.
 */

import type { ExplorerResource } from '../data-chunks.ts';
import type { PackageInfo } from '../dataset.ts';
import { formatCount } from '../format.ts';
import { html, jsonBlock } from '../html.ts';
import { renderPage, type SiteFrame } from '../layout.ts';
import { explorerHref, treeHref } from '../links.ts';

export const explorerScripts = [
  'assets/js/query.js',
  'assets/js/loader.js',
  'assets/js/explorer.js',
] as const;

const pageSizes = [25, 50, 100, 200];

/** Tables whose data is at most this big open by themselves when the page has no address; others wait for a click. */
export const autoOpenBytes = 2_000_000;

export function renderExplorer(
  pkg: PackageInfo,
  resources: readonly ExplorerResource[],
  frame: SiteFrame,
): string {
  const main = html`<h1>Explorar las tablas</h1>
<p>Busque en cualquier tabla (sin importar tildes ni mayúsculas), filtre por columna, ordene haciendo clic en el título de una columna y descargue en CSV exactamente las filas que ve. Cada tabla se carga solo cuando abre su pestaña.</p>
<nav class="tabs" aria-label="Tablas">
<ul>${resources.map(
    (r) =>
      html`<li><a href="${explorerHref('', r.name)}" data-resource="${r.name}">${r.title} <span class="count">${formatCount(r.rowCount)}</span></a></li>`,
  )}</ul>
</nav>
<noscript><p class="notice">El explorador necesita JavaScript. Sin él, puede descargar las tablas completas desde la <a href="index.html#descargas">portada</a>.</p></noscript>
<section id="explorador" class="explorer" data-state="idle" data-auto-open-bytes="${autoOpenBytes}" aria-labelledby="explorador-titulo">
<h2 id="explorador-titulo">Elija una tabla</h2>
<p id="explorador-descripcion" class="detail"></p>
<div class="controls">
<form id="buscar" class="search" role="search" aria-label="Buscar en la tabla">
<label for="buscar-texto">Buscar en todas las columnas</label>
<input id="buscar-texto" name="q" type="search" autocomplete="off" spellcheck="false">
</form>
<form id="filtrar" class="filter">
<fieldset>
<legend>Filtrar por columna</legend>
<div class="filter-fields">
<div class="field"><label for="filtro-columna">Columna</label>
<select id="filtro-columna" name="columna"></select></div>
<div class="field"><label for="filtro-condicion">Condición</label>
<select id="filtro-condicion" name="condicion"><option value="contains">contiene</option><option value="eq">es exactamente</option></select></div>
<div class="field"><label for="filtro-valor">Valor</label>
<input id="filtro-valor" name="valor" type="text" autocomplete="off" required></div>
<button type="submit">Agregar filtro</button>
</div>
</fieldset>
</form>
</div>
<ul id="filtros-activos" class="active-filters" aria-label="Filtros activos"></ul>
<div class="toolbar">
<p id="estado" class="status" role="status">Cargando…</p>
<button id="descargar" class="primary" type="button" disabled>Descargar lo que veo (CSV)</button>
</div>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="tabla-titulo">
<table id="tabla" class="data">
<caption id="tabla-titulo">Filas de la tabla</caption>
<thead></thead>
<tbody></tbody>
</table>
</div>
<nav class="pager" aria-label="Páginas de la tabla">
<button id="anterior" type="button" disabled>← Anterior</button>
<span id="pagina" class="page-info"></span>
<button id="siguiente" type="button" disabled>Siguiente →</button>
<label for="filas-por-pagina">Filas por página</label>
<select id="filas-por-pagina">${pageSizes.map((n) => html`<option value="${n}"${n === 50 ? html` selected` : ''}>${n}</option>`)}</select>
</nav>
<p class="detail">La descarga incluye todas las filas que cumplen la búsqueda y los filtros (no solo esta página), en el orden elegido, con las mismas columnas y reglas que <a id="csv-publicado" href="${treeHref('', pkg.resources[0]?.path ?? 'index.html')}">el CSV publicado</a>.</p>
</section>
<script type="application/json" id="explorador-tablas">${jsonBlock(resources)}</script>`;
  return renderPage({
    frame,
    root: '',
    title: 'Explorar las tablas',
    description: `Buscar, filtrar, ordenar y descargar las tablas de ${pkg.title}.`,
    section: 'explorer',
    main,
    scripts: explorerScripts,
  });
}
