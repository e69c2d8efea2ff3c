/**
 * Links inside the published tree are relative, so the same files work at any sub-path of GitHub
 * Pages and opened from a folder (file://). Pages live at the root or in records/: `root` is the
 * way back to the root from the page being written ('' or '../').
 */
import type { Config } from '../config/config.ts';

export type Root = '' | '../';

/** A tree path as a relative URL from a page: each segment percent-encoded. */
export const treeHref = (root: Root, path: string): string =>
  root + path.split('/').map(encodeURIComponent).join('/');

export const sessionPagePath = (id: string): string => `records/${id}.html`;

/** The explorer opened on a resource, optionally filtered (exact match) by some columns. */
export function explorerHref(
  root: Root,
  resource: string,
  filters: Record<string, string | number> = {},
): string {
  const query = Object.entries(filters)
    .map(([field, value]) => `${encodeURIComponent(field)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${root}explorar.html#${encodeURIComponent(resource)}${query ? `?${query}` : ''}`;
}

/** Only http(s) addresses from configuration become links; anything else (javascript:, data:) is shown as text. */
export const safeExternalUrl = (url: string | null | undefined): string | null =>
  url && /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : null;

/** The GitHub Release of a version, when the dataset is published to GitHub. */
export function releaseTagUrl(config: Config, version: string): string | null {
  const { kind, repository } = config.target;
  if (kind !== 'github' || !repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return null;
  return `https://github.com/${repository}/releases/tag/v${encodeURIComponent(version)}`;
}

/** The id of a version's section in cambios.html. */
export const versionAnchor = (version: string): string => `v${version}`;
