/**
 * The filter column: how many records match, the active filters as chips, then every facet with live counts —
 * kind, dates, country, province, actor, target, tactic, attribution, dataset — and the datasets' credits.
 */
import { useRef } from 'react';
import type { FacetName } from '../../../../src/core/event-store.ts';
import { apiUrl } from '../../api/client.ts';
import type { DatasetInfo, FacetsResponse, FacetValue } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatCount } from '../../model/format.ts';
import { valueLabel } from '../../model/labels.ts';
import { provinceName } from '../../model/provinces.ts';
import { clearList, notParam, setList, setScalar, toggleValue, type Filters, type IncludeParam } from '../../model/view-state.ts';
import { DateRange } from '../filters/DateRange.tsx';
import { FacetList } from '../filters/FacetList.tsx';
import { FilterChips } from '../filters/FilterChips.tsx';
import { keywordInputId } from '../filters/KeywordBox.tsx';
import { KindToggles } from '../filters/KindToggles.tsx';
import { ResultSummary } from '../filters/ResultSummary.tsx';

export interface SidebarProps {
  filters: Filters;
  facets: FacetsResponse | undefined;
  loading: boolean;
  error?: Error | null;
  unlocated: number | undefined;
  onChange: (filters: Filters) => void;
  onShowUnlocated: () => void;
  countryName: (iso3: string) => string;
  /** Names of actor ids outside the facet's top values (a selected one may be). */
  actorName: (id: string) => string;
  id?: string;
  /** Set while the filters are an open drawer over the view (phones): a modal dialog, a button at its top closes it. */
  onClose?: () => void;
  /** Set while the filters are a closed drawer (phones): off-screen, so out of reach of Tab and assistive technology. */
  closed?: boolean;
}

const facetTitles: [FacetName & IncludeParam, string][] = [
  ['country', 'Country'],
  ['admin1', 'Province'],
  ['actor', 'Actor'],
  ['target', 'Target'],
  ['tactic', 'Tactic'],
  ['attribution', 'Attribution'],
  ['dataset', 'Dataset'],
];

/** The sidebar. */
export function Sidebar({ filters, facets, loading, error, unlocated, onChange, onShowUnlocated, countryName, actorName, id, onClose, closed }: SidebarProps) {
  const datasets = useApi<{ datasets: DatasetInfo[] }>(apiUrl('datasets'));
  const values = (name: FacetName) => facets?.facets[name]?.values ?? [];
  const closeButton = useRef<HTMLButtonElement>(null);
  // With the last filter chip gone, focus goes to the keyword search, or in the drawer (where the header is out of
  // reach) to its first button.
  const afterLastChip = () => (closeButton.current ?? document.getElementById(keywordInputId))?.focus();
  const label = (param: string) => (v: FacetValue) =>
    param === 'country' ? countryName(v.value) : param === 'actor' ? (v.label ?? actorName(v.value)) : param === 'admin1' ? provinceName(v.value, countryName) : valueLabel(param, v.value);

  return (
    // A div rather than an <aside>, which may not be a dialog: the same element in both roles, so opening the drawer
    // keeps what the filters show (an expanded facet) as it was.
    <div className="sidebar" id={id} role={onClose ? 'dialog' : 'complementary'} aria-modal={onClose ? true : undefined} aria-label="Filters" inert={closed}>
      {onClose && (
        // Focus moves here when the drawer opens, so a keyboard or screen reader user starts in it.
        <button type="button" className="button primary drawer-close" onClick={onClose} ref={closeButton} autoFocus>
          {facets ? `Show ${formatCount(facets.total)} ${facets.total === 1 ? 'record' : 'records'}` : 'Close the filters'}
        </button>
      )}
      <ResultSummary total={facets?.total} unlocated={unlocated} loading={loading} onShowUnlocated={onShowUnlocated} />
      {error && (
        <p className="error" role="alert">
          Could not count the records: {error.message}
        </p>
      )}
      <FilterChips filters={filters} onChange={onChange} countryName={countryName} actorValues={values('actor')} afterLast={afterLastChip} />
      <KindToggles counts={values('kind')} selected={filters.kind ?? []} excluded={filters.not_kind} onChange={(k) => onChange(setList(clearList(filters, 'kind'), 'kind', k))} loading={loading} />
      <DateRange from={filters.from} to={filters.to} onChange={(f, t) => onChange(setScalar(setScalar(filters, 'from', f), 'to', t))} />
      {facetTitles.map(([param, title]) => (
        <div key={param}>
          <FacetList
            title={title}
            values={values(param)}
            other={facets?.facets[param]?.other ?? 0}
            selected={filters[param] ?? []}
            excluded={filters[notParam(param)] ?? []}
            label={label(param)}
            onToggle={(v) => onChange(toggleValue(filters, param, v))}
            onExclude={(v) => onChange(toggleValue(filters, notParam(param), v))}
            onClear={() => onChange(clearList(filters, param))}
            loading={loading}
          />
          {param === 'actor' && Boolean(filters.actor?.length || filters.not_actor?.length) && (
            <label className="descendants">
              <input type="checkbox" checked={filters.descendants !== 'false'} onChange={(e) => onChange(setScalar(filters, 'descendants', e.target.checked ? undefined : 'false'))} />
              Include branches (an Islamic State search finds its provinces)
            </label>
          )}
        </div>
      ))}
      {datasets.data && datasets.data.datasets.length > 0 && (
        <section className="credits" aria-labelledby="credits-title">
          <h3 id="credits-title">Data</h3>
          <ul>
            {datasets.data.datasets.map((d) => (
              <li key={d.dataset} dir="auto">
                <strong>{valueLabel('dataset', d.dataset)}</strong>
                {d.licence && <span> ({d.licence})</span>}
                {d.attribution && <span className="muted">: {d.attribution}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
