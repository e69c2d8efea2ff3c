import { entry } from './define.ts';

/** ACTAS-E2xx / ACTAS-W2xx: importing acta documents (.txt exports and .docx) into canonical records. */
export const ingest = {
  'ACTAS-E200': entry<{ file: string }>({
    severity: 'error',
    es: (p) => `No hay documentos de acta (.txt o .docx) en "${p.file}".`,
    en: (p) => `There are no acta documents (.txt or .docx) in "${p.file}".`,
  }),
};
