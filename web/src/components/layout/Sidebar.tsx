/**
 * The filter column: how many records match, the active filters as chips, then every facet with live counts —
 * kind, dates, country, province, actor, target, tactic, attribution, dataset — and the datasets' credits.
 */
import type { FacetName } from '../../../../src/core/event-store.ts';
import { apiUrl } from '../../api/client.ts';
import type { DatasetInfo, FacetsResponse, FacetValue } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { formatCount } from '../../model/format.ts';
import { valueLabel } from '../../model/labels.ts';
import { clearList, notParam, setList, setScalar, toggleValue, type Filters, type IncludeParam } from '../../model/view-state.ts';
import { DateRange } from '../filters/DateRange.tsx';
import { FacetList } from '../filters/FacetList.tsx';
import { FilterChips } from '../filters/FilterChips.tsx';
import { KindToggles } from '../filters/KindToggles.tsx';
import { ResultSummary } from '../filters/ResultSummary.tsx';

export interface SidebarProps {
  filters: Filters;
  facets: FacetsResponse | undefined;
  loading: boolean;
  unlocated: number | undefined;
  onChange: (filters: Filters) => void;
  onShowUnlocated: () => void;
  countryName: (iso3: string) => string;
  /** Names of actor ids outside the facet's top values (a selected one may be). */
  actorName: (id: string) => string;
  id?: string;
  /** Set while the filters are a drawer over the view (phones): a button at its top closes it. */
  onClose?: () => void;
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
export function Sidebar({ filters, facets, loading, unlocated, onChange, onShowUnlocated, countryName, actorName, id, onClose }: SidebarProps) {
  const datasets = useApi<{ datasets: DatasetInfo[] }>(apiUrl('datasets'));
  const values = (name: FacetName) => facets?.facets[name]?.values ?? [];
  const label = (param: string) => (v: FacetValue) => (param === 'country' ? countryName(v.value) : param === 'actor' ? (v.label ?? actorName(v.value)) : valueLabel(param, v.value));

  return (
    <aside className="sidebar" id={id} aria-label="Filters">
      {onClose && (
        // Focus moves here when the drawer opens, so a keyboard or screen reader user starts in it.
        <button type="button" className="button primary drawer-close" onClick={onClose} autoFocus>
          {facets ? `Show ${formatCount(facets.total)} ${facets.total === 1 ? 'record' : 'records'}` : 'Close the filters'}
        </button>
      )}
      <ResultSummary total={facets?.total} unlocated={unlocated} loading={loading} onShowUnlocated={onShowUnlocated} />
      <FilterChips filters={filters} onChange={onChange} countryName={countryName} actorValues={values('actor')} />
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
    </aside>
  );
}
