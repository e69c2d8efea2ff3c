/**
 * diccionario.html: the data dictionary, generated from the Table Schemas in datapackage.json:
 * every field with its type, Spanish title and description, constraints, and each table's primary
 * and foreign keys.
 */
import type { FieldInfo, PackageInfo, ResourceInfo } from '../dataset.ts';
import { plural } from '../format.ts';
import { type Html, html } from '../html.ts';
import { renderPage, type SiteFrame } from '../layout.ts';
import { explorerHref, treeHref } from '../links.ts';

const typeNames: Record<string, string> = {
  string: 'texto',
  integer: 'número entero',
  number: 'número',
  boolean: 'sí / no',
  date: 'fecha (AAAA-MM-DD)',
  time: 'hora',
  datetime: 'fecha y hora',
  year: 'año',
  array: 'lista (JSON)',
  object: 'objeto (JSON)',
};

function timeFormat(field: FieldInfo): string | null {
  if (!field.format || field.format === 'default') return null;
  return field.format === '%H:%M' ? 'HH:MM' : field.format;
}

function constraints(field: FieldInfo): Html[] {
  const c = field.constraints ?? {};
  const items: Html[] = [];
  if (c.required) items.push(html`<li>obligatorio</li>`);
  if (c.unique) items.push(html`<li>único</li>`);
  if (c.minimum !== undefined) items.push(html`<li>mínimo ${c.minimum}</li>`);
  if (c.maximum !== undefined) items.push(html`<li>máximo ${c.maximum}</li>`);
  if (c.minLength !== undefined) items.push(html`<li>al menos ${c.minLength} caracteres</li>`);
  if (c.maxLength !== undefined) items.push(html`<li>a lo más ${c.maxLength} caracteres</li>`);
  if (c.pattern !== undefined) items.push(html`<li>patrón <code>${c.pattern}</code></li>`);
  const format = timeFormat(field);
  if (format) items.push(html`<li>formato ${format}</li>`);
  const labels = new Map((field.categories ?? []).map((cat) => [cat.value, cat.label]));
  const values = c.enum ?? field.categories?.map((cat) => cat.value);
  if (values) {
    items.push(
      html`<li>valores: ${values.map((v, i) => html`${i > 0 ? ', ' : ''}<code>${v}</code>${labels.has(String(v)) ? ` (${labels.get(String(v))})` : ''}`)}</li>`,
    );
  }
  return items;
}

function keys(resource: ResourceInfo): Html {
  const pk = resource.schema.primaryKey;
  const fks = resource.schema.foreignKeys;
  return html`<ul class="keys-summary">
<li>Clave primaria: ${pk.length > 0 ? html`<code>${pk.join(', ')}</code> (no se repite en la tabla)` : 'ninguna'}</li>
${fks.map(
  (fk) =>
    html`<li>Clave foránea: <code>${fk.fields.join(', ')}</code> → <a href="#tabla-${fk.reference.resource}"><code>${fk.reference.resource}.${fk.reference.fields.join(', ')}</code></a></li>`,
)}
</ul>`;
}

function fieldRow(resource: ResourceInfo, field: FieldInfo): Html {
  const isKey = resource.schema.primaryKey.includes(field.name);
  const fk = resource.schema.foreignKeys.find((k) => k.fields.includes(field.name));
  const items = constraints(field);
  return html`<tr id="campo-${resource.name}-${field.name}">
<th scope="row"><code>${field.name}</code>${isKey ? html` <span class="badge">clave</span>` : ''}<br><span class="field-title">${field.title}</span></th>
<td>${typeNames[field.type] ?? field.type}${items.length > 0 ? html`<ul class="constraints">${items}</ul>` : ''}</td>
<td>${field.description}${fk ? html` <span class="detail">(→ ${fk.reference.resource})</span>` : ''}</td>
</tr>`;
}

function resourceSection(resource: ResourceInfo): Html {
  const id = `tabla-${resource.name}`;
  return html`<section id="${id}" aria-labelledby="${id}-titulo">
<h2 id="${id}-titulo">${resource.title} <code class="name">${resource.name}</code></h2>
<p>${resource.description}</p>
<p class="detail">${plural(resource.rows.length, 'fila', 'filas')} · <a href="${treeHref('', resource.path)}">${resource.path}</a>${resource.jsonPath ? html` · <a href="${treeHref('', resource.jsonPath)}">${resource.jsonPath}</a>` : ''} · <a href="${explorerHref('', resource.name)}">explorar</a></p>
${keys(resource)}
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-campos">
<table class="dictionary">
<caption id="${id}-campos">Campos de ${resource.title} (${resource.name})</caption>
<thead><tr><th scope="col">Campo y título</th><th scope="col">Tipo y restricciones</th><th scope="col">Descripción</th></tr></thead>
<tbody>${resource.schema.fields.map((f) => fieldRow(resource, f))}</tbody>
</table>
</div>
</section>`;
}

export function renderDictionary(pkg: PackageInfo, frame: SiteFrame): string {
  const main = html`<h1>Diccionario de datos</h1>
<p>Qué contiene cada tabla y qué significa cada columna. Generado a partir de los esquemas de tabla (Table Schema) de <a href="datapackage.json">datapackage.json</a>: lo que dice esta página es lo mismo que leen los programas. Una celda vacía significa que el acta no lo dice.</p>
<nav aria-label="Tablas del diccionario"><ul class="toc">${pkg.resources.map(
    (r) => html`<li><a href="#tabla-${r.name}">${r.title}</a> <code>${r.name}</code></li>`,
  )}</ul></nav>
${pkg.resources.map(resourceSection)}`;
  return renderPage({
    frame,
    root: '',
    title: 'Diccionario de datos',
    description: `Las tablas y columnas de ${pkg.title}, con tipos, descripciones y claves.`,
    section: 'dictionary',
    main,
  });
}
