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
};
