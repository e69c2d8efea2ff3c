/**
 * `http` sources against a real HTTP server on 127.0.0.1: a new document lands in the inbox, an
 * unchanged one costs a 304 (no download), and every way a server can fail — 404, 500, a
 * timeout, an oversized body, a redirect to file://, a redirect loop, a refused connection — is
 * reported with its own code and writes nothing to the inbox.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../pipeline/config/config.ts';
import { nodeEffects } from '../../pipeline/effects.ts';
import { fetchSources, fetchSourcesForRun } from '../../pipeline/schedule/sources/index.ts';
import type { SchedulerStatus } from '../../pipeline/schedule/status.ts';
import { runTick } from '../../pipeline/schedule/tick.ts';
import { repoRoot, type Workspace } from '../support/workspace.ts';
import { captureLog, createProject, projectConfig } from './support.ts';

const acta = await readFile(join(repoRoot, 'data/inbox/000_2ede7aa9bd753bcb.txt'));

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  status: number;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
/** What /acta.txt serves; tests change it to publish a new version of the document. */
let current = { body: acta, etag: '"v1"', lastModified: 'Thu, 30 Jun 2016 18:00:00 GMT' };
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const answer = (
      status: number,
      headers: Record<string, string | number> = {},
      body?: Buffer | string,
    ) => {
      seen.push({ path, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    switch (path) {
      case '/actas/acta.txt':
      case '/actas/otra.txt':
        if (req.headers['if-none-match'] === current.etag) return answer(304, { etag: current.etag });
        return answer(
          200,
          {
            etag: current.etag,
            'last-modified': current.lastModified,
            'content-type': 'text/plain; charset=utf-8',
          },
          current.body,
        );
      case '/actas/por-fecha.txt':
        if (req.headers['if-modified-since'] === current.lastModified) return answer(304);
        return answer(200, { 'last-modified': current.lastModified }, current.body);
      case '/missing.txt':
        return answer(404, {}, 'Not Found');
      case '/broken.txt':
        return answer(500, {}, 'Internal Server Error');
      case '/slow.txt':
        // Headers at once, then nothing: only a timeout over the whole download catches this.
        seen.push({ path, headers: req.headers, status: 200 });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('Nombre de la mesa');
        hanging.add(res);
        return;
      case '/huge-declared.txt':
        return answer(200, { 'content-length': 5000 }, Buffer.alloc(5000, 'a'));
      case '/huge-chunked.txt': {
        // No Content-Length: the limit must be enforced while reading.
        seen.push({ path, headers: req.headers, status: 200 });
        res.writeHead(200, { 'content-type': 'text/plain' });
        let sent = 0;
        const more = () => {
          if (sent >= 200_000 || res.destroyed) return res.end();
          sent += 1000;
          res.write(Buffer.alloc(1000, 'b'), () => setImmediate(more));
        };
        return more();
      }
      case '/to-file.txt':
        return answer(302, { location: 'file:///etc/passwd' });
      case '/to-acta.txt':
        return answer(301, { location: '/actas/acta.txt' });
      case '/loop.txt':
        return answer(302, { location: '/loop.txt' });
      default:
        return answer(404);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const projects: Workspace[] = [];
afterEach(async () => {
  for (const ws of projects.splice(0)) await ws.remove();
  seen.splice(0);
  current = { body: acta, etag: '"v1"', lastModified: 'Thu, 30 Jun 2016 18:00:00 GMT' };
});
async function project() {
  const ws = await createProject();
  projects.push(ws);
  return ws;
}

const http = (path: string, extra: Partial<Extract<Source, { kind: 'http' }>> = {}): Source => ({
  kind: 'http',
  url: `${base}${path}`,
  ...extra,
});
const inboxFiles = async (dir: string) => (await readdir(join(dir, 'data/inbox')).catch(() => [])).sort();
const effectsFor = (dir: string) => nodeEffects({ cwd: dir, log: captureLog(), env: {} });

describe('http sources', () => {
  it('saves a new document into the inbox, then skips it by ETag (304, no download)', async () => {
    const ws = await project();
    const config = projectConfig([http('/actas/acta.txt')]);
    const first = await fetchSources(config, effectsFor(ws.dir));
    expect(first).toEqual({ fetched: ['data/inbox/acta.txt'], unchanged: [], problems: [] });
    expect(await readFile(join(ws.dir, 'data/inbox/acta.txt'))).toEqual(acta);
    expect(seen.at(-1)?.headers['if-none-match']).toBeUndefined();
    const state = JSON.parse(await readFile(join(ws.dir, '.actas/sources.json'), 'utf8'));
    expect(state.entries[`http ${base}/actas/acta.txt`]).toMatchObject({ file: 'acta.txt', etag: '"v1"' });

    const second = await fetchSources(config, effectsFor(ws.dir));
    expect(second).toEqual({ fetched: [], unchanged: ['data/inbox/acta.txt'], problems: [] });
    expect(seen.at(-1)).toMatchObject({ path: '/actas/acta.txt', status: 304 });
    expect(seen.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(seen.at(-1)?.headers['if-modified-since']).toBe('Thu, 30 Jun 2016 18:00:00 GMT');
    expect(seen.filter((s) => s.status === 200)).toHaveLength(1);

    // A new version of the document replaces the one this source saved.
    const edited = Buffer.concat([acta, Buffer.from('\nObs: corregida.\n')]);
    current = { body: edited, etag: '"v2"', lastModified: 'Fri, 01 Jul 2016 10:00:00 GMT' };
    const third = await fetchSources(config, effectsFor(ws.dir));
    expect(third.fetched).toEqual(['data/inbox/acta.txt']);
    expect(await readFile(join(ws.dir, 'data/inbox/acta.txt'))).toEqual(edited);
    expect(await inboxFiles(ws.dir)).toEqual(['acta.txt']);
  });

  it('uses Last-Modified when there is no ETag, and a configured name', async () => {
    const ws = await project();
    const config = projectConfig([http('/actas/por-fecha.txt', { name: 'mesa-3.txt' })]);
    expect((await fetchSources(config, effectsFor(ws.dir))).fetched).toEqual(['data/inbox/mesa-3.txt']);
    expect((await fetchSources(config, effectsFor(ws.dir))).unchanged).toEqual(['data/inbox/mesa-3.txt']);
    expect(seen.at(-1)).toMatchObject({ status: 304 });
  });

  it('follows an http redirect to the document', async () => {
    const ws = await project();
    const result = await fetchSources(projectConfig([http('/to-acta.txt')]), effectsFor(ws.dir));
    expect(result.fetched).toEqual(['data/inbox/to-acta.txt']);
    expect(seen.map((s) => s.path)).toEqual(['/to-acta.txt', '/actas/acta.txt']);
  });

  it.each([
    ['a 404', '/missing.txt', {}, 'ACTAS-W511', 'HTTP 404'],
    ['a 500', '/broken.txt', {}, 'ACTAS-W511', 'HTTP 500'],
    ['a timeout', '/slow.txt', { timeout_seconds: 0.3 }, 'ACTAS-W512', '0.3 s'],
    ['a declared oversized body', '/huge-declared.txt', { max_bytes: 1000 }, 'ACTAS-W513', '1000 bytes'],
    [
      'an oversized body without Content-Length',
      '/huge-chunked.txt',
      { max_bytes: 10_000 },
      'ACTAS-W513',
      '10000',
    ],
    ['a redirect to file://', '/to-file.txt', {}, 'ACTAS-W514', 'file:///etc/passwd'],
    ['a redirect loop', '/loop.txt', {}, 'ACTAS-W515', 'más de 5'],
  ] as const)('reports %s clearly and writes nothing', async (_what, path, extra, code, words) => {
    const ws = await project();
    const result = await fetchSources(projectConfig([http(path, extra)]), effectsFor(ws.dir));
    expect(result.fetched).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code, severity: 'warning' });
    expect(result.problems[0]?.message).toContain(words);
    expect(result.problems[0]?.message).toContain(`${base}${path}`);
    expect(await inboxFiles(ws.dir)).toEqual([]);
    expect(
      (await readdir(ws.dir)).includes('.actas') ? await readdir(join(ws.dir, '.actas')) : [],
    ).not.toContain('sources.json');
  });

  it('reports a refused connection and a URL without a document name', async () => {
    const ws = await project();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const result = await fetchSources(
      projectConfig([
        { kind: 'http', url: `http://127.0.0.1:${port}/acta.txt` },
        { kind: 'http', url: `${base}/actas/` },
      ]),
      effectsFor(ws.dir),
    );
    expect(result.problems.map((p) => p.code)).toEqual(['ACTAS-W510', 'ACTAS-W516']);
    expect(result.problems[0]?.message).toContain('ECONNREFUSED');
    expect(await inboxFiles(ws.dir)).toEqual([]);
  });

  it('never removes or overwrites what is in the inbox when a source fails or a file is not its own', async () => {
    const ws = await project();
    const config = projectConfig([http('/actas/acta.txt')]);
    await fetchSources(config, effectsFor(ws.dir));
    // The document disappears from the server: the copy in the inbox stays.
    const gone = projectConfig([http('/missing.txt', { name: 'acta.txt' })]);
    const failed = await fetchSources(gone, effectsFor(ws.dir));
    expect(failed.problems.map((p) => p.code)).toEqual(['ACTAS-W511']);
    expect(await readFile(join(ws.dir, 'data/inbox/acta.txt'))).toEqual(acta);

    // A document someone put in the inbox by hand is not replaced by a source with the same name.
    await ws.write('data/inbox/otra.txt', 'escrita a mano');
    const clash = await fetchSources(projectConfig([http('/actas/otra.txt')]), effectsFor(ws.dir));
    expect(clash.problems.map((p) => p.code)).toEqual(['ACTAS-W521']);
    expect(await readFile(join(ws.dir, 'data/inbox/otra.txt'), 'utf8')).toBe('escrita a mano');
  });

  it('gives `actas run` a line and warnings to show', async () => {
    const ws = await project();
    const config = projectConfig([http('/actas/acta.txt'), http('/broken.txt')]);
    const forRun = await fetchSourcesForRun(config, effectsFor(ws.dir));
    expect(forRun.lines).toEqual([
      'Fuentes: 1 documento nuevo o cambiado en data/inbox (data/inbox/acta.txt); 1 fuente con problemas (se reintenta en la próxima ejecución).',
    ]);
    expect(forRun.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('is what a tick does first: new documents reach the inbox, an unreachable source is a warning, the run still publishes', async () => {
    const ws = await project();
    const config = projectConfig([http('/actas/acta.txt'), http('/broken.txt')]);
    const tick = await runTick(config, effectsFor(ws.dir), { retry: { attempts: 1, baseMs: 1, maxMs: 1 } });
    expect(tick.outcome).toBe('published');
    expect(tick.fetched).toEqual(['data/inbox/acta.txt']);
    expect(await inboxFiles(ws.dir)).toEqual(['acta.txt']);
    const status = JSON.parse(await readFile(join(ws.dir, '.actas/status.json'), 'utf8')) as SchedulerStatus;
    expect(status.last_run?.fetched).toEqual(['data/inbox/acta.txt']);
    expect(status.last_run?.warnings.map((w) => w.code)).toContain('ACTAS-W511');
    expect(status.last_run?.errors).toEqual([]);
  });
});
