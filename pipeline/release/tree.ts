/**
 * A published tree as the release stage sees it: paths with the git blob id of their content, and
 * a way to read a file. Comparing blob ids tells whether anything changed without downloading
 * anything (the github target gets them from one tree listing), and the same ids are what git
 * itself stores, so all targets agree.
 */
import { createHash } from 'node:crypto';

export type PublishedTree = ReadonlyMap<string, Uint8Array>;

export interface TreeView {
  /** Every file path (posix, relative), sorted. */
  paths(): string[];
  /** The git blob id (SHA-1 of "blob <size>\0<content>") of a file, or undefined if absent. */
  blobId(path: string): string | undefined;
  read(path: string): Promise<Uint8Array | undefined>;
}

// The release plan, the file changes, the targets and the up-to-date stamp all ask for the ids of
// the same files: each byte array is hashed once (the pipeline never mutates one it has built).
const blobIds = new WeakMap<Uint8Array, string>();

export function gitBlobId(content: Uint8Array): string {
  let id = blobIds.get(content);
  if (id === undefined) {
    id = createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
    blobIds.set(content, id);
  }
  return id;
}

/** A view over files held in memory (a freshly built tree). */
export function memoryTreeView(tree: PublishedTree): TreeView {
  return {
    paths: () => [...tree.keys()].sort(),
    blobId(path) {
      const content = tree.get(path);
      return content && gitBlobId(content);
    },
    read: async (path) => tree.get(path),
  };
}

/** True when both trees hold the same paths with the same content. */
export function sameTree(a: TreeView, b: TreeView): boolean {
  const paths = a.paths();
  const other = b.paths();
  return (
    paths.length === other.length && paths.every((p, i) => p === other[i] && a.blobId(p) === b.blobId(p))
  );
}

export const readText = async (view: TreeView, path: string): Promise<string | undefined> => {
  const bytes = await view.read(path);
  return bytes ? new TextDecoder().decode(bytes) : undefined;
};
