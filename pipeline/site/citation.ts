/**
 * How to cite this version, in words and as BibTeX, from CITATION.cff (what GitHub's "Cite this
 * repository" shows), so that all three agree. Without CITATION.cff, datapackage.json says it.
 */
import type { Citation, PackageInfo } from './dataset.ts';

export interface CitationTexts {
  text: string;
  bibtex: string;
}

function citationOf(pkg: PackageInfo, cff: Citation | null): Citation {
  if (cff) return cff;
  const publisher = pkg.contributors.find((c) => c.roles.includes('publisher')) ?? pkg.contributors[0];
  return {
    title: pkg.title,
    version: pkg.version,
    dateReleased: pkg.created.slice(0, 10),
    authors: publisher ? [publisher.title] : [],
    url: pkg.homepage,
    license: pkg.licenses[0]?.name ?? null,
  };
}

/** Characters BibTeX would read as commands or groups. */
const bibtexValue = (text: string): string =>
  text.replace(/([\\{}&%$#_~^])/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`));

export function citationTexts(pkg: PackageInfo, cff: Citation | null): CitationTexts {
  const c = citationOf(pkg, cff);
  const year = c.dateReleased.slice(0, 4);
  const authors = c.authors.join('; ');
  const text = [
    `${authors} (${year}).`,
    `${c.title} (versión ${c.version}) [conjunto de datos].`,
    c.license ? `Licencia ${c.license}.` : '',
    c.url ?? '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  const key = `${pkg.name || 'dataset'}_${c.version}`.replace(/[^A-Za-z0-9:._-]/g, '-');
  const fields: Array<[string, string]> = [
    // Double braces: the author is an organisation, not "Abiertas, Actas".
    ['author', c.authors.map((a) => `{${bibtexValue(a)}}`).join(' and ')],
    ['title', `{${bibtexValue(c.title)}}`],
    ['year', year],
    ['version', bibtexValue(c.version)],
    [
      'note',
      bibtexValue(`Conjunto de datos, versión ${c.version}${c.license ? `, licencia ${c.license}` : ''}`),
    ],
    ...(c.url ? ([['url', c.url]] as Array<[string, string]>) : []),
  ];
  const bibtex = `@misc{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(7)} = {${value}}`).join(',\n')}\n}`;
  return { text, bibtex };
}
