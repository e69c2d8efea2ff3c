import { entry } from './define.ts';

/**
 * ACTAS-E5xx / ACTAS-W5xx: the scheduler (`actas schedule`, `actas status`) and the remote sources
 * it downloads acta documents from. A source that fails is a warning, never an error: the local
 * inbox is still imported and published, nothing is removed from it, and the source is tried again
 * on the next run.
 */
export const schedule = {
  // The scheduler
  'ACTAS-E500': entry<{ expression: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `La expresión cron "${p.expression}" no es válida (${p.detail}). Use cinco campos (minuto hora día mes día-de-semana), p. ej. "0 7 * * *" para todos los días a las 07:00, o seis con los segundos al comienzo.`,
    en: (p) =>
      `The cron expression "${p.expression}" is invalid (${p.detail}). Use five fields (minute hour day month weekday), e.g. "0 7 * * *" for every day at 07:00, or six with seconds first.`,
  }),
  'ACTAS-E501': entry<{ timezone: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.timezone}" no es una zona horaria conocida. Use un nombre IANA como "America/Santiago" o "UTC".`,
    en: (p) =>
      `"${p.timezone}" is not a known time zone. Use an IANA name such as "America/Santiago" or "UTC".`,
  }),
  'ACTAS-E502': entry<{ attempts: number }>({
    severity: 'error',
    es: (p) =>
      `La publicación falló ${p.attempts} veces seguidas por un problema del destino o de la red (vea los errores anteriores). No se publicó nada a medias; se vuelve a intentar en la próxima ejecución programada.`,
    en: (p) =>
      `Publishing failed ${p.attempts} times in a row because of a target or network problem (see the errors above). Nothing was half-published; it is tried again at the next scheduled run.`,
  }),
  'ACTAS-E503': entry<{ path: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `El archivo de estado "${p.path}" no se puede leer (${p.detail}). Bórrelo: el programador lo vuelve a escribir en su próxima ejecución.`,
    en: (p) =>
      `The status file "${p.path}" cannot be read (${p.detail}). Delete it: the scheduler writes it again on its next run.`,
  }),

  // HTTP sources
  'ACTAS-W510': entry<{ url: string; detail: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo conectar con la fuente ${p.url} (${p.detail}). No se descargó nada y la bandeja quedó como estaba; se reintenta en la próxima ejecución.`,
    en: (p) =>
      `Could not connect to the source ${p.url} (${p.detail}). Nothing was downloaded and the inbox was left as it was; it is retried on the next run.`,
  }),
  'ACTAS-W511': entry<{ url: string; status: number }>({
    severity: 'warning',
    es: (p) =>
      `La fuente ${p.url} respondió HTTP ${p.status}. ${p.status === 404 || p.status === 410 ? 'Revise la URL en "sources" de actas.config.yaml; el documento ya descargado se conserva en la bandeja.' : 'Es un problema del servidor; se reintenta en la próxima ejecución.'} No se descargó nada.`,
    en: (p) =>
      `The source ${p.url} answered HTTP ${p.status}. ${p.status === 404 || p.status === 410 ? 'Check the URL under "sources" in actas.config.yaml; a document downloaded before stays in the inbox.' : 'It is a server problem; it is retried on the next run.'} Nothing was downloaded.`,
  }),
  'ACTAS-W512': entry<{ url: string; seconds: number }>({
    severity: 'warning',
    es: (p) =>
      `La fuente ${p.url} no terminó de responder en ${p.seconds} s; se abandonó la descarga y no se guardó nada. Se reintenta en la próxima ejecución (o aumente timeout_seconds).`,
    en: (p) =>
      `The source ${p.url} did not finish answering within ${p.seconds} s; the download was abandoned and nothing was saved. It is retried on the next run (or raise timeout_seconds).`,
  }),
  'ACTAS-W513': entry<{ url: string; limit: number }>({
    severity: 'warning',
    es: (p) =>
      `El documento en ${p.url} supera el máximo de ${p.limit} bytes; se cortó la descarga y no se guardó nada. Ningún acta es tan grande: revise la URL (o aumente max_bytes).`,
    en: (p) =>
      `The document at ${p.url} is larger than ${p.limit} bytes; the download was cut and nothing was saved. No acta is that large: check the URL (or raise max_bytes).`,
  }),
  'ACTAS-W514': entry<{ url: string; location: string }>({
    severity: 'warning',
    es: (p) =>
      `La fuente ${p.url} redirige a "${p.location}", que no es http ni https; por seguridad no se sigue y no se guardó nada.`,
    en: (p) =>
      `The source ${p.url} redirects to "${p.location}", which is neither http nor https; for safety it is not followed and nothing was saved.`,
  }),
  'ACTAS-W515': entry<{ url: string; max: number }>({
    severity: 'warning',
    es: (p) =>
      `La fuente ${p.url} redirige más de ${p.max} veces (¿un ciclo?); no se guardó nada. Use la URL final del documento.`,
    en: (p) =>
      `The source ${p.url} redirects more than ${p.max} times (a loop?); nothing was saved. Use the document's final URL.`,
  }),
  'ACTAS-W516': entry<{ url: string }>({
    severity: 'warning',
    es: (p) =>
      `No se puede saber con qué nombre guardar el documento de ${p.url} (la URL no termina en .txt ni .docx). Indique "name" (p. ej. "acta-mesa-3.docx") en esa fuente de actas.config.yaml.`,
    en: (p) =>
      `Cannot tell what name to save the document from ${p.url} under (the URL does not end in .txt or .docx). Set "name" (e.g. "acta-mesa-3.docx") on that source in actas.config.yaml.`,
  }),

  // GitHub folder sources
  'ACTAS-W517': entry<{ source: string; detail: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo leer la carpeta ${p.source} en GitHub (${p.detail}). No se descargó nada y la bandeja quedó como estaba; se reintenta en la próxima ejecución. Si es un repositorio privado, revise el token (ACTAS_GITHUB_TOKEN).`,
    en: (p) =>
      `Could not read the folder ${p.source} on GitHub (${p.detail}). Nothing was downloaded and the inbox was left as it was; it is retried on the next run. For a private repository, check the token (ACTAS_GITHUB_TOKEN).`,
  }),
  'ACTAS-W518': entry<{ source: string }>({
    severity: 'warning',
    es: (p) =>
      `${p.source} no es una carpeta. Indique en "path" la carpeta que contiene las actas (.txt o .docx).`,
    en: (p) => `${p.source} is not a folder. Set "path" to the folder that holds the actas (.txt or .docx).`,
  }),
  'ACTAS-W519': entry<{ source: string; name: string; size: number; limit: number }>({
    severity: 'warning',
    es: (p) =>
      `"${p.name}" en ${p.source} pesa ${p.size} bytes, más que el máximo de ${p.limit}; no se descargó. Ningún acta es tan grande: revise que sea el archivo correcto.`,
    en: (p) =>
      `"${p.name}" in ${p.source} is ${p.size} bytes, more than the limit of ${p.limit}; it was not downloaded. No acta is that large: check that it is the right file.`,
  }),
  'ACTAS-W520': entry<{ source: string; name: string; detail: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo descargar "${p.name}" de ${p.source} (${p.detail}); se reintenta en la próxima ejecución.`,
    en: (p) =>
      `Could not download "${p.name}" from ${p.source} (${p.detail}); it is retried on the next run.`,
  }),

  // The inbox and the sources' memory
  'ACTAS-W521': entry<{ file: string; source: string }>({
    severity: 'warning',
    es: (p) =>
      `"${p.file}" ya existe en la bandeja y no vino de ${p.source} (o se editó después); no se sobrescribe. Si debe reemplazarse por la versión remota, bórrelo o muévalo y se descargará en la próxima ejecución.`,
    en: (p) =>
      `"${p.file}" already exists in the inbox and did not come from ${p.source} (or was edited since); it is not overwritten. If the remote version should replace it, delete or move it and it is downloaded on the next run.`,
  }),
  'ACTAS-W522': entry<{ file: string; detail: string }>({
    severity: 'warning',
    es: (p) =>
      `No se pudo guardar "${p.file}" en la bandeja (${p.detail}). Revise los permisos y el espacio en disco; se reintenta en la próxima ejecución.`,
    en: (p) =>
      `Could not save "${p.file}" in the inbox (${p.detail}). Check permissions and disk space; it is retried on the next run.`,
  }),
  'ACTAS-W523': entry<{ path: string }>({
    severity: 'warning',
    es: (p) =>
      `El registro de fuentes "${p.path}" no se puede leer; se empieza de nuevo (cada fuente se descarga una vez más completa, sin duplicar nada en la bandeja).`,
    en: (p) =>
      `The sources record "${p.path}" cannot be read; starting afresh (each source is downloaded in full once more, without duplicating anything in the inbox).`,
  }),
};
