import type { OrganizationIndex } from '../../../organizations/registry.ts';
import type { ResourceDefinition, Row } from '../table-schema.ts';
import { sectorCategories, textField } from './common.ts';

export const organizations: ResourceDefinition = {
  name: 'organizations',
  title: 'Organizaciones',
  description:
    'El registro de instituciones y organizaciones que aparecen en las actas (data/organizations.yaml del proyecto). Ordenadas por identificador.',
  sheet: 'Organizaciones',
  primaryKey: ['organization_id'],
  order: ['organization_id'],
  foreignKeys: [],
  fields: [
    {
      name: 'organization_id',
      type: 'string',
      title: 'Organización (id)',
      description: 'Identificador estable de la organización (minúsculas y guiones), p. ej. chilecompra.',
      required: true,
      pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
    },
    textField('name', 'Nombre', 'Nombre oficial.', true),
    textField('acronym', 'Sigla', 'Sigla; vacía si no tiene.'),
    {
      name: 'sector',
      type: 'string',
      title: 'Sector',
      description: 'government (gobierno) o civil_society (sociedad civil).',
      required: true,
      categories: sectorCategories,
    },
  ],
};

export const organizationRows = (index: OrganizationIndex): Row[] =>
  index.organizations.map((o) => ({
    organization_id: o.id,
    name: o.name,
    acronym: o.acronym,
    sector: o.sector,
  }));
