/**
 * The table view of the selection: every record, sortable by date or killed, smooth with any number of rows —
 * only the rows in sight are in the page (virtualised), and further pages are fetched with the API's cursor as
 * the reader scrolls towards them.
 */
import { useEffect, useRef, useState } from 'react';
import type { SortOrder } from '../../../../src/core/event-store.ts';
import { formatCasualties, formatCount, formatRecordDate } from '../../model/format.ts';
import { kindColours, kindLabels } from '../../model/kinds.ts';
import { markRendered } from '../../state/ready.ts';
import { PlaceText } from '../records/PlaceText.tsx';
import type { RecordViewProps } from '../records/RecordList.tsx';
import { usePagedRecords } from '../records/use-paged-records.ts';

const rowHeight = 40;
const overscan = 10;
const pageSize = 200;

/** The table. */
export function RecordTable({ entries, filterKey, sort, onSort, selected, onOpen, countryName }: RecordViewProps) {
  const pages = usePagedRecords(entries, sort, pageSize);
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });

  useEffect(() => {
    if (pages.current || pages.error) markRendered('table', filterKey);
  }, [pages.current, pages.error, pages.url, filterKey]);

  // A new filter or order starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [pages.url]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setScroll((s) => ({ ...s, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const rows = pages.records;
  const first = Math.max(0, Math.floor(scroll.top / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / rowHeight) + overscan);

  // Fetch the next page before the reader reaches the end of what is loaded.
  useEffect(() => {
    if (pages.hasMore && !pages.loading && last >= rows.length - overscan * 2) pages.loadMore();
  }, [last, rows.length, pages]);

  const sortButton = (field: 'date' | 'killed', label: string) => {
    const active = sort === field || sort === `-${field}`;
    const descending = sort === `-${field}`;
    const next: SortOrder = active && descending ? field : (`-${field}` as SortOrder);
    return (
      <button type="button" className={`sort-button${active ? ' active' : ''}`} onClick={() => onSort(next)} aria-label={`Sort by ${label.toLowerCase()}, ${active && descending ? 'ascending' : 'descending'}`}>
        {label} <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
      </button>
    );
  };
  const ariaSort = (field: 'date' | 'killed') => (sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none');

  return (
    <section className="table-view" aria-labelledby="table-title">
      <div className="panel-head">
        <h2 id="table-title">
          Table{pages.total !== undefined && <span className="muted"> · {formatCount(pages.total)} records</span>}
        </h2>
        <span className="muted small">
          {formatCount(rows.length)} loaded{pages.loading ? ', loading more…' : ''}
        </span>
      </div>
      {pages.error && <p className="error" role="alert">Could not load the records: {pages.error.message}</p>}
      <div className="grid" role="table" aria-rowcount={(pages.total ?? rows.length) + 1} aria-label="Records">
        <div className="grid-row grid-header" role="row" aria-rowindex={1}>
          <span role="columnheader" aria-sort={ariaSort('date')} className="c-date">
            {sortButton('date', 'Date')}
          </span>
          <span role="columnheader" className="c-kind">Kind</span>
          <span role="columnheader" className="c-place">Place</span>
          <span role="columnheader" className="c-actor">Actor</span>
          <span role="columnheader" aria-sort={ariaSort('killed')} className="c-killed">
            {sortButton('killed', 'Killed')}
          </span>
          <span role="columnheader" className="c-desc">Description</span>
        </div>
        <div ref={scroller} className="grid-body" onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} data-testid="table-body">
          <div style={{ height: rows.length * rowHeight, position: 'relative' }} role="rowgroup">
            {rows.slice(first, last).map((r, i) => {
              const index = first + i;
              const doer = r.actors.find((a) => a.role === 'perpetrator' || a.role === 'claimant') ?? r.actors[0];
              return (
                <div
                  key={r.id}
                  role="row"
                  aria-rowindex={index + 2}
                  className={`grid-row${r.id === selected ? ' selected' : ''}`}
                  style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
                  onClick={() => onOpen(r.id)}
                >
                  <span role="cell" className="c-date">
                    <button type="button" className="link-button" onClick={(e) => (e.stopPropagation(), onOpen(r.id))}>
                      {formatRecordDate(r, true)}
                    </button>
                  </span>
                  <span role="cell" className="c-kind">
                    <span className="legend-dot" style={{ background: kindColours[r.kind] }} aria-hidden="true" /> {kindLabels[r.kind]}
                  </span>
                  <span role="cell" className="c-place">
                    <PlaceText place={r.place} countryName={countryName} />
                  </span>
                  <span role="cell" className="c-actor" dir="auto">
                    {doer?.name ?? '—'}
                  </span>
                  <span role="cell" className="c-killed">
                    {formatCasualties(r.killed)}
                  </span>
                  <span role="cell" className="c-desc" dir="auto">
                    {r.description}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
