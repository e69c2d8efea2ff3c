/**
 * A `github` source: a folder of a GitHub repository. One listing of the folder per tick (the
 * contents API), then only the .txt and .docx files whose blob sha differs from last time are
 * downloaded (the git blob API, which unlike the contents API serves files of any size) and
 * checked against that sha before they are saved into the inbox. A file removed from the folder
 * removes nothing from the inbox.
 */
import type { Config } from '../../config/config.ts';
import type { Effects } from '../../effects.ts';
import { problem } from '../../errors/catalog/index.ts';
import { createGitHubClient, type GitHubPace, githubApiUrl, redactor } from '../../github/client.ts';
import { gitBlobId } from '../../release/tree.ts';
import { defaultMaxBytes } from './http-source.ts';
import { documentName, type Inbox, saveToInbox, stillSaved } from './inbox.ts';
import type { SourceOutcome } from './outcome.ts';
import type { SourcesState } from './source-state.ts';

export type GitHubSource = Extract<Config['sources'][number], { kind: 'github' }>;

interface HttpError {
  status?: number;
  message?: string;
}

export function describeGitHubSource(source: GitHubSource): string {
  const folder = source.path.replace(/^\/+|\/+$/g, '');
  return `github ${source.repository}${source.branch ? `@${source.branch}` : ''}:${folder || '/'}`;
}

export async function fetchGitHubSource(
  source: GitHubSource,
  effects: Effects,
  inbox: Inbox,
  state: SourcesState,
  options: { pace?: GitHubPace; signal?: AbortSignal } = {},
): Promise<SourceOutcome[]> {
  const where = describeGitHubSource(source);
  const redact = redactor(effects);
  const detail = (error: unknown) => {
    const status = (error as HttpError)?.status;
    const message = redact((error as HttpError)?.message ?? String(error));
    return status ? `HTTP ${status}: ${message}` : message;
  };
  const stopped = () => options.signal?.aborted === true;
  const [owner = '', repo = ''] = source.repository.split('/');
  const folder = source.path.replace(/^\/+|\/+$/g, '');
  const client = createGitHubClient(effects, {
    apiUrl: githubApiUrl(effects, source.api_url),
    label: 'GitHub (fuentes)',
    rateLimitRetries: 2,
    ...(options.pace ? { pace: options.pace } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });

  let listing: unknown;
  try {
    const { data } = await client.rest.repos.getContent({
      owner,
      repo,
      path: folder,
      ...(source.branch ? { ref: source.branch } : {}),
    });
    listing = data;
  } catch (error) {
    if (stopped()) return [{ kind: 'stopped' }];
    return [{ kind: 'problem', problem: problem('ACTAS-W517', { source: where, detail: detail(error) }) }];
  }
  if (!Array.isArray(listing))
    return [{ kind: 'problem', problem: problem('ACTAS-W518', { source: where }) }];

  const outcomes: SourceOutcome[] = [];
  const files = (listing as Array<{ type: string; name: string; path: string; sha: string; size: number }>)
    .filter((entry) => entry.type === 'file' && documentName.test(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const file of files) {
    if (stopped()) return [...outcomes, { kind: 'stopped' }];
    if (file.size > defaultMaxBytes) {
      outcomes.push({
        kind: 'problem',
        problem: problem('ACTAS-W519', {
          source: where,
          name: file.name,
          size: file.size,
          limit: defaultMaxBytes,
        }),
      });
      continue;
    }
    const key = `github ${source.repository}@${source.branch ?? ''}:${file.path}`;
    const previous = state.entries[key];
    if (
      previous?.blob_sha === file.sha &&
      previous.file === file.name &&
      (await stillSaved(inbox, previous))
    ) {
      outcomes.push({ kind: 'unchanged', file: inbox.shown(file.name) });
      continue;
    }
    let bytes: Uint8Array;
    try {
      const { data } = await client.rest.git.getBlob({ owner, repo, file_sha: file.sha });
      bytes = new Uint8Array(Buffer.from(data.content, 'base64'));
    } catch (error) {
      if (stopped()) return [...outcomes, { kind: 'stopped' }];
      outcomes.push({
        kind: 'problem',
        problem: problem('ACTAS-W520', { source: where, name: file.name, detail: detail(error) }),
      });
      continue;
    }
    // The blob's id is the hash of its bytes: a mismatch means a damaged or tampered download.
    if (gitBlobId(bytes) !== file.sha) {
      outcomes.push({
        kind: 'problem',
        problem: problem('ACTAS-W520', {
          source: where,
          name: file.name,
          detail: `el contenido recibido no corresponde al blob ${file.sha}`,
        }),
      });
      continue;
    }
    const saved = await saveToInbox(effects, inbox, file.name, bytes, previous, where);
    if (!saved.saved) {
      outcomes.push({ kind: 'problem', problem: saved.problem });
      continue;
    }
    state.entries[key] = {
      file: file.name,
      sha256: saved.sha256,
      blob_sha: file.sha,
      saved: effects.now().toISOString(),
    };
    outcomes.push({ kind: saved.changed ? 'fetched' : 'unchanged', file: inbox.shown(file.name) });
  }
  return outcomes;
}
