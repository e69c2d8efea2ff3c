/**
 * README.md, the dataset card: what the dataset is, its files, every table and field (generated
 * from the Table Schemas), the license, how to cite and how to report an error; Spanish, with an
 * English summary.
 */
import { plural } from '../../text/plural.ts';
import { csvDialect } from '../formats/csv.ts';
import { neutralisationNote, neutralisationNoteEn } from '../formats/neutralize.ts';
import { csvPath, jsonPath } from '../paths.ts';
import type { Table } from '../tables/build-tables.ts';
import { type ResourceDefinition, spanishTypeNames } from '../tables/table-schema.ts';
import type { DatasetInfo } from './dataset-info.ts';
import { describeFile, fileGroups } from './file-descriptions.ts';
import { citationText, formatsNote, privacyNote, privacyNoteEn, reportErrorNote } from './notes.ts';

export interface CardInput {
  info: DatasetInfo;
  tables: readonly Table[];
  /** Every published path, this card included. */
  paths: readonly string[];
}

/** Text for a Markdown table cell or line: no pipes, tags or line breaks can break the layout. */
const md = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
const code = (text: string): string => `\`${text}\``;
/** Generated prose: "<id>" is text, not an HTML tag that a Markdown renderer would swallow. */
const prose = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fileList(paths: readonly string[]): string[] {
  const groupOf = (path: string) => fileGroups.find((g) => g.pattern.test(path));
  const counts = new Map<string, number>();
  for (const path of paths) {
    const group = groupOf(path);
    if (group) counts.set(group.label, (counts.get(group.label) ?? 0) + 1);
  }
  const lines = ['| Archivo | Descripción |', '|---|---|'];
  const listed = new Set<string>();
  for (const path of paths) {
    const group = groupOf(path);
    if (!group) lines.push(`| ${code(path)} | ${md(describeFile(path))} |`);
    else if (!listed.has(group.label)) {
      listed.add(group.label);
      const n = counts.get(group.label) ?? 0;
      const count = group.counted === false ? '' : ` (${n} ${n === 1 ? 'archivo' : 'archivos'})`;
      lines.push(`| ${code(group.label)} | ${md(group.description)}${count} |`);
    }
  }
  return lines;
}

function keyLines(resource: ResourceDefinition): string[] {
  const lines = [`- Clave primaria: ${resource.primaryKey.map(code).join(' + ')}.`];
  for (const fk of resource.foreignKeys) {
    const target = fk.referencedFields.map((f) => `${fk.resource}.${f}`);
    const optional = fk.fields.some((name) => !resource.fields.find((f) => f.name === name)?.required);
    lines.push(
      `- Clave foránea: ${fk.fields.map(code).join(' + ')} → ${target.map(code).join(' + ')}${optional ? ' (vacía si no hay correspondencia)' : ''}.`,
    );
  }
  return lines;
}

function dictionary(tables: readonly Table[]): string[] {
  const lines: string[] = ['## Diccionario de datos', ''];
  for (const { resource, rows } of tables) {
    lines.push(`### ${code(resource.name)} — ${md(resource.title)}`, '', md(resource.description), '');
    lines.push(
      `- Archivos: ${code(csvPath(resource.name))} y ${code(jsonPath(resource.name))}; hoja "${md(resource.sheet)}" de ${code('actas.xlsx')}; tabla ${code(resource.name)} de ${code('actas.sqlite')}.`,
      `- Filas: ${rows.length}.`,
      ...keyLines(resource),
      '',
      '| Campo | Título | Tipo | Obligatorio | Descripción |',
      '|---|---|---|---|---|',
    );
    for (const f of resource.fields) {
      const type = f.categories
        ? `${spanishTypeNames[f.type]} (${f.categories.map((c) => `${c.value} = ${c.label}`).join('; ')})`
        : spanishTypeNames[f.type];
      lines.push(
        `| ${code(f.name)} | ${md(f.title)} | ${md(type)} | ${f.required ? 'sí' : 'no'} | ${md(f.description)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

const lineTerminatorName = csvDialect.lineTerminator === '\r\n' ? 'CRLF' : 'LF';

export function datasetCard({ info, tables, paths }: CardInput): string {
  const sessions = tables.find((t) => t.resource.name === 'sessions')?.rows ?? [];
  const dates = sessions.map((r) => r.date).filter((d): d is string => typeof d === 'string');
  const span = dates.length > 0 ? ` (del ${dates[0]} al ${dates[dates.length - 1]})` : '';
  const spanEn = dates.length > 0 ? ` (${dates[0]} to ${dates[dates.length - 1]})` : '';
  const tableNames = tables.map((t) => code(t.resource.name)).join(', ');
  const lines = [
    `# ${info.title}`,
    '',
    info.description,
    '',
    '| | |',
    '|---|---|',
    `| Versión | ${md(info.version)} |`,
    `| Fecha de publicación | ${info.date} |`,
    `| Licencia | [${md(info.license.title)}](${info.license.url}) |`,
    `| Publicado por | ${md(info.publisher)} |`,
    `| Sesiones | ${sessions.length}${span} |`,
    '',
    `> **English summary.** ${md(info.title)}: the minutes ("actas") of Chile's Open Government Partnership working groups as open data, version ${info.version}, ${plural(sessions.length, 'session', 'sessions')}${spanEn}.`,
    `> Tables ${tableNames}, each as CSV (${code('data/<table>.csv')}) and typed JSON (${code('data/<table>.json')}), all of them in ${code('actas.xlsx')} and ${code('actas.sqlite')}; ${code('datapackage.json')} (Frictionless Data Package v2) describes every field, key, size and hash, and ${code('records/<id>.json')} holds each session record whole.`,
    `> License ${info.license.id} (${info.license.url}). ${neutralisationNoteEn} ${privacyNoteEn[info.attendeeNames]}`,
    `> To report an error, ${info.contact ? `use ${info.contact}` : 'open an issue in the repository where this dataset is published'}.`,
    '',
    '## Archivos',
    '',
    ...fileList(paths),
    '',
    '## Tablas',
    '',
    prose(formatsNote),
    '',
    '| Tabla | Contenido | Filas |',
    '|---|---|---|',
    ...tables.map(
      ({ resource, rows }) => `| ${code(resource.name)} | ${md(resource.title)} | ${rows.length} |`,
    ),
    '',
    ...dictionary(tables),
    '## Formato de los archivos',
    '',
    `Los CSV están en UTF-8 sin BOM, separados por comas, con comillas dobles según RFC 4180 y filas terminadas en ${lineTerminatorName}; la primera fila tiene los nombres de los campos. Una celda vacía es un dato que el acta no indica (null en JSON). Las fechas son AAAA-MM-DD y las horas HH:MM. ${code('datapackage.json')} declara este formato (dialect) y el tipo de cada campo.`,
    '',
    prose(neutralisationNote),
    '',
    '## Datos personales',
    '',
    prose(privacyNote(info.attendeeNames)),
    '',
    '## Licencia',
    '',
    `Los datos se publican bajo la licencia [${info.license.title}](${info.license.url}). Puede copiarlos, redistribuirlos y adaptarlos citando la fuente.`,
    '',
    '## Cómo citar',
    '',
    prose(citationText(info)),
    '',
    `${code('CITATION.cff')} tiene la misma cita en formato legible por máquinas (GitHub la ofrece como "Cite this repository").`,
    '',
    '## Cómo reportar un error',
    '',
    prose(reportErrorNote(info)),
    '',
    '## Versiones',
    '',
    'El número de versión sigue el versionado semántico para datos: MAYOR cuando cambia la estructura (se elimina o renombra una tabla o un campo, cambia un tipo o una clave), MENOR cuando se agregan datos o campos, PARCHE cuando se corrigen valores o se eliminan filas. Una versión publicada no cambia nunca.',
    '',
  ];
  return lines.join('\n');
}
