/** Runs git as a child process: plain `git`, the user's own installation, no library in between. */
import { execFile } from 'node:child_process';

export interface GitOptions {
  input?: string | Uint8Array;
  env?: Record<string, string>;
}

export class GitCommandError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(`git ${args[0] ?? ''}: ${stderr.trim().split('\n').slice(-1)[0] ?? 'falló'}`);
    this.name = 'GitCommandError';
  }
}

/** Runs `git -C dir …` and returns stdout as bytes. */
export function gitBytes(dir: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-C', dir, ...args],
      {
        encoding: 'buffer',
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      },
      (error, stdout, stderr) => {
        if (error) reject(new GitCommandError(args, stderr.toString('utf8'), child.exitCode));
        else resolve(stdout);
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

export const git = async (dir: string, args: readonly string[], options?: GitOptions): Promise<string> =>
  (await gitBytes(dir, args, options)).toString('utf8').trimEnd();
