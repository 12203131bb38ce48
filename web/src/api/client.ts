/**
 * HTTP access to the Sitrep API: URLs built from parameters, JSON fetched with one error type, and a small
 * cache so going back to a view, or two panels asking the same question, costs one request.
 */
import type { ApiErrorBody } from './types.ts';

/** An API error with the server's message (which names the parameter at fault) or the HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** `/api/<path>?<params>`; params with empty values are left out. */
export function apiUrl(path: string, params: Iterable<[string, string]> = []): string {
  const search = new URLSearchParams([...params].filter(([, v]) => v !== ''));
  const s = search.toString();
  return `/api/${path}${s ? `?${s}` : ''}`;
}

/** An API error as one sentence: its message, and its hint in brackets. */
export const errorText = (error: { message: string; hint?: string }): string => error.message + (error.hint ? ` (${error.hint})` : '');

/** Fetches JSON, turning the API's error shape into an `ApiError`. */
/**
 * An embedded map shows what anonymous readers see, whoever looks at it: its requests carry no cookie. A reader
 * signed in to Sitrep who opens a page of the same site (news.example.org framing map.example.org) would otherwise
 * see the drafts and internal records their role reads, inside a page meant for the public.
 */
const credentials: RequestCredentials = typeof location !== 'undefined' && new URLSearchParams(location.search).get('embed') === '1' ? 'omit' : 'same-origin';

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, credentials, headers: { Accept: 'application/json' } });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    let param: string | undefined;
    try {
      const body = (await res.json()) as ApiErrorBody;
      message = errorText(body.error);
      param = body.error.param;
    } catch {
      // Not the API's error shape (a proxy, a crash): the status line is all there is.
    }
    throw new ApiError(message, res.status, param);
  }
  return (await res.json()) as T;
}

/** True for the rejection of a request the app cancelled itself. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

// ---- shared cache ----

const maxCached = 150;
const done = new Map<string, unknown>();
interface Pending {
  promise: Promise<unknown>;
  controller: AbortController;
  users: number;
}
const pending = new Map<string, Pending>();

/** A cached answer for `url`, refreshed as most recently used. */
export function cached<T>(url: string): T | undefined {
  if (!done.has(url)) return undefined;
  const value = done.get(url);
  done.delete(url);
  done.set(url, value);
  return value as T;
}

function remember(url: string, value: unknown): void {
  done.set(url, value);
  // Maps iterate in insertion order, so the first key is the least recently used.
  while (done.size > maxCached) done.delete(done.keys().next().value as string);
}

/**
 * Joins (or starts) the request for `url`. Call the returned `release` when the answer is no longer wanted:
 * the request is cancelled once nobody waits for it, so a fast-moving slider does not queue stale queries.
 */
export function acquire<T>(url: string): { promise: Promise<T>; release: () => void } {
  let entry = pending.get(url);
  if (!entry) {
    const controller = new AbortController();
    const promise = fetchJson<unknown>(url, controller.signal).then((value) => {
      remember(url, value);
      return value;
    });
    const created: Pending = { promise, controller, users: 0 };
    promise.then(
      () => pending.get(url) === created && pending.delete(url),
      () => pending.get(url) === created && pending.delete(url),
    );
    entry = created;
    pending.set(url, entry);
  }
  entry.users++;
  const held = entry;
  let released = false;
  return {
    promise: held.promise as Promise<T>,
    release: () => {
      if (released) return;
      released = true;
      held.users--;
      if (held.users === 0 && pending.get(url) === held) {
        held.controller.abort();
        pending.delete(url);
      }
    },
  };
}

/** A one-off cached GET, for code outside React (the map's basemap files, the record panel's look-ups). */
export async function getJson<T>(url: string): Promise<T> {
  const hit = cached<T>(url);
  if (hit !== undefined) return hit;
  return acquire<T>(url).promise;
}
