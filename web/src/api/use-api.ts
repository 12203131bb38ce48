/**
 * `useApi(url)`: the answer for a URL, kept while the next one loads so panels update in place instead of
 * flashing empty; requests for URLs no longer shown are cancelled.
 *
 * Answers are shown together: one change of filter asks the map, timeline, facets and record list at once, and
 * showing each answer as it lands would repaint the page once per answer. Without a GPU (software WebGL, as in
 * headless browsers and many virtual desktops) one repaint of this page costs ~100 ms of CPU, taken from the
 * server answering the remaining questions on the same machine. So an answer that lands while others are still
 * out is held until the last one lands — never longer than `maxHoldMs` — and all are shown in one render.
 */
import { useEffect, useState } from 'react';
import { acquire, cached, isAbort } from './client.ts';

export interface ApiState<T> {
  /** The latest answer received (possibly for an earlier URL while `loading`). */
  data: T | undefined;
  /** The URL `data` answers. */
  dataUrl: string | null;
  error: Error | null;
  loading: boolean;
}

const maxHoldMs = 300;
let outstanding = 0;
let held: (() => void)[] = [];
let holdTimer: ReturnType<typeof setTimeout> | undefined;

function showHeld(): void {
  clearTimeout(holdTimer);
  holdTimer = undefined;
  const shown = held;
  held = [];
  // Called in one task, so React renders all of them at once.
  for (const show of shown) show();
}

/** A request has ended (answered, failed or no longer wanted); `show` puts its outcome on screen. */
function settle(show?: () => void): void {
  outstanding--;
  if (show) held.push(show);
  if (outstanding === 0) showHeld();
  else if (held.length) holdTimer ??= setTimeout(showHeld, maxHoldMs);
}

/** Fetches `url` (null: nothing to fetch). */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>(() => {
    const hit = url ? cached<T>(url) : undefined;
    return { data: hit, dataUrl: hit !== undefined ? url : null, error: null, loading: Boolean(url) && hit === undefined };
  });

  useEffect(() => {
    if (!url) {
      setState((s) => (s.loading ? { ...s, loading: false } : s));
      return;
    }
    const hit = cached<T>(url);
    if (hit !== undefined) {
      setState((s) => (s.dataUrl === url && s.data === hit && !s.loading ? s : { data: hit, dataUrl: url, error: null, loading: false }));
      return;
    }
    setState((s) => ({ ...s, loading: true, error: null }));
    const request = acquire<T>(url);
    outstanding++;
    let live = true;
    let ended = false;
    const end = (show: () => void) => {
      if (ended) return;
      ended = true;
      settle(() => live && show());
    };
    request.promise.then(
      (data) => end(() => setState({ data, dataUrl: url, error: null, loading: false })),
      (error: unknown) => end(() => !isAbort(error) && setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }))),
    );
    return () => {
      live = false;
      request.release();
      if (!ended) {
        ended = true;
        settle();
      }
    };
  }, [url]);

  return state;
}
