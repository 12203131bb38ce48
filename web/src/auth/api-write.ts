/**
 * Requests a signed-in editor makes: always fresh (never from the explorer's answer cache), with the session
 * cookie, and — for anything but GET — the session's CSRF token in `X-CSRF-Token`. Errors keep what the API
 * said: the code, the fields at fault, and for a 409 the record as it is now and the other editors' changes.
 */
import type { EventRecord } from '../api/types.ts';
import { errorText } from '../api/client.ts';

/** One field at fault, as the API names it (`place.lat`, `sources.0.url`). */
export interface FieldError {
  field: string;
  message: string;
}

/** One revision with its changes, as `/history` and a 409 carry it. */
export interface RevisionChanges {
  revision: number;
  at: string;
  by: string;
  comment: string | null;
  changes: { field: string; old: unknown; new: unknown }[] | null;
}

/** A refused request. */
export class WriteError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: FieldError[] = [],
    /** For a 409: the record now, and what others changed since the editor's revision. */
    readonly conflict?: { current: EventRecord; theirChanges: RevisionChanges[] },
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

let csrfToken: string | null = null;
/** Set by the session module whenever it learns the token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF header, which every write sends. */
export const csrfHeader = (): Record<string, string> => (csrfToken ? { 'X-CSRF-Token': csrfToken } : {});

/** Sends `method path` with `body` as JSON and returns the parsed answer (undefined for 204). */
export async function apiSend<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  const res = await fetch(`/api/${path}`, { method, headers, credentials: 'same-origin', cache: 'no-store', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  if (res.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    throw new WriteError(`${res.status} ${res.statusText}`, res.status, 'http');
  }
  if (!res.ok) {
    const e = parsed as { error?: { code: string; message: string; hint?: string; fields?: FieldError[] }; current?: EventRecord; theirChanges?: RevisionChanges[] };
    const message = e.error ? errorText(e.error) : `${res.status} ${res.statusText}`;
    const conflict = res.status === 409 && e.current ? { current: e.current, theirChanges: e.theirChanges ?? [] } : undefined;
    throw new WriteError(message, res.status, e.error?.code ?? 'http', e.error?.fields ?? [], conflict);
  }
  return parsed as T;
}

/** A fresh GET. */
export const apiGet = <T>(path: string): Promise<T> => apiSend<T>('GET', path);
