import { entry } from './define.ts';

/** ACTAS-E1xx / ACTAS-W1xx: reading and validating canonical records and the organisation registry. */
export const validate = {
  // Reading a file
  'ACTAS-E100': entry<{ dir: string }>({
    severity: 'error',
    es: (p) =>
      `La carpeta "${p.dir}" no tiene registros de sesión (.yaml, .yml o .json). Importe un acta con "actas import" o agregue un registro.`,
    en: (p) =>
      `The folder "${p.dir}" has no session records (.yaml, .yml or .json). Import an acta with "actas import" or add a record.`,
  }),
  'ACTAS-E101': entry<{ bytes: number; limit: number }>({
    severity: 'error',
    es: (p) =>
      `El archivo pesa ${p.bytes} bytes y el máximo para un registro es ${p.limit}. Un acta no debería ser tan grande: revise que sea el archivo correcto.`,
    en: (p) =>
      `The file is ${p.bytes} bytes and the limit for a record is ${p.limit}. No acta should be this large: check that it is the right file.`,
  }),
  'ACTAS-E102': entry({
    severity: 'error',
    es: () =>
      'El archivo no está codificado en UTF-8 (hay bytes inválidos en esta posición). Guárdelo como "UTF-8" en su editor.',
    en: () =>
      'The file is not UTF-8 encoded (there are invalid bytes at this position). Save it as "UTF-8" in your editor.',
  }),
  'ACTAS-E103': entry<{ detail: string }>({
    severity: 'error',
    es: (p) =>
      `Error de sintaxis (YAML o JSON): ${p.detail}. Revise sangría, dos puntos y comillas en esta línea.`,
    en: (p) => `Syntax error (YAML or JSON): ${p.detail}. Check indentation, colons and quotes on this line.`,
  }),
  'ACTAS-E104': entry<{ key: string }>({
    severity: 'error',
    es: (p) => `La clave "${p.key}" está repetida en el mismo objeto. Deje una sola.`,
    en: (p) => `The key "${p.key}" is repeated in the same object. Keep only one.`,
  }),
  'ACTAS-E105': entry({
    severity: 'error',
    es: () =>
      'El archivo usa demasiados alias YAML (*ancla) y podría agotar la memoria. Escriba los valores directamente, sin alias.',
    en: () =>
      'The file uses too many YAML aliases (*anchor) and could exhaust memory. Write values out without aliases.',
  }),
  'ACTAS-E106': entry({
    severity: 'error',
    es: () => 'El archivo está vacío. Complete el registro o bórrelo.',
    en: () => 'The file is empty. Complete the record or delete it.',
  }),
  'ACTAS-E107': entry<{ name: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.name}" no es un registro (.yaml, .yml o .json). Si es un documento de acta, póngalo en data/inbox/ e impórtelo con "actas import".`,
    en: (p) =>
      `"${p.name}" is not a record (.yaml, .yml or .json). If it is an acta document, put it in data/inbox/ and import it with "actas import".`,
  }),
  'ACTAS-E108': entry<{ found: string }>({
    severity: 'error',
    es: (p) => `Un registro debe ser un objeto (clave: valor), pero el archivo contiene ${p.found}.`,
    en: (p) => `A record must be an object (key: value), but the file contains ${p.found}.`,
  }),
  'ACTAS-E109': entry({
    severity: 'error',
    es: () => 'El archivo contiene varios documentos YAML (separados por "---"). Use un archivo por sesión.',
    en: () => 'The file contains several YAML documents (separated by "---"). Use one file per session.',
  }),

  // What the JSON Schema says
  'ACTAS-E110': entry<{ property: string }>({
    severity: 'error',
    es: (p) =>
      `Falta el campo obligatorio "${p.property}". Agréguelo (use null si el dato no consta en el acta).`,
    en: (p) => `The required field "${p.property}" is missing. Add it (use null if the acta does not say).`,
  }),
  'ACTAS-E111': entry<{ property: string }>({
    severity: 'error',
    es: (p) =>
      `El campo "${p.property}" no existe en el modelo de datos. Revise si está mal escrito o bórrelo.`,
    en: (p) => `The field "${p.property}" is not part of the data model. Check its spelling or remove it.`,
  }),
  'ACTAS-E112': entry<{ expected: string; found: string }>({
    severity: 'error',
    es: (p) => `Tipo incorrecto: se esperaba ${p.expected} y se encontró ${p.found}.`,
    en: (p) => `Wrong type: expected ${p.expected}, found ${p.found}.`,
  }),
  'ACTAS-E113': entry<{ value: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.value}" no es una fecha válida. Use el formato AAAA-MM-DD con una fecha que exista (p. ej. 2016-06-30).`,
    en: (p) => `"${p.value}" is not a valid date. Use YYYY-MM-DD with a date that exists (e.g. 2016-06-30).`,
  }),
  'ACTAS-E114': entry<{ value: string }>({
    severity: 'error',
    es: (p) => `"${p.value}" no es una hora válida. Use HH:MM de 00:00 a 23:59 (p. ej. 09:30).`,
    en: (p) => `"${p.value}" is not a valid time. Use HH:MM from 00:00 to 23:59 (e.g. 09:30).`,
  }),
  'ACTAS-E115': entry<{ value: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.value}" no es un identificador válido. Use AAAA-MM-DD-mesa-N-sesion-K (p. ej. 2016-06-30-mesa-3-sesion-2).`,
    en: (p) =>
      `"${p.value}" is not a valid id. Use YYYY-MM-DD-mesa-N-sesion-K (e.g. 2016-06-30-mesa-3-sesion-2).`,
  }),
  'ACTAS-E116': entry<{ value: string; allowed: string }>({
    severity: 'error',
    es: (p) => `"${p.value}" no es un valor permitido. Use uno de: ${p.allowed}.`,
    en: (p) => `"${p.value}" is not an allowed value. Use one of: ${p.allowed}.`,
  }),
  'ACTAS-E117': entry<{ limit: number }>({
    severity: 'error',
    es: (p) => `El número debe ser mayor o igual a ${p.limit}.`,
    en: (p) => `The number must be at least ${p.limit}.`,
  }),
  'ACTAS-E118': entry({
    severity: 'error',
    es: () => 'El texto está vacío. Escriba el dato, o use null si el campo lo permite.',
    en: () => 'The text is empty. Write the value, or use null if the field allows it.',
  }),
  'ACTAS-E119': entry<{ detail: string }>({
    severity: 'error',
    es: (p) => `El valor no cumple el esquema: ${p.detail}.`,
    en: (p) => `The value does not match the schema: ${p.detail}.`,
  }),

  // Rules no schema can say
  'ACTAS-E120': entry<{ id: string; expected: string }>({
    severity: 'error',
    es: (p) =>
      `El id "${p.id}" no coincide con el nombre del archivo. Renombre el archivo a "${p.expected}" o corrija el id.`,
    en: (p) =>
      `The id "${p.id}" does not match the file name. Rename the file to "${p.expected}" or fix the id.`,
  }),
  'ACTAS-E121': entry<{ id: string; expected: string }>({
    severity: 'error',
    es: (p) =>
      `El id "${p.id}" no concuerda con la fecha, el número de mesa y el número de sesión del registro, que dan "${p.expected}". Corrija el que esté equivocado.`,
    en: (p) =>
      `The id "${p.id}" disagrees with the record's date, working-group number and session number, which give "${p.expected}". Fix whichever is wrong.`,
  }),
  'ACTAS-E122': entry<{ id: string; other: string }>({
    severity: 'error',
    es: (p) => `El id "${p.id}" ya está usado en "${p.other}". Cada sesión debe tener un id único.`,
    en: (p) => `The id "${p.id}" is already used in "${p.other}". Each session needs a unique id.`,
  }),
  'ACTAS-E123': entry<{ field: string; expected: number; found: number }>({
    severity: 'error',
    es: (p) =>
      `Numeración de "${p.field}": se esperaba ${p.expected} y se encontró ${p.found}. Los números deben ser únicos y consecutivos desde 1.`,
    en: (p) =>
      `Numbering of "${p.field}": expected ${p.expected}, found ${p.found}. Numbers must be unique and consecutive from 1.`,
  }),
  'ACTAS-E124': entry<{ start: string; end: string }>({
    severity: 'error',
    es: (p) => `La hora de término ${p.end} no es posterior a la de inicio ${p.start}. Revise ambas horas.`,
    en: (p) => `The end time ${p.end} is not after the start time ${p.start}. Check both times.`,
  }),
  'ACTAS-E125': entry<{ time: string; previous: string }>({
    severity: 'error',
    es: (p) =>
      `El punto del programa empieza a las ${p.time}, antes que el punto anterior (${p.previous}). Ordene el programa por hora.`,
    en: (p) =>
      `The agenda item starts at ${p.time}, before the previous item (${p.previous}). Order the agenda by time.`,
  }),
  'ACTAS-E126': entry<{ time: string; start: string; end: string }>({
    severity: 'error',
    es: (p) =>
      `La hora ${p.time} del programa está fuera del horario de la sesión (${p.start}–${p.end}). Revise el programa o el horario.`,
    en: (p) =>
      `The agenda time ${p.time} is outside the session's hours (${p.start}–${p.end}). Check the agenda or the hours.`,
  }),
  'ACTAS-E127': entry<{ earlier: string; earlierDate: string; later: string; laterDate: string }>({
    severity: 'error',
    es: (p) =>
      `Fechas en orden imposible: "${p.earlier}" (${p.earlierDate}) debe ser anterior o igual a "${p.later}" (${p.laterDate}). Debe cumplirse convened_on ≤ date ≤ prepared_on.`,
    en: (p) =>
      `Dates in an impossible order: "${p.earlier}" (${p.earlierDate}) must be on or before "${p.later}" (${p.laterDate}). convened_on ≤ date ≤ prepared_on must hold.`,
  }),
  'ACTAS-E128': entry<{ kind: string }>({
    severity: 'error',
    es: (p) =>
      `Este campo contiene ${p.kind}. Los datos de contacto nunca se publican: bórrelo del registro.`,
    en: (p) => `This field contains ${p.kind}. Contact data is never published: remove it from the record.`,
  }),
  'ACTAS-E129': entry<{ value: string }>({
    severity: 'error',
    es: (p) => `"${p.value}" es un marcador de dato faltante. Use null (sin comillas) en su lugar.`,
    en: (p) => `"${p.value}" is a missing-value placeholder. Use null (unquoted) instead.`,
  }),
  'ACTAS-E130': entry<{ fix: string }>({
    severity: 'error',
    es: (p) => `El texto no está normalizado: ${p.fix}.`,
    en: (p) => `The text is not normalised: ${p.fix}.`,
  }),

  // The organisation registry
  'ACTAS-E140': entry<{ detail: string }>({
    severity: 'error',
    es: (p) => `El registro de organizaciones no es válido: ${p.detail}.`,
    en: (p) => `The organisation registry is invalid: ${p.detail}.`,
  }),
  'ACTAS-E141': entry<{ name: string; first: string; second: string }>({
    severity: 'error',
    es: (p) =>
      `El nombre "${p.name}" corresponde a dos organizaciones ("${p.first}" y "${p.second}"). Cada nombre o alias debe identificar una sola.`,
    en: (p) =>
      `The name "${p.name}" matches two organisations ("${p.first}" and "${p.second}"). Each name or alias must identify one.`,
  }),
  'ACTAS-W150': entry<{ name: string }>({
    severity: 'warning',
    es: (p) =>
      `La organización "${p.name}" no está en data/organizations.yaml. Agréguela (o agregue este nombre como alias) para que se enlace; mientras tanto su identificador queda vacío.`,
    en: (p) =>
      `The organisation "${p.name}" is not in data/organizations.yaml. Add it (or add this name as an alias) so it links; until then its id is empty.`,
  }),
};
