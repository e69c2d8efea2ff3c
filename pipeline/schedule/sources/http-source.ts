/**
 * An `http` source: one acta document at an http(s) URL. Asked for conditionally, so an unchanged
 * document costs a 304 and no download; a new or changed one is saved into the inbox.
 */
import { basename } from 'node:path';
import type { Config } from '../../config/config.ts';
import type { Effects } from '../../effects.ts';
import { problem } from '../../errors/catalog/index.ts';
import { download } from './download.ts';
import { documentName, type Inbox, saveToInbox, stillSaved } from './inbox.ts';
import type { SourceOutcome } from './outcome.ts';
import type { SourcesState } from './source-state.ts';

export type HttpSource = Extract<Config['sources'][number], { kind: 'http' }>;

export const defaultMaxBytes = 20 * 1024 * 1024;
export const defaultTimeoutSeconds = 30;

/** The URL as shown in messages and logs: never with a user name or password in it. */
export function urlLabel(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** The inbox name: the configured one, or the last segment of the URL's path. */
function inboxName(source: HttpSource): string | null {
  if (source.name) return source.name;
  try {
    const name = decodeURIComponent(basename(new URL(source.url).pathname));
    return documentName.test(name) ? name : null;
  } catch {
    return null;
  }
}

export async function fetchHttpSource(
  source: HttpSource,
  effects: Effects,
  inbox: Inbox,
  state: SourcesState,
  signal?: AbortSignal,
): Promise<SourceOutcome> {
  const label = urlLabel(source.url);
  const name = inboxName(source);
  if (!name) return { kind: 'problem', problem: problem('ACTAS-W516', { url: label }) };
  const key = `http ${source.url}`;
  const previous = state.entries[key];
  // Validators only hold while the inbox still has what they describe; otherwise fetch it whole.
  const conditional = previous?.file === name && (await stillSaved(inbox, previous));
  const result = await download(source.url, {
    maxBytes: source.max_bytes ?? defaultMaxBytes,
    timeoutMs: (source.timeout_seconds ?? defaultTimeoutSeconds) * 1000,
    etag: conditional ? previous?.etag : undefined,
    lastModified: conditional ? previous?.last_modified : undefined,
    signal,
    label,
  });
  switch (result.kind) {
    case 'not-modified':
      return { kind: 'unchanged', file: inbox.shown(name) };
    case 'stopped':
      return { kind: 'stopped' };
    case 'problem':
      return { kind: 'problem', problem: result.problem };
  }
  const saved = await saveToInbox(effects, inbox, name, result.bytes, previous, label);
  if (!saved.saved) return { kind: 'problem', problem: saved.problem };
  state.entries[key] = {
    file: name,
    sha256: saved.sha256,
    ...(result.etag ? { etag: result.etag } : {}),
    ...(result.lastModified ? { last_modified: result.lastModified } : {}),
    saved: effects.now().toISOString(),
  };
  return { kind: saved.changed ? 'fetched' : 'unchanged', file: inbox.shown(name) };
}
