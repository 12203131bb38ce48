/**
 * `useApi(url)`: the answer for a URL, kept while the next one loads so panels update in place instead of
 * flashing empty; requests for URLs no longer shown are cancelled.
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
    let live = true;
    request.promise.then(
      (data) => live && setState({ data, dataUrl: url, error: null, loading: false }),
      (error: unknown) => {
        if (live && !isAbort(error)) setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      },
    );
    return () => {
      live = false;
      request.release();
    };
  }, [url]);

  return state;
}
