/** A published version read straight from git's object database: a commit's tree as a TreeView. */
import type { TreeView } from '../release/tree.ts';
import { git, gitBytes } from './git.ts';

export async function commitTreeView(repo: string, commit: string): Promise<TreeView> {
  const listing = await gitBytes(repo, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const ids = new Map<string, string>();
  for (const entry of listing.toString('utf8').split('\0')) {
    if (!entry) continue;
    // "<mode> blob <id>\t<path>"
    const tab = entry.indexOf('\t');
    const [, type, id] = entry.slice(0, tab).split(' ');
    if (type === 'blob' && id) ids.set(entry.slice(tab + 1), id);
  }
  const paths = [...ids.keys()].sort();
  return {
    paths: () => paths,
    blobId: (path) => ids.get(path),
    async read(path) {
      const id = ids.get(path);
      return id ? new Uint8Array(await gitBytes(repo, ['cat-file', 'blob', id])) : undefined;
    },
  };
}

/** The commit a ref points to, or null when it does not exist. */
export async function resolveCommit(repo: string, ref: string): Promise<string | null> {
  try {
    return await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return null;
  }
}
