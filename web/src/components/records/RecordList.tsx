/**
 * The records of the selection as a list beside the map, newest first (or oldest, or deadliest), fifty at a
 * time: what happened, where and when, one click from the full record.
 */
import { useEffect } from 'react';
import type { SortOrder } from '../../../../src/core/event-store.ts';
import { formatCount } from '../../model/format.ts';
import { markRendered } from '../../state/ready.ts';
import { useSlow } from '../../state/use-slow.ts';
import { KeepFocusButton } from '../KeepFocusButton.tsx';
import { RecordSummary } from './RecordSummary.tsx';
import { useFocusAfterLastPage } from './use-focus-after-last-page.ts';
import { usePagedRecords } from './use-paged-records.ts';

/** What both views of the selected records take: the list beside the map and the table. */
export interface RecordViewProps {
  entries: [string, string][];
  filterKey: string;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  selected: string | null;
  onOpen: (id: string) => void;
  countryName: (iso3: string) => string;
}

export const sortLabels: Record<SortOrder, string> = { '-date': 'Newest first', date: 'Oldest first', '-killed': 'Most killed first', killed: 'Fewest killed first' };

/** The list with its order and "Load more". */
export function RecordList({ entries, filterKey, sort, onSort, selected, onOpen, countryName }: RecordViewProps) {
  const pages = usePagedRecords(entries, sort, 50);
  const stale = useSlow(!pages.current);
  const pressed = useFocusAfterLastPage(pages.records, pages.loading, 'record-list-title');

  useEffect(() => {
    // An error is a final state too: the panel shows it, and waiting for more would wait forever.
    if (pages.current || pages.error) markRendered('records', filterKey);
  }, [pages.current, pages.error, pages.url, filterKey]);

  return (
    <section className="record-list" aria-labelledby="record-list-title" aria-busy={pages.loading}>
      <div className="panel-head">
        <h2 id="record-list-title" tabIndex={-1}>
          Records{pages.total !== undefined && <span className="muted"> · {formatCount(pages.total)}</span>}
        </h2>
        <label className="sort-select">
          <span className="visually-hidden">Order</span>
          <select value={sort} onChange={(e) => onSort(e.target.value as SortOrder)}>
            {(Object.keys(sortLabels) as SortOrder[]).map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {pages.error && <p className="error" role="alert">Could not load the records: {pages.error.message}</p>}
      {pages.total === 0 && <p className="muted empty-note">No record matches. Remove a filter to widen the selection.</p>}
      <ol className={`record-items${stale ? ' stale' : ''}`}>
        {pages.records.map((r) => (
          <li key={r.id}>
            <RecordSummary record={r} countryName={countryName} selected={r.id === selected} onOpen={onOpen} />
          </li>
        ))}
      </ol>
      {pages.hasMore && (
        <KeepFocusButton className="button load-more" onClick={() => (pressed(), pages.loadMore())} unavailable={pages.loading}>
          {pages.loading ? 'Loading…' : `Show more (${formatCount(pages.records.length)} of ${formatCount(pages.total ?? 0)} shown)`}
        </KeepFocusButton>
      )}
    </section>
  );
}
