/** What the dataset card, datapackage.json, CITATION.cff and the catalog say about a license (SPDX id). */
export interface LicenseInfo {
  /** SPDX identifier, e.g. CC-BY-4.0. */
  id: string;
  /** Spanish title. */
  title: string;
  url: string;
}

const known: Record<string, Omit<LicenseInfo, 'id'>> = {
  'CC-BY-4.0': {
    title: 'Creative Commons Atribución 4.0 Internacional (CC BY 4.0)',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC-BY-SA-4.0': {
    title: 'Creative Commons Atribución-CompartirIgual 4.0 Internacional (CC BY-SA 4.0)',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  'CC0-1.0': {
    title: 'Creative Commons CC0 1.0 Universal (dominio público)',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  'ODbL-1.0': {
    title: 'Open Data Commons Open Database License 1.0 (ODbL)',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  'ODC-By-1.0': {
    title: 'Open Data Commons Attribution License 1.0 (ODC-By)',
    url: 'https://opendatacommons.org/licenses/by/1-0/',
  },
  'PDDL-1.0': {
    title: 'Open Data Commons Public Domain Dedication and License 1.0 (PDDL)',
    url: 'https://opendatacommons.org/licenses/pddl/1-0/',
  },
};

export const licenseInfo = (id: string): LicenseInfo =>
  ({ id, ...(known[id] ?? { title: id, url: `https://spdx.org/licenses/${id}.html` }) }) as LicenseInfo;
