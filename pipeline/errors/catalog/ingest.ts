import { entry } from './define.ts';

/** Parts of an acta, named in both languages in the messages. */
const partNames = {
  header: ['el encabezado', 'the header'],
  programme: ['el programa', 'the programme'],
  initiatives: ['la tabla de iniciativas', 'the initiatives table'],
  prioritization: ['la propuesta de priorización', 'the prioritisation'],
  conclusions: ['CONCLUSIONES', 'CONCLUSIONES (the agreements)'],
  commitments: ['el resumen de compromisos', 'the commitments summary'],
  observations: ['las observaciones', 'the observations'],
  footer: ['el pie del acta', 'the footer'],
} as const;
export type ActaPart = keyof typeof partNames;

const tableNames = {
  initiatives: ['iniciativas', 'initiatives'],
  attendees: ['asistentes', 'attendees'],
} as const;
export type ActaTable = keyof typeof tableNames;

const cellNames = {
  number: ['número', 'number'],
  name: ['nombre', 'name'],
  last_name: ['apellido', 'last name'],
} as const;
export type ActaCell = keyof typeof cellNames;

/**
 * ACTAS-E2xx / ACTAS-W2xx: importing acta documents (.txt exports and .docx) into canonical records.
 * Errors mean nothing was written for that document; warnings mean the record was written with a
 * null (or without a line) where the document could not be read, and the line is quoted so the
 * secretariat can check it.
 */
export const ingest = {
  // The document as a file
  'ACTAS-E200': entry<{ file: string }>({
    severity: 'error',
    es: (p) =>
      `No hay documentos de acta (.txt o .docx) en "${p.file}". Copie ahí el acta exportada o indique el archivo.`,
    en: (p) =>
      `There are no acta documents (.txt or .docx) in "${p.file}". Copy the exported acta there or name the file.`,
  }),
  'ACTAS-E201': entry<{ name: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.name}" no es un documento de acta que se pueda importar: solo se aceptan .txt (texto exportado) y .docx. Si es .doc, .odt o .pdf, ábralo en Word y guárdelo como .docx.`,
    en: (p) =>
      `"${p.name}" is not an acta document that can be imported: only .txt (text export) and .docx are accepted. If it is .doc, .odt or .pdf, open it in Word and save it as .docx.`,
  }),
  'ACTAS-E202': entry<{ bytes: number; limit: number }>({
    severity: 'error',
    es: (p) =>
      `El documento pesa ${p.bytes} bytes y el máximo es ${p.limit}. Ningún acta es tan grande: revise que sea el archivo correcto (si tiene imágenes, quítelas).`,
    en: (p) =>
      `The document is ${p.bytes} bytes and the limit is ${p.limit}. No acta is this large: check that it is the right file (if it has images, remove them).`,
  }),
  'ACTAS-E203': entry({
    severity: 'error',
    es: () =>
      'El archivo .txt no es texto (contiene bytes nulos, como un archivo binario). Exporte el acta desde Word como "Texto sin formato" (UTF-8) o impórtela como .docx.',
    en: () =>
      'The .txt file is not text (it contains null bytes, like a binary file). Export the acta from Word as "Plain text" (UTF-8) or import it as .docx.',
  }),
  'ACTAS-E204': entry({
    severity: 'error',
    es: () =>
      'El texto no está codificado en UTF-8 (hay bytes inválidos en esta posición). Vuelva a exportarlo desde Word como "Texto sin formato" eligiendo la codificación Unicode (UTF-8).',
    en: () =>
      'The text is not UTF-8 encoded (there are invalid bytes at this position). Export it again from Word as "Plain text", choosing the Unicode (UTF-8) encoding.',
  }),
  'ACTAS-E205': entry({
    severity: 'error',
    es: () =>
      'El documento está vacío: no tiene texto. Revise que sea el acta correcta y vuelva a exportarla.',
    en: () => 'The document is empty: it has no text. Check that it is the right acta and export it again.',
  }),
  'ACTAS-E206': entry({
    severity: 'error',
    es: () =>
      'El documento no parece un acta: no tiene el encabezado de la plantilla ("Nombre de la mesa", "FECHA", …) ni sus secciones ("Programa", "Asistentes", "CONCLUSIONES", "Preparada por"). Importe solo actas escritas con la plantilla de la secretaría.',
    en: () =>
      'The document does not look like an acta: it has neither the template header ("Nombre de la mesa", "FECHA", …) nor its sections ("Programa", "Asistentes", "CONCLUSIONES", "Preparada por"). Only import actas written with the secretariat template.',
  }),
  'ACTAS-E207': entry<{ text: string }>({
    severity: 'error',
    es: (p) =>
      `El acta parece incompleta: termina en esta línea ("${p.text}") sin la sección "CONCLUSIONES", el "Resumen de compromisos" ni el pie ("Preparada por"). Exporte el documento completo y vuelva a importarlo.`,
    en: (p) =>
      `The acta looks truncated: it ends at this line ("${p.text}") without the "CONCLUSIONES" section, the "Resumen de compromisos" or the footer ("Preparada por"). Export the whole document and import it again.`,
  }),

  // What the record cannot do without
  'ACTAS-E208': entry({
    severity: 'error',
    es: () =>
      'No se encontró el nombre de la mesa (la celda "Nombre de la mesa" del encabezado, p. ej. "Mesa N°3: Modernización del Estado (segunda sesión)"). Sin él no se sabe de qué mesa ni de qué sesión es el acta: complételo en el documento.',
    en: () =>
      'The working-group line was not found (the "Nombre de la mesa" cell of the header, e.g. "Mesa N°3: Modernización del Estado (segunda sesión)"). Without it the acta has no working group or session: fill it in the document.',
  }),
  'ACTAS-E209': entry<{ text: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo leer el número y el nombre de la mesa en "${p.text}". Escríbalo como "Mesa N°3: Modernización del Estado (segunda sesión)".`,
    en: (p) =>
      `Could not read the working-group number and name in "${p.text}". Write it as "Mesa N°3: Modernización del Estado (segunda sesión)".`,
  }),
  'ACTAS-E210': entry<{ text: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo leer el número de sesión en "${p.text}". Indíquelo con un ordinal: "(segunda sesión)", "1ª sesión" o "sesión 3".`,
    en: (p) =>
      `Could not read the session number in "${p.text}". Give it as an ordinal: "(segunda sesión)", "1ª sesión" or "sesión 3".`,
  }),
  'ACTAS-E211': entry<{ written: string | null }>({
    severity: 'error',
    es: (p) =>
      `${p.written === null ? 'El encabezado no tiene la fecha de la sesión (la celda "FECHA")' : `No se pudo leer la fecha de la sesión "${p.written}"`}; el registro la necesita para su nombre (AAAA-MM-DD-mesa-N-sesion-K). Escriba la fecha en la celda "FECHA" como 30.06.2016, 30/06/2016 o 30 de junio de 2016.`,
    en: (p) =>
      `${p.written === null ? 'The header has no session date (the "FECHA" cell)' : `Could not read the session date "${p.written}"`}; the record needs it for its name (YYYY-MM-DD-mesa-N-sesion-K). Write the date in the "FECHA" cell as 30.06.2016, 30/06/2016 or 30 de junio de 2016.`,
  }),

  // Word documents
  'ACTAS-E212': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `El archivo .docx no es un documento de Word válido (${p.detail}). Ábralo en Word y vuelva a guardarlo como "Documento de Word (.docx)".`,
    en: (p) =>
      `The .docx file is not a valid Word document (${p.detail}). Open it in Word and save it again as "Word Document (.docx)".`,
  }),
  'ACTAS-E213': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `El archivo .docx es un .zip pero no un documento de Word: ${p.detail}. Guarde el acta desde Word como "Documento de Word (.docx)".`,
    en: (p) =>
      `The .docx file is a .zip but not a Word document: ${p.detail}. Save the acta from Word as "Word Document (.docx)".`,
  }),
  'ACTAS-E214': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `El contenido del .docx (word/document.xml) está dañado: ${p.detail}. Ábralo en Word, deje que lo repare y guárdelo de nuevo.`,
    en: (p) =>
      `The .docx content (word/document.xml) is damaged: ${p.detail}. Open it in Word, let it repair the file and save it again.`,
  }),

  // Writing the record
  'ACTAS-E215': entry<{ record: string; pointer: string; detail: string; detail_en: string }>({
    severity: 'error',
    es: (p) =>
      `El registro "${p.record}" que resulta de este documento no es válido y no se escribió: en ${p.pointer}, ${p.detail} Corrija ese dato en el acta y vuelva a importarla.`,
    en: (p) =>
      `The record "${p.record}" this document gives is not valid and was not written: at ${p.pointer}, ${p.detail_en} Fix that value in the acta and import it again.`,
  }),
  'ACTAS-E216': entry<{ record: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.record}" ya existe y fue editado a mano (o no lo escribió el importador): no se sobrescribe. Si quiere reemplazarlo por lo que dice el documento, vuelva a importar con --force; si no, corrija el registro directamente.`,
    en: (p) =>
      `"${p.record}" already exists and was edited by hand (or not written by the importer): it is not overwritten. To replace it with what the document says, import again with --force; otherwise fix the record directly.`,
  }),
  'ACTAS-E217': entry<{ id: string; other: string }>({
    severity: 'error',
    es: (p) =>
      `Este documento da el registro "${p.id}", que ya dio "${p.other}" en esta misma importación. Deje un solo documento por sesión (o corrija la fecha, la mesa o la sesión del que esté mal).`,
    en: (p) =>
      `This document gives the record "${p.id}", which "${p.other}" already gave in this same import. Keep one document per session (or fix the date, working group or session of the wrong one).`,
  }),

  // What could not be read: null plus a warning
  'ACTAS-W201': entry<{ label: string }>({
    severity: 'warning',
    es: (p) =>
      `No se encontró el dato "${p.label}" en el acta: quedó vacío (null). Si el acta lo indica en otra parte, complételo en el registro.`,
    en: (p) =>
      `The acta has no "${p.label}": it was left empty (null). If the acta gives it elsewhere, fill it in the record.`,
  }),
  'ACTAS-W202': entry<{ field: string; text: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo leer la fecha "${p.text}" (${p.field}): quedó vacía (null). Use 30.06.2016, 30/06/2016 o 30 de junio de 2016, o complétela en el registro.`,
    en: (p) =>
      `Could not read the date "${p.text}" (${p.field}): it was left empty (null). Use 30.06.2016, 30/06/2016 or 30 de junio de 2016, or fill it in the record.`,
  }),
  'ACTAS-W203': entry<{ field: string; text: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo leer la hora "${p.text}" (${p.field}): quedó vacía (null). Use HH:MM, p. ej. 9:30 o 15:00 hrs., o complétela en el registro.`,
    en: (p) =>
      `Could not read the time "${p.text}" (${p.field}): it was left empty (null). Use HH:MM, e.g. 9:30 or 15:00 hrs., or fill it in the record.`,
  }),
  'ACTAS-W204': entry<{ section: ActaPart; text: string }>({
    severity: 'warning',
    es: (p) =>
      `Línea no reconocida en ${partNames[p.section][0]}, no se importó: "${p.text}". Si es un dato, páselo al registro a mano o corrija el formato en el acta.`,
    en: (p) =>
      `Unrecognised line in ${partNames[p.section][1]}, not imported: "${p.text}". If it is data, copy it into the record by hand or fix its format in the acta.`,
  }),
  'ACTAS-W205': entry<{ table: ActaTable; missing: ActaCell; text: string }>({
    severity: 'warning',
    es: (p) =>
      `Fila de ${tableNames[p.table][0]} sin ${cellNames[p.missing][0]}, no se importó: "${p.text}". Complete la celda en el acta o agregue la fila al registro a mano.`,
    en: (p) =>
      `Row of ${tableNames[p.table][1]} without a ${cellNames[p.missing][1]}, not imported: "${p.text}". Fill the cell in the acta or add the row to the record by hand.`,
  }),
  'ACTAS-W206': entry<{ text: string }>({
    severity: 'warning',
    es: (p) =>
      `No se sabe si este asistente es de gobierno o de sociedad civil (falta la fila "Convocados gobierno" o "Convocados sociedad civil" antes de su tabla), no se importó: "${p.text}". Agregue esa fila en el acta.`,
    en: (p) =>
      `It is not known whether this attendee is government or civil society (the "Convocados gobierno" or "Convocados sociedad civil" row is missing before the table), not imported: "${p.text}". Add that row in the acta.`,
  }),
  'ACTAS-W207': entry<{ text: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo leer el horario del punto del programa "${p.text}": sus horas quedaron vacías (null). Escríbalo como "15:00 – 15:10" o "9:30 a 10:00".`,
    en: (p) =>
      `Could not read the time range of the agenda item "${p.text}": its times were left empty (null). Write it as "15:00 – 15:10" or "9:30 a 10:00".`,
  }),
  'ACTAS-W208': entry<{ text: string }>({
    severity: 'warning',
    es: (p) =>
      `El punto del programa "${p.text}" no tiene título en la línea siguiente, no se importó. Escriba el título debajo del horario.`,
    en: (p) =>
      `The agenda item "${p.text}" has no title on the next line, not imported. Write the title below the time range.`,
  }),
  'ACTAS-W209': entry<{ text: string; number: number }>({
    severity: 'warning',
    es: (p) =>
      `El compromiso "${p.text}" no tiene número ("- 1) …"): se numeró ${p.number} por su posición. Revise el número en el registro.`,
    en: (p) =>
      `The commitment "${p.text}" has no number ("- 1) …"): it was numbered ${p.number} by its position. Check the number in the record.`,
  }),
  'ACTAS-W210': entry<{ text: string }>({
    severity: 'warning',
    es: (p) =>
      `El pie del acta ("${p.text}") no tiene la fila de valores debajo de los títulos: quien la preparó, su fecha, la próxima reunión y la distribución quedaron vacíos (null).`,
    en: (p) =>
      `The acta footer ("${p.text}") has no row of values below its titles: prepared by, prepared on, next meeting and distribution were left empty (null).`,
  }),
  'ACTAS-W211': entry({
    severity: 'warning',
    es: () =>
      'No se encontraron asistentes (las tablas "Convocados gobierno" y "Convocados sociedad civil" con "Apellido, Nombre, Institución"). Revise el acta: toda sesión tiene asistentes.',
    en: () =>
      'No attendees were found (the "Convocados gobierno" and "Convocados sociedad civil" tables with "Apellido, Nombre, Institución"). Check the acta: every session has attendees.',
  }),
  'ACTAS-W212': entry<{ table: ActaTable; column: string }>({
    severity: 'warning',
    es: (p) =>
      `La columna "${p.column}" de la tabla de ${tableNames[p.table][0]} no es parte del modelo de datos y no se importó.`,
    en: (p) =>
      `The column "${p.column}" of the ${tableNames[p.table][1]} table is not part of the data model and was not imported.`,
  }),
  'ACTAS-W213': entry<{ name: string }>({
    severity: 'warning',
    es: (p) =>
      `"${p.name}" no es .txt ni .docx y se dejó sin importar. Si es un acta en .doc, .odt o .pdf, guárdela como .docx.`,
    en: (p) =>
      `"${p.name}" is neither .txt nor .docx and was left unimported. If it is an acta in .doc, .odt or .pdf, save it as .docx.`,
  }),
  'ACTAS-W214': entry<{ path: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo leer "${p.path}" (la lista de registros que escribió el importador): se tratan como editados a mano y no se sobrescriben sin --force.`,
    en: (p) =>
      `Could not read "${p.path}" (the list of records the importer wrote): they are treated as edited by hand and not overwritten without --force.`,
  }),
  'ACTAS-W215': entry<{ table: ActaTable; text: string }>({
    severity: 'warning',
    es: (p) =>
      `La tabla de ${tableNames[p.table][0]} no tiene fila de títulos antes de esta fila ("${p.text}"): se leyeron las columnas en el orden de la plantilla. Revise el registro.`,
    en: (p) =>
      `The ${tableNames[p.table][1]} table has no title row before this row ("${p.text}"): its columns were read in the template order. Check the record.`,
  }),
};
