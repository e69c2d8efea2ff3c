/**
 * `npm run bench`: speed and memory of the pipeline on synthetic corpora of realistic sessions
 * (about 20 attendees, 10 initiatives, 6 agenda items and 5 commitments each). Prints figures; it
 * asserts nothing. Each measurement runs in its own process (scripts/bench/measure.ts).
 *
 *   npm run bench                       100, 1,000 and 10,000 sessions
 *   npm run bench -- --sizes 100,1000   other sizes
 *   npm run bench -- --github           also publish through the GitHub stand-in (API calls, time;
 *                                       up to 1,000 sessions)
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, writeCorpus } from './bench/corpus.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    github: { type: 'boolean', default: false },
  },
});
const sizes = (values.sizes ?? '')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const measureScript = new URL('./bench/measure.ts', import.meta.url).pathname;
const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;

function measure(task: string, dir: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(tsx, [measureScript, task, dir], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${task}: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() as string));
    });
  });
}

const s = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const percent = (part: number | undefined, whole: number | undefined) =>
  part === undefined || !whole ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
const rate = (n: number, ms: number | undefined) => (ms ? `${Math.round((n * 1000) / ms)}/s` : '–');

for (const n of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `actas-bench-${n}-`));
  try {
    await writeCorpus(dir, generateCorpus(n));
    const c = await measure('core', dir);
    const f = await measure('formats', dir);
    const first = await measure('build', dir);
    const git = await measure('publish-git', dir);
    const rerun = await measure('rerun', dir);
    console.log(`\n## ${n.toLocaleString('es-CL')} sesiones`);
    console.log(`validar                     ${s(f.validate)}  (${rate(n, f.validate)})`);
    console.log(`tablas                      ${s(f.tables)}`);
    console.log(`CSV / JSON / datapackage    ${s(f.csv)} / ${s(f.json)} / ${s(f.datapackage)}`);
    console.log(`validar + CSV+JSON+datapkg  ${s(c.core)}  (${rate(n, c.core)}), RSS máx. ${c.rssMb} MB`);
    console.log(
      `XLSX / SQLite / sitio       ${s(f.xlsx)} / ${s(f.sqlite)} / ${s(f.site)}, RSS máx. (todo junto) ${f.rssMb} MB`,
    );
    console.log(`actas build (árbol entero)  ${s(first.build)}, RSS máx. ${first.rssMb} MB`);
    console.log(`actas run: publicar en git  ${s(git.publish)}, RSS máx. ${git.rssMb} MB`);
    console.log(
      `actas run otra vez, sin cambios  ${s(rerun.rerun)}  (${percent(rerun.rerun, first.build)} de actas build), RSS máx. ${rerun.rssMb} MB`,
    );
    // Through the stand-in, the 10,000-session tree is one ~250 MB tree request: measured up to 1,000.
    if (values.github && n <= 1000) {
      const gh = await measure('publish-github', dir);
      console.log(
        `publicar en GitHub (stand-in, 2.ª versión) ${s(gh.publish)}: ${gh.writes} escrituras (${gh.blobs} blobs binarios) y ${gh.reads} lecturas; el tiempo es sobre todo la pausa de ~1 s entre escrituras que pide GitHub`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
