/** Which files a new version adds, modifies and removes compared with what a target holds. */
import { gitBlobId, type PublishedTree, type TreeView } from '../release/tree.ts';

export interface FileChanges {
  added: string[];
  modified: string[];
  removed: string[];
}

export function fileChanges(current: TreeView | null, tree: PublishedTree): FileChanges {
  const changes: FileChanges = { added: [], modified: [], removed: [] };
  for (const path of [...tree.keys()].sort()) {
    const before = current?.blobId(path);
    if (!before) changes.added.push(path);
    else if (before !== gitBlobId(tree.get(path) as Uint8Array)) changes.modified.push(path);
  }
  for (const path of current?.paths() ?? []) if (!tree.has(path)) changes.removed.push(path);
  return changes;
}

/** One Spanish line per file operation, for --dry-run. */
export const fileChangeLines = (c: FileChanges): string[] => [
  ...c.added.map((p) => `agregar ${p}`),
  ...c.modified.map((p) => `modificar ${p}`),
  ...c.removed.map((p) => `eliminar ${p}`),
];
