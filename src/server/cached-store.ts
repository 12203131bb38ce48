/**
 * A short-lived answer cache in front of the store. A dashboard's opening view is the same handful of
 * aggregate queries for every reader; at millions of records each costs a scan, so identical questions (same
 * method, scope and filter) share one answer — and concurrent identical questions share one query.
 *
 * Freshness: a write through this store clears the cache, and every answer expires after `ttlMs`, which bounds
 * staleness when something else writes to the same database (another process, a replica).
 *
 * Cancellation: a shared query runs under a signal of its own, aborted only when every caller waiting for it has
 * gone (see `cancellation.ts`), so one reader closing the page never fails the answer another is waiting for.
 */
import { facetGroups, type EventStore, type FacetName, type FacetResult, type StoreFilter } from '../core/event-store.ts';
import type { AccessScope } from '../core/filter.ts';
import { currentSignal, withSignal } from './cancellation.ts';

export interface CacheOptions {
  /** How long an answer is reused. 0 disables the cache. */
  ttlMs: number;
  /** Most answers kept; the oldest go first. Default 500. */
  maxEntries?: number;
  /** The clock, injectable for tests. */
  now?: () => number;
}

/** Aggregate reads worth caching: small answers to questions many readers ask. */
const cachedReads = ['count', 'totals', 'facets', 'timeline', 'stats', 'map', 'areas', 'datasets', 'actorCounts', 'query'] as const;
// Record pages are cached only when small, and big statistics tables not at all: the cache must stay small.
const maxCachedPage = 100;
const maxCachedRows = 5000;

/** Key order in a JSON key does not matter: `{kind, country}` and `{country, kind}` are the same question. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The cache key of a read: its name and its arguments. */
const keyOf = (name: string, args: unknown[]) => `${name}:${stableKey(args)}`;

/** One shared answer: when it was asked, the answer, and who still waits for it. */
interface Entry {
  at: number;
  value: Promise<unknown>;
  stop: AbortController;
  waiters: number;
}

function tooBig(result: unknown): boolean {
  return Array.isArray(result) && result.length > maxCachedRows;
}

/** `store` with its aggregate reads cached; `ttlMs` ≤ 0 returns the store unchanged. */
export function cachedStore(store: EventStore, options: CacheOptions): EventStore {
  const { ttlMs, maxEntries = 500, now = () => Date.now() } = options;
  if (!(ttlMs > 0)) return store;
  const entries = new Map<string, Entry>();

  /** Counts the current caller among the entry's waiters; the query stops when the last one is cancelled. */
  function join(key: string, entry: Entry) {
    const signal = currentSignal();
    // A caller that cannot be cancelled (the CLI, a test) keeps the query alive whatever others do.
    if (!signal) return void (entry.waiters = Infinity);
    entry.waiters++;
    const leave = () => {
      if (--entry.waiters > 0) return;
      entry.stop.abort(signal.reason);
      if (entries.get(key) === entry) entries.delete(key);
    };
    signal.addEventListener('abort', leave, { once: true });
    entry.value.then(() => signal.removeEventListener('abort', leave), () => signal.removeEventListener('abort', leave));
  }

  const cached = (name: (typeof cachedReads)[number]) => {
    const fn = (store[name] as (...args: unknown[]) => Promise<unknown>).bind(store);
    return (...args: unknown[]) => {
      if (name === 'query' && ((args[2] as { limit?: number } | undefined)?.limit ?? 50) > maxCachedPage) return fn(...args);
      // The store answers Maps for actor counts; they are cached as the same Map, never mutated by callers.
      const key = keyOf(name, args);
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < ttlMs) {
        join(key, hit);
        return hit.value;
      }
      const stop = new AbortController();
      const value = withSignal(stop.signal, () => fn(...args));
      const entry: Entry = { at: t, value, stop, waiters: 0 };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      join(key, entry);
      // A failed or oversized answer is not kept: the next caller asks again.
      value.then((v) => tooBig(v) && entries.get(key)?.value === value && entries.delete(key), () => entries.get(key)?.value === value && entries.delete(key));
      return value;
    };
  };

  const wrapped: Record<string, unknown> = Object.fromEntries(cachedReads.map((name) => [name, cached(name)]));
  // Facets are cached by the filter each is counted under, so a facet whose own filter changed is not counted
  // again: toggling kinds one after another counts the kinds (all counted without the kind filter) once.
  const facetsOf = wrapped.facets as EventStore['facets'];
  // A group's answer also answers each of its facets alone while it is kept: the first kind toggle asks the kinds
  // without the kind filter, which the view before it counted with the other facets (an unfiltered scan saved).
  const keepEach = (scope: AccessScope, filter: StoreFilter, names: FacetName[], top: number | undefined, at: number, answer: Partial<Record<FacetName, FacetResult>>) => {
    for (const name of names) {
      const key = keyOf('facets', [scope, filter, [name], top]);
      if (entries.has(key)) continue;
      entries.set(key, { at, value: Promise.resolve({ [name]: answer[name] }), stop: new AbortController(), waiters: 0 });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
  };
  wrapped.facets = async (...[scope, filter, names, top]: Parameters<EventStore['facets']>) => {
    const counted = await Promise.all(
      facetGroups(filter, names).map(async (g) => {
        const at = now();
        const names = [...g.names].sort();
        const asked = facetsOf(scope, g.filter, names, top);
        const answer = await asked;
        // Only an answer still kept is split: one a write cleared meanwhile may predate the write.
        if (names.length > 1 && entries.get(keyOf('facets', [scope, g.filter, names, top]))?.value === asked) keepEach(scope, g.filter, names, top, at, answer);
        return answer;
      }),
    );
    return Object.assign({}, ...counted) as Partial<Record<FacetName, FacetResult>>;
  };
  // Writes clear the cache before (no new question gets an answer from before the write) and after (none
  // that was asked while it ran survives it). Every writing method of the port is listed here.
  const clearing = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    entries.clear();
    try {
      return await fn(...args);
    } finally {
      entries.clear();
    }
  };
  wrapped.write = clearing(store.write.bind(store));
  wrapped.saveRecord = clearing(store.saveRecord.bind(store));
  return new Proxy(store, {
    get: (target, key, receiver) => (typeof key === 'string' && key in wrapped ? wrapped[key] : Reflect.get(target, key, receiver)),
  });
}
