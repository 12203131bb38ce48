/**
 * The application: reads the view from the address bar and lays out the full explorer (filters, map / table /
 * charts, timeline, record list and record panel), or the framed view for embedding (`?embed=1`).
 */
import { useCallback, useEffect } from 'react';
import { apiUrl } from './api/client.ts';
import type { FacetsResponse } from './api/types.ts';
import { useApi } from './api/use-api.ts';
import { EmbedView } from './components/layout/EmbedView.tsx';
import { MainView } from './components/layout/MainView.tsx';
import { useCountryName } from './model/geo-names.ts';
import { isKind } from './model/kinds.ts';
import { filterEntries, filterKey, type ViewState } from './model/view-state.ts';
import { expectPanels, markRendered, type Panel } from './state/ready.ts';
import { useViewState } from './state/use-view-state.ts';

/** Facets the explorer shows; the embed only needs kinds (for its legend) and the total. */
const allFacets = ['kind', 'country', 'admin1', 'actor', 'target', 'tactic', 'attribution', 'dataset'];

function panelsFor(view: ViewState): Panel[] {
  if (view.embed) return ['map', 'timeline'];
  if (view.tab === 'table') return ['table', 'timeline', 'facets'];
  if (view.tab === 'charts') return ['charts', 'timeline', 'facets'];
  // The record list is beside the map unless a record is open in its place.
  return view.record ? ['map', 'timeline', 'facets'] : ['map', 'timeline', 'facets', 'records'];
}

/** The root component. */
export function App() {
  const [view, update] = useViewState();
  const countryName = useCountryName();
  const entries = filterEntries(view.filters);
  const key = filterKey(view.filters);
  const facetNames = view.embed ? ['kind'] : allFacets;
  const facetsUrl = apiUrl('facets', [...entries, ...facetNames.map((f): [string, string] => ['facet', f]), ['top', '12']]);
  const facets = useApi<FacetsResponse>(facetsUrl);
  const facetsCurrent = facets.dataUrl === facetsUrl;

  const panels = panelsFor(view).join(',');
  useEffect(() => expectPanels(key, panels.split(',') as Panel[]), [key, panels]);
  useEffect(() => {
    if (facetsCurrent || facets.error) markRendered('facets', key);
  }, [facetsCurrent, facets.error, key]);

  const openRecord = useCallback((id: string) => update((v) => ({ ...v, record: id })), [update]);

  const kinds = (facets.data?.facets.kind?.values ?? []).filter((v) => v.count > 0).map((v) => v.value).filter(isKind);

  if (view.embed) {
    return <EmbedView view={view} update={update} entries={entries} filterKey={key} total={facets.data?.total} kinds={kinds} countryName={countryName} />;
  }
  return (
    <MainView
      view={view}
      update={update}
      entries={entries}
      filterKey={key}
      facets={facets.data}
      facetsLoading={!facetsCurrent && !facets.error}
      facetsError={facets.error}
      kinds={kinds}
      countryName={countryName}
      openRecord={openRecord}
    />
  );
}
