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

/**
 * `value`, changed on screen together with the answers of the change that made it: a panel that can work out
 * its new look without asking (the timeline narrowed to the selected kinds) would otherwise repaint on the
 * click, and once more when the other panels' answers land.
 */
export function useShownTogether<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let live = true;
    const show = () => live && setShown(() => value);
    // After the other effects of this render, which start its requests.
    queueMicrotask(() => (outstanding ? held.push(show) : show()));
    return () => {
      live = false;
    };
  }, [value]);
  return shown;
}

/** What the hook keeps: the last answer shown and the last failure, each with the URL it belongs to. */
interface Kept<T> {
  data: T | undefined;
  dataUrl: string | null;
  error: Error | null;
  errorUrl: string | null;
}

/** Fetches `url` (null: nothing to fetch). */
export function useApi<T>(url: string | null): ApiState<T> {
  const [kept, setKept] = useState<Kept<T>>(() => {
    const hit = url ? cached<T>(url) : undefined;
    return { data: hit, dataUrl: hit !== undefined ? url : null, error: null, errorUrl: null };
  });

  useEffect(() => {
    if (!url) return;
    const hit = cached<T>(url);
    if (hit !== undefined) {
      setKept((k) => (k.dataUrl === url && k.data === hit ? k : { ...k, data: hit, dataUrl: url }));
      return;
    }
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
      (data) => end(() => setKept((k) => ({ ...k, data, dataUrl: url }))),
      (error: unknown) => end(() => !isAbort(error) && setKept((k) => ({ ...k, error: error instanceof Error ? error : new Error(String(error)), errorUrl: url }))),
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

  // Loading is worked out, not stored: setting a flag when a request starts would render every panel a second
  // time on each change, just to say what the new URL already says.
  const answered = url === null || kept.dataUrl === url;
  const failed = url !== null && kept.errorUrl === url;
  return { data: kept.data, dataUrl: kept.dataUrl, error: failed ? kept.error : null, loading: !answered && !failed };
}
