/** A search box's answers: `fetcher(q)` once the user pauses typing, stale answers dropped. */
import { useEffect, useState } from 'react';

/** Results for `query` (trimmed, at least `min` characters), fetched 200 ms after the last keystroke. */
export function useSearch<T>(query: string, fetcher: (q: string) => Promise<T[]>, min = 2): T[] {
  const [results, setResults] = useState<T[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < min) {
      setResults([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => fetcher(q).then((r) => live && setResults(r), () => live && setResults([])), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The fetcher is a plain function of the query; a new identity each render must not refetch.
  }, [query, min]);
  return results;
}
