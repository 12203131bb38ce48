/**
 * Keeps keyboard focus in a list whose focused entry goes away (a removed filter chip or actor, a record published
 * from the review queue): without it, focus falls to the page and a keyboard or screen-reader user starts over from
 * the top.
 *
 * @example
 * const { list, removing } = useFocusAfterRemoval<HTMLUListElement>('button', () => search.current?.focus());
 * // <ul ref={list}>… <button onClick={() => { removing(i); remove(i); }}>Remove</button>
 */
import { useLayoutEffect, useRef } from 'react';

/**
 * Call `removing(i)` just before entry `i` goes. After the render without it, if focus was lost, focus moves to what
 * is now entry `i` (the one that followed), else to the new last entry, else `fallback()` runs. Entries are the
 * elements matching `selector` inside `list`.
 */
export function useFocusAfterRemoval<T extends HTMLElement>(selector: string, fallback: () => void) {
  const list = useRef<T>(null);
  const pending = useRef<number | null>(null);
  // A layout effect, run before the browser paints or runs anything else: with a plain effect, focus sat on the page
  // for a moment after the entry went, long enough for a screen reader (or a test) to see it lost.
  useLayoutEffect(() => {
    const index = pending.current;
    if (index === null) return;
    pending.current = null;
    // Focus someone has put elsewhere already (or that never left) stays where it is.
    if (document.activeElement && document.activeElement !== document.body) return;
    const entries = Array.from(list.current?.querySelectorAll<HTMLElement>(selector) ?? []);
    const next = entries[Math.min(index, entries.length - 1)];
    if (next) next.focus();
    else fallback();
  });
  return {
    list,
    removing: (index: number) => {
      pending.current = index;
    },
  };
}
