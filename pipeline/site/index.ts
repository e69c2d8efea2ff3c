/**
 * The landing page of a published version: index.html (the dataset, its downloads, versions and
 * how to cite it), explorar.html (a table explorer for every resource), diccionario.html (the data
 * dictionary), cambios.html (the changelog), records/<id>.html (one page per session), and
 * assets/ (stylesheet, scripts, the explorer's data files).
 *
 * Pure and deterministic: everything comes from the published files and the configuration, so
 * the same input gives the same bytes. It must run after every file it describes is built, and
 * before SHA256SUMS (which then lists the site's files too).
 */
import type { Config } from '../config/config.ts';
import type { SessionRecord } from '../model/index.ts';
import { staticAssets } from './assets.ts';
import { explorerData } from './data-chunks.ts';
import { type ResourceInfo, readSiteData, type SiteData } from './dataset.ts';
import { formatDate } from './format.ts';
import type { SiteFrame } from './layout.ts';
import { sessionPagePath } from './links.ts';
import { renderChangelog } from './pages/changelog.ts';
import { renderDictionary } from './pages/dictionary.ts';
import { renderExplorer } from './pages/explorer.ts';
import { renderHome } from './pages/home.ts';
import { renderSession, type SessionLinks } from './pages/session.ts';

export { isSiteFile } from './site-files.ts';

export interface SiteContext {
  /**
   * Every published file except SHA256SUMS and the site's own files: datapackage.json,
   * data/<resource>.csv|.json, records/<id>.json, actas.xlsx, actas.sqlite, README.md,
   * CITATION.cff, catalog.jsonld, schemas/*, CHANGELOG.md and changes/<version>.json (when present).
   */
  files: ReadonlyMap<string, Uint8Array>;
  config: Config;
}

const encoder = new TextEncoder();

function siteFrame(data: SiteData, config: Config): SiteFrame {
  const { pkg } = data;
  const license = pkg.licenses[0];
  const publisher = pkg.contributors.find((c) => c.roles.includes('publisher')) ?? pkg.contributors[0];
  const issues =
    config.target.kind === 'github' && config.target.repository
      ? `https://github.com/${config.target.repository}/issues`
      : null;
  return {
    datasetTitle: pkg.title,
    version: pkg.version,
    date: formatDate(pkg.created),
    publisher: publisher?.title ?? config.dataset.publisher,
    license: { title: license?.title ?? config.dataset.license, url: license?.path ?? null },
    contact: config.dataset.contact ?? issues,
  };
}

/** Rows of a resource grouped by session, to link a record's people and initiatives to organisations. */
function organizationsBySession(
  resource: ResourceInfo | undefined,
  keyField: string,
  orgField: string,
): Map<string, Map<number, string>> {
  const bySession = new Map<string, Map<number, string>>();
  for (const row of resource?.rows ?? []) {
    const session = row.session_id;
    const key = row[keyField];
    const org = row[orgField];
    if (typeof session !== 'string' || typeof key !== 'number' || typeof org !== 'string') continue;
    const map = bySession.get(session) ?? new Map<number, string>();
    map.set(key, org);
    bySession.set(session, map);
  }
  return bySession;
}

function sessionPages(data: SiteData, frame: SiteFrame): Map<string, string> {
  const resource = (name: string) => data.pkg.resources.find((r) => r.name === name);
  const attendance = organizationsBySession(resource('attendance'), 'position', 'organization_id');
  const initiatives = organizationsBySession(resource('initiatives'), 'number', 'origin_organization_id');
  const groups = new Map<number, SessionRecord[]>();
  for (const r of data.records) {
    const group = groups.get(r.working_group.number) ?? [];
    group.push(r);
    groups.set(r.working_group.number, group);
  }
  const pages = new Map<string, string>();
  for (const group of groups.values()) {
    group.forEach((record, i) => {
      const links: SessionLinks = {
        previous: group[i - 1] ?? null,
        next: group[i + 1] ?? null,
        attendeeOrganizations: attendance.get(record.id) ?? new Map(),
        initiativeOrganizations: initiatives.get(record.id) ?? new Map(),
      };
      pages.set(sessionPagePath(record.id), renderSession(record, links, frame));
    });
  }
  return pages;
}

export function renderSite(ctx: SiteContext): Map<string, Uint8Array> {
  const data = readSiteData(ctx.files);
  const frame = siteFrame(data, ctx.config);
  const explorer = data.pkg.resources.map(explorerData);
  const pages = new Map<string, string>([
    ['index.html', renderHome(data, ctx.config, frame)],
    [
      'explorar.html',
      renderExplorer(
        data.pkg,
        explorer.map((e) => e.resource),
        frame,
      ),
    ],
    ['diccionario.html', renderDictionary(data.pkg, frame)],
    ['cambios.html', renderChangelog(data, ctx.config, frame)],
    ...sessionPages(data, frame),
  ]);
  for (const { files } of explorer) for (const [path, js] of files) pages.set(path, js);

  const site = new Map<string, Uint8Array>();
  for (const [path, text] of pages) site.set(path, encoder.encode(text));
  for (const [path, bytes] of staticAssets()) site.set(path, bytes);
  return new Map([...site.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
