import { entry } from './define.ts';

/** ACTAS-E4xx / ACTAS-W4xx: versions, changelog and publishing to a target. */
export const publish = {
  'ACTAS-E400': entry<{ target: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo publicar en ${p.target}: ${p.detail}. No se publicó nada a medias: el destino conserva la versión anterior. Corrija el problema y vuelva a ejecutar.`,
    en: (p) =>
      `Could not publish to ${p.target}: ${p.detail}. Nothing was half-published: the target keeps the previous version. Fix the problem and run again.`,
  }),
  'ACTAS-E401': entry<{ target: string; detail: string }>({
    severity: 'error',
    es: (p) =>
      `No se pudo leer la versión publicada en ${p.target}: ${p.detail}. Revise la configuración del destino (target) y el acceso.`,
    en: (p) =>
      `Could not read the published version at ${p.target}: ${p.detail}. Check the target configuration and access.`,
  }),
  'ACTAS-E402': entry<{ path: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.path}" existe pero no es un repositorio git creado por Actas Abiertas. Elija otra carpeta en target.path o vacíela.`,
    en: (p) =>
      `"${p.path}" exists but is not a git repository made by Actas Abiertas. Choose another target.path or empty it.`,
  }),
  'ACTAS-E403': entry<{ holder: string; lock: string }>({
    severity: 'error',
    es: (p) =>
      `Otra ejecución de Actas Abiertas está en curso (${p.holder}). Espere a que termine y vuelva a intentar; si ese proceso ya no existe, el candado "${p.lock}" se recupera solo en la próxima ejecución.`,
    en: (p) =>
      `Another Actas Abiertas run is in progress (${p.holder}). Wait for it to finish and try again; if that process no longer exists, the lock "${p.lock}" is recovered on the next run.`,
  }),
  'ACTAS-E404': entry<{ version: string }>({
    severity: 'error',
    es: (p) =>
      `La versión publicada "${p.version}" no es una versión semántica (X.Y.Z). Corrija datapackage.json en el destino.`,
    en: (p) =>
      `The published version "${p.version}" is not a semantic version (X.Y.Z). Fix datapackage.json in the target.`,
  }),
  'ACTAS-E405': entry<{ variable: string }>({
    severity: 'error',
    es: (p) =>
      `Falta el token de GitHub: defina la variable de entorno ${p.variable} (o GITHUB_TOKEN). El token nunca va en actas.config.yaml.`,
    en: (p) =>
      `The GitHub token is missing: set the environment variable ${p.variable} (or GITHUB_TOKEN). The token never goes in actas.config.yaml.`,
  }),
  'ACTAS-E406': entry({
    severity: 'error',
    es: () =>
      'El destino "github" necesita target.repository (owner/nombre) en actas.config.yaml o la opción --repository.',
    en: () =>
      'The "github" target needs target.repository (owner/name) in actas.config.yaml or the --repository option.',
  }),
  'ACTAS-E407': entry<{ path: string }>({
    severity: 'error',
    es: (p) =>
      `"${p.path}" no contiene un árbol construido (falta datapackage.json). Ejecute "actas build" primero.`,
    en: (p) =>
      `"${p.path}" does not hold a built tree (datapackage.json is missing). Run "actas build" first.`,
  }),
  'ACTAS-E408': entry<{ built: string; current: string }>({
    severity: 'error',
    es: (p) =>
      `El árbol construido se planificó sobre la versión ${p.built}, pero el destino ya tiene la ${p.current}. Vuelva a ejecutar "actas build" y luego publique.`,
    en: (p) =>
      `The built tree was planned on version ${p.built}, but the target already has ${p.current}. Run "actas build" again, then publish.`,
  }),
  'ACTAS-E409': entry<{ what: string }>({
    severity: 'error',
    es: (p) =>
      `No se encontró ${p.what} para comparar. Indique dos carpetas con datapackage.json o dos versiones publicadas (p. ej. v1.0.0).`,
    en: (p) =>
      `Could not find ${p.what} to compare. Give two folders with datapackage.json or two published versions (e.g. v1.0.0).`,
  }),
  'ACTAS-E410': entry<{ target: string; expected: string; found: string }>({
    severity: 'error',
    es: (p) =>
      `La versión publicada en ${p.target} cambió mientras se preparaba esta: se esperaba ${p.expected} y hay ${p.found}. No se publicó nada; vuelva a ejecutar para calcular la versión siguiente.`,
    en: (p) =>
      `The version published at ${p.target} changed while this one was being prepared: expected ${p.expected}, found ${p.found}. Nothing was published; run again to compute the next version.`,
  }),
};
