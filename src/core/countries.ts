/**
 * Countries: one table of ISO 3166-1 codes and English names, and the translations every importer needs —
 * ISO numeric (ACLED `iso`), Gleditsch–Ward (UCDP `country_id`), FIPS 10-4 (GDELT), GTD's own codes, and
 * free-text names (generic CSV, `locality, country-name`).
 *
 * Pure and browser-safe: the tables are parsed from `countries-data.ts` on first use.
 *
 * @example
 *   iso3FromGleditschWard(770)        // 'PAK'
 *   iso3FromFips('SF')                // 'ZAF'
 *   iso3FromCountryName('West Germany') // 'DEU'
 */
import { fipsTable, gleditschWardTable, gtdTable, isoTable } from './countries-data.ts';
import { nearest } from './spelling.ts';

/** One ISO 3166-1 country or territory. */
export interface Country {
  /** ISO 3166-1 alpha-3, e.g. `AFG`. Kosovo uses the widely used user-assigned `XKX`. */
  iso3: string;
  /** ISO 3166-1 alpha-2, e.g. `AF` (`XK` for Kosovo). */
  iso2: string;
  /** ISO 3166-1 numeric, e.g. 4; null where ISO assigns none (Kosovo). */
  numeric: number | null;
  /** English short name, e.g. `Afghanistan`. */
  name: string;
  /** Other English names and historical names that resolve to this country. */
  aliases: readonly string[];
}

interface Tables {
  countries: Country[];
  byIso3: Map<string, Country>;
  byIso2: Map<string, Country>;
  byNumeric: Map<number, string>;
  byGw: Map<number, string>;
  byFips: Map<string, string>;
  byGtd: Map<number, string>;
  byName: Map<string, string>;
}

let tables: Tables | undefined;

/** Parses `code:ISO3` pairs separated by whitespace. */
function parsePairs(text: string): [string, string][] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf(':');
      return [pair.slice(0, i), pair.slice(i + 1)];
    });
}

function load(): Tables {
  if (tables) return tables;
  const countries: Country[] = [];
  const byIso3 = new Map<string, Country>();
  const byIso2 = new Map<string, Country>();
  const byNumeric = new Map<number, string>();
  const byName = new Map<string, string>();
  for (const line of isoTable.split('\n')) {
    const m = /^([A-Z]{3}) ([A-Z]{2}) (\d{3}|-) (.+)$/.exec(line.trim());
    if (!m) continue;
    const [, iso3, iso2, num, names] = m as unknown as [string, string, string, string, string];
    const [name, ...aliases] = names.split('|') as [string, ...string[]];
    const country: Country = { iso3, iso2, numeric: num === '-' ? null : Number(num), name, aliases };
    countries.push(country);
    byIso3.set(iso3, country);
    byIso2.set(iso2, country);
    if (country.numeric !== null) byNumeric.set(country.numeric, iso3);
    for (const n of [name, ...aliases]) {
      const key = nameKey(n);
      // First writer wins so that a country's own name is never stolen by another country's alias.
      if (key && !byName.has(key)) byName.set(key, iso3);
    }
  }
  // The codes themselves are names too: `PAK`, and the alpha-2 codes of a `locality, XX` column.
  for (const c of countries) {
    const k3 = c.iso3.toLowerCase();
    if (!byName.has(k3)) byName.set(k3, c.iso3);
  }
  const numMap = (text: string) => new Map(parsePairs(text).map(([k, v]) => [Number(k), v] as const));
  tables = {
    countries,
    byIso3,
    byIso2,
    byNumeric,
    byGw: numMap(gleditschWardTable),
    byFips: new Map(parsePairs(fipsTable)),
    byGtd: numMap(gtdTable),
    byName,
  };
  return tables;
}

/** Accepts 770, '770', ' 770 ', '770.0'; rejects anything that is not a whole number. */
function toInt(n: number | string): number | undefined {
  const v = typeof n === 'number' ? n : Number(String(n).trim());
  return Number.isInteger(v) && String(n).trim() !== '' ? v : undefined;
}

/**
 * Folds a country name for matching: accents and case removed, `&` read as `and`, punctuation dropped,
 * a leading `the` removed. `Côte d'Ivoire` → `cote divoire`, `Bahamas, The` → `bahamas`.
 */
export function normalizeCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/ the$/, '');
}

/** The map key: spaces dropped too, so `Cote d'Ivoire`, `COTE D IVOIRE` and `Cote dIvoire` meet. */
function nameKey(name: string): string {
  return normalizeCountryName(name).replace(/ /g, '');
}

/** Every country and territory in the table, ISO order by alpha-3 not guaranteed. */
export function allCountries(): readonly Country[] {
  return load().countries;
}

/** The country with this ISO alpha-3 code (case-insensitive), e.g. `countryByIso3('pak')?.name` → `Pakistan`. */
export function countryByIso3(iso3: string): Country | undefined {
  return load().byIso3.get(iso3.trim().toUpperCase());
}

/** The country with this ISO alpha-2 code (case-insensitive), e.g. `countryByIso2('AF')?.iso3` → `AFG`. */
export function countryByIso2(iso2: string): Country | undefined {
  return load().byIso2.get(iso2.trim().toUpperCase());
}

/** ISO3 for an ISO 3166-1 numeric code (ACLED's `iso` column): `iso3FromIsoNumeric(4)` → `AFG`; 0 → undefined. */
export function iso3FromIsoNumeric(n: number | string): string | undefined {
  const v = toInt(n);
  return v === undefined ? undefined : load().byNumeric.get(v);
}

/**
 * ISO3 for a Gleditsch–Ward state number (UCDP `country_id`, `gwnoa`, ACLED v6 `GWNO`):
 * `iso3FromGleditschWard(770)` → `PAK`. Dissolved states map to their successor (345 → SRB, 678 → YEM).
 */
export function iso3FromGleditschWard(n: number | string): string | undefined {
  const v = toInt(n);
  return v === undefined ? undefined : load().byGw.get(v);
}

/** ISO3 for a FIPS 10-4 code (GDELT `ActionGeo_CountryCode`), case-insensitive: `iso3FromFips('RP')` → `PHL`. */
export function iso3FromFips(code: string): string | undefined {
  return load().byFips.get(code.trim().toUpperCase());
}

/**
 * ISO3 for a GTD country code: `iso3FromGtdCountry(153)` → `PAK`, 359 (Soviet Union) → `RUS`.
 * Undefined for codes not in the table — then use `iso3FromCountryName(country_txt)`.
 */
export function iso3FromGtdCountry(n: number | string): string | undefined {
  const v = toInt(n);
  return v === undefined ? undefined : load().byGtd.get(v);
}

/**
 * Formal wrappers around a name (`Kingdom of eSwatini`, `Islamic Republic of Pakistan`, `Republic of the Sudan`).
 * Tried only after the full name failed, so `Democratic Republic of the Congo` never degrades to `Congo`.
 */
// Only the words formal names put before the keyword: a prefix of any words would read "Kibirizi Democratic Republic
// of Congo" as the Republic of the Congo, and the group "Islamic State of Iraq" as Iraq.
const formalPrefix =
  /^(?:(?:(?:democratic|peoples|federal|federative|islamic|socialist|united|arab|cooperative|co operative|bolivarian|hashemite|oriental|grand|great) )*(?:republic|kingdom|emirate|commonwealth|principality|sultanate|federation|confederation|union|territory|department|collectivity|duchy)|(?:independent |plurinational )?state) of (?:the )?/;

/**
 * ISO3 for a free-text country name, tolerant to case, accents, punctuation and historical names:
 * `West Germany` → DEU, `Northern Ireland` → GBR, `Burma` → MMR, `DR Congo (Zaire)` → COD,
 * `Yemen (North Yemen)` → YEM, `Korea, Republic of` → KOR. ISO alpha-3 and alpha-2 codes are accepted too.
 * Undefined when nothing matches — bodies of water such as `Red Sea` included.
 */
export function iso3FromCountryName(name: string): string | undefined {
  const t = load();
  const raw = name.trim();
  if (/^[A-Za-z]{2}$/.test(raw)) {
    const c = t.byIso2.get(raw.toUpperCase());
    if (c) return c.iso3;
  }
  const tries: string[] = [];
  tries.push(normalizeCountryName(raw));
  // `Korea, Republic of` → `Republic of Korea`; `Congo, Democratic Republic of the` → `Democratic Republic of the Congo`.
  const comma = /^(.*?),\s*(.+)$/.exec(raw);
  if (comma) tries.push(normalizeCountryName(`${comma[2]} ${comma[1]}`));
  // `DR Congo (Zaire)`: the part outside the brackets, then the part inside.
  const paren = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(raw);
  if (paren) tries.push(normalizeCountryName(paren[1] ?? ''), normalizeCountryName(paren[2] ?? ''));
  for (const k of [...tries]) if (formalPrefix.test(k)) tries.push(k.replace(formalPrefix, ''));
  for (const k of tries) {
    const hit = k ? t.byName.get(k.replace(/ /g, '')) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The countries a user probably meant by `value`, which is no alpha-3 code of the table, best first: the country
 * it names (`Pakistan`, `DE`, `Burma`), else those whose name starts with it (`PAL` → Palau, Palestine), else the
 * nearest spellings of a name (`Afganistan`), else codes one letter off (`PKA` → PAK). Empty when nothing is close.
 */
export function countrySuggestions(value: string, limit = 3): Country[] {
  const t = load();
  const named = iso3FromCountryName(value);
  if (named) return [t.byIso3.get(named)!];
  const key = nameKey(value);
  if (!key) return [];
  const names = t.countries.flatMap((c) => [c.name, ...c.aliases].map((n) => ({ c, key: nameKey(n) })));
  const distinct = (hits: { c: Country }[]) => [...new Set(hits.map((h) => h.c))].slice(0, limit);
  if (key.length >= 3) {
    const starting = distinct(names.filter((n) => n.key.startsWith(key)).sort((a, b) => a.c.name.localeCompare(b.c.name)));
    if (starting.length) return starting;
  }
  if (key.length >= 5) {
    const near = distinct(nearest(key, names, (n) => n.key, limit * 3, Math.floor(key.length / 4)));
    if (near.length) return near;
  }
  return /^[a-z]{3}$/.test(key) ? nearest(key.toUpperCase(), t.countries, (c) => c.iso3, limit, 1) : [];
}
