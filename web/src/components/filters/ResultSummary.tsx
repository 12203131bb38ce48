/**
 * The headline of the selection: how many records match, how many of them have no location (so nothing filtered
 * in is invisible on the map), and the datasets they come from; and the same count said to screen readers.
 */
import { formatCount } from '../../model/format.ts';
import { useSlow } from '../../state/use-slow.ts';

export interface ResultSummaryProps {
  total: number | undefined;
  unlocated: number | undefined;
  loading: boolean;
  onShowUnlocated: () => void;
}

const matches = (total: number | undefined) => (total === 1 ? 'record matches' : 'records match');

/** "1,234 records match" and the unlocated note. */
export function ResultSummary({ total, unlocated, loading, onShowUnlocated }: ResultSummaryProps) {
  const slow = useSlow(loading);
  return (
    <div className="result-summary">
      <p>
        <strong className="total" data-testid="total">
          {total === undefined ? '…' : formatCount(total)}
        </strong>{' '}
        {matches(total)}
        {/* A still label, not a spinner: a running animation makes the browser composite the page (map included)
            every frame, which costs a whole core where WebGL is drawn in software. */}
        {slow && <span className="updating">updating…</span>}
      </p>
      {unlocated !== undefined && unlocated > 0 && (
        <button type="button" className="link-button small" onClick={onShowUnlocated} data-testid="unlocated-link">
          {formatCount(unlocated)} {unlocated === 1 ? 'record has' : 'records have'} no location and {unlocated === 1 ? 'is' : 'are'} not on the map — list {unlocated === 1 ? 'it' : 'them'}
        </button>
      )}
    </div>
  );
}

/**
 * "1,234 records match", said politely once the count for a new filter is in. Empty while loading, so every new
 * selection is announced once, even with the same count; and empty while `quiet` (timeline playback, which changes
 * the filter about once a second), so the count is said once, when playback stops.
 */
export function ResultAnnouncement({ total, loading, quiet }: { total: number | undefined; loading: boolean; quiet: boolean }) {
  return (
    <p className="visually-hidden" role="status">
      {quiet || loading || total === undefined ? '' : `${formatCount(total)} ${matches(total)}`}
    </p>
  );
}
