/**
 * One benchmark measurement in its own process, so that its peak RSS is its own. Prints one JSON
 * line: the timings of the task's steps in milliseconds and the process's peak RSS in MB.
 *
 *   tsx scripts/bench/measure.ts <task> <project dir>
 *
 * Tasks: core (validate, then CSV, JSON and datapackage.json), formats (every output format timed apart), build (actas build: the whole
 * tree, cache and all), publish-git (actas run to the git target), publish-github (to the GitHub
 * stand-in: time and API calls).
 */
import { resolve } from 'node:path';
import { buildTree } from '../../pipeline/build/build-tree.ts';
import { tableCsv } from '../../pipeline/build/formats/csv.ts';
import { tableJson } from '../../pipeline/build/formats/json.ts';
import { buildSqlite } from '../../pipeline/build/formats/sqlite.ts';
import { buildWorkbook } from '../../pipeline/build/formats/xlsx.ts';
import { datapackage } from '../../pipeline/build/metadata/datapackage.ts';
import { datasetInfo } from '../../pipeline/build/metadata/dataset-info.ts';
import { buildTables } from '../../pipeline/build/tables/build-tables.ts';
import { mergeConfig } from '../../pipeline/config/config.ts';
import { nodeEffects, silentLogger } from '../../pipeline/effects.ts';
import { run } from '../../pipeline/run.ts';
import { renderSite } from '../../pipeline/site/index.ts';
import { runValidate } from '../../pipeline/validate/index.ts';
import { startGitHubStandIn } from '../../tests/support/github-standin.ts';

const [task, dirArg] = process.argv.slice(2);
const dir = resolve(dirArg ?? '.');
const effects = nodeEffects({ cwd: dir, log: silentLogger });
const created = new Date('2026-11-24T12:00:00Z');
const timings: Record<string, number> = {};

async function timed<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings[name] = Math.round(performance.now() - started);
  return result;
}

async function validated(config = mergeConfig({})) {
  const result = await timed('validate', () => runValidate(config, effects));
  if (result.problems.some((p) => p.severity === 'error'))
    throw new Error(`${result.problems.length} problems`);
  return result;
}

/** Validate and write the tables to CSV, JSON and datapackage.json: the core target, alone in its process. */
async function core(): Promise<void> {
  const config = mergeConfig({});
  const { records, organizations } = await validated(config);
  const list = records.map((r) => r.record);
  const { tables } = await timed('tables', () =>
    buildTables(list, { organizations, attendeeNames: 'publish' }),
  );
  const files = new Map<string, Uint8Array>();
  await timed('csv', () => {
    for (const t of tables) files.set(`data/${t.resource.name}.csv`, tableCsv(t));
  });
  await timed('json', () => {
    for (const t of tables) files.set(`data/${t.resource.name}.json`, tableJson(t));
  });
  await timed('datapackage', () =>
    datapackage({ info: datasetInfo(config, '1.0.0', created), tables, records: list, files }),
  );
  timings.core =
    (timings.validate ?? 0) +
    (timings.tables ?? 0) +
    (timings.csv ?? 0) +
    (timings.json ?? 0) +
    (timings.datapackage ?? 0);
}

async function formats(): Promise<void> {
  const config = mergeConfig({});
  const { records, organizations } = await validated(config);
  const list = records.map((r) => r.record);
  const { tables } = await timed('tables', () =>
    buildTables(list, { organizations, attendeeNames: 'publish' }),
  );
  const files = new Map<string, Uint8Array>();
  await timed('csv', () => {
    for (const t of tables) files.set(`data/${t.resource.name}.csv`, tableCsv(t));
  });
  await timed('json', () => {
    for (const t of tables) files.set(`data/${t.resource.name}.json`, tableJson(t));
  });
  const info = datasetInfo(config, '1.0.0', created);
  await timed('datapackage', () => datapackage({ info, tables, records: list, files }));
  timings.core =
    (timings.validate ?? 0) +
    (timings.tables ?? 0) +
    (timings.csv ?? 0) +
    (timings.json ?? 0) +
    (timings.datapackage ?? 0);
  await timed('xlsx', () => buildWorkbook({ info, tables }));
  await timed('sqlite', () => buildSqlite(tables));
  const tree = await buildTree({ records: list, organizations, config, version: '1.0.0', created });
  await timed('site', () => renderSite({ files: tree, config }));
}

async function build(): Promise<void> {
  const result = await timed('build', () =>
    run({ config: mergeConfig({}), until: 'build', command: 'bench' }, effects),
  );
  if (result.outcome !== 'built' && result.outcome !== 'unchanged') throw new Error(result.outcome);
}

async function publishGit(): Promise<void> {
  const result = await timed('publish', () =>
    run({ config: mergeConfig({}), until: 'publish', command: 'bench' }, effects),
  );
  if (result.outcome !== 'published') throw new Error(result.outcome);
}

/** `actas run` again with nothing changed: what every scheduled run costs on most days. */
async function rerun(): Promise<void> {
  const result = await timed('rerun', () =>
    run({ config: mergeConfig({}), until: 'publish', command: 'bench' }, effects),
  );
  if (result.outcome !== 'unchanged') throw new Error(result.outcome);
}

async function publishGithub(): Promise<void> {
  const standIn = await startGitHubStandIn();
  try {
    const config = mergeConfig({
      target: { kind: 'github', repository: `${standIn.owner}/${standIn.repo}`, api_url: standIn.apiUrl },
    });
    const githubEffects = nodeEffects({
      cwd: dir,
      log: silentLogger,
      env: { ACTAS_GITHUB_TOKEN: standIn.token },
    });
    // The first publication initialises the empty repository; a second version is what a run costs.
    const first = await run({ config, until: 'publish', command: 'bench' }, githubEffects);
    if (first.outcome !== 'published') throw new Error(first.problems.map((p) => p.message).join('; '));
    const before = standIn.requests.length;
    const { writeFile, readFile } = await import('node:fs/promises');
    const { readdir } = await import('node:fs/promises');
    const [name] = (await readdir(resolve(dir, 'data/sessions'))).sort();
    const file = resolve(dir, 'data/sessions', name as string);
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'distributed_to: Asistentes',
        'distributed_to: Asistentes y secretaría',
      ),
    );
    const second = await timed('publish', () =>
      run({ config, until: 'publish', command: 'bench' }, githubEffects),
    );
    if (second.outcome !== 'published') throw new Error(second.problems.map((p) => p.message).join('; '));
    const calls = standIn.requests.slice(before);
    timings.writes = calls.filter((r) => r.method !== 'GET').length;
    timings.blobs = calls.filter((r) => r.method === 'POST' && r.path.endsWith('/git/blobs')).length;
    timings.reads = calls.filter((r) => r.method === 'GET').length;
  } finally {
    await standIn.close();
  }
}

const tasks: Record<string, () => Promise<void>> = {
  core,
  formats,
  build,
  'publish-git': publishGit,
  rerun,
  'publish-github': publishGithub,
};
const work = task ? tasks[task] : undefined;
if (!work) {
  console.error(`tarea desconocida: ${task}; use ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}
await work();
console.log(JSON.stringify({ ...timings, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
