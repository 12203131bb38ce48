/**
 * The one filter language: the same parameter names in the URL, the CLI and the web app's address bar.
 * `parseFilter` reads parameters into an `EventFilter` (or says which parameter is wrong and why);
 * `formatFilter` writes one back, so a view round-trips through its URL.
 */
import { countrySuggestions } from './countries.ts';
import { orList } from './spelling.ts';
import { UserError } from './errors.ts';
import { attributions, isValidIsoDate, kinds, statuses, tactics, targetCategories, visibilities } from './record.ts';
import type { Attribution, EventRecord, Kind, Status, TargetCategory, Tactic, Visibility } from './record.ts';

export interface EventFilter {
  kind?: Kind[];
  /** Actor ids or names as the user typed them; resolved (with descendants) by `resolveActorFilter`. */
  actor?: string[];
  /** Include the branches of each actor (the Islamic State finds its provinces). Default true. */
  descendants?: boolean;
  country?: string[];
  admin1?: string[];
  /** Inclusive ISO dates; a record counts when its date range overlaps `[from, to]`. */
  from?: string;
  to?: string;
  /** minLon, minLat, maxLon, maxLat; minLon > maxLon crosses the antimeridian. */
  bbox?: [number, number, number, number];
  /** Keyword(s), all of which must appear in description, place, actor names or sources. */
  q?: string;
  target?: TargetCategory[];
  tactic?: Tactic[];
  attribution?: Attribution[];
  dataset?: string[];
  status?: Status[];
  visibility?: Visibility[];
  min_killed?: number;
  /** Record ids (used by links and the table's selection). */
  id?: string[];
  // Values to leave out: a record with any of them does not match (`not_country=AFG`: everywhere but Afghanistan;
  // `not_actor` leaves out the actor's branches too unless descendants=false). A record with no value matches.
  not_kind?: Kind[];
  not_actor?: string[];
  not_country?: string[];
  not_admin1?: string[];
  not_target?: TargetCategory[];
  not_tactic?: Tactic[];
  not_attribution?: Attribution[];
  not_dataset?: string[];
}

/** The list parameters that have an exclusion twin (`country` → `not_country`). */
export const excludableParams = ['kind', 'actor', 'country', 'admin1', 'target', 'tactic', 'attribution', 'dataset'] as const;
export type ExcludableParam = (typeof excludableParams)[number];
/** The exclusion parameter of `param`. */
export const notParam = <P extends ExcludableParam>(param: P): `not_${P}` => `not_${param}`;

/** The parameter names, in the order they are printed. */
export const filterParams = [
  'kind', 'actor', 'descendants', 'country', 'admin1', 'from', 'to', 'bbox', 'q', 'target', 'tactic', 'attribution',
  'dataset', 'status', 'visibility', 'min_killed', 'id', ...excludableParams.map(notParam),
] as const;
export type FilterParam = (typeof filterParams)[number];

/** A user error in one parameter: which, the value, and what was expected. */
export class FilterError extends UserError {
  constructor(
    override readonly param: string,
    readonly value: string,
    readonly expected: string,
  ) {
    super(`invalid ${param} ${JSON.stringify(value)}: expected ${expected}`, param);
    this.name = 'FilterError';
  }
}

/** Parameters as the edges deliver them: a name with one or more raw values. */
export type RawParams = Iterable<[string, string]>;

const enumParams: Partial<Record<FilterParam, readonly string[]>> = {
  kind: kinds,
  target: targetCategories,
  tactic: tactics,
  attribution: attributions,
  status: statuses,
  visibility: visibilities,
};

/**
 * Reads filter parameters. Lists may repeat (`kind=attack&kind=plot`) or be comma-separated (`kind=attack,plot`).
 * Parameters listed in `ignore` (paging, format…) are skipped; any other unknown name is an error.
 * @throws FilterError naming the parameter, the value and what is expected.
 */
export function parseFilter(params: RawParams, ignore: readonly string[] = []): EventFilter {
  const filter: EventFilter = {};
  const lists: Partial<Record<FilterParam, string[]>> = {};
  for (const [name, raw] of params) {
    if (ignore.includes(name)) continue;
    if (!(filterParams as readonly string[]).includes(name)) {
      throw new FilterError(name, raw, `a known parameter (${filterParams.join(', ')})`);
    }
    const key = name as FilterParam;
    const value = raw.trim();
    switch (key) {
      case 'from':
      case 'to':
        if (!isValidIsoDate(value)) throw new FilterError(key, raw, 'a real calendar date as YYYY-MM-DD');
        filter[key] = value;
        break;
      case 'bbox':
        filter.bbox = parseBbox(value);
        break;
      case 'q':
        if (value.length > 500) throw new FilterError(key, raw.slice(0, 40) + '…', 'at most 500 characters');
        filter.q = filter.q ? `${filter.q} ${value}` : value;
        break;
      case 'min_killed': {
        const n = Number(value);
        if (value === '' || !Number.isInteger(n) || n < 0) throw new FilterError(key, raw, 'a whole number ≥ 0');
        filter.min_killed = n;
        break;
      }
      case 'descendants':
        if (!['true', 'false', '1', '0'].includes(value)) throw new FilterError(key, raw, 'true or false');
        filter.descendants = value === 'true' || value === '1';
        break;
      default: {
        // An exclusion takes the values of the parameter it excludes from.
        const base = (key.startsWith('not_') ? key.slice(4) : key) as FilterParam;
        // Actor names may contain commas ("Government of Pakistan, IS"): split them only on a comma + no space.
        const parts = base === 'actor' ? splitActorList(value) : value.split(',');
        for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
          if (part.length > 200) throw new FilterError(key, part.slice(0, 40) + '…', 'at most 200 characters per value');
          const allowed = enumParams[base];
          let v = part;
          if (base === 'country') {
            v = part.toUpperCase();
            // The shape only: stores keep the codes earlier versions wrote (GTD's YUG), which must stay selectable.
            // The command line warns of a code that is no country's and matches nothing (`warnUnmatchedValues`).
            if (!/^[A-Z]{3}$/.test(v)) throw new FilterError(key, part, countryExpected(part));
          } else if (allowed && !allowed.includes(part)) {
            throw new FilterError(key, part, `one of ${allowed.join(', ')}`);
          }
          (lists[key] ??= []).push(v);
        }
      }
    }
  }
  for (const [key, values] of Object.entries(lists)) {
    (filter as Record<string, unknown>)[key] = [...new Set(values)];
  }
  for (const param of excludableParams) {
    // Comparing as the store does: admin1 and actor names without regard to case.
    const fold = (v: string) => (param === 'admin1' || param === 'actor' ? v.toLowerCase() : v);
    const both = filter[notParam(param)]?.find((v) => filter[param]?.some((w) => fold(w) === fold(v)));
    if (both !== undefined) throw new FilterError(notParam(param), both, `a value that ${param} does not also ask for`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new FilterError('to', filter.to, `a date on or after from (${filter.from})`);
  }
  return filter;
}

/** What a country filter expects, with the codes `value` probably meant (`Pakistan`: PAK; `PAL`: PLW or PSE). */
export function countryExpected(value: string): string {
  const guess = orList(countrySuggestions(value).map((c) => `${c.iso3} (${c.name})`));
  return `an ISO 3166-1 alpha-3 country code such as AFG${guess ? `; did you mean ${guess}?` : ''}`;
}

function splitActorList(value: string): string[] {
  return value.split(/,(?! )/);
}

/** Reads `minLon,minLat,maxLon,maxLat`. */
export function parseBbox(value: string): [number, number, number, number] {
  const parts = value.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new FilterError('bbox', value, 'four numbers minLon,minLat,maxLon,maxLat');
  }
  const [minLon, minLat, maxLon, maxLat] = nums as [number, number, number, number];
  if (minLon < -180 || maxLon > 180 || minLon > 180 || maxLon < -180) throw new FilterError('bbox', value, 'longitudes between -180 and 180');
  if (minLat < -90 || maxLat > 90 || minLat > maxLat) throw new FilterError('bbox', value, 'latitudes between -90 and 90 with minLat ≤ maxLat');
  return [minLon, minLat, maxLon, maxLat];
}

/** Writes a filter back as parameters (lists comma-joined, actors repeated), in a stable order. */
export function formatFilter(filter: EventFilter): [string, string][] {
  const out: [string, string][] = [];
  for (const key of filterParams) {
    const v = filter[key];
    if (v === undefined) continue;
    if (key === 'actor' || key === 'not_actor' || key === 'id') for (const a of v as string[]) out.push([key, a]);
    else if (Array.isArray(v)) {
      if (v.length) out.push([key, v.join(',')]);
    } else out.push([key, String(v)]);
  }
  return out;
}

/** Filters that the caller may not widen: the statuses and visibilities their role may see. */
export interface AccessScope {
  statuses: readonly Status[];
  visibilities: readonly Visibility[];
}

/** Whether `scope` reads `record` as it stands. */
export function readsRecord(scope: AccessScope, record: Pick<EventRecord, 'status' | 'visibility'>): boolean {
  return scope.statuses.includes(record.status) && scope.visibilities.includes(record.visibility);
}

/** Whether `scope` reads every status and visibility (editors and above). */
export function readsEverything(scope: AccessScope): boolean {
  return statuses.every((s) => scope.statuses.includes(s)) && visibilities.every((v) => scope.visibilities.includes(v));
}

/** Whether `scope` reads more than anonymous readers do (drafts, archived or internal records). */
export function readsBeyondPublic(scope: AccessScope): boolean {
  return scope.statuses.some((s) => s !== 'published') || scope.visibilities.some((v) => v !== 'public');
}

/** What anonymous readers see: published, public records only. */
export const publicScope: AccessScope = Object.freeze({ statuses: ['published'] as Status[], visibilities: ['public'] as Visibility[] });
/** Everything: for the command line on a local file and for administrators. */
export const fullScope: AccessScope = Object.freeze({ statuses: [...statuses], visibilities: [...visibilities] });
