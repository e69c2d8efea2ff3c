/**
 * Which paths of a published tree the site writes: the builder leaves these out of the files it
 * gives renderSite (a site must not describe itself, and a rebuild must not feed on its own pages).
 */
/** The site's pages at the top of the tree. */
export const sitePageNames = ['index.html', 'explorar.html', 'diccionario.html', 'cambios.html'] as const;
const sitePages = new Set<string>(sitePageNames);

export const isSiteFile = (path: string): boolean =>
  sitePages.has(path) || path.startsWith('assets/') || /^records\/[^/]+\.html$/.test(path);
