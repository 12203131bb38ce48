/**
 * The full explorer: header with searches and sharing, the filter column, the map / table / charts with the
 * timeline under them, and the record list or the open record beside them. On a phone the columns stack and the
 * filters open as a drawer.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FacetsResponse, Kind } from '../../api/types.ts';
import { useActorNames } from '../../api/use-actor-names.ts';
import { describeFilters } from '../../model/describe-filters.ts';
import { formatCount } from '../../model/format.ts';
import { setList, setScalar, toggleValue, toggleValues, type Filters, type ViewState } from '../../model/view-state.ts';
import type { UpdateView } from '../../state/use-view-state.ts';
import { ChartsView } from '../charts/ChartsView.tsx';
import { ActorBox } from '../filters/ActorBox.tsx';
import { KeywordBox } from '../filters/KeywordBox.tsx';
import { ResultAnnouncement } from '../filters/ResultSummary.tsx';
import { MapModeSwitch } from '../map/MapModeSwitch.tsx';
import { MapView } from '../map/MapView.tsx';
import { RecordList } from '../records/RecordList.tsx';
import { RecordPanel } from '../records/RecordPanel.tsx';
import { UnlocatedList } from '../records/UnlocatedList.tsx';
import { unlocatedCount } from '../records/use-unlocated.ts';
import { ShareBar } from '../share/ShareBar.tsx';
import { RecordTable } from '../table/RecordTable.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { Header } from './Header.tsx';
import { Sidebar } from './Sidebar.tsx';
import { TabBar } from './TabBar.tsx';
import { useFilterDrawer } from './use-filter-drawer.ts';

export interface MainViewProps {
  view: ViewState;
  update: UpdateView;
  entries: [string, string][];
  filterKey: string;
  facets: FacetsResponse | undefined;
  facetsLoading: boolean;
  /** Why the counts could not be had (an invalid filter in the address): the filters say so instead of waiting. */
  facetsError?: Error | null;
  kinds: Kind[];
  countryName: (iso3: string) => string;
  openRecord: (id: string) => void;
}

/** The explorer layout. */
export function MainView({ view, update, entries, filterKey, facets, facetsLoading, facetsError, kinds, countryName, openRecord }: MainViewProps) {
  const [listMode, setListMode] = useState<'records' | 'unlocated'>('records');
  const drawer = useFilterDrawer();
  // The page behind the open drawer is out of reach until it closes.
  const modal = drawer.open;
  // Playback steps the filter about once a second: the count is announced when it stops, not at every step.
  const [playing, setPlaying] = useState(false);
  const [focus, setFocus] = useState<{ lon: number; lat: number; precision: string } | null>(null);
  const actorValues = facets?.facets.actor?.values;
  // Charts name actor ids beyond the facet's top values, and so may a selected or left-out actor.
  const chosenActors = [...(view.filters.actor ?? []), ...(view.filters.not_actor ?? [])];
  const namesWanted = view.tab === 'charts' || chosenActors.some((a) => actorValues !== undefined && !actorValues.some((v) => v.value === a));
  const actorName = useActorNames(actorValues, namesWanted);
  const unlocated = unlocatedCount(entries, facetsLoading ? undefined : facets);
  const setFilters = useCallback((filters: Filters) => update((v) => ({ ...v, filters })), [update]);
  const closeRecord = useCallback(() => update((v) => ({ ...v, record: null })), [update]);
  const timelineEntries = entries.filter(([k]) => k !== 'from' && k !== 'to');
  const caption = describeFilters(view.filters, countryName, actorName);

  // Set in the same task as the change it names: a title changed a task later costs a frame of its own (without a
  // GPU, tens of milliseconds of drawing while the server answers), and kept as App state it re-rendered the page.
  useLayoutEffect(() => {
    document.title = `Sitrep — ${caption}`;
  }, [caption]);
  useEffect(() => {
    if (!view.record) setFocus(null);
  }, [view.record]);
  // Closing a record (Escape, "Back to the list", the browser's Back) takes keyboard focus back to it in the list,
  // where the reader left off, or to the list's heading — unless the reader has put focus somewhere else already.
  const openedRecord = useRef<string | null>(null);
  useEffect(() => {
    const closed = openedRecord.current;
    openedRecord.current = view.record;
    if (view.record || !closed) return;
    requestAnimationFrame(() => {
      if (document.activeElement !== document.body) return;
      (document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(closed)}"]`) ?? document.getElementById('record-list-title'))?.focus();
    });
  }, [view.record]);
  // The unlocated list belongs to one selection; a new filter goes back to the full list.
  useEffect(() => setListMode('records'), [filterKey]);

  const showSide = view.tab === 'map' || view.record !== null;
  const filterCount = entries.length;

  return (
    <div className={`app${showSide ? ' with-side' : ''}${modal ? ' drawer-open' : ''}`}>
      <a className="skip-link" href="#view-panel" inert={modal}>
        Skip to the map
      </a>
      {/* Outside every part that turns inert, so it speaks whether the drawer is open, closed or not a drawer. */}
      <ResultAnnouncement total={facets?.total} loading={facetsLoading} quiet={playing} />
      <Header
        inert={modal}
        search={
          <>
            <KeywordBox value={view.filters.q ?? ''} onSearch={(q) => setFilters(setScalar(view.filters, 'q', q || undefined))} />
            <ActorBox onPick={(a) => setFilters(view.filters.actor?.includes(a) ? view.filters : setList(view.filters, 'actor', [...(view.filters.actor ?? []), a]))} />
          </>
        }
        actions={<ShareBar entries={entries} />}
        filtersButton={
          <button type="button" className="button filters-button" ref={drawer.button} aria-expanded={modal} aria-controls="filters" onClick={drawer.toggle}>
            Filters{filterCount ? ` (${filterCount})` : ''}
          </button>
        }
      />
      <Sidebar
        id="filters"
        filters={view.filters}
        facets={facets}
        loading={facetsLoading}
        error={facetsError}
        unlocated={unlocated}
        onChange={setFilters}
        onShowUnlocated={() => {
          setListMode('unlocated');
          if (modal) drawer.close();
          update((v) => ({ ...v, tab: 'map', record: null }));
        }}
        countryName={countryName}
        actorName={actorName}
        {...(modal ? { onClose: drawer.close } : {})}
        closed={drawer.closed}
      />
      {/* For pointers only: a focusable scrim would be a Tab stop outside the dialog, whose own button and Escape
          close it from the keyboard. */}
      {modal && <div className="drawer-scrim" aria-hidden="true" onClick={drawer.close} />}
      <main className="center" inert={modal}>
        <div className="view-tools">
          <TabBar tab={view.tab} onChange={(tab) => update((v) => ({ ...v, tab }))} />
          <span className="mobile-total" aria-hidden="true">
            {facets ? `${formatCount(facets.total)} records` : ''}
          </span>
          {view.tab === 'map' && <MapModeSwitch mode={view.mode} onChange={(mode) => update((v) => ({ ...v, mode }))} />}
        </div>
        <div id="view-panel" className="view-panel" role="tabpanel" aria-labelledby={`tab-${view.tab}`} tabIndex={-1}>
          {view.tab === 'map' && (
            <MapView
              entries={entries}
              filterKey={filterKey}
              mode={view.mode}
              position={view.map}
              focus={focus}
              kinds={kinds}
              onMove={(map) => update((v) => ({ ...v, map }), { replace: true })}
              onOpenRecord={openRecord}
              onAreaClick={(country, admin1) => setFilters(admin1 ? toggleValues(view.filters, 'admin1', admin1) : toggleValue(view.filters, 'country', country))}
              countryName={countryName}
            />
          )}
          {view.tab === 'table' && (
            <RecordTable entries={entries} filterKey={filterKey} sort={view.sort} onSort={(sort) => update((v) => ({ ...v, sort }))} selected={view.record} onOpen={openRecord} countryName={countryName} />
          )}
          {view.tab === 'charts' && <ChartsView entries={entries} filterKey={filterKey} caption={caption} countryName={countryName} actorName={actorName} />}
        </div>
        <Timeline
          entries={timelineEntries}
          filterKey={filterKey}
          from={view.filters.from}
          to={view.filters.to}
          bucket={view.bucket}
          onBucket={(bucket) => update((v) => ({ ...v, bucket }))}
          onRange={(from, to) => setFilters(setScalar(setScalar(view.filters, 'from', from), 'to', to))}
          onPlayStep={(from, to) => update((v) => ({ ...v, filters: setScalar(setScalar(v.filters, 'from', from), 'to', to) }), { replace: true })}
          onPlaying={setPlaying}
        />
      </main>
      {showSide && (
        <div className="side" inert={modal}>
          {view.record ? (
            <RecordPanel id={view.record} onClose={closeRecord} onOpen={openRecord} countryName={countryName} onLocated={setFocus} />
          ) : listMode === 'unlocated' ? (
            <UnlocatedList entries={entries} count={unlocated} total={facets?.total} selected={view.record} onOpen={openRecord} onClose={() => setListMode('records')} countryName={countryName} />
          ) : (
            <RecordList entries={entries} filterKey={filterKey} sort={view.sort} onSort={(sort) => update((v) => ({ ...v, sort }))} selected={view.record} onOpen={openRecord} countryName={countryName} />
          )}
        </div>
      )}
    </div>
  );
}
