/**
 * The organisation registry (data/organizations.yaml) and how names found in actas are matched to
 * it: ignoring case, accents, spacing and punctuation, so "Chile Compra" and "ChileCompra" are one.
 */
import type { Organization } from '../model/index.ts';
import { foldAccents } from '../text/normalize.ts';

/** The comparison key of a name: no accents, no case, only letters and digits. */
export const organizationKey = (name: string): string => foldAccents(name).replace(/[^\p{L}\p{N}]+/gu, '');

export interface OrganizationIndex {
  organizations: readonly Organization[];
  byKey: ReadonlyMap<string, Organization>;
}

/** A name claimed by two organisations; the registry is invalid while one exists. */
export interface NameClash {
  name: string;
  first: Organization;
  second: Organization;
}

export function indexOrganizations(organizations: readonly Organization[]): {
  index: OrganizationIndex;
  clashes: NameClash[];
} {
  const byKey = new Map<string, Organization>();
  const clashes: NameClash[] = [];
  for (const org of organizations) {
    for (const name of [org.name, org.acronym, ...org.aliases]) {
      if (!name) continue;
      const key = organizationKey(name);
      const existing = byKey.get(key);
      if (existing && existing.id !== org.id) clashes.push({ name, first: existing, second: org });
      else byKey.set(key, org);
    }
  }
  return { index: { organizations, byKey }, clashes };
}

/** The organisation a name refers to, or undefined when the registry does not know it. */
export function resolveOrganization(index: OrganizationIndex, name: string): Organization | undefined {
  // Actas repeat the same few names thousands of times: remember each name's key.
  let key = keyCache.get(name);
  if (key === undefined) {
    key = organizationKey(name);
    if (keyCache.size < 100_000) keyCache.set(name, key);
  }
  return index.byKey.get(key);
}
const keyCache = new Map<string, string>();
