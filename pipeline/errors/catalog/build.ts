import { entry } from './define.ts';

/** ACTAS-E3xx / ACTAS-W3xx: building the published tree. */
export const build = {
  'ACTAS-E300': entry<{ path: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo escribir el árbol publicado en "${p.path}": ${p.detail}. La salida anterior quedó intacta.`,
    en: (p) =>
      `Could not write the published tree to "${p.path}": ${p.detail}. The previous output was left untouched.`,
  }),
  'ACTAS-E301': entry<{ resource: string; key: string }>({
    severity: 'error',
    es: (p) =>
      `La tabla "${p.resource}" tendría dos filas con la misma clave "${p.key}". Revise que no haya dos registros con el mismo id ni números repetidos en una sesión.`,
    en: (p) =>
      `The table "${p.resource}" would have two rows with the same key "${p.key}". Check that no two records share an id and no numbers repeat within a session.`,
  }),
  'ACTAS-E302': entry<{ resource: string; field: string; value: string; target: string }>({
    severity: 'error',
    es: (p) =>
      `En la tabla "${p.resource}", el valor "${p.value}" de "${p.field}" no existe en la tabla "${p.target}". La clave foránea quedaría rota.`,
    en: (p) =>
      `In the table "${p.resource}", the value "${p.value}" of "${p.field}" does not exist in the table "${p.target}". The foreign key would be broken.`,
  }),
  'ACTAS-E303': entry<{ version: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.version}" no es un número de versión semántica (MAYOR.MENOR.PARCHE, p. ej. 1.2.0). La versión la calcula la etapa de publicación; no se construyó nada.`,
    en: (p) =>
      `"${p.version}" is not a semantic version number (MAJOR.MINOR.PATCH, e.g. 1.2.0). The release stage computes the version; nothing was built.`,
  }),
  'ACTAS-E304': entry<{ path: string; reason: string }>({
    severity: 'error',
    es: (p) => `El archivo adicional "${p.path}" no se puede publicar: ${p.reason}.`,
    en: (p) => `The extra file "${p.path}" cannot be published: ${p.reason}.`,
  }),
  'ACTAS-E305': entry<{ file: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo generar "${p.file}": ${p.detail}. No es un problema de sus datos; por favor repórtelo.`,
    en: (p) =>
      `Could not generate "${p.file}": ${p.detail}. This is not a problem with your data; please report it.`,
  }),
  'ACTAS-W310': entry<{ resource: string; field: string; key: string; length: number; limit: number }>({
    severity: 'warning',
    es: (p) =>
      `El texto de "${p.field}" en "${p.resource}" (${p.key}) tiene ${p.length} caracteres y una celda de Excel admite ${p.limit}: en actas.xlsx se muestra recortado, con una nota. El texto completo está en los CSV, JSON y SQLite.`,
    en: (p) =>
      `The text of "${p.field}" in "${p.resource}" (${p.key}) has ${p.length} characters and an Excel cell holds ${p.limit}: actas.xlsx shows it cut, with a note. The full text is in the CSV, JSON and SQLite files.`,
  }),
  'ACTAS-W311': entry<{ resource: string; rows: number; limit: number }>({
    severity: 'warning',
    es: (p) =>
      `La tabla "${p.resource}" tiene ${p.rows} filas y una hoja de Excel admite ${p.limit}: actas.xlsx incluye solo las primeras. La tabla completa está en los CSV, JSON y SQLite.`,
    en: (p) =>
      `The table "${p.resource}" has ${p.rows} rows and an Excel sheet holds ${p.limit}: actas.xlsx only includes the first ones. The full table is in the CSV, JSON and SQLite files.`,
  }),
};
