/** Picks the target driver the configuration names. */
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import { createDirTarget } from './dir-target.ts';
import { createGitTarget } from './git-target.ts';
import { createGitHubTarget } from './github-target.ts';
import type { Target } from './target.ts';

export function createTarget(config: Config, effects: Effects): Target {
  const { target } = config;
  switch (target.kind) {
    case 'git':
      return createGitTarget({ path: target.path, branch: target.branch, remote: target.remote }, effects);
    case 'dir':
      return createDirTarget({ path: target.path }, effects);
    case 'github':
      return createGitHubTarget(
        { repository: target.repository, branch: target.branch, apiUrl: target.api_url },
        effects,
      );
  }
}
