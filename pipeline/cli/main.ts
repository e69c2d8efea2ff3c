/**
 * The `actas` command line. Parses arguments, dispatches to a command, and is the ONE place that
 * turns failures into exit codes: user mistakes get a Spanish message and exit 1 or 2, never a
 * stack trace; only an unexpected bug prints one, and only with ACTAS_DEBUG=1.
 */
import { parseArgs } from 'node:util';
import { type Effects, nodeEffects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import { formatProblemsText } from '../errors/format.ts';
import { type Command, type CommandContext, exitCodes } from './command.ts';
import { buildCommand } from './commands/build.ts';
import { diffCommand } from './commands/diff.ts';
import { importCommand } from './commands/import.ts';
import { publishCommand } from './commands/publish.ts';
import { runCommand } from './commands/run.ts';
import { scheduleCommand } from './commands/schedule.ts';
import { statusCommand } from './commands/status.ts';
import { validateCommand } from './commands/validate.ts';
import { UsageError } from './usage-error.ts';

export const commands: readonly Command[] = [
  importCommand,
  validateCommand,
  buildCommand,
  publishCommand,
  runCommand,
  diffCommand,
  scheduleCommand,
  statusCommand,
];

function helpText(): string {
  const lines = [
    'Actas Abiertas: las actas de las mesas de Gobierno Abierto de Chile como datos abiertos.',
    '',
    'Uso / usage:',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Opciones comunes / common options: --config FILE (por omisión actas.config.yaml), --help',
    'Códigos de salida / exit codes: 0 ok (también "sin cambios"), 1 datos inválidos, 2 uso incorrecto, 3 fallo al publicar u otro fallo',
  ];
  return lines.join('\n');
}

/** Where results go; the logger (stderr) carries progress and problems the user did not ask to see as data. */
export interface Output {
  write(text: string): unknown;
}

export async function main(
  argv: readonly string[],
  effects: Effects = nodeEffects(),
  stdout: Output = process.stdout,
): Promise<number> {
  const print = (text: string) => stdout.write(`${text}\n`);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(helpText());
    return name ? exitCodes.ok : exitCodes.usage;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`el comando "${name}" no existe`);
    const { values, positionals } = parseArguments(command, rest);
    if (values.help) {
      print(`${command.usage}\n  ${command.summary}`);
      return exitCodes.ok;
    }
    const ctx: CommandContext = { effects, values, positionals, print };
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof UsageError) {
      effects.log.error(formatProblemsText([problem('ACTAS-E001', { detail: error.detail })]));
      return exitCodes.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    effects.log.error(formatProblemsText([problem('ACTAS-E005', { detail })]));
    if (effects.env.ACTAS_DEBUG === '1' && error instanceof Error && error.stack)
      effects.log.error(error.stack);
    return exitCodes.failure;
  }
}

function parseArguments(command: Command, args: readonly string[]) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    if (!command.positionals && parsed.positionals.length > 0) {
      throw new UsageError(
        `"${command.name}" no recibe argumentos sueltos ("${parsed.positionals.join(' ')}")`,
      );
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util's messages name the offending option; keep that, in a usage error.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}
