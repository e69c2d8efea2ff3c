/**
 * index.html: what the dataset is, this version (date, license, who publishes it), its sessions,
 * every file to download with its size and SHA-256, the latest changes, earlier versions and how
 * to cite it, with schema.org JSON-LD in the head. No script: the first view is HTML and CSS only.
 */

import type { Config } from '../../config/config.ts';
import type { SessionRecord } from '../../model/index.ts';
import { citationTexts } from '../citation.ts';
import type { SiteData } from '../dataset.ts';
import { type DownloadCard, type DownloadFile, downloadGroups } from '../downloads.ts';
import { formatBytes, formatCount, formatDate, plural } from '../format.ts';
import { type Html, html, jsonBlock } from '../html.ts';
import { datasetJsonLd, temporalCoverage } from '../json-ld.ts';
import { renderPage, type SiteFrame } from '../layout.ts';
import {
  explorerHref,
  releaseTagUrl,
  safeExternalUrl,
  sessionPagePath,
  treeHref,
  versionAnchor,
} from '../links.ts';
import { versionSummary } from './changes.ts';

/** Sessions listed per working group on the home page; the explorer has them all. */
const sessionsPerGroup = 12;

const counted: ReadonlyArray<[string, string, string]> = [
  ['sessions', 'sesión', 'sesiones'],
  ['attendance', 'asistencia registrada', 'asistencias registradas'],
  ['initiatives', 'iniciativa', 'iniciativas'],
  ['agreements', 'acuerdo', 'acuerdos'],
  ['commitments', 'compromiso', 'compromisos'],
  ['organizations', 'organización', 'organizaciones'],
];

function facts(data: SiteData, frame: SiteFrame): Html {
  const { pkg } = data;
  const coverage = temporalCoverage(data);
  const period = coverage
    ? coverage
        .split('/')
        .map((d) => formatDate(d))
        .join(' al ')
    : null;
  const contents = counted.flatMap(([name, one, many]) => {
    const resource = pkg.resources.find((r) => r.name === name);
    return resource ? [plural(resource.rows.length, one, many)] : [];
  });
  const licenseUrl = safeExternalUrl(frame.license.url);
  return html`<dl class="facts">
<div><dt>Versión</dt><dd>${pkg.version}</dd></div>
<div><dt>Publicada el</dt><dd><time datetime="${pkg.created}">${frame.date}</time></dd></div>
<div><dt>Licencia</dt><dd>${licenseUrl ? html`<a href="${licenseUrl}" rel="license">${frame.license.title}</a>` : frame.license.title}</dd></div>
<div><dt>Publica</dt><dd>${frame.publisher}</dd></div>
${period ? html`<div><dt>Período de las sesiones</dt><dd>${period}</dd></div>` : ''}
<div class="wide"><dt>Contenido</dt><dd>${contents.join(' · ')}</dd></div>
${pkg.keywords.length > 0 ? html`<div><dt>Palabras clave</dt><dd>${pkg.keywords.join(', ')}</dd></div>` : ''}
</dl>`;
}

function quickLinks(data: SiteData): Html {
  const workbook = data.files.find((f) => f.path === 'actas.xlsx');
  return html`<ul class="quick-links">
${workbook ? html`<li><a class="button primary" href="${treeHref('', 'actas.xlsx')}">Descargar todo para Excel <span class="detail">actas.xlsx · ${formatBytes(workbook.bytes)}</span></a></li>` : ''}
<li><a class="button" href="explorar.html">Explorar y filtrar las tablas</a></li>
<li><a class="button" href="diccionario.html">Qué significa cada columna</a></li>
</ul>`;
}

function sessionItem(record: SessionRecord): Html {
  const when = record.date ? formatDate(record.date) : 'sin fecha';
  return html`<li><a href="${treeHref('', sessionPagePath(record.id))}">${when}: sesión ${record.session_number}</a> <span class="detail">· ${plural(record.attendees.length, 'asistente', 'asistentes')} · ${plural(record.commitments.length, 'compromiso', 'compromisos')}</span></li>`;
}

function sessionsSection(data: SiteData): Html {
  const groups = new Map<number, SessionRecord[]>();
  for (const record of data.records) {
    const list = groups.get(record.working_group.number) ?? [];
    list.push(record);
    groups.set(record.working_group.number, list);
  }
  const numbers = [...groups.keys()].sort((a, b) => a - b);
  const items = numbers.map((n) => {
    const records = [...(groups.get(n) ?? [])].reverse();
    const name = records[0]?.working_group.name ?? '';
    const more =
      records.length > sessionsPerGroup
        ? html`<p><a href="${explorerHref('', 'sessions', { working_group_number: n })}">Ver las ${formatCount(records.length)} sesiones de la mesa ${n} en el explorador</a></p>`
        : '';
    return html`<section class="group" aria-labelledby="mesa-${n}">
<h3 id="mesa-${n}">Mesa N°${n}: ${name}</h3>
<ul class="sessions">${records.slice(0, sessionsPerGroup).map(sessionItem)}</ul>
${more}
</section>`;
  });
  return html`<section id="sesiones" aria-labelledby="sesiones-titulo">
<h2 id="sesiones-titulo">Sesiones</h2>
<p>Cada sesión tiene su página, ordenada como el acta: programa, asistentes, iniciativas, desarrollo, acuerdos y compromisos. Las más recientes primero.</p>
${items.length > 0 ? items : html`<p>Esta versión no tiene sesiones.</p>`}
</section>`;
}

function fileName(file: DownloadFile, withAudience: boolean): Html {
  const name =
    file.count === undefined
      ? html`<a class="file-name" href="${treeHref('', file.path)}">${file.path}</a>`
      : html`<span class="file-name">${file.path}</span>`;
  const facts = [file.format, formatBytes(file.bytes)];
  if (file.count !== undefined) facts.push(plural(file.count, 'archivo', 'archivos'));
  if (withAudience && file.audience) facts.push(file.audience);
  return html`<p>${name} <span class="detail">${facts.join(' · ')}</span></p>`;
}

const fileHash = (file: DownloadFile): Html =>
  file.sha256
    ? html`<p class="hash"><abbr title="huella SHA-256">SHA-256</abbr>: <code>${file.sha256}</code></p>`
    : html`<p class="hash">Huellas SHA-256: en <a href="SHA256SUMS">SHA256SUMS</a>.</p>`;

function downloadCard(card: DownloadCard): Html {
  if (card.title === null) {
    return html`<li class="file">
${card.files.map((f) => fileName(f, false))}
<p>${card.description}</p>
${card.files.map(fileHash)}
</li>`;
  }
  return html`<li class="file">
<p class="file-title">${card.title}</p>
<p>${card.description}</p>
<ul class="file-lines">${card.files.map((f) => html`<li class="file-line">${fileName(f, true)}${fileHash(f)}</li>`)}</ul>
</li>`;
}

function downloadsSection(data: SiteData): Html {
  const groups = downloadGroups(data.pkg, data.files);
  return html`<section id="descargas" aria-labelledby="descargas-titulo">
<h2 id="descargas-titulo">Descargas</h2>
<p>Todos los archivos de la versión ${data.pkg.version}. Las tablas CSV están en UTF-8 y separadas por comas; en ellas, y en actas.xlsx, una celda que empieza con =, +, -, @ lleva un apóstrofo delante para que ninguna planilla la ejecute como fórmula.</p>
${groups.map(
  (g) => html`<h3 id="descargas-${g.id}">${g.title}</h3>
<ul class="files" aria-labelledby="descargas-${g.id}">${g.cards.map(downloadCard)}</ul>`,
)}
<h3 id="descargas-huellas">Comprobar las descargas</h3>
<p><a href="SHA256SUMS">SHA256SUMS</a> (texto) tiene la huella SHA-256 de cada archivo de esta versión, incluidas estas páginas. Con la terminal: <code>sha256sum -c SHA256SUMS</code>.</p>
</section>`;
}

function changesSection(data: SiteData): Html {
  const latest = data.versions[0];
  return html`<section id="cambios" aria-labelledby="cambios-titulo">
<h2 id="cambios-titulo">Últimos cambios</h2>
${latest ? html`<p>Versión <a href="cambios.html#${versionAnchor(latest.version)}">${latest.version}</a>.</p>${versionSummary(latest, 'h3')}` : html`<p>No hay registro de cambios en esta versión.</p>`}
<p><a href="cambios.html">Todos los cambios</a>${data.files.some((f) => f.path === 'CHANGELOG.md') ? html` · <a href="CHANGELOG.md">CHANGELOG.md</a>` : ''}</p>
</section>`;
}

function versionsSection(data: SiteData, config: Config): Html {
  const current = data.pkg.version;
  const items = data.versions.map((v) => {
    const tag = releaseTagUrl(config, v.version);
    const isCurrent = v.version === current;
    return html`<li><strong>${v.version}</strong> (${formatDate(v.date)})${isCurrent ? ' — esta versión' : ''}: <a href="cambios.html#${versionAnchor(v.version)}">qué cambió</a>${tag ? html` · <a href="${tag}">descargar la versión ${v.version} (GitHub)</a>` : html` · etiqueta <code>v${v.version}</code> del repositorio`}</li>`;
  });
  const earlier = data.versions.filter((v) => v.version !== current).length;
  return html`<section id="versiones" aria-labelledby="versiones-titulo">
<h2 id="versiones-titulo">Versiones</h2>
<p>Cada versión publicada es inmutable: sus archivos no cambian nunca. ${earlier === 0 ? 'Esta es la primera versión publicada.' : html`Hay ${plural(earlier, 'versión anterior', 'versiones anteriores')}.`}</p>
${items.length > 0 ? html`<ul class="versions">${items}</ul>` : ''}
</section>`;
}

function citeSection(data: SiteData): Html {
  const { text, bibtex } = citationTexts(data.pkg, data.citation);
  return html`<section id="citar" aria-labelledby="citar-titulo">
<h2 id="citar-titulo">Cómo citar</h2>
<p class="citation">${text}</p>
<p>En BibTeX:</p>
<pre class="bibtex" tabindex="0" aria-label="Cita en formato BibTeX"><code>${bibtex}</code></pre>
${data.citation ? html`<p>Los mismos datos, en el formato que usa GitHub: <a href="CITATION.cff">CITATION.cff</a>.</p>` : ''}
</section>`;
}

export function renderHome(data: SiteData, config: Config, frame: SiteFrame): string {
  const { pkg } = data;
  const paragraphs = pkg.description.split(/\n{2,}/).filter((p) => p.trim() !== '');
  const [lead, ...notes] = paragraphs;
  const main = html`<h1>${pkg.title}</h1>
<p class="lead">${lead ?? ''}</p>
${facts(data, frame)}
${quickLinks(data)}
${notes.length > 0 ? html`<details class="notes"><summary>Sobre los formatos y los datos personales</summary>${notes.map((p) => html`<p>${p}</p>`)}</details>` : ''}
${sessionsSection(data)}
${downloadsSection(data)}
${changesSection(data)}
${versionsSection(data, config)}
${citeSection(data)}`;
  return renderPage({
    frame,
    root: '',
    title: '',
    description: lead ?? pkg.title,
    section: 'home',
    main,
    head: html`<script type="application/ld+json">${jsonBlock(datasetJsonLd(data, config))}</script>\n`,
  });
}
