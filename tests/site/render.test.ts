/**
 * The site renderer without a browser: escaping, the Markdown subset, byte-for-byte determinism,
 * the safety rules every page follows (CSP, no inline script or style, relative links that all
 * resolve inside the tree), and that what the pages say comes from the published files.
 */
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Config, defaultConfig } from '../../pipeline/config/config.ts';
import { escapeHtml, html, trustedHtml } from '../../pipeline/site/html.ts';
import { isSiteFile, renderSite } from '../../pipeline/site/index.ts';
import { contentSecurityPolicy } from '../../pipeline/site/layout.ts';
import { renderMarkdown } from '../../pipeline/site/markdown.ts';
import { hostileRecord } from './hostile-record.ts';
import { buildClock, releasedTree, seedId, seedRecord, siteInput, type Tree, text } from './site-fixture.ts';

const md = (source: string) => renderMarkdown(source).markup;

describe('escaping', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('the html tag escapes what it interpolates, once, and joins arrays', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"><script>'}">${inner}${['<', html`<br>`]}${null}${false}${3}</p>`.markup).toBe(
      '<p title="&quot;&gt;&lt;script&gt;"><b>&lt;i&gt;</b>&lt;<br>3</p>',
    );
    expect(html`${trustedHtml('<hr>')}`.markup).toBe('<hr>');
  });
});

describe('the Markdown subset of a discussion', () => {
  it('makes paragraphs from blank-line separated blocks and lists from "- " lines', () => {
    expect(md('Uno\ndos\n\n- a\n- b\n\nTres')).toBe(
      '<p>Uno\ndos</p><ul><li>a</li><li>b</li></ul><p>Tres</p>',
    );
  });

  it('splits a paragraph followed directly by its list', () => {
    expect(md('Se propone:\n- a\n- b')).toBe('<p>Se propone:</p><ul><li>a</li><li>b</li></ul>');
  });

  it('renders **bold** and nothing else: numbered lines, headings and links stay text', () => {
    expect(md('Se **propone** agrupar\n\n1. uno\n# título [x](http://e)')).toBe(
      '<p>Se <strong>propone</strong> agrupar</p><p>1. uno\n# título [x](http://e)</p>',
    );
  });

  it('never turns raw HTML into markup', () => {
    const out = md('<script>alert(1)</script>\n\n- <img src=x onerror=alert(2)>\n- **<b>x</b>**');
    expect(out).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><ul><li>&lt;img src=x onerror=alert(2)&gt;</li><li><strong>&lt;b&gt;x&lt;/b&gt;</strong></li></ul>',
    );
  });
});

describe('renderSite', () => {
  let tree: Tree;
  let site: Map<string, Uint8Array>;
  const page = (path: string) => new TextDecoder().decode(site.get(path));
  const htmlPages = () => [...site.keys()].filter((p) => p.endsWith('.html'));

  beforeAll(async () => {
    tree = await releasedTree([{ records: [await seedRecord()], at: buildClock }]);
    site = renderSite({ files: siteInput(tree), config: defaultConfig });
  });

  it('writes the pages, one per session, the assets and the explorer data, all recognised as site files', () => {
    const paths = [...site.keys()];
    for (const p of [
      'index.html',
      'explorar.html',
      'diccionario.html',
      'cambios.html',
      `records/${seedId}.html`,
    ]) {
      expect(paths).toContain(p);
    }
    expect(paths).toContain('assets/site.css');
    expect(paths).toContain('assets/data/attendance-0.js');
    expect(paths.filter((p) => !isSiteFile(p))).toEqual([]);
    // The builder publishes exactly this site inside every version.
    for (const [path, bytes] of site)
      expect(Buffer.from(tree.get(path) ?? []).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('is deterministic: same files → same bytes, whatever order the files come in', () => {
    const reversed = new Map([...siteInput(tree)].reverse());
    const again = renderSite({ files: reversed, config: defaultConfig });
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [path, bytes] of site)
      expect(Buffer.from(again.get(path) as Uint8Array).equals(Buffer.from(bytes)), path).toBe(true);
  });

  it('every page: Spanish, the CSP first in <head>, no inline script or style, no resource from outside', () => {
    for (const path of htmlPages()) {
      const content = page(path);
      expect(content, path).toMatch(
        /^<!doctype html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">/,
      );
      expect(content.match(/Content-Security-Policy" content="([^"]+)"/)?.[1], path).toBe(
        contentSecurityPolicy,
      );
      for (const tag of content.match(/<script\b[^>]*>/g) ?? []) {
        expect(tag, path).toMatch(
          /^<script (src="[^"]+" defer|type="application\/(ld\+)?json"( id="[^"]+")?)>$/,
        );
      }
      expect(content, path).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
      for (const [, url] of content.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
        if (/^(https:|mailto:)/.test(url ?? '')) {
          expect(content, `${path}: ${url} must be a link, not a resource`).toMatch(
            new RegExp(`<a href="${url?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
          );
        } else expect(url, path).not.toMatch(/^(\/|[a-z][a-z0-9+.-]*:)/i);
      }
    }
  });

  it('every relative link of every page resolves to a file of the version, and every #fragment to an id', () => {
    const published = new Set([...tree.keys(), ...site.keys()]);
    for (const path of htmlPages()) {
      const base = new URL(path, 'http://tree/');
      for (const [, href] of page(path).matchAll(/\s(?:src|href)="([^"]*)"/g)) {
        if (!href || /^(https:|mailto:)/.test(href)) continue;
        const url = new URL(href.replace(/&amp;/g, '&'), base);
        const target = decodeURIComponent(url.pathname.slice(1));
        expect(published.has(target) || target === 'records/', `${path} → ${href}`).toBe(true);
        if (url.hash && !target.startsWith('explorar.html') && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          expect(new TextDecoder().decode(site.get(target)), `${path} → ${href}`).toContain(`id="${id}"`);
        }
      }
    }
  });

  it('schema.org Dataset JSON-LD: name, version, license, creator, coverage, keywords, files, variables', () => {
    const block =
      page('index.html').match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '';
    const ld = JSON.parse(block);
    expect(ld['@context']).toBe('https://schema.org/');
    expect(ld['@type']).toBe('Dataset');
    expect(ld.name).toBe(defaultConfig.dataset.title);
    expect(ld.description).toContain(defaultConfig.dataset.description);
    expect(ld.version).toBe('1.0.0');
    expect(ld.url).toBe('index.html');
    expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(ld.creator).toEqual({ '@type': 'Organization', name: 'Actas Abiertas' });
    expect(ld.temporalCoverage).toBe('2016-06-30');
    expect(ld.keywords).toEqual(defaultConfig.dataset.keywords);
    expect(ld.distribution).toContainEqual(
      expect.objectContaining({
        contentUrl: 'actas.xlsx',
        encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    expect(ld.distribution).toContainEqual(
      expect.objectContaining({ contentUrl: 'data/attendance.csv', encodingFormat: 'text/csv' }),
    );
    expect(ld.variableMeasured).toContainEqual(
      expect.objectContaining({ name: 'attendance.organization_id', alternateName: 'Organización (id)' }),
    );
  });

  it('with a base_url, JSON-LD addresses are absolute under it', () => {
    const config: Config = structuredClone(defaultConfig);
    config.dataset.base_url = 'https://example.github.io/actas';
    const home = new TextDecoder().decode(renderSite({ files: siteInput(tree), config }).get('index.html'));
    const ld = JSON.parse(home.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '');
    expect(ld.url).toBe('https://example.github.io/actas/');
    expect(ld.distribution[0].contentUrl).toMatch(/^https:\/\/example\.github\.io\/actas\//);
  });

  it('the citation on the home page says what CITATION.cff says', () => {
    const cff = text(tree, 'CITATION.cff');
    const home = page('index.html');
    const title = cff.match(/^title: (.*)$/m)?.[1] as string;
    const year = cff.match(/^date-released: "(\d{4})/m)?.[1] as string;
    expect(home).toContain(
      `<p class="citation">Actas Abiertas (${year}). ${title} (versión 1.0.0) [conjunto de datos]. Licencia CC-BY-4.0.</p>`,
    );
    expect(home).toContain(
      `@misc{actas-mesas-ogp-chile_1.0.0,\n  author  = {{Actas Abiertas}},\n  title   = {{${title}}},\n  year    = {${year}},`,
    );
  });

  it('the data dictionary lists every field of every table with its type, title, description and keys', () => {
    const dictionary = page('diccionario.html');
    const pkg = JSON.parse(text(tree, 'datapackage.json')) as {
      resources: Array<{
        name: string;
        schema: { fields: Array<{ name: string; title: string; description: string }>; primaryKey: string[] };
      }>;
    };
    for (const resource of pkg.resources) {
      expect(dictionary).toContain(`id="tabla-${resource.name}"`);
      expect(dictionary).toContain(`Clave primaria: <code>${resource.schema.primaryKey.join(', ')}</code>`);
      for (const field of resource.schema.fields) {
        const row =
          dictionary.match(
            new RegExp(`<tr id="campo-${resource.name}-${field.name}">(.*?)</tr>`, 's'),
          )?.[1] ?? '';
        expect(row, `${resource.name}.${field.name}`).toContain(escapeHtml(field.title));
        expect(row, `${resource.name}.${field.name}`).toContain(escapeHtml(field.description));
      }
    }
    expect(dictionary).toContain(
      'Clave foránea: <code>organization_id</code> → <a href="#tabla-organizations"><code>organizations.organization_id</code></a>',
    );
    expect(dictionary).toContain(
      '<li>valores: <code>government</code> (Gobierno), <code>civil_society</code> (Sociedad civil)</li>',
    );
    expect(dictionary).toContain('<li>formato HH:MM</li>');
  });

  it('the explorer’s data files hold exactly the rows of data/<resource>.json', () => {
    const pkg = JSON.parse(text(tree, 'datapackage.json')) as {
      resources: Array<{ name: string; schema: { fields: Array<{ name: string }> } }>;
    };
    for (const resource of pkg.resources) {
      const sandbox: { window: { actasChunks?: Record<string, unknown> } } = { window: {} };
      runInNewContext(page(`assets/data/${resource.name}-0.js`), sandbox);
      const names = resource.schema.fields.map((f) => f.name);
      const expected = (
        JSON.parse(text(tree, `data/${resource.name}.json`)) as Array<Record<string, unknown>>
      ).map((row) => names.map((n) => row[n] ?? null));
      expect(JSON.parse(JSON.stringify(sandbox.window.actasChunks?.[`${resource.name}/0`]))).toEqual(
        expected,
      );
    }
  });

  it('record text is always escaped in session pages', async () => {
    const seed = await seedRecord();
    const withHostile = await releasedTree([{ records: [seed, hostileRecord(seed)], at: buildClock }]);
    const pages = renderSite({ files: siteInput(withHostile), config: defaultConfig });
    const session = new TextDecoder().decode(pages.get('records/2016-07-14-mesa-3-sesion-3.html'));
    expect(session).not.toMatch(/<script>|<img|<iframe|<b onclick/);
    expect(session).toContain('<h1>Mesa N°3 &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    // Sessions of one working group link to each other.
    expect(session).toContain(`<a href="../records/${seedId}.html" rel="prev">`);
  });
});

describe('versions', () => {
  it('lists every version with its changelog section and, on GitHub, its release tag', async () => {
    const config: Config = structuredClone(defaultConfig);
    config.target = { ...config.target, kind: 'github', repository: 'gobierno-abierto/actas' };
    const seed = await seedRecord();
    const tree = await releasedTree(
      [
        { records: [seed], at: buildClock },
        { records: [seed, hostileRecord(seed)], at: new Date('2026-02-01T12:00:00Z') },
      ],
      config,
    );
    const site = renderSite({ files: siteInput(tree), config });
    const home = new TextDecoder().decode(site.get('index.html'));
    const changes = new TextDecoder().decode(site.get('cambios.html'));
    expect(home).toContain('Versión <strong>1.1.0</strong>');
    expect(home).toContain('Hay 1 versión anterior.');
    expect(home).toContain(
      '<a href="https://github.com/gobierno-abierto/actas/releases/tag/v1.0.0">descargar la versión 1.0.0 (GitHub)</a>',
    );
    expect(home).toContain('<a href="cambios.html#v1.0.0">qué cambió</a>');
    expect(home).toContain('Cambio menor: se agregaron datos o campos');
    expect(changes).toContain('<section id="v1.1.0"');
    expect(changes).toContain('<section id="v1.0.0"');
    expect(changes).toContain('<li><code>2016-07-14-mesa-3-sesion-3</code></li>');
    expect(changes).toContain('<a href="changes/1.0.0.json">changes/1.0.0.json</a>');
    expect(home).toContain('href="https://github.com/gobierno-abierto/actas/issues"');
  });
});
