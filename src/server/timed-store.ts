/**
 * The query timeout: every store read the API makes races a timer, so one pathological filter answers 503 with
 * a clear message instead of holding the connection open. The read runs under a signal that aborts on the timeout
 * or when the client goes away (`cancellation.ts`), so the store can stop the query itself.
 */
import type { EventStore } from '../core/event-store.ts';
import { currentSignal, untilAborted, withSignal } from './cancellation.ts';
import { ApiError } from './errors.ts';

/** The reads that return one promise: these race the timer. `stream` and `exportParquet` (exports) are left alone. */
const timedReads = ['get', 'history', 'query', 'count', 'totals', 'facets', 'timeline', 'stats', 'map', 'areas', 'datasets', 'actorCounts', 'unresolvedActors'] as const;

/** `store` with its single-answer reads wrapped in a `ms` timeout (503 `query_timeout`); `ms` ≤ 0 disables it. */
export function timedStore(store: EventStore, ms: number): EventStore {
  if (!(ms > 0)) return store;
  const timed = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const timeout = new AbortController();
      const timer = setTimeout(
        () => timeout.abort(new ApiError(503, 'query_timeout', `the query took longer than ${ms / 1000} s and was stopped`, undefined, 'narrow the filter (a shorter date range, a country or an actor) and try again', { 'Retry-After': '5' })),
        ms,
      );
      const request = currentSignal();
      const signal = request ? AbortSignal.any([request, timeout.signal]) : timeout.signal;
      return untilAborted(withSignal(signal, () => fn(...args)), signal).finally(() => clearTimeout(timer));
    };
  const wrapped: Record<string, unknown> = {};
  for (const name of timedReads) wrapped[name] = timed((store[name] as (...args: unknown[]) => Promise<unknown>).bind(store));
  // Everything else (write, stream, exportParquet, close) passes through, bound to the original store.
  return new Proxy(store, {
    get: (target, key, receiver) => (typeof key === 'string' && key in wrapped ? wrapped[key] : Reflect.get(target, key, receiver)),
  });
}
