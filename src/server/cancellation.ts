/**
 * Cancellation of store reads. Each API request runs with its signal in async context (it aborts when the client
 * goes away); the query timeout and the answer cache derive signals of their own from it. A store that is given
 * `currentSignal` (the CLI's wiring does it) stops a read whose signal aborts — DuckDB's query is interrupted — so
 * an abandoned or timed-out query frees its connection instead of running to the end.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<AbortSignal>();

/** The signal of the read being started, if it runs on behalf of something that can be cancelled. */
export const currentSignal = (): AbortSignal | undefined => context.getStore();

/** Runs `fn` (and everything it starts) with `signal` as the current signal. */
export const withSignal = <T>(signal: AbortSignal, fn: () => T): T => context.run(signal, fn);

/** `promise`'s answer, or the signal's reason as soon as the signal aborts (the caller stops waiting). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
