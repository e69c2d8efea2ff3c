/**
 * One bounded HTTP GET of an acta document: conditional (If-None-Match / If-Modified-Since), with
 * a timeout over the whole exchange, a size limit enforced while reading (the download is cut, not
 * buffered first), and redirects followed by hand so that only http and https are ever fetched —
 * a redirect to file:, data: or anything else is refused.
 */
import { problem } from '../../errors/catalog/index.ts';
import type { Problem } from '../../errors/problem.ts';

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  etag?: string;
  lastModified?: string;
  /** Aborts the download when the scheduler stops. */
  signal?: AbortSignal;
  maxRedirects?: number;
  /** How the URL is named in messages (without credentials). */
  label?: string;
}

export type Download =
  | { kind: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string }
  | { kind: 'not-modified' }
  | { kind: 'stopped' }
  | { kind: 'problem'; problem: Problem };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const webSchemes = new Set(['http:', 'https:']);

class TooLarge extends Error {}

/** Why a connection failed, in a few words: ECONNREFUSED, ENOTFOUND, a TLS error… */
function networkDetail(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function download(url: string, options: DownloadOptions): Promise<Download> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const maxRedirects = options.maxRedirects ?? 5;
  const headers: Record<string, string> = { 'user-agent': 'actas-abiertas', accept: '*/*' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const seconds = options.timeoutMs / 1000;
  const shown = options.label ?? url;

  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(current, { headers, redirect: 'manual', signal });
      if (redirectStatuses.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location') ?? '';
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return { kind: 'problem', problem: problem('ACTAS-W514', { url: shown, location }) };
        }
        if (!webSchemes.has(next.protocol))
          return { kind: 'problem', problem: problem('ACTAS-W514', { url: shown, location }) };
        if (redirects >= maxRedirects)
          return { kind: 'problem', problem: problem('ACTAS-W515', { url: shown, max: maxRedirects }) };
        current = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'not-modified' };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return { kind: 'problem', problem: problem('ACTAS-W511', { url: shown, status: response.status }) };
      }
      const bytes = await readBounded(response, options.maxBytes);
      return {
        kind: 'ok',
        bytes,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
      };
    }
  } catch (error) {
    if (error instanceof TooLarge)
      return { kind: 'problem', problem: problem('ACTAS-W513', { url: shown, limit: options.maxBytes }) };
    if (timeout.aborted) return { kind: 'problem', problem: problem('ACTAS-W512', { url: shown, seconds }) };
    if (options.signal?.aborted) return { kind: 'stopped' };
    return { kind: 'problem', problem: problem('ACTAS-W510', { url: shown, detail: networkDetail(error) }) };
  }
}
