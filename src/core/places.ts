/** Shapes of the offline geography that several layers share: the gazetteer's answers and its admin-1 names file. */

/** A place the offline gazetteer knows: what geocoding answers and what the editor suggests as a user types. */
export interface PlaceMatch {
  /** The place's own name (GeoNames' or the admin-1/country name), not the spelling that was asked for. */
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** Admin-1 name; null for countries and for places GeoNames files under no admin-1 unit. */
  admin1: string | null;
  lat: number;
  lon: number;
  /** GeoNames population; for admin-1 units and countries, the sum over their GeoNames places. */
  population: number;
  precision: 'locality' | 'admin1' | 'country';
}

/** One admin-1 unit of `data/geo/admin1-names.json`, which the gazetteer reads and the web map serves at `/geo/`. */
export interface Admin1Name {
  /** GeoNames code (`PK.03`) or `ne:` + Natural Earth adm1_code. */
  code: string;
  iso3: string;
  name: string;
  aliases: string[];
  lon: number;
  lat: number;
  /** Sum of the GeoNames populations (places of ≥ 500 people) in the unit. */
  population: number;
  /** Whether the admin-1 polygons have one of their own for it. */
  polygon: boolean;
  /** For a unit without a polygon, or a former one now inside another (FATA): the province that holds it. */
  admin1?: string;
}

// Words that say what kind of unit a name is, not which one: "Balochistan province" is Balochistan. Not "region",
// "oblast", "district" or "division": those tell a city from the unit around it (Tashkent and Tashkent Region,
// Moscow and Moscow Oblast, Dhaka District and Dhaka Division are different units).
const unitWords = /(?:^| )(?:province|provinsi|state|governorate|territory|prefecture|department|wilayah|the|of)(?= |$)/g;

/**
 * Spellings and former names the public datasets use for one province, folded as `provinceKey` folds them, and the
 * key they count under: UCDP writes "Khyber Pakhtunkwa province", GTD "North-West Frontier Province", ACLED and the
 * curated lists "Khyber Pakhtunkhwa". Records keep the name as given (data-model.md); only the key is shared.
 * Changing this table changes stored keys: add a migration that re-keys (`rekeyProvinces`, as migration 12 does).
 */
const provinceSpellings: Readonly<Record<string, string>> = {
  // Pakistan
  'khyber pakhtunkwa': 'khyber pakhtunkhwa',
  'khyber pakhtoonkhwa': 'khyber pakhtunkhwa',
  'north west frontier': 'khyber pakhtunkhwa',
  nwfp: 'khyber pakhtunkhwa',
  baluchistan: 'balochistan',
  sind: 'sindh',
  'azad jammu kashmir': 'azad kashmir',
  'azad jammu and kashmir': 'azad kashmir',
  'islamabad capital': 'islamabad',
  // Afghanistan
  paktya: 'paktia',
  paktiya: 'paktia',
  hilmand: 'helmand',
  ningarhar: 'nangarhar',
  konar: 'kunar',
  oruzgan: 'uruzgan',
  urozgan: 'uruzgan',
  'sar e pul': 'sar e pol',
  'sari pul': 'sar e pol',
  // Iraq and Syria
  nineveh: 'ninawa',
  ninewa: 'ninawa',
  'salah ad din': 'salah al din',
  salahuddin: 'salah al din',
  'al anbar': 'anbar',
  'deir ez zor': 'dayr az zawr',
  'deir ez zour': 'dayr az zawr',
  'deir ezzor': 'dayr az zawr',
};

/**
 * The key under which spellings of one province are the same: case, accents, punctuation and words naming the kind
 * of unit ignored, and the datasets' other spellings of a province (`provinceSpellings`) taken as its own, so UCDP's
 * "Balochistan province", ACLED's "Balochistan" and a list's "Baluchistan" are filtered, counted and mapped as one.
 * Names keep their spelling in records; filters, facets, statistics and map areas compare keys.
 * @example provinceKey('Khyber Pakhtunkwa Province') // 'khyber pakhtunkhwa'
 */
export function provinceKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // A name that is only such words ("Capital Territory", "The State") keeps them.
  const key = words.replace(unitWords, '').replace(/ +/g, ' ').trim() || words;
  return provinceSpellings[key] ?? key;
}

/**
 * A province filter value: `LKA:Northern province` is Sri Lanka's (the country's code in any case), `:Northern`
 * that of records with no country, and a name alone ("Northern province") the province of that name in every
 * country that has one (Sri Lanka, Sierra Leone…), as typed filters mean it. Facets and the map write the first two.
 */
export function splitProvince(value: string): { anyCountry: boolean; country: string | null; name: string } {
  const within = /^\s*([A-Za-z]{3})?\s*:\s*(.+)$/s.exec(value);
  if (!within) return { anyCountry: true, country: null, name: value };
  return { anyCountry: false, country: within[1]?.toUpperCase() ?? null, name: within[2]! };
}

/** The filter value of the province `name` in `country` (null: records with no country). */
export const provinceIn = (country: string | null, name: string): string => `${country ?? ''}:${name}`;
