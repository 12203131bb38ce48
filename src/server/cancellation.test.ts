// Cancellation: a timed-out or abandoned read stops in the store, and a shared cached query stops only when every
// caller waiting for it has gone. The fake store's reads wait until their signal aborts, as a slow query would.
import { describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { publicScope } from '../core/filter.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { fixtureRecord } from './api-fixture.ts';
import { cachedStore } from './cached-store.ts';
import { currentSignal, withSignal } from './cancellation.ts';
import { ApiError } from './errors.ts';
import { timedStore } from './timed-store.ts';

/** A store whose reads never answer: each notes the signal it ran under and rejects when that aborts. */
function hangingStore() {
  const signals: (AbortSignal | undefined)[] = [];
  const hang = () => {
    const signal = currentSignal();
    signals.push(signal);
    return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  };
  const store = new Proxy({}, { get: () => hang }) as EventStore;
  return { store, signals };
}

describe('cancellation', () => {
  it('stops the store read when the query timeout passes, and answers 503 query_timeout', async () => {
    const { store, signals } = hangingStore();
    const error = await timedStore(store, 50).count(publicScope, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('query_timeout');
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
  });

  it('stops the store read when the client goes away', async () => {
    const { store, signals } = hangingStore();
    const client = new AbortController();
    const answer = withSignal(client.signal, () => timedStore(store, 60_000).count(publicScope, {}));
    client.abort(new Error('client gone'));
    await expect(answer).rejects.toThrow('client gone');
    expect(signals[0]!.aborted).toBe(true);
  });

  it('keeps a shared cached query running while one caller still waits, and stops it when the last one goes', async () => {
    const { store, signals } = hangingStore();
    const cache = timedStore(cachedStore(store, { ttlMs: 60_000 }), 60_000);
    const [first, second] = [new AbortController(), new AbortController()];
    const a = withSignal(first.signal, () => cache.count(publicScope, {}));
    const b = withSignal(second.signal, () => cache.count(publicScope, {}));
    expect(signals).toHaveLength(1);
    first.abort(new Error('first gone'));
    await expect(a).rejects.toThrow('first gone');
    expect(signals[0]!.aborted).toBe(false);
    second.abort(new Error('second gone'));
    await expect(b).rejects.toThrow('second gone');
    expect(signals[0]!.aborted).toBe(true);
    // The stopped query is not kept as the answer: the next caller asks the store again.
    void withSignal(new AbortController().signal, () => cache.count(publicScope, {})).catch(() => undefined);
    expect(signals).toHaveLength(2);
  });

  it('interrupts a running DuckDB query, and the connection answers the next read', async () => {
    let signal: AbortSignal | undefined;
    const store = await duckdbStore(':memory:', { readers: 1, signal: () => signal });
    try {
      const description = 'A synthetic event recorded for benchmarking';
      await store.write(Array.from({ length: 60_000 }, (_, i) => fixtureRecord({ id: `slow:${i}`, description })), { by: 'test' });
      // Hundreds of keywords every record contains make each row run hundreds of substring tests: a query slow
      // enough to interrupt.
      const slow = { q: Array.from({ length: 400 }, (_, i) => ['synthetic', 'event', 'recorded', 'benchmarking'][i % 4]).join(' ') };
      const running = new AbortController();
      signal = running.signal;
      const started = performance.now();
      const answer = store.count(publicScope, slow);
      // Late enough that DuckDB is executing (it ignores an interrupt while planning), early enough to cut it short.
      setTimeout(() => running.abort(new Error('stopped')), 100);
      await expect(answer).rejects.toThrow('stopped');
      const stoppedAfter = performance.now() - started;

      signal = undefined;
      const full = performance.now();
      expect(await store.count(publicScope, slow)).toBe(60_000);
      // Interrupted well before the query could have finished on its own.
      expect(stoppedAfter).toBeLessThan((performance.now() - full) / 2 + 100);

      const gone = new AbortController();
      gone.abort(new Error('gone before it started'));
      signal = gone.signal;
      await expect(store.count(publicScope, {})).rejects.toThrow('gone before it started');
      signal = undefined;
      expect(await store.count(publicScope, {})).toBe(60_000);
    } finally {
      await store.close();
    }
  }, 60_000);
});
