/**
 * cambios.html: every version this one knows of (its changes/<version>.json), newest first, each
 * with an anchor (#v1.2.0) that other pages link to, the reasons for its number, the rows that
 * changed, and its GitHub Release when the dataset is published there.
 */
import type { Config } from '../../config/config.ts';
import type { SiteData } from '../dataset.ts';
import { formatDate } from '../format.ts';
import { html } from '../html.ts';
import { renderPage, type SiteFrame } from '../layout.ts';
import { releaseTagUrl, treeHref, versionAnchor } from '../links.ts';
import { versionDetails, versionSummary } from './changes.ts';

export function renderChangelog(data: SiteData, config: Config, frame: SiteFrame): string {
  const hasMarkdown = data.files.some((f) => f.path === 'CHANGELOG.md');
  const sections = data.versions.map((v) => {
    const tag = releaseTagUrl(config, v.version);
    const current = v.version === data.pkg.version;
    return html`<section id="${versionAnchor(v.version)}" class="version" aria-labelledby="${versionAnchor(v.version)}-titulo">
<h2 id="${versionAnchor(v.version)}-titulo">Versión ${v.version}${current ? ' (esta versión)' : ''} <span class="detail">${formatDate(v.date)}</span></h2>
${versionSummary(v, 'h3')}
${versionDetails(v)}
<p class="detail">Para programas: <a href="${treeHref('', `changes/${v.version}.json`)}">changes/${v.version}.json</a>${tag ? html` · Archivos de esta versión: <a href="${tag}">publicación v${v.version} en GitHub</a>` : html` · Etiqueta <code>v${v.version}</code> del repositorio`}</p>
</section>`;
  });
  const main = html`<h1>Cambios y versiones</h1>
<p>Cada versión publicada es inmutable. Su número sigue el versionado semántico para datos: <strong>mayor</strong> cuando cambia la estructura (se elimina o renombra una tabla o un campo, cambia un tipo o una clave), <strong>menor</strong> cuando se agregan datos o campos, <strong>parche</strong> cuando se corrigen valores o se eliminan filas. Las filas se identifican por su clave primaria (ver el <a href="diccionario.html">diccionario</a>).</p>
${hasMarkdown ? html`<p>El mismo registro en texto: <a href="CHANGELOG.md">CHANGELOG.md</a>.</p>` : ''}
${sections.length > 0 ? sections : html`<p>Esta versión no trae registro de cambios.</p>`}`;
  return renderPage({
    frame,
    root: '',
    title: 'Cambios y versiones',
    description: `Las versiones publicadas de ${data.pkg.title} y qué cambió en cada una.`,
    section: 'changes',
    main,
  });
}
