/**
 * Filter → SQL. Every value is a bound parameter; the only text spliced into SQL comes from fixed column names.
 * The caller's access scope is always applied, intersected with any status/visibility the filter asks for.
 */
import type { StoreFilter } from '../../core/event-store.ts';
import type { AccessScope } from '../../core/filter.ts';
import { normalizeName } from '../../core/actor-registry.ts';
import { foldText } from '../record-row.ts';
import { provinceKey, splitProvince } from '../../core/places.ts';

export type Param = string | number | boolean | null;

export interface Where {
  sql: string;
  params: Param[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Builds the WHERE clause (without the keyword) for `filter` as seen by `scope`. */
export function whereClause(scope: AccessScope, filter: StoreFilter): Where {
  const parts: string[] = [];
  const params: Param[] = [];
  const add = (sql: string, ...values: Param[]) => {
    parts.push(sql);
    params.push(...values);
  };
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) add(`${column} IN (${placeholders(values.length)})`, ...values);
  };
  // Lists are tested on their set text (`actor_set`…, see migration 5): few distinct values, so DuckDB runs the
  // test once per distinct value instead of once per record's list.
  const containsAny = (set: string, n: number) => `list_has_any(string_split(${set}, chr(31)), [${placeholders(n)}])`;
  const anyOf = (set: string, values: readonly string[] | undefined) => {
    if (values?.length) add(containsAny(set, values.length), ...values);
  };

  const statuses = scope.statuses.filter((s) => !filter.status || filter.status.includes(s));
  const visibilities = scope.visibilities.filter((v) => !filter.visibility || filter.visibility.includes(v));
  if (!statuses.length || !visibilities.length) return { sql: 'FALSE', params: [] };
  inList('status', statuses);
  inList('visibility', visibilities);

  inList('kind', filter.kind);
  inList('country', filter.country);
  const province = provinceTest(filter.admin1);
  if (province) add(province.sql, ...province.params);
  inList('dataset', filter.dataset);
  inList('id', filter.id);
  anyOf('target_set', filter.target);
  anyOf('tactic_set', filter.tactic);
  anyOf('attribution_set', filter.attribution);

  // Exclusions: a record with any of the values does not match; one with no value (no country…) still does.
  const notIn = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) add(`(${column} IS NULL OR ${column} NOT IN (${placeholders(values.length)}))`, ...values);
  };
  const noneOf = (set: string, values: readonly string[] | undefined) => {
    if (values?.length) add(`NOT ${containsAny(set, values.length)}`, ...values);
  };
  notIn('kind', filter.not_kind);
  notIn('country', filter.not_country);
  const notProvince = provinceTest(filter.not_admin1);
  if (notProvince) add(`NOT coalesce(${notProvince.sql}, FALSE)`, ...notProvince.params);
  notIn('dataset', filter.not_dataset);
  noneOf('target_set', filter.not_target);
  noneOf('tactic_set', filter.not_tactic);
  noneOf('attribution_set', filter.not_attribution);
  noneOf('actor_set', filter.notActorIds);
  noneOf('actor_key_set', filter.notActorNames);

  const actorTests: string[] = [];
  if (filter.actorIds?.length) {
    actorTests.push(containsAny('actor_set', filter.actorIds.length));
    params.push(...filter.actorIds);
  }
  if (filter.actorNames?.length) {
    actorTests.push(containsAny('actor_key_set', filter.actorNames.length));
    params.push(...filter.actorNames);
  }
  if (actorTests.length) parts.push(`(${actorTests.join(' OR ')})`);
  // An actor filter that resolved to nothing at all matches nothing (not everything).
  if (filter.actorIds && filter.actorNames && !filter.actorIds.length && !filter.actorNames.length) parts.push('FALSE');

  // Overlap: the record's [date, date_end] meets the filter's [from, to].
  if (filter.from) add('date_end >= CAST(? AS DATE)', filter.from);
  if (filter.to) add('date <= CAST(? AS DATE)', filter.to);

  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    add('lat BETWEEN ? AND ?', minLat, maxLat);
    if (minLon <= maxLon) add('lon BETWEEN ? AND ?', minLon, maxLon);
    else add('(lon >= ? OR lon <= ?)', minLon, maxLon);
  }
  if (filter.min_killed !== undefined) add('killed_best >= ?', filter.min_killed);

  if (filter.q) {
    for (const word of filter.q.split(/\s+/).filter(Boolean)) {
      // A word with a leading minus must not appear ("bombing -suicide").
      const excluded = word.length > 1 && word.startsWith('-');
      const term = excluded ? word.slice(1) : word;
      // Each word's pieces must all appear ("ISIS-K" → "isis", "k"), or its registry-folded form must
      // ("khurasan" finds the actor key "khorasan").
      const pieces = foldText(term).split(' ').filter(Boolean);
      const folded = normalizeName(term);
      const tests = [...(pieces.length ? [pieces.map(() => 'contains(search, ?)').join(' AND ')] : []), ...(folded ? ['contains(search, ?)'] : [])];
      const values: string[] = [...pieces, ...(folded ? [folded] : [])];
      // A word of no letters or digits ("#", an emoji) is looked for as written; ignored, it matched everything.
      if (!tests.length) {
        tests.push('contains(search, ?)');
        values.push(term.toLowerCase());
      }
      add(`${excluded ? 'NOT ' : ''}(${tests.map((t) => `(${t})`).join(' OR ')})`, ...values);
    }
  }
  return { sql: parts.join(' AND ') || 'TRUE', params };
}

/**
 * Records in any of the provinces `values` names. A province is matched by its key, so any spelling finds all
 * ("Balochistan" and "Balochistan province"); one written with its country ("LKA:Northern province") is that
 * country's only (`:Northern`: records with no country), a name alone every country's province of that name.
 */
function provinceTest(values: readonly string[] | undefined): Where | undefined {
  if (!values?.length) return undefined;
  const provinces = values.map(splitProvince);
  const anywhere = provinces.filter((p) => p.anyCountry).map((p) => provinceKey(p.name));
  const within = provinces.filter((p) => !p.anyCountry);
  const tests = [
    ...(anywhere.length ? [`admin1_key IN (${placeholders(anywhere.length)})`] : []),
    ...within.map((p) => (p.country ? '(country = ? AND admin1_key = ?)' : '(country IS NULL AND admin1_key = ?)')),
  ];
  return { sql: `(${tests.join(' OR ')})`, params: [...anywhere, ...within.flatMap((p) => [...(p.country ? [p.country] : []), provinceKey(p.name)])] };
}
