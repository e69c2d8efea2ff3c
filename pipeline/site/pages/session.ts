/**
 * records/<id>.html: one session, laid out like the acta (header, programme, attendees by sector,
 * initiatives, prioritisation, discussion, agreements, commitments, observations, footer), with
 * links to the other sessions of its working group and to each organisation's other appearances.
 */
import type { Attendee, SessionRecord } from '../../model/index.ts';
import { formatDate, formatTimeRange, sectorLabels } from '../format.ts';
import { type Html, type HtmlValue, html } from '../html.ts';
import { renderPage, type SiteFrame } from '../layout.ts';
import { explorerHref, sessionPagePath, treeHref } from '../links.ts';
import { renderMarkdown } from '../markdown.ts';

export interface SessionLinks {
  previous: SessionRecord | null;
  next: SessionRecord | null;
  /** organization_id of each attendee, by position (1, 2, 3…), from the attendance table. */
  attendeeOrganizations: ReadonlyMap<number, string>;
  /** origin_organization_id of each initiative, by number, from the initiatives table. */
  initiativeOrganizations: ReadonlyMap<number, string>;
}

const root = '../' as const;
const notStated = html`<p class="empty">El acta no lo indica.</p>`;

function fact(term: string, value: HtmlValue): Html {
  return value === null || value === undefined || value === ''
    ? html``
    : html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
}

const date = (value: string | null): Html | null =>
  value ? html`<time datetime="${value}">${formatDate(value)}</time>` : null;

function section(id: string, title: string, body: HtmlValue, count?: number): Html {
  return html`<section id="${id}" aria-labelledby="${id}-titulo">
<h2 id="${id}-titulo">${title}${count === undefined ? '' : html` <span class="count">(${count})</span>`}</h2>
${body}
</section>`;
}

function header(r: SessionRecord): Html {
  return html`<header class="acta-header">
<p class="kicker">Mesa N°${r.working_group.number}: ${r.working_group.name} · Sesión ${r.session_number}</p>
<h1>${r.title}</h1>
<dl class="facts">
${fact('Fecha', date(r.date))}
${fact('Horario', formatTimeRange(r.start_time, r.end_time))}
${fact('Lugar', r.location)}
${fact('Convocó', r.convened_by)}
${fact('Convocada el', date(r.convened_on))}
${fact('Objetivo', r.objective)}
${fact('Producto esperado', r.expected_output)}
</dl>
${r.inputs.length > 0 ? html`<h2 class="minor">Insumos</h2><ul>${r.inputs.map((i) => html`<li>${i}</li>`)}</ul>` : ''}
</header>`;
}

function agenda(r: SessionRecord): Html {
  if (r.agenda.length === 0) return notStated;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="programa-tabla">
<table>
<caption id="programa-tabla">Programa de la sesión</caption>
<thead><tr><th scope="col">Desde</th><th scope="col">Hasta</th><th scope="col">Tema</th></tr></thead>
<tbody>${r.agenda.map((a) => html`<tr><td>${a.start_time ?? '—'}</td><td>${a.end_time ?? '—'}</td><td>${a.title}</td></tr>`)}</tbody>
</table>
</div>`;
}

function attendeeTable(
  sector: string,
  attendees: ReadonlyArray<{ attendee: Attendee; position: number }>,
  organizations: ReadonlyMap<number, string>,
): Html {
  const label = sectorLabels[sector] ?? sector;
  const rows = attendees.map(({ attendee, position }) => {
    const orgId = organizations.get(position);
    const org = attendee.organization ?? '—';
    const orgCell = orgId
      ? html`<a href="${explorerHref(root, 'attendance', { organization_id: orgId })}">${org}</a>`
      : html`${org}`;
    return html`<tr><td>${attendee.first_name ?? '—'}</td><td>${attendee.last_name}</td><td>${orgCell}</td></tr>`;
  });
  const id = `asistentes-${sector.replace(/[^a-z_]/g, '')}`;
  return html`<h3 id="${id}">${label} <span class="count">(${attendees.length})</span></h3>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-tabla">
<table class="attendees">
<caption id="${id}-tabla">Asistentes del sector ${label}</caption>
<thead><tr><th scope="col">Nombre</th><th scope="col">Apellido</th><th scope="col">Institución u organización</th></tr></thead>
<tbody>${rows}</tbody>
</table>
</div>`;
}

function attendees(r: SessionRecord, links: SessionLinks): Html {
  if (r.attendees.length === 0) return notStated;
  const withPositions = r.attendees.map((attendee, i) => ({ attendee, position: i + 1 }));
  const sectors = ['government', 'civil_society', ...new Set(r.attendees.map((a) => a.sector))].filter(
    (s, i, all) => all.indexOf(s) === i,
  );
  const tables = sectors.flatMap((sector) => {
    const group = withPositions.filter((a) => a.attendee.sector === sector);
    return group.length > 0 ? [attendeeTable(sector, group, links.attendeeOrganizations)] : [];
  });
  return html`<p>Cada institución enlaza a todas sus participaciones en el explorador.</p>${tables}`;
}

/** A list, not a table: the names are long, and a phone reads a list without scrolling sideways. */
function initiatives(r: SessionRecord, links: SessionLinks): Html {
  if (r.initiatives.length === 0) return notStated;
  const items = r.initiatives.map((i) => {
    const orgId = links.initiativeOrganizations.get(i.number);
    const origin = i.origin ?? 'no indicado';
    const originText = orgId
      ? html`<a href="${explorerHref(root, 'initiatives', { origin_organization_id: orgId })}">${origin}</a>`
      : html`${origin}`;
    return html`<li value="${i.number}"><p class="initiative-name">${i.name}</p><p class="detail">Origen: ${originText} · Resultado previo: ${i.previous_result ?? 'no indicado'}</p></li>`;
  });
  return html`<ol class="initiatives">${items}</ol>`;
}

const numbered = (items: ReadonlyArray<{ n: number; text: string }>, className: string): Html =>
  items.length === 0
    ? notStated
    : html`<ol class="${className}">${items.map((i) => html`<li value="${i.n}">${i.text}</li>`)}</ol>`;

const bullets = (items: readonly string[]): Html =>
  items.length === 0 ? notStated : html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`;

function footer(r: SessionRecord): Html {
  const source = r.source
    ? html`${r.source.file} (${r.source.format}; SHA-256 <code class="hash-inline">${r.source.sha256}</code>)`
    : null;
  return html`<footer class="acta-footer" aria-label="Pie del acta">
<dl class="facts">
${fact('Acta elaborada por', r.prepared_by)}
${fact('Fecha del acta', date(r.prepared_on))}
${fact('Próxima reunión', date(r.next_meeting) ?? 'sin fecha fijada')}
${fact('Distribución', r.distributed_to)}
${fact('Documento de origen', source)}
</dl>
</footer>`;
}

function siblingLink(record: SessionRecord | null, rel: 'prev' | 'next'): Html {
  if (!record) return html``;
  const label = rel === 'prev' ? 'Sesión anterior' : 'Sesión siguiente';
  const when = record.date ? formatDate(record.date) : 'sin fecha';
  return html`<li><a href="${treeHref(root, sessionPagePath(record.id))}" rel="${rel}">${label}: ${when} (sesión ${record.session_number})</a></li>`;
}

export function renderSession(r: SessionRecord, links: SessionLinks, frame: SiteFrame): string {
  const group = `Mesa N°${r.working_group.number}`;
  const main = html`<nav class="breadcrumbs" aria-label="Ruta">
<ol><li class="crumb"><a href="../index.html">Inicio</a></li><li class="crumb"><a href="../index.html#mesa-${r.working_group.number}">${group}</a></li><li class="crumb" aria-current="page">Sesión ${r.session_number}${r.date ? html` (${formatDate(r.date)})` : ''}</li></ol>
</nav>
<article class="acta">
${header(r)}
${section('programa', 'Programa', agenda(r))}
${section('asistentes', 'Asistentes', attendees(r, links), r.attendees.length)}
${section('iniciativas', 'Iniciativas', initiatives(r, links), r.initiatives.length)}
${section(
  'priorizacion',
  'Priorización',
  numbered(
    r.prioritization.map((p) => ({ n: p.rank, text: p.text })),
    'ranked',
  ),
)}
${section('desarrollo', 'Desarrollo de la sesión', r.discussion.trim() === '' ? notStated : html`<div class="discussion">${renderMarkdown(r.discussion)}</div>`)}
${section('acuerdos', 'Acuerdos', bullets(r.agreements), r.agreements.length)}
${section(
  'compromisos',
  'Compromisos',
  numbered(
    r.commitments.map((c) => ({ n: c.number, text: c.text })),
    'commitments',
  ),
  r.commitments.length,
)}
${section('observaciones', 'Observaciones', bullets(r.observations))}
${footer(r)}
</article>
<nav class="siblings" aria-label="Otras sesiones de la ${group}">
<ul>
${siblingLink(links.previous, 'prev')}
${siblingLink(links.next, 'next')}
<li><a href="${explorerHref(root, 'sessions', { working_group_number: r.working_group.number })}">Todas las sesiones de la ${group}</a></li>
</ul>
</nav>
<p class="downloads-inline">Esta acta como datos: <a href="${treeHref('', `${r.id}.json`)}">${r.id}.json</a> (registro completo) · <a href="${explorerHref(root, 'attendance', { session_id: r.id })}">su asistencia en el explorador</a></p>`;
  return renderPage({
    frame,
    root,
    title: `${group}, sesión ${r.session_number}${r.date ? ` (${formatDate(r.date)})` : ''}`,
    description: `Acta de la sesión ${r.session_number} de la ${group}: ${r.working_group.name}.`,
    section: 'session',
    main,
  });
}
