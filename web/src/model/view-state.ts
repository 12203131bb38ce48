/**
 * The URL is the state. Everything a reader can set — filters, time range, map position, open record, tab, map
 * mode, table order — lives in the address bar, so reload, back, forward, Share and Embed all restore a view.
 * Filter parameters use the names of the one filter language (`src/core/filter.ts`), so a view's address and
 * the API call behind it read the same.
 *
 * @example
 * parseView('?actor=ISIS-K&country=PAK&from=2019-01-01&to=2019-12-31&map=5/30.5/69.3&record=ucdp:1')
 */
import type { ExcludableParam, FilterParam } from '../../../src/core/filter.ts';
import type { SortOrder, TimeBucket } from '../../../src/core/event-store.ts';

/** Filter parameters holding several values: what to include, then what to leave out (`not_country`…). */
export const includeParams = ['kind', 'actor', 'country', 'admin1', 'target', 'tactic', 'attribution', 'dataset'] as const satisfies readonly ExcludableParam[];
export type IncludeParam = (typeof includeParams)[number];
/** The parameter that leaves out what `param` includes (core has the same; the web may import only its types). */
export const notParam = <P extends IncludeParam>(param: P): `not_${P}` => `not_${param}`;
/** Filter parameters a link may carry beyond the facets: the workflow status and visibility (what an editor's role reads) and record ids. */
export const stateParams = ['status', 'visibility', 'id'] as const satisfies readonly FilterParam[];
export type StateParam = (typeof stateParams)[number];
export const listParams = [...includeParams, ...includeParams.map(notParam), ...stateParams] as const satisfies readonly FilterParam[];
/** Filter parameters holding one value. */
export const scalarParams = ['q', 'from', 'to', 'min_killed', 'descendants', 'bbox'] as const satisfies readonly FilterParam[];
export type ListParam = (typeof listParams)[number];
export type ScalarParam = (typeof scalarParams)[number];
export type Param = ListParam | ScalarParam;

/** List parameters whose values never contain a comma, written comma-joined; the others repeat. */
const commaJoinedIncludes = ['kind', 'country', 'target', 'tactic', 'attribution'] as const;
const commaJoined: readonly ListParam[] = [...commaJoinedIncludes, ...commaJoinedIncludes.map(notParam), ...stateParams];

export type Filters = Partial<Record<ListParam, string[]>> & Partial<Record<ScalarParam, string>>;

export const tabs = ['map', 'table', 'charts'] as const;
export type Tab = (typeof tabs)[number];
export const mapModes = ['density', 'heat', 'shade'] as const;
export type MapMode = (typeof mapModes)[number];
export const sorts = ['-date', 'date', '-killed', 'killed'] as const satisfies readonly SortOrder[];
export const bucketChoices = ['auto', 'day', 'week', 'month', 'year'] as const satisfies readonly ('auto' | TimeBucket)[];
export type BucketChoice = (typeof bucketChoices)[number];

export interface MapPosition {
  zoom: number;
  lat: number;
  lon: number;
}

export interface ViewState {
  filters: Filters;
  /** null: fit the data. */
  map: MapPosition | null;
  record: string | null;
  tab: Tab;
  mode: MapMode;
  sort: SortOrder;
  bucket: BucketChoice;
  /** The framed view: map, timeline and legend without the editing chrome. */
  embed: boolean;
}

export const defaultView: ViewState = { filters: {}, map: null, record: null, tab: 'map', mode: 'density', sort: '-date', bucket: 'auto', embed: false };

const oneOf = <T extends string>(values: readonly T[], v: string | null, fallback: T): T => (v !== null && (values as readonly string[]).includes(v) ? (v as T) : fallback);

/** Reads `map=zoom/lat/lon`; anything malformed is ignored rather than breaking the page. */
export function parseMapPosition(value: string | null): MapPosition | null {
  if (!value) return null;
  const [zoom, lat, lon] = value.split('/').map(Number);
  if (![zoom, lat, lon].every((n) => n !== undefined && Number.isFinite(n))) return null;
  return { zoom: clamp(zoom!, 0, 22), lat: clamp(lat!, -85, 85), lon: ((((lon! + 180) % 360) + 360) % 360) - 180 };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** `map=` value: zoom to two decimals, coordinates to four (about 10 m). */
export function formatMapPosition(p: MapPosition): string {
  return `${Number(p.zoom.toFixed(2))}/${Number(p.lat.toFixed(4))}/${Number(p.lon.toFixed(4))}`;
}

/** The filters in a query string (unknown names are ignored: an old link still opens). */
export function parseFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const name of listParams) {
    // Read as the API reads them (core's parseFilter): any list may be comma-separated, but actor names may hold
    // a comma followed by a space ("Government of Pakistan, IS").
    const values = params.getAll(name).flatMap((v) => v.split(name === 'actor' || name === 'not_actor' ? /,(?! )/ : ','));
    const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (clean.length) filters[name] = clean;
  }
  for (const name of scalarParams) {
    const v = params.get(name)?.trim();
    if (v) filters[name] = v;
  }
  return filters;
}

/** Reads a whole view from `location.search`. */
export function parseView(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    filters: parseFilters(params),
    map: parseMapPosition(params.get('map')),
    record: params.get('record') || null,
    tab: oneOf(tabs, params.get('tab'), 'map'),
    mode: oneOf(mapModes, params.get('mode'), 'density'),
    sort: oneOf(sorts, params.get('sort'), '-date'),
    bucket: oneOf(bucketChoices, params.get('bucket'), 'auto'),
    embed: params.get('embed') === '1',
  };
}

/** The filter parameters as `[name, value]` pairs in a stable order, without those in `omit`. */
export function filterEntries(filters: Filters, omit: readonly Param[] = []): [string, string][] {
  const out: [string, string][] = [];
  for (const name of listParams) {
    const values = filters[name];
    if (!values?.length || omit.includes(name)) continue;
    if (commaJoined.includes(name)) out.push([name, values.join(',')]);
    else for (const v of values) out.push([name, v]);
  }
  for (const name of scalarParams) {
    const v = filters[name];
    if (v && !omit.includes(name)) out.push([name, v]);
  }
  return out;
}

/** A stable key for a filter: equal filters give equal keys (used for caching and readiness). */
export function filterKey(filters: Filters, omit: readonly Param[] = []): string {
  return new URLSearchParams(filterEntries(filters, omit)).toString();
}

/** Writes a view back as a query string (with its `?`; empty for the default view). */
export function formatView(view: ViewState): string {
  const params = new URLSearchParams(filterEntries(view.filters));
  if (view.tab !== 'map') params.set('tab', view.tab);
  if (view.mode !== 'density') params.set('mode', view.mode);
  if (view.sort !== '-date') params.set('sort', view.sort);
  if (view.bucket !== 'auto') params.set('bucket', view.bucket);
  if (view.map) params.set('map', formatMapPosition(view.map));
  if (view.record) params.set('record', view.record);
  if (view.embed) params.set('embed', '1');
  const s = params.toString();
  // Slashes in map= read better unescaped, and are legal in a query.
  return s ? `?${s.replace(/map=([^&]*)/, (_, v: string) => `map=${v.replace(/%2F/g, '/')}`)}` : '';
}

/** True when the filter has any parameter set. */
export function hasFilters(filters: Filters): boolean {
  return filterEntries(filters).length > 0;
}

/** Adds `value` to list `param`, or removes it when present. A value is never both included and left out. */
export function toggleValue(filters: Filters, param: ListParam, value: string): Filters {
  return toggleValues(filters, param, [value]);
}

/** The same for values that go together (a province's spellings on the map): all off when all are on, else all on. */
export function toggleValues(filters: Filters, param: ListParam, values: readonly string[]): Filters {
  const current = filters[param] ?? [];
  const next = values.every((v) => current.includes(v)) ? current.filter((v) => !values.includes(v)) : [...new Set([...current, ...values])];
  const twin = twinOf(param);
  return setList(setList(filters, twin, (filters[twin] ?? []).filter((v) => !values.includes(v))), param, next);
}

/** The other side of a list parameter: `country` ↔ `not_country`. */
function twinOf(param: ListParam): ListParam {
  return param.startsWith('not_') ? (param.slice(4) as IncludeParam) : notParam(param as IncludeParam);
}

/** Removes a list parameter and its twin (`country` and `not_country`): the facet's whole filter. */
export function clearList(filters: Filters, param: IncludeParam): Filters {
  return setList(setList(filters, param, []), notParam(param), []);
}

/** Sets list `param` to `values` (removing it when empty). */
export function setList(filters: Filters, param: ListParam, values: string[]): Filters {
  const copy = { ...filters };
  if (values.length) copy[param] = values;
  else delete copy[param];
  return copy;
}

/** Sets or (with undefined/empty) removes one scalar parameter. */
export function setScalar(filters: Filters, param: ScalarParam, value: string | undefined): Filters {
  const copy = { ...filters };
  if (value) copy[param] = value;
  else delete copy[param];
  return copy;
}

/** Removes a whole parameter (and `descendants` with `actor`, which only qualifies it). */
export function clearParam(filters: Filters, param: Param): Filters {
  const copy = { ...filters };
  delete copy[param];
  if (param === 'actor') delete copy.descendants;
  return copy;
}
