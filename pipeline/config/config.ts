/**
 * actas.config.yaml: optional, validated against schemas/config.schema.json, merged over the
 * defaults below, then overridden by command-line flags. Secrets never live here: they come from
 * the environment only.
 */
import type { ConfigFile } from '../model/index.ts';

type Section<K extends keyof ConfigFile> = Required<NonNullable<ConfigFile[K]>>;

/** The whole configuration, every option present. Derived from the schema's types, so it cannot drift. */
export type Source = NonNullable<ConfigFile['sources']>[number];

export interface Config {
  paths: Section<'paths'>;
  dataset: Section<'dataset'>;
  target: Section<'target'>;
  schedule: Section<'schedule'>;
  privacy: Section<'privacy'>;
  sources: Source[];
}

export const configFileName = 'actas.config.yaml';

export const defaultConfig: Config = {
  paths: {
    inbox: 'data/inbox',
    records: 'data/sessions',
    organizations: 'data/organizations.yaml',
    build: 'build',
  },
  dataset: {
    name: 'actas-mesas-ogp-chile',
    title: 'Actas de las mesas de trabajo de Gobierno Abierto de Chile',
    description:
      'Sesiones, asistentes, iniciativas, acuerdos y compromisos de las mesas de trabajo de la Alianza para el Gobierno Abierto (OGP) en Chile, tomados de sus actas.',
    license: 'CC-BY-4.0',
    publisher: 'Actas Abiertas',
    contact: null,
    homepage: null,
    base_url: null,
    keywords: ['gobierno abierto', 'OGP', 'Chile', 'actas', 'participación ciudadana', 'datos abiertos'],
  },
  target: { kind: 'git', path: 'public', remote: null, repository: null, branch: 'main', api_url: null },
  schedule: { cron: '0 7 * * *', timezone: 'America/Santiago' },
  privacy: { attendee_names: 'publish' },
  sources: [],
};

/** Section by section, what the file sets wins over the defaults; overrides (flags) win over both. */
export function mergeConfig(file: ConfigFile, overrides: ConfigFile = {}): Config {
  const merged = structuredClone(defaultConfig);
  for (const layer of [file, overrides]) {
    for (const section of Object.keys(merged) as Array<keyof Config>) {
      const values = Object.fromEntries(
        Object.entries(layer[section] ?? {}).filter(([, v]) => v !== undefined),
      );
      Object.assign(merged[section], values);
    }
  }
  return merged;
}
