/** `actas status` in Spanish: is the scheduler running, what did it do last, when does it run next. */
import { hostname } from 'node:os';
import { processAlive } from './process-alive.ts';
import type { SchedulerStatus, StatusProblem } from './status.ts';

/** Whether the process that wrote the status is still there; null when it ran on another host. */
export function schedulerAlive(status: SchedulerStatus): boolean | null {
  if (status.host !== hostname()) return null;
  return processAlive(status.pid);
}

function dateText(iso: string | null, timezone: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    const local = new Intl.DateTimeFormat('es-CL', {
      timeZone: timezone ?? undefined,
      dateStyle: 'long',
      timeStyle: 'medium',
    }).format(date);
    return `${local}${timezone ? ` (${timezone})` : ''}`;
  } catch {
    return iso;
  }
}

function seconds(from: string, to: string): string {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1).replace('.', ',')} s` : '?';
}

function problemLines(title: string, problems: readonly StatusProblem[]): string[] {
  if (problems.length === 0) return [];
  return [
    `  ${title}:`,
    ...problems.map((p) => {
      const where = p.file ? ` ${p.file}${p.line !== undefined ? `:${p.line}` : ''}` : '';
      return `    ${p.code}${where}  ${p.message}`;
    }),
  ];
}

function stateLine(status: SchedulerStatus, alive: boolean | null): string {
  const who = `pid ${status.pid} en ${status.host}`;
  if (status.state === 'detenido')
    return `Programador: detenido desde el ${dateText(status.updated, status.timezone)}; ${who}.`;
  if (alive === false)
    return `Programador: NO está en marcha. El proceso ${status.pid} ya no existe y no se detuvo ordenadamente (¿se reinició el servidor o lo terminó el sistema?). Vuelva a iniciarlo con "actas schedule".`;
  const doing = status.state === 'ejecutando' ? 'ejecutando ahora' : 'esperando la próxima ejecución';
  const where = alive === null ? ` (en otro equipo; no se puede comprobar si sigue en marcha)` : '';
  return `Programador: en marcha, ${doing} (${who})${where}.`;
}

export function formatStatus(status: SchedulerStatus): string {
  const alive = schedulerAlive(status);
  const tz = status.timezone;
  const lines = [stateLine(status, alive)];
  if (status.cron) lines.push(`Programación: "${status.cron}"${tz ? ` en la zona horaria ${tz}` : ''}.`);
  if (status.current_run && status.state === 'ejecutando' && alive !== false)
    lines.push(`Ejecución en curso desde: ${dateText(status.current_run.started, tz)}.`);
  if (status.state !== 'detenido' && alive !== false)
    lines.push(`Próxima ejecución: ${status.next_run ? dateText(status.next_run, tz) : 'no programada'}.`);

  const last = status.last_run;
  if (!last) {
    lines.push('Última ejecución: todavía ninguna.');
    return lines.join('\n');
  }
  lines.push(`Última ejecución: ${last.result}: ${last.summary}`);
  lines.push(
    `  Inicio: ${dateText(last.started, tz)}; término: ${dateText(last.finished, tz)} (${seconds(last.started, last.finished)}).`,
  );
  if (last.version) lines.push(`  Versión publicada: ${last.version}.`);
  else
    lines.push(
      `  Versión publicada: sin cambios${last.current_version ? ` (sigue la ${last.current_version})` : ''}.`,
    );
  if (last.attempts > 1) lines.push(`  Intentos: ${last.attempts}.`);
  if (last.fetched.length > 0)
    lines.push(`  Documentos nuevos o cambiados de las fuentes: ${last.fetched.join(', ')}.`);
  lines.push(...problemLines('Errores', last.errors), ...problemLines('Avisos', last.warnings));
  return lines.join('\n');
}
