/** Whether a CSS media query matches, kept current as the window resizes or zooms. */
import { useCallback, useSyncExternalStore } from 'react';

/** Phones and narrow windows (or 200% zoom): the layout stacks and the filters become a drawer (styles/layout.css). */
export const narrowScreen = '(max-width: 820px)';

/** True while `query` matches. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
