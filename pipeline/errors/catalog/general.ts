import { entry } from './define.ts';

/** ACTAS-E0xx: the command line, the configuration and the unexpected. */
export const general = {
  'ACTAS-E001': entry<{ detail: string }>({
    severity: 'error',
    es: (p) => `Uso incorrecto: ${p.detail}. Ejecute "actas --help" para ver los comandos y opciones.`,
    en: (p) => `Usage error: ${p.detail}. Run "actas --help" to see commands and options.`,
  }),
  'ACTAS-E002': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `El archivo de configuración no es YAML válido: ${p.detail}. Corrija la sintaxis o borre el archivo para usar los valores por omisión.`,
    en: (p) =>
      `The configuration file is not valid YAML: ${p.detail}. Fix the syntax or delete the file to use the defaults.`,
  }),
  'ACTAS-E003': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `Configuración inválida: ${p.detail}. Vea schemas/config.schema.json para las opciones permitidas.`,
    en: (p) => `Invalid configuration: ${p.detail}. See schemas/config.schema.json for the allowed options.`,
  }),
  'ACTAS-E004': entry<{ path: string }>({
    severity: 'error',
    es: (p) =>
      `No existe la carpeta o archivo "${p.path}". Revise la ruta (o la opción correspondiente en actas.config.yaml).`,
    en: (p) =>
      `The folder or file "${p.path}" does not exist. Check the path (or its option in actas.config.yaml).`,
  }),
  'ACTAS-E005': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `Error interno inesperado: ${p.detail}. No es un problema de sus datos; por favor repórtelo (con ACTAS_DEBUG=1 se muestra el detalle técnico).`,
    en: (p) =>
      `Unexpected internal error: ${p.detail}. This is not a problem with your data; please report it (ACTAS_DEBUG=1 shows the technical detail).`,
  }),
  'ACTAS-E006': entry<{ path: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo leer o escribir "${p.path}": ${p.detail}. Revise los permisos y el espacio en disco.`,
    en: (p) => `Could not read or write "${p.path}": ${p.detail}. Check permissions and disk space.`,
  }),
};
