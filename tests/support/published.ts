/**
 * Checks that a published tree is one whole version: every file listed in its SHA256SUMS has that
 * hash, nothing else is there, and datapackage.json says which version it is.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export type Files = ReadonlyMap<string, Uint8Array>;

/** Runs git in a repository and returns what it printed, trimmed. */
export const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();

export function checkWholeVersion(files: Files): { version: string } {
  const sums = files.get('SHA256SUMS');
  if (!sums) throw new Error('SHA256SUMS missing');
  const listed = new Map<string, string>();
  for (const line of new TextDecoder().decode(sums).split('\n')) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match) listed.set(match[2] as string, match[1] as string);
  }
  const paths = [...files.keys()].filter((p) => p !== 'SHA256SUMS').sort();
  if (JSON.stringify(paths) !== JSON.stringify([...listed.keys()].sort())) {
    throw new Error(`files and SHA256SUMS disagree: ${paths.join(',')} vs ${[...listed.keys()].join(',')}`);
  }
  for (const [path, hash] of listed) {
    const actual = createHash('sha256')
      .update(files.get(path) as Uint8Array)
      .digest('hex');
    if (actual !== hash) throw new Error(`${path}: hash mismatch`);
  }
  const descriptor = JSON.parse(new TextDecoder().decode(files.get('datapackage.json'))) as {
    version: string;
  };
  return { version: descriptor.version };
}

/** The files of a commit (or tag) in a git repository. */
export function gitTreeFiles(repo: string, rev: string): Map<string, Uint8Array> {
  const list = execFileSync('git', ['-C', repo, 'ls-tree', '-r', '-z', '--name-only', rev], {
    encoding: 'utf8',
  });
  const files = new Map<string, Uint8Array>();
  for (const path of list.split('\0').filter(Boolean)) {
    files.set(path, execFileSync('git', ['-C', repo, 'show', `${rev}:${path}`]));
  }
  return files;
}
