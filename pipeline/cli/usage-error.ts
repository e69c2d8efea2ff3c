/** Thrown for a mistake on the command line; the CLI turns it into exit code 2 and a Spanish message. */
export class UsageError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'UsageError';
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} debe ser uno de: ${allowed.join(', ')} (se recibió "${String(value)}")`);
}
