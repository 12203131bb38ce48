/**
 * The filter column as a drawer, on narrow screens (phones, or a laptop at 200% zoom) where it slides over the view:
 * closed, it is off-screen and out of reach of Tab and assistive technology (inert); open, it is a modal dialog, the
 * page behind it out of reach instead, closed by its own button, the scrim or Escape — which give focus back to the
 * Filters button. On a wide screen it is a column and none of this applies.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { narrowScreen, useMediaQuery } from '../use-media-query.ts';

export interface FilterDrawer {
  /** Open over the view: the filters are a modal dialog and the rest of the page is inert. */
  open: boolean;
  /** Closed off-screen: the filters are inert. */
  closed: boolean;
  toggle: () => void;
  close: () => void;
  /** The Filters button, where focus goes back. */
  button: RefObject<HTMLButtonElement | null>;
}

/** The drawer's state. */
export function useFilterDrawer(): FilterDrawer {
  const [shown, setShown] = useState(false);
  const narrow = useMediaQuery(narrowScreen);
  // Widening the window puts the column back: no drawer is left open to come back to.
  useEffect(() => {
    if (!narrow) setShown(false);
  }, [narrow]);
  const open = narrow && shown;
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    // The header stops being inert in this render, and only then can its Filters button take focus back.
    flushSync(() => setShown(false));
    button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      // Handled: a record open behind the drawer stays open (see RecordPanel).
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, close]);
  return { open, closed: narrow && !shown, toggle: () => setShown(!shown), close, button };
}
