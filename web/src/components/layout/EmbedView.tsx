/**
 * The framed view (`?embed=1`): the map with its legend and the timeline, for the current filters, without the
 * editing chrome. Anything that would edit the view opens the full app in a new tab instead.
 */
import type { Kind } from '../../api/types.ts';
import { formatCount } from '../../model/format.ts';
import { formatView, setScalar, type ViewState } from '../../model/view-state.ts';
import type { UpdateView } from '../../state/use-view-state.ts';
import { MapView } from '../map/MapView.tsx';
import { Timeline } from '../timeline/Timeline.tsx';

export interface EmbedViewProps {
  view: ViewState;
  update: UpdateView;
  entries: [string, string][];
  filterKey: string;
  total: number | undefined;
  kinds: Kind[];
  countryName: (iso3: string) => string;
}

/** The address of the full app for this view (and, optionally, one record). */
function fullUrl(view: ViewState, record?: string): string {
  return `${window.location.origin}/${formatView({ ...view, embed: false, record: record ?? null })}`;
}

/** The embed layout. */
export function EmbedView({ view, update, entries, filterKey, total, kinds, countryName }: EmbedViewProps) {
  return (
    <div className="embed">
      <header className="embed-header">
        <strong>Sitrep</strong>
        <span data-testid="total">{total === undefined ? '…' : `${formatCount(total)} records`}</span>
        <a href={fullUrl(view)} target="_blank" rel="noopener noreferrer">
          Open the full map ↗
        </a>
      </header>
      <div className="embed-map">
        <MapView
          entries={entries}
          filterKey={filterKey}
          mode={view.mode}
          position={view.map}
          focus={null}
          kinds={kinds}
          onMove={(map) => update((v) => ({ ...v, map }), { replace: true })}
          onOpenRecord={(id) => window.open(fullUrl(view, id), '_blank', 'noopener,noreferrer')}
          countryName={countryName}
        />
      </div>
      <Timeline
        entries={entries.filter(([k]) => k !== 'from' && k !== 'to')}
        filterKey={filterKey}
        from={view.filters.from}
        to={view.filters.to}
        bucket={view.bucket}
        onBucket={(bucket) => update((v) => ({ ...v, bucket }), { replace: true })}
        onRange={(from, to) => update((v) => ({ ...v, filters: setScalar(setScalar(v.filters, 'from', from), 'to', to) }), { replace: true })}
        onPlayStep={(from, to) => update((v) => ({ ...v, filters: setScalar(setScalar(v.filters, 'from', from), 'to', to) }), { replace: true })}
        compact
      />
    </div>
  );
}
