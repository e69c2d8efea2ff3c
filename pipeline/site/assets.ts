/**
 * The site's static files (stylesheet, scripts, icon) live next to this module as ordinary files,
 * so that they are edited, linted and reviewed as CSS and JavaScript. They are part of the
 * program: read once, the same bytes every build.
 */
import { readFileSync } from 'node:fs';

/** Tree path → file next to this module. */
const staticFiles: ReadonlyArray<[string, string]> = [
  ['assets/site.css', './assets/site.css'],
  ['assets/icon.svg', './assets/icon.svg'],
  ['assets/js/query.js', './assets/js/query.js'],
  ['assets/js/loader.js', './assets/js/loader.js'],
  ['assets/js/explorer.js', './assets/js/explorer.js'],
];

let cache: ReadonlyMap<string, Uint8Array> | undefined;

export function staticAssets(): ReadonlyMap<string, Uint8Array> {
  cache ??= new Map(
    staticFiles.map(([path, file]) => [path, new Uint8Array(readFileSync(new URL(file, import.meta.url)))]),
  );
  return cache;
}
