/**
 * "N records without a location": the records the map cannot draw, listed so that nothing filtered in is
 * invisible.
 */
import { formatCount } from '../../model/format.ts';
import { KeepFocusButton } from '../KeepFocusButton.tsx';
import { RecordSummary } from './RecordSummary.tsx';
import { useUnlocatedScan } from './use-unlocated.ts';
import { useFocusAfterLastPage } from './use-focus-after-last-page.ts';

export interface UnlocatedListProps {
  entries: [string, string][];
  count: number | undefined;
  total: number | undefined;
  selected: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
  countryName: (iso3: string) => string;
}

/** The list, with progress while it reads the selection. */
export function UnlocatedList({ entries, count, total, selected, onOpen, onClose, countryName }: UnlocatedListProps) {
  const scan = useUnlocatedScan(entries);
  const complete = scan.done || (count !== undefined && scan.records.length >= count);
  const pressed = useFocusAfterLastPage(scan.records, scan.loading, 'unlocated-title');
  return (
    <section className="record-list" aria-labelledby="unlocated-title" aria-busy={scan.loading}>
      <div className="panel-head">
        <h2 id="unlocated-title" tabIndex={-1}>
          Without a location{count !== undefined && <span className="muted"> · {formatCount(count)}</span>}
        </h2>
        <button type="button" className="link-button" onClick={onClose}>
          All records
        </button>
      </div>
      <p className="muted small">These records match the filters but have no coordinates, so the map cannot show them.</p>
      {scan.error && <p className="error" role="alert">Could not read the records: {scan.error.message}</p>}
      <ol className="record-items" data-testid="unlocated-list">
        {scan.records.map((r) => (
          <li key={r.id}>
            <RecordSummary record={r} countryName={countryName} selected={r.id === selected} onOpen={onOpen} />
          </li>
        ))}
      </ol>
      {!complete && (
        <KeepFocusButton className="button load-more" onClick={() => (pressed(), scan.more())} unavailable={scan.loading}>
          {scan.loading ? `Reading… (${formatCount(scan.scanned)} of ${formatCount(total ?? 0)} records read)` : `Find more (${formatCount(scan.scanned)} of ${formatCount(total ?? 0)} records read)`}
        </KeepFocusButton>
      )}
    </section>
  );
}
