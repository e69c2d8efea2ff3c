/**
 * datapackage.json against the official Data Package 2.0 profile. The profile is not part of the
 * project: CI provides it at ../shared/standards/datapackage-2.0/ (next to the repository); on a
 * clone without it this test is skipped, and says so. Ajv's draft-07 class with strict: false,
 * because the 2.0 profiles have known defects (fieldsMatch typed as an array, no `list` type).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import * as ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../pipeline/build/index.ts';
import { repoRoot } from '../support/workspace.ts';
import { json, seedInput, variant, withConfig } from './support/seed.ts';

const profilePath = resolve(repoRoot, '../shared/standards/datapackage-2.0/datapackage.json');
const present = existsSync(profilePath);
if (!present) {
  console.warn(
    `Data Package 2.0 profile not found at ${profilePath}: datapackage.json is NOT validated against it here (CI always has it).`,
  );
}

// ajv-formats is CommonJS: under ESM its function arrives as the module's default export.
const addFormats = ajvFormats.default as unknown as typeof ajvFormats.default.default;

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // A hint for editors in the profile ("format": "textarea"), not a constraint.
  ajv.addFormat('textarea', true);
  return ajv.compile(JSON.parse(readFileSync(profilePath, 'utf8')));
}

describe.skipIf(!present)('datapackage.json and the Data Package 2.0 profile', () => {
  it('the seed descriptor is valid', async () => {
    const validate = validator();
    const descriptor = json(await buildTree(await seedInput()), 'datapackage.json');
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The profile does check what matters: a broken hash or a resource without a path fails.
    const broken = structuredClone(descriptor) as { resources: Array<Record<string, unknown>> };
    (broken.resources[0] as Record<string, unknown>).hash = 'sha256:not-hex';
    delete (broken.resources[1] as Record<string, unknown>).path;
    expect(validate(broken)).toBe(false);
  });

  it('a descriptor with a homepage, an e-mail contact, several sessions and no keywords is valid', async () => {
    const validate = validator();
    const config = withConfig((c) => {
      c.dataset.homepage = 'https://actas.example.org/';
      c.dataset.base_url = 'https://actas.example.org/datos';
      c.dataset.contact = 'datos@example.org';
      c.dataset.keywords = [];
      c.dataset.license = 'CC0-1.0';
    });
    const records = [
      await variant('2016-07-14-mesa-3-sesion-3'),
      await variant('2016-06-30-mesa-1-sesion-1', (r) => delete r.source),
    ];
    const descriptor = json(await buildTree(await seedInput({ config, records })), 'datapackage.json');
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

interface DescriptorResource {
  name: string;
  hash: string;
  schema: {
    fields: Array<{ title?: string; description?: string }>;
    missingValues: string[];
    primaryKey: string[];
  };
}

describe('datapackage.json, whatever the profile says', () => {
  it('declares v2, the package metadata and every table with its file facts and schema', async () => {
    const tree = await buildTree(await seedInput());
    const descriptor = json<{
      $schema: string;
      id: string;
      sources: unknown[];
      resources: DescriptorResource[];
    }>(tree, 'datapackage.json');
    expect(descriptor.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    expect(descriptor).toMatchObject({
      name: 'actas-mesas-ogp-chile',
      version: '1.0.0',
      created: '2026-01-01T00:00:00Z',
      licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
      contributors: [{ title: 'Actas Abiertas', roles: ['publisher'] }],
    });
    expect(descriptor.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(descriptor.sources).toEqual([
      expect.objectContaining({
        'actas:file': '000_2ede7aa9bd753bcb.txt',
        'actas:sha256': '82f8282cf9ff9031e60855f35617819ce330fcb12b3bd79e3bbdd83cbec5d4fc',
      }),
    ]);
    expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual([
      'sessions',
      'agenda_items',
      'initiatives',
      'prioritization',
      'attendance',
      'commitments',
      'agreements',
      'organizations',
    ]);
    for (const r of descriptor.resources) {
      expect(r).toMatchObject({
        type: 'table',
        path: `data/${r.name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        'actas:json': { path: `data/${r.name}.json`, format: 'json', mediatype: 'application/json' },
      });
      expect(r.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(
        r.schema.fields.every((f: { title?: string; description?: string }) => f.title && f.description),
      ).toBe(true);
      expect(r.schema.missingValues).toEqual(['']);
      expect(r.schema.primaryKey.length).toBeGreaterThan(0);
    }
  });
});
