/** SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>`, one line per file, sorted by path. */
import { sha256 } from '../digest.ts';

export function checksumsFile(files: ReadonlyMap<string, Uint8Array>): string {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths.map((path) => `${sha256(files.get(path) as Uint8Array)}  ${path}\n`).join('');
}
