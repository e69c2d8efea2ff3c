import type { ParseArgsConfig } from 'node:util';
import type { Effects } from '../effects.ts';

/** Exit codes (DESIGN.md): 0 success, including "nothing changed"; 1 invalid input; 2 usage; 3 publish, target or other failure not caused by the data. */
export const exitCodes = { ok: 0, invalidInput: 1, usage: 2, failure: 3 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandContext {
  effects: Effects;
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
  /** Writes to stdout (reports, results); the logger is for progress and diagnostics. */
  print: (text: string) => void;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: Options;
  /** Whether the command takes positional arguments. */
  positionals?: boolean;
  run(ctx: CommandContext): Promise<ExitCode>;
}

/** Options every command accepts. */
export const commonOptions: Options = {
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
