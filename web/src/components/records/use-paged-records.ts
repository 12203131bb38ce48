/**
 * Records of a filter, one page at a time with the API's cursor: the first page through the shared cache (so it
 * counts towards readiness and comes back instantly on Back), later pages appended as the reader asks for them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiUrl, fetchJson, isAbort } from '../../api/client.ts';
import type { EventRecord, RecordPage } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';

export interface PagedRecords {
  records: EventRecord[];
  total: number | undefined;
  /** True once the first page for the current filter is shown. */
  current: boolean;
  loading: boolean;
  error: Error | null;
  hasMore: boolean;
  loadMore: () => void;
  /** The URL of the first page (changes with the filter and the order). */
  url: string;
}

/** Pages of `entries` (filter parameters) in `sort` order, `limit` at a time. */
export function usePagedRecords(entries: [string, string][], sort: string, limit: number): PagedRecords {
  const url = apiUrl('records', [...entries, ['sort', sort], ['limit', String(limit)]]);
  const first = useApi<RecordPage>(url);
  const [more, setMore] = useState<{ url: string; records: EventRecord[]; next: string | null }>({ url: '', records: [], next: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  const controller = useRef<AbortController | null>(null);

  const current = first.dataUrl === url && first.data !== undefined;
  const page = first.data;
  const extra = more.url === url ? more : null;
  const next = extra ? extra.next : current ? (page?.next ?? null) : null;

  useEffect(() => {
    controller.current?.abort();
    setLoadingMore(false);
    setMoreError(null);
  }, [url]);
  useEffect(() => () => controller.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (!next || loadingMore) return;
    const c = new AbortController();
    controller.current = c;
    setLoadingMore(true);
    fetchJson<RecordPage>(`${url}&cursor=${encodeURIComponent(next)}`, c.signal).then(
      (p) => {
        setMore((m) => ({ url, records: [...(m.url === url ? m.records : []), ...p.records], next: p.next }));
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setMoreError(e instanceof Error ? e : new Error(String(e)));
        setLoadingMore(false);
      },
    );
  }, [next, loadingMore, url]);

  return {
    records: page ? [...page.records, ...(extra?.records ?? [])] : [],
    total: page?.total,
    current,
    loading: first.loading || loadingMore,
    error: first.error ?? moreError,
    hasMore: Boolean(next),
    loadMore,
    url,
  };
}
