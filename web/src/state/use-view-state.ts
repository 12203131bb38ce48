/**
 * The view state bound to the address bar: reading it on load and on back/forward, writing it on every change.
 * Changes a reader would want to step back through (filters, the open record, the tab) add a history entry;
 * continuous ones (panning the map, playing the timeline) replace the current entry instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatView, parseView, type ViewState } from '../model/view-state.ts';

export type UpdateView = (change: (view: ViewState) => ViewState, options?: { replace?: boolean }) => void;

/** The current view and a function to change it. */
export function useViewState(): [ViewState, UpdateView] {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const current = useRef(view);

  useEffect(() => {
    const onPop = () => {
      current.current = parseView(window.location.search);
      setView(current.current);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback<UpdateView>((change, options = {}) => {
    const next = change(current.current);
    if (next === current.current) return;
    const search = formatView(next);
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    current.current = next;
    setView(next);
  }, []);

  return [view, update];
}
