/** Flags that override actas.config.yaml, shared by the commands that read the configuration. */

import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/load-config.ts';
import type { Problem } from '../errors/problem.ts';
import type { ConfigFile } from '../model/index.ts';
import type { CommandContext, Options } from './command.ts';

export const targetOptions: Options = {
  target: { type: 'string' },
  'target-path': { type: 'string' },
  remote: { type: 'string' },
  repository: { type: 'string' },
  branch: { type: 'string' },
  'api-url': { type: 'string' },
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Command-line values as a partial configuration file, so they are validated by the same schema. */
export function overridesFrom(values: CommandContext['values']): ConfigFile {
  const target = {
    kind: str(values.target),
    path: str(values['target-path']),
    remote: str(values.remote),
    repository: str(values.repository),
    branch: str(values.branch),
    api_url: str(values['api-url']),
  };
  const paths = {
    records: str(values.records),
    build: str(values.out) ?? str(values.from),
    inbox: str(values.inbox),
  };
  const prune = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return { target: prune(target), paths: prune(paths) } as ConfigFile;
}

export async function configFor(ctx: CommandContext): Promise<{ config?: Config; problems: Problem[] }> {
  return loadConfig(ctx.effects, str(ctx.values.config), overridesFrom(ctx.values));
}
