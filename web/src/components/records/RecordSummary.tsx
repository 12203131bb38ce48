/**
 * One record in a list: kind, date at its precision, place, the start of the description, the perpetrator and
 * the casualties. The whole row is a button that opens the record.
 */
import type { EventRecord } from '../../api/types.ts';
import { formatCasualties, formatRecordDate } from '../../model/format.ts';
import { PlaceText } from './PlaceText.tsx';
import { KindBadge } from './KindBadge.tsx';

export interface RecordSummaryProps {
  record: EventRecord;
  countryName: (iso3: string) => string;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** A list row. */
export function RecordSummary({ record: r, countryName, selected, onOpen }: RecordSummaryProps) {
  const doer = r.actors.find((a) => a.role === 'perpetrator' || a.role === 'claimant') ?? r.actors[0];
  const killed = formatCasualties(r.killed);
  return (
    <button type="button" className={`record-summary${selected ? ' selected' : ''}`} onClick={() => onOpen(r.id)} aria-current={selected || undefined} data-record-id={r.id}>
      <span className="record-line">
        <KindBadge kind={r.kind} />
        <span className="record-date">{formatRecordDate(r, r.datePrecision === 'day')}</span>
      </span>
      <span className="record-place">
        <PlaceText place={r.place} countryName={countryName} />
        {r.place.lat === null && <span className="no-location"> · no location</span>}
      </span>
      {r.description && (
        <span className="record-description" dir="auto">
          {r.description}
        </span>
      )}
      <span className="record-meta">
        {doer && (
          <span dir="auto" className="record-actor">
            {doer.name}
          </span>
        )}
        {killed !== 'unknown' && <span className="record-killed">{killed} killed</span>}
      </span>
    </button>
  );
}
