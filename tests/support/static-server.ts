/**
 * A static file server on 127.0.0.1 for browser tests: serves one folder at a sub-path (as GitHub
 * Pages serves a project at https://owner.github.io/repo/), answers 404 everywhere else, and
 * records every request (path, status, bytes sent) so that tests can check what a page asked for.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.sqlite': 'application/vnd.sqlite3',
};

export interface ServedRequest {
  method: string;
  /** The request path as received, query included. */
  path: string;
  status: number;
  /** Body bytes sent. */
  bytes: number;
}

export interface StaticServer {
  /** Address of the sub-path, ending in "/": http://127.0.0.1:<port>/actas/. */
  url: string;
  /** Every request so far, in arrival order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Serves `root` at `base` (which starts and ends with "/"). */
export async function startStaticServer(root: string, base = '/actas/'): Promise<StaticServer> {
  const requests: ServedRequest[] = [];
  const top = resolve(root);
  const server = createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const record: ServedRequest = { method, path: raw, status: 404, bytes: 0 };
    requests.push(record);
    const send = (status: number, message: string) => {
      record.status = status;
      record.bytes = Buffer.byteLength(message);
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
    };
    const pathname = raw.split('?')[0] ?? '/';
    if (!pathname.startsWith(base) || (method !== 'GET' && method !== 'HEAD')) return send(404, 'not found');
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return send(400, 'bad path');
    }
    let file = resolve(join(top, relative));
    if (file !== top && !file.startsWith(top + sep)) return send(404, 'not found');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      record.status = 200;
      record.bytes = method === 'HEAD' ? 0 : info.size;
      res.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
