/**
 * The files that describe the others: SHA256SUMS, catalog.jsonld (DCAT-AP 3), CITATION.cff, the
 * dataset card and schemas/; and the files other stages add (extraFiles), which every list includes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildTree, buildTreeReport } from '../../pipeline/build/index.ts';
import { isSiteFile } from '../../pipeline/site/site-files.ts';
import { repoRoot } from '../support/workspace.ts';
import { recordValidator } from './support/schemas.ts';
import { json, seedInput, text, withConfig } from './support/seed.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

const extraFiles = new Map([
  ['CHANGELOG.md', utf8('# Registro de cambios\n\n## 1.0.0\n')],
  ['changes/1.0.0.json', utf8('{"version":"1.0.0"}\n')],
  ['notas/metodologia.md', utf8('# Metodología\n')],
  ['notas/anexo.txt', utf8('Anexo\n')],
]);

interface Catalog {
  '@context': Record<string, string>;
  '@type': string;
  'dcat:dataset': Array<Record<string, unknown> & { 'dcat:distribution': Distribution[] }>;
}

interface Distribution {
  'dct:title': string;
  'dcat:downloadURL': { '@id': string };
  'dcat:accessURL': { '@id': string };
  'dcat:mediaType': { '@id': string };
  'dcat:byteSize': { '@value': string };
  'spdx:checksum': { 'spdx:algorithm': { '@id': string }; 'spdx:checksumValue': { '@value': string } };
  'dct:license': { '@id': string };
}

describe('SHA256SUMS', () => {
  it('lists every published file but itself, sorted, in the format sha256sum -c reads', async () => {
    const tree = await buildTree(await seedInput({ extraFiles }));
    const lines = text(tree, 'SHA256SUMS').split('\n');
    expect(lines.pop()).toBe('');
    const listed = lines.map((line) => {
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      expect(m, line).not.toBeNull();
      return [m?.[2] as string, m?.[1] as string] as const;
    });
    const paths = listed.map(([p]) => p);
    expect(paths).toEqual([...tree.keys()].filter((p) => p !== 'SHA256SUMS').sort());
    for (const [path, hash] of listed) expect(sha256(tree.get(path) as Uint8Array), path).toBe(hash);
    for (const path of extraFiles.keys()) expect(paths).toContain(path);
  });
});

describe('catalog.jsonld', () => {
  it('is a DCAT catalog with one dataset and one distribution per file, with size, checksum and license', async () => {
    const config = withConfig((c) => {
      c.dataset.base_url = 'https://datos.example.cl/actas';
      c.dataset.contact = 'datos@example.cl';
    });
    const tree = await buildTree(await seedInput({ config, extraFiles }));
    const catalog = json<Catalog>(tree, 'catalog.jsonld');
    expect(catalog['@context']).toMatchObject({
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      spdx: 'http://spdx.org/rdf/terms#',
    });
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dcat:dataset']).toHaveLength(1);
    const dataset = catalog['dcat:dataset'][0] as Catalog['dcat:dataset'][number];
    expect(dataset).toMatchObject({
      '@type': 'dcat:Dataset',
      'dcat:version': '1.0.0',
      'dct:title': {
        '@value': 'Actas de las mesas de trabajo de Gobierno Abierto de Chile',
        '@language': 'es',
      },
      'dct:license': { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
      'dcat:contactPoint': { 'vcard:hasEmail': { '@id': 'mailto:datos@example.cl' } },
      'dct:temporal': { 'dcat:startDate': { '@value': '2016-06-30' } },
      'dcat:landingPage': { '@id': 'https://datos.example.cl/actas/index.html' },
    });
    const distributions = dataset['dcat:distribution'];
    // Data and documentation are distributions; the landing page's files are its dcat:landingPage.
    const described = [...tree.keys()]
      .filter((p) => p !== 'catalog.jsonld' && p !== 'SHA256SUMS' && !isSiteFile(p))
      .sort();
    expect(distributions.map((d) => d['dct:title'])).toEqual(described);
    for (const d of distributions) {
      const path = d['dct:title'];
      const bytes = tree.get(path) as Uint8Array;
      expect(d['dcat:downloadURL']['@id']).toBe(`https://datos.example.cl/actas/${path}`);
      expect(d['dcat:accessURL']['@id']).toBe(d['dcat:downloadURL']['@id']);
      expect(d['dcat:byteSize']['@value']).toBe(String(bytes.length));
      expect(d['spdx:checksum']['spdx:algorithm']['@id']).toBe('spdx:checksumAlgorithm_sha256');
      expect(d['spdx:checksum']['spdx:checksumValue']['@value']).toBe(sha256(bytes));
      expect(d['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(d['dcat:mediaType']['@id']).toMatch(
        /^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[\w.+-]+$/,
      );
    }
    const media = (path: string) =>
      distributions.find((d) => d['dct:title'] === path)?.['dcat:mediaType']['@id'];
    expect(media('data/sessions.csv')).toBe('https://www.iana.org/assignments/media-types/text/csv');
    expect(media('actas.xlsx')).toBe(
      'https://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(media('actas.sqlite')).toBe(
      'https://www.iana.org/assignments/media-types/application/vnd.sqlite3',
    );
  });

  it('uses relative addresses when there is no base_url', async () => {
    const tree = await buildTree(await seedInput());
    const dataset = json<Catalog>(tree, 'catalog.jsonld')['dcat:dataset'][0];
    const csv = dataset?.['dcat:distribution'].find((d) => d['dct:title'] === 'data/sessions.csv');
    expect(csv?.['dcat:downloadURL']['@id']).toBe('data/sessions.csv');
  });
});

describe('CITATION.cff', () => {
  it('is Citation File Format 1.2.0 with the required keys, the version and the license', async () => {
    const tree = await buildTree(
      await seedInput({
        config: withConfig((c) => {
          c.dataset.homepage = 'https://actas.example.org';
        }),
      }),
    );
    const source = text(tree, 'CITATION.cff');
    const cff = parse(source, { version: '1.1' }) as Record<string, unknown>;
    expect(cff).toMatchObject({
      'cff-version': '1.2.0',
      type: 'dataset',
      title: 'Actas de las mesas de trabajo de Gobierno Abierto de Chile',
      version: '1.0.0',
      'date-released': '2026-01-01',
      license: 'CC-BY-4.0',
      authors: [{ name: 'Actas Abiertas' }],
      url: 'https://actas.example.org',
    });
    expect(typeof cff.message).toBe('string');
    // A YAML 1.1 reader (GitHub's) must read the date as text, as CFF requires.
    expect(source).toContain('date-released: "2026-01-01"');
  });
});

describe('the dataset card (README.md)', () => {
  it('has the summary, every table and field from the Table Schemas, license, citation, how to report errors', async () => {
    const tree = await buildTree(await seedInput({ extraFiles }));
    const card = text(tree, 'README.md');
    expect(card).toContain('# Actas de las mesas de trabajo de Gobierno Abierto de Chile');
    expect(card).toContain('**English summary.**');
    expect(card).toContain('| Versión | 1.0.0 |');
    const descriptor = json<{
      resources: Array<{ name: string; schema: { fields: Array<{ name: string; title: string }> } }>;
    }>(tree, 'datapackage.json');
    for (const r of descriptor.resources) {
      expect(card).toContain(`### \`${r.name}\``);
      for (const f of r.schema.fields) expect(card).toContain(`| \`${f.name}\` | ${f.title} |`);
    }
    expect(card).toContain('## Licencia');
    expect(card).toContain('## Cómo citar');
    expect(card).toContain('abra un issue');
    expect(card).toContain('records/&lt;id&gt;.json');
  });

  it('lists every published file, extra files included (many alike as one line with a count)', async () => {
    const tree = await buildTree(await seedInput({ extraFiles }));
    const card = text(tree, 'README.md');
    for (const path of [
      'datapackage.json',
      'actas.xlsx',
      'actas.sqlite',
      'catalog.jsonld',
      'SHA256SUMS',
      'CITATION.cff',
      'CHANGELOG.md',
      'index.html',
      'data/attendance.csv',
      'data/attendance.json',
    ]) {
      expect(card, path).toContain(`| \`${path}\` |`);
    }
    expect(card).toContain('| `records/<id>.json` | Un registro completo por sesión (JSON). (1 archivo) |');
    expect(card).toContain('| `records/<id>.html` |');
    expect(card).toContain('| `changes/<versión>.json` |');
    expect(card).toContain('| `records/<id>.html` | Una página legible por sesión. (1 archivo) |');
    expect(card).toMatch(
      /\| `assets\/` \| Estilos, programas y datos del explorador de la página \(sin recursos externos\)\. \|/,
    );
  });

  it('names the contact for errors when one is configured, or the GitHub issues of the target', async () => {
    const withContact = await buildTree(
      await seedInput({
        config: withConfig((c) => {
          c.dataset.contact = 'datos@example.cl';
        }),
      }),
    );
    expect(text(withContact, 'README.md')).toContain('escriba a datos@example.cl');
    const github = await buildTree(
      await seedInput({
        config: withConfig((c) => {
          c.target.kind = 'github';
          c.target.repository = 'ogp-chile/actas';
        }),
      }),
    );
    expect(text(github, 'README.md')).toContain('https://github.com/ogp-chile/actas/issues');
  });
});

describe('schemas/ and records/', () => {
  it('publishes the project schemas unchanged, and every record validates against them', async () => {
    const tree = await buildTree(await seedInput());
    for (const file of ['session-record.schema.json', 'organizations.schema.json']) {
      expect(text(tree, `schemas/${file}`)).toBe(readFileSync(join(repoRoot, 'schemas', file), 'utf8'));
    }
    const validate = recordValidator(text(tree, 'schemas/session-record.schema.json'));
    const records = [...tree.keys()].filter((p) => /^records\/.+\.json$/.test(p));
    expect(records).toEqual(['records/2016-06-30-mesa-3-sesion-2.json']);
    for (const path of records) {
      expect(validate(json(tree, path)), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(json(tree, 'records/2016-06-30-mesa-3-sesion-2.json')).toEqual((await seedInput()).records[0]);
  });
});

describe('extra files', () => {
  it('are published as given', async () => {
    const tree = await buildTree(await seedInput({ extraFiles }));
    for (const [path, bytes] of extraFiles) expect(tree.get(path)).toEqual(bytes);
  });

  it('may not replace or escape the generated tree: each bad path is reported, nothing is built', async () => {
    const bad = new Map([
      ['datapackage.json', utf8('{}')],
      ['data/extra.csv', utf8('')],
      ['records/2016-06-30-mesa-3-sesion-2.json', utf8('{}')],
      ['../fuera.txt', utf8('')],
      ['/absoluto.txt', utf8('')],
    ]);
    const report = await buildTreeReport(await seedInput({ extraFiles: bad }));
    expect(report.tree.size).toBe(0);
    expect(report.problems.map((p) => p.code)).toEqual(Array(5).fill('ACTAS-E304'));
    await expect(buildTree(await seedInput({ extraFiles: bad }))).rejects.toThrow(/ACTAS-E304/);
  });

  it('an invalid version is reported and builds nothing', async () => {
    const report = await buildTreeReport(await seedInput({ version: 'v1' }));
    expect(report.tree.size).toBe(0);
    expect(report.problems.map((p) => p.code)).toEqual(['ACTAS-E303']);
    expect(report.problems[0]?.message).toContain('"v1" no es un número de versión');
  });
});
