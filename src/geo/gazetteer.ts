/**
 * Offline geocoding of place names: localities from GeoNames (places of ≥ 500 people, with their Latin-script
 * alternate names), admin-1 units (GeoNames and Natural Earth names) and countries, all read from `data/geo`.
 *
 * Matching ignores case, accents, punctuation and spaces (`Jalālābād`, `jalalabad`, `Jalal-Abad`). Among
 * places with the same name the most populous wins; a match on an alternate name counts a tenth of its
 * population, so `Bombay` finds Mumbai but `Vienna` is not stolen by some place that has it as a nickname.
 * A country's name beats everything; an admin-1 name beats localities of fewer than 100,000 people unless
 * the locality is a capital or an admin-1 seat: a bare `Helmand` is the province, `Kabul` and `Khost` the cities.
 *
 * @example
 *   const gaz = loadGazetteer();
 *   gaz.lookup('Peshawar');            // { name: 'Peshawar', country: 'PAK', admin1: 'Khyber Pakhtunkhwa', precision: 'locality', … }
 *   gaz.lookup('Moscow Oblast');       // { precision: 'admin1', country: 'RUS', … }
 *   gaz.lookup('Vienna', 'USA');       // the largest Vienna in the United States
 *   gaz.suggest('jala', 'AFG', 5);     // Jalalabad first
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { allCountries, iso3FromCountryName } from '../core/countries.ts';
import type { Admin1Name, PlaceMatch } from '../core/places.ts';
import { defaultGeoDir } from './data-dir.ts';
import { placeKey, stripAdminWords } from './place-name.ts';

/** One geocoding result. */
export type GeoMatch = PlaceMatch;

/** A loaded gazetteer. */
export interface Gazetteer {
  /**
   * The best match for a name, optionally within one country (ISO3), or undefined. Also understands
   * `locality, country` (split on the last comma) and admin-1 kind words (`Kech district`, `Province of Kabul`).
   */
  lookup(name: string, countryIso3?: string): GeoMatch | undefined;
  /** Up to `limit` (default 10) places whose name starts with `prefix`, most populous first. */
  suggest(prefix: string, countryIso3?: string, limit?: number): GeoMatch[];
  /** Number of places, admin-1 units and countries loaded. */
  readonly size: number;
}

const LOCALITY = 0, ADMIN1 = 1, COUNTRY = 2;
/** Weight of a match on an alternate name, relative to a match on the place's own name. */
const ALTERNATE_WEIGHT = 0.1;
/** Localities at least this big beat an admin-1 unit of the same name. */
const CITY_BEATS_ADMIN1 = 100_000;

interface CountryLabel {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
  population: number;
}

/**
 * Loads the gazetteer from `dir` (default `data/geo`): about 200,000 places, one to two seconds.
 * Load once and keep it.
 */
export function loadGazetteer(dir: string = defaultGeoDir): Gazetteer {
  const kind: number[] = [];
  const names: string[] = [];
  const countries: string[] = [];
  const admin1s: (string | null)[] = [];
  const lats: number[] = [];
  const lons: number[] = [];
  const pops: number[] = [];
  const seats = new Set<number>(); // localities that are the seat of an admin-1 unit or a capital
  // key -> entity * 2 + (1 if the key came from an alternate name)
  const keys = new Map<string, number[]>();

  const addKey = (name: string, entity: number, alternate: boolean) => {
    const k = placeKey(name);
    if (!k) return;
    const ref = entity * 2 + (alternate ? 1 : 0);
    const list = keys.get(k);
    if (!list) keys.set(k, [ref]);
    else if (!list.some((r) => r >> 1 === entity)) list.push(ref);
  };
  const addEntity = (k: number, name: string, iso3: string, admin1: string | null, lat: number, lon: number, pop: number) => {
    kind.push(k);
    names.push(name);
    countries.push(iso3);
    admin1s.push(admin1);
    lats.push(lat);
    lons.push(lon);
    pops.push(pop);
    return names.length - 1;
  };

  const labels = JSON.parse(readFileSync(join(dir, 'country-labels.json'), 'utf8')) as CountryLabel[];
  const labelByIso3 = new Map(labels.map((l) => [l.iso3, l]));
  for (const c of allCountries()) {
    const l = labelByIso3.get(c.iso3);
    if (!l) continue;
    const e = addEntity(COUNTRY, c.name, c.iso3, null, l.lat, l.lon, l.population);
    addKey(c.name, e, false);
    for (const n of c.aliases) addKey(n, e, true);
  }

  const admin1Entries = JSON.parse(readFileSync(join(dir, 'admin1-names.json'), 'utf8')) as Admin1Name[];
  const admin1Name = new Map<string, string>();
  for (const a of admin1Entries) {
    if (!a.admin1) admin1Name.set(a.code, a.name);
    const e = addEntity(ADMIN1, a.name, a.iso3, a.admin1 ?? a.name, a.lat, a.lon, a.population);
    addKey(a.name, e, false);
    for (const alias of a.aliases) addKey(alias, e, true);
    for (const n of [a.name, ...a.aliases]) {
      const bare = stripAdminWords(n);
      if (bare) addKey(bare, e, true);
    }
  }

  const text = gunzipSync(readFileSync(join(dir, 'localities.tsv.gz'))).toString('utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [name = '', alternates = '', iso3 = '', a1 = '', lat = '', lon = '', pop = '', featureCode = ''] = line.split('\t');
    const e = addEntity(LOCALITY, name, iso3, admin1Name.get(a1) ?? null, Number(lat), Number(lon), Number(pop));
    if (featureCode === 'PPLA' || featureCode === 'PPLC') seats.add(e);
    addKey(name, e, false);
    if (alternates) for (const alt of alternates.split('|')) addKey(alt, e, true);
  }

  const toMatch = (e: number): GeoMatch => ({
    name: names[e]!,
    country: countries[e]!,
    admin1: admin1s[e]!,
    lat: lats[e]!,
    lon: lons[e]!,
    population: pops[e]!,
    precision: kind[e] === LOCALITY ? 'locality' : kind[e] === ADMIN1 ? 'admin1' : 'country',
  });
  // A bare `Khost` means the provincial capital, a bare `Helmand` the province.
  const cityBeatsAdmin1 = (e: number) => pops[e]! >= CITY_BEATS_ADMIN1 || seats.has(e);
  const score = (ref: number) => pops[ref >> 1]! * (ref & 1 ? ALTERNATE_WEIGHT : 1);

  function best(key: string, iso3: string | undefined): number | undefined {
    const refs = keys.get(key);
    if (!refs) return undefined;
    const top: (number | undefined)[] = [undefined, undefined, undefined];
    for (const ref of refs) {
      const e = ref >> 1;
      if (iso3 && countries[e] !== iso3) continue;
      const k = kind[e]!;
      const cur = top[k];
      if (cur === undefined || score(ref) > score(cur)) top[k] = ref;
    }
    const [loc, adm, ctry] = top;
    // `Northern Ireland` and `Crimea` are country aliases but also admin-1 names: the admin-1 unit is more precise.
    if (ctry !== undefined && ((ctry & 1) === 0 || adm === undefined || (adm & 1) === 1)) return ctry >> 1;
    if (adm !== undefined && (loc === undefined || !cityBeatsAdmin1(loc >> 1))) return adm >> 1;
    return loc === undefined ? undefined : loc >> 1;
  }

  function lookup(name: string, countryIso3?: string): GeoMatch | undefined {
    const raw = name.trim();
    if (!raw) return undefined;
    const iso3 = countryIso3?.trim().toUpperCase() || undefined;
    let e = best(placeKey(raw), iso3);
    if (e === undefined) {
      const bare = stripAdminWords(raw);
      if (bare) e = best(placeKey(bare), iso3);
    }
    if (e === undefined) {
      // `Solingen, Germany` / `Solingen, West Germany`: the last comma separates the country.
      const m = /^(.*),([^,]+)$/.exec(raw);
      const country = m ? iso3FromCountryName(m[2]!) : undefined;
      if (m && country && (!iso3 || iso3 === country)) return lookup(m[1]!, country);
    }
    return e === undefined ? undefined : toMatch(e);
  }

  let sortedKeys: string[] | undefined;
  function suggest(prefix: string, countryIso3?: string, limit = 10): GeoMatch[] {
    const p = placeKey(prefix);
    if (!p || limit <= 0) return [];
    // Built on first use: sorting every key costs a second that lookup-only callers should not pay.
    sortedKeys ??= [...keys.keys()].sort();
    const iso3 = countryIso3?.trim().toUpperCase() || undefined;
    let lo = 0, hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedKeys[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    const bestScore = new Map<number, number>();
    for (let i = lo; i < sortedKeys.length && sortedKeys[i]!.startsWith(p); i++) {
      for (const ref of keys.get(sortedKeys[i]!)!) {
        const e = ref >> 1;
        if (iso3 && countries[e] !== iso3) continue;
        const s = score(ref);
        if ((bestScore.get(e) ?? -1) < s) bestScore.set(e, s);
      }
    }
    return [...bestScore]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([e]) => toMatch(e));
  }

  return { lookup, suggest, size: names.length };
}
