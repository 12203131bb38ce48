/**
 * Records without a location. The facets answer says how many match and how many of those have coordinates; the
 * filter language has no "has no location" parameter, so the list is gathered by reading pages and keeping the
 * unlocated ones, a bounded number of pages per request of the reader.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiUrl, fetchJson, isAbort } from '../../api/client.ts';
import type { EventRecord, RecordPage } from '../../api/types.ts';

/** How many matching records have no coordinates, from the facets answer's totals (undefined until known). */
export function unlocatedCount(entries: [string, string][], totals: { total: number; located: number } | undefined): number | undefined {
  // A bbox filter already excludes every unlocated record.
  if (entries.some(([k]) => k === 'bbox')) return 0;
  return totals && totals.total - totals.located;
}

export interface UnlocatedScan {
  records: EventRecord[];
  scanned: number;
  done: boolean;
  loading: boolean;
  error: Error | null;
  /** Reads up to `pages` more pages, stopping early once `want` more records are found. */
  more: () => void;
}

const pageSize = 1000;
const pagesPerStep = 10;
const want = 50;

/** Scans the selection for unlocated records. */
export function useUnlocatedScan(entries: [string, string][]): UnlocatedScan {
  const base = apiUrl('records', [...entries, ['sort', '-date'], ['limit', String(pageSize)]]);
  const [scan, setScan] = useState({ base, records: [] as EventRecord[], scanned: 0, cursor: null as string | null, done: false });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const controller = useRef<AbortController | null>(null);
  const current = scan.base === base ? scan : { base, records: [], scanned: 0, cursor: null, done: false };

  const more = useCallback(() => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setLoading(true);
    setError(null);
    (async () => {
      let { records, scanned, cursor, done } = current;
      let found = 0;
      for (let i = 0; i < pagesPerStep && !done && found < want; i++) {
        const page = await fetchJson<RecordPage>(cursor ? `${base}&cursor=${encodeURIComponent(cursor)}` : base, c.signal);
        const hits = page.records.filter((r) => r.place.lat === null || r.place.lon === null);
        records = [...records, ...hits];
        found += hits.length;
        scanned += page.records.length;
        cursor = page.next;
        done = !page.next;
      }
      setScan({ base, records, scanned, cursor, done });
      setLoading(false);
    })().catch((e: unknown) => {
      if (isAbort(e)) return;
      setError(e instanceof Error ? e : new Error(String(e)));
      setLoading(false);
    });
  }, [base, current]);

  // Start scanning as soon as the list is shown, and again whenever the filter changes.
  const started = useRef('');
  useEffect(() => {
    if (started.current === base) return;
    started.current = base;
    more();
  }, [base, more]);
  useEffect(() => () => controller.current?.abort(), []);

  return { records: current.records, scanned: current.scanned, done: current.done, loading, error, more };
}
