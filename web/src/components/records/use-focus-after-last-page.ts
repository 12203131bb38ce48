/**
 * Keeps keyboard focus when "Show more" brings the last page and goes away with it: focus moves to the first record
 * that page brought, where the reader was heading, instead of falling to the page.
 *
 * @example
 * const pressed = useFocusAfterLastPage(records, loading, 'record-list-title');
 * <KeepFocusButton onClick={() => (pressed(), loadMore())} …>Show more</KeepFocusButton>
 */
import { useLayoutEffect, useRef } from 'react';

/** Call the returned function as "Show more" is pressed; `headingId` takes focus when the page brought nothing. */
export function useFocusAfterLastPage(records: readonly { id: string }[], loading: boolean, headingId: string): () => void {
  const shownBefore = useRef<number | null>(null);
  // A layout effect, so focus never sits on the page between the button going and the move.
  useLayoutEffect(() => {
    const from = shownBefore.current;
    if (from === null || loading) return;
    shownBefore.current = null;
    // The button is still there (more pages to come), with its focus: nothing to do.
    if (document.activeElement && document.activeElement !== document.body) return;
    const next = records[from];
    (next ? document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(next.id)}"]`) : document.getElementById(headingId))?.focus();
  });
  return () => {
    shownBefore.current = records.length;
  };
}
