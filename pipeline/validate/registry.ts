/**
 * Loads data/organizations.yaml: parsed with the same located reader as records, validated
 * against schemas/organizations.schema.json, and indexed for name matching.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import type { Organization, OrganizationRegistry } from '../model/index.ts';
import { indexOrganizations, type OrganizationIndex } from '../organizations/registry.ts';
import { locate } from './locate.ts';
import { parseSource, type SourceFile } from './parse-source.ts';
import { schemaProblems } from './schema-problems.ts';
import { getValidators } from './schemas.ts';

export interface LoadedRegistry {
  index: OrganizationIndex;
  problems: Problem[];
}

const emptyIndex = (): OrganizationIndex => indexOrganizations([]).index;

export function loadRegistry(source: SourceFile): LoadedRegistry {
  const parsed = parseSource(source);
  if (parsed.problems.length > 0) return { index: emptyIndex(), problems: parsed.problems };
  const validate = getValidators().organizations;
  if (!validate(parsed.value)) {
    return { index: emptyIndex(), problems: schemaProblems(validate.errors ?? [], parsed.value, parsed) };
  }
  const registry: OrganizationRegistry = parsed.value;
  const problems: Problem[] = [];
  const seenIds = new Map<string, number>();
  registry.organizations.forEach((org: Organization, i) => {
    if (seenIds.has(org.id)) {
      problems.push(
        problem(
          'ACTAS-E140',
          { detail: `el id "${org.id}" está repetido` },
          locate(parsed, `/organizations/${i}/id`),
        ),
      );
    }
    seenIds.set(org.id, i);
  });
  const { index, clashes } = indexOrganizations(registry.organizations);
  for (const clash of clashes) {
    const i = registry.organizations.indexOf(clash.second);
    problems.push(
      problem(
        'ACTAS-E141',
        { name: clash.name, first: clash.first.id, second: clash.second.id },
        locate(parsed, `/organizations/${i}`),
      ),
    );
  }
  return { index, problems };
}
