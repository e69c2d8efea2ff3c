/** The zip of a version attached to its GitHub Release: deterministic (sorted entries, fixed dates). */
import { type Zippable, zipSync } from 'fflate';
import type { PublishedTree } from '../release/tree.ts';

export function zipTree(tree: PublishedTree, folder: string, date: Date): Uint8Array {
  const files: Zippable = {};
  for (const path of [...tree.keys()].sort()) {
    files[`${folder}/${path}`] = [tree.get(path) as Uint8Array, { mtime: date, level: 9 }];
  }
  return zipSync(files);
}
