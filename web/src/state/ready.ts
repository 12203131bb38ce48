/**
 * Readiness, for people and machines: each panel reports the filter it last finished drawing, and the page is
 * *settled* when every visible panel shows the current filter. Tests and the benchmark wait on
 * `window.__sitrep.settled()`; `document.documentElement.dataset.settled` mirrors it for plain selectors.
 *
 * @example
 * // in a browser test
 * await page.waitForFunction(() => window.__sitrep?.settled());
 */

export type Panel = 'map' | 'timeline' | 'facets' | 'records' | 'table' | 'charts';

interface ReadyState {
  /** The filter key every expected panel should show. */
  key: string;
  expected: Set<Panel>;
  rendered: Map<Panel, string>;
  /** Resolves the first time the page settles. */
  firstView: Promise<number>;
  /** How many times a new filter has been asked for (tests use it to wait for a change). */
  changes: number;
  settled(): boolean;
  /**
   * Resolves with `performance.now()` at the moment the page settles on a filter other than `key` — for timing a
   * change without polling (polling on animation frames makes the browser draw frames the page never asked for).
   */
  settledAfter(key: string): Promise<number>;
}

declare global {
  interface Window {
    __sitrep?: ReadyState;
  }
}

let resolveFirst: (ms: number) => void = () => undefined;
const state: ReadyState = {
  key: '',
  expected: new Set(),
  rendered: new Map(),
  firstView: new Promise<number>((resolve) => (resolveFirst = resolve)),
  changes: 0,
  settled: () => [...state.expected].every((p) => state.rendered.get(p) === state.key),
  settledAfter: (key) =>
    new Promise((resolve) => {
      if (state.key !== key && state.settled()) return resolve(performance.now());
      const stop = onSettled((settledOn) => {
        if (settledOn === key) return;
        stop();
        resolve(performance.now());
      });
    }),
};
if (typeof window !== 'undefined') window.__sitrep = state;

const listeners = new Set<(key: string) => void>();
let lastSettled: string | null = null;

function publish(): void {
  const settled = state.settled();
  document.documentElement.dataset.settled = String(settled);
  if (!settled) return;
  resolveFirst(performance.now());
  if (lastSettled !== state.key) {
    lastSettled = state.key;
    for (const l of listeners) l(state.key);
  }
}

/** The filter key the page last settled on. */
export function settledKey(): string | null {
  return lastSettled;
}

/** Calls `listener` with the key each time the page settles on a new filter; returns the unsubscribe. */
export function onSettled(listener: (key: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Declares the current filter key and which panels are on screen. */
export function expectPanels(key: string, panels: readonly Panel[]): void {
  if (key !== state.key) state.changes++;
  state.key = key;
  state.expected = new Set(panels);
  publish();
}

/** A panel has finished drawing the data for `key`. */
export function markRendered(panel: Panel, key: string): void {
  state.rendered.set(panel, key);
  publish();
}
