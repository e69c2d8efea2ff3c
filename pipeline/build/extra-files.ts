/**
 * Files other stages publish alongside the dataset. Their paths are checked before anything is
 * built: relative posix paths inside the tree, never one of the builder's own files.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { isSiteFile } from '../site/site-files.ts';
import { generatedFolders, generatedTopLevel } from './paths.ts';

function pathProblem(path: string): string | undefined {
  if (path === '' || path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return 'la ruta debe ser relativa';
  if (path.includes('\\')) return 'la ruta debe usar "/" como separador';
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..'))
    return 'la ruta tiene segmentos vacíos, "." o ".."';
  if ((generatedTopLevel as readonly string[]).includes(path))
    return 'el constructor genera un archivo con ese nombre';
  if (generatedFolders.some((folder) => path.startsWith(folder)))
    return `la carpeta ${segments[0]}/ la genera el constructor`;
  if (/^records\/[^/]+\.json$/.test(path)) return 'records/<id>.json los genera el constructor';
  if (isSiteFile(path)) return 'la página de inicio, sus páginas y assets/ los genera el constructor';
  return undefined;
}

export function extraFileProblems(extraFiles: ReadonlyMap<string, Uint8Array>): Problem[] {
  return [...extraFiles.keys()].flatMap((path) => {
    const reason = pathProblem(path);
    return reason ? [problem('ACTAS-E304', { path, reason })] : [];
  });
}
