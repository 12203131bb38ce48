/**
 * `sitrep import --server URL`: sends each file to a running server's `POST /api/imports` instead of opening the
 * store, which the server holds (one process at a time may open a DuckDB file). The server imports it exactly as
 * `sitrep import` would; progress, rejected rows and the reports come back as lines of JSON.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { UserError } from '../core/errors.ts';
import type { ImportCallbacks, ImportReport, ImportRequest } from '../core/importing.ts';
import { readMapping } from './import-context.ts';
import { checkFileToImport } from './run-import.ts';

export interface RemoteImport extends Omit<ImportRequest, 'by'> {
  /** The server's address, e.g. `http://127.0.0.1:8080`. */
  server: string;
  /** An API token with scope write, of a reviewer or an administrator. */
  token: string;
}

// Node refuses request headers over 16 KiB in all; a mapping is a few.
const maxMappingHeader = 12 * 1024;

/** The `sitrep import` flag for a parameter of `POST /api/imports`, so the error reads as the user typed it. */
const flagOf = (param: string) => (param === 'body' ? 'FILE' : param === 'Sitrep-Mapping' ? '--mapping' : `--${param.replace(/_/g, '-')}`);

/** The server's error (a body in the API's error shape) as a one-line `UserError`. */
function serverError(body: unknown, status: number): UserError {
  const e = (body as { error?: { message?: string; param?: string; hint?: string } } | null)?.error;
  if (!e?.message) return new UserError(`the server answered ${status}`, '--server', 'check that --server is the address of `sitrep serve`');
  return new UserError(`the server refused the import: ${e.message}`, e.param ? flagOf(e.param) : '--server', e.hint);
}

/** Imports `file` through the server at `remote.server`: the reports, or a `UserError` (and nothing changed). */
export async function importThroughServer(file: string, remote: RemoteImport, callbacks: ImportCallbacks = {}): Promise<ImportReport[]> {
  let url: URL;
  try {
    url = new URL('/api/imports', remote.server);
  } catch {
    throw new UserError(`invalid --server "${remote.server}": expected the server's address`, '--server', 'e.g. --server http://127.0.0.1:8080');
  }
  checkFileToImport(file);
  const params: Record<string, string | undefined> = {
    file_name: basename(file), format: remote.format, encoding: remote.encoding, sheet: remote.sheet, sync: remote.sync ? 'true' : undefined,
    max_reject_rate: remote.maxRejectRate?.toString(), gdelt_codes: remote.gdeltCodes, rejections: callbacks.onReject ? 'all' : undefined,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${remote.token}`, Accept: 'application/x-ndjson', 'Content-Type': 'application/octet-stream', 'Content-Length': String(statSync(file).size),
  };
  if (remote.mapping) {
    // Checked here first, so a mistake in it is reported before anything is sent; the server checks it again.
    readMapping(remote.mapping);
    const mapping = encodeURIComponent(readFileSync(remote.mapping, 'utf8'));
    url.searchParams.set('mapping_name', basename(remote.mapping));
    if (mapping.length > maxMappingHeader) throw new UserError(`the mapping ${remote.mapping} is too large to send (over ${maxMappingHeader / 1024} KiB encoded)`, '--mapping', 'import on the machine that holds the store');
    headers['Sitrep-Mapping'] = mapping;
  }

  let res: Response;
  try {
    const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    res = await fetch(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? cause?.message ?? (e as Error).message;
    throw new UserError(`cannot reach the server at ${url.origin} (${code})`, '--server', 'check the address and that `sitrep serve` is running there');
  }
  if (!res.ok || !res.body) throw serverError(await res.json().catch(() => null), res.status);

  for await (const line of lines(res.body)) {
    const message = JSON.parse(line) as { progress?: { rows: number; fraction: number | null; stage: 'reading' | 'writing' }; rejection?: never; reports?: ImportReport[]; error?: unknown };
    if (message.progress) callbacks.onProgress?.(message.progress.rows, message.progress.fraction ?? undefined, message.progress.stage);
    else if (message.rejection) callbacks.onReject?.(message.rejection);
    else if (message.reports) return message.reports;
    else if (message.error) throw serverError(message, 400);
  }
  throw new UserError(`the server at ${url.origin} closed the connection before the import finished`, '--server', "see the server's log; an import commits whole or not at all, so it is safe to run again");
}

/** The lines of a streamed text body. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    const parts = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = parts.pop()!;
    for (const part of parts) if (part.trim()) yield part;
  }
  if (rest.trim()) yield rest;
}
