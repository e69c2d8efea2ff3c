import { readText, type TreeView } from '../release/tree.ts';

/** The version a published tree declares in its datapackage.json, or null. */
export async function versionOf(tree: TreeView): Promise<string | null> {
  const descriptor = await readText(tree, 'datapackage.json');
  if (!descriptor) return null;
  try {
    const version = (JSON.parse(descriptor) as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}
