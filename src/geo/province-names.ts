/**
 * One name per province. Datasets spell the same province differently — UCDP writes `Khyber Pakhtunkwa province`
 * and `Balochistan province`, GTD `North-West Frontier Province`, curated lists `Khyber Pakhtunkhwa` and
 * `Baluchistan` — and a count by province is only right when they are one. Importers give a province the name the
 * shipped admin-1 list (`data/geo/admin1-names.json`, GeoNames and Natural Earth) has for it in the record's country;
 * a name the list does not know stays as written.
 *
 * @example
 *   const names = loadProvinceNames();
 *   names.canonical('Khyber Pakhtunkwa province', 'PAK'); // 'Khyber Pakhtunkhwa'
 *   names.canonical('North-West Frontier Province', 'PAK'); // 'Khyber Pakhtunkhwa'
 *   names.canonical('Punjab', 'IND');                      // 'Punjab'
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Admin1Name } from '../core/places.ts';
import { defaultGeoDir } from './data-dir.ts';
import { placeKey, stripAdminWords } from './place-name.ts';

export interface ProvinceNames {
  /**
   * The list's name of the province of `countryIso3` that `name` spells: its name or an alias, with or without a
   * kind word, or — in a name of eight letters or more — a slip of one letter (two past twelve) that no other
   * province of the country is as close to. Undefined when the list knows no such province.
   */
  canonical(name: string, countryIso3: string): string | undefined;
}

interface Spelling {
  key: string;
  name: string;
}

/** Reads `admin1-names.json` (~4,000 units, a few milliseconds; not the whole gazetteer). */
export function loadProvinceNames(dir: string = defaultGeoDir): ProvinceNames {
  const units = JSON.parse(readFileSync(join(dir, 'admin1-names.json'), 'utf8')) as Admin1Name[];
  const byCountry = new Map<string, Spelling[]>();
  for (const unit of units) {
    const list = byCountry.get(unit.iso3) ?? [];
    for (const spelling of [unit.name, ...unit.aliases]) list.push({ key: provinceKeyOf(spelling), name: unit.name });
    byCountry.set(unit.iso3, list);
  }
  const memo = new Map<string, string | undefined>();
  return {
    canonical(name, countryIso3) {
      const memoKey = `${countryIso3}\u001f${name}`;
      if (memo.has(memoKey)) return memo.get(memoKey);
      const found = closest(byCountry.get(countryIso3) ?? [], provinceKeyOf(name));
      memo.set(memoKey, found);
      return found;
    },
  };
}

const provinceKeyOf = (name: string) => placeKey(stripAdminWords(name) ?? name);

/** The one province name spelt `key`, or failing that within the slip allowed; undefined if none or several. */
function closest(spellings: readonly Spelling[], key: string): string | undefined {
  const only = (names: string[]) => (new Set(names).size === 1 ? names[0] : undefined);
  const exact = spellings.filter((s) => s.key === key).map((s) => s.name);
  if (exact.length || key.length < 8) return only(exact);
  const slip = key.length > 12 ? 2 : 1;
  return only(spellings.filter((s) => withinEdits(s.key, key, slip)).map((s) => s.name));
}

/** Whether `a` becomes `b` in at most `max` insertions, deletions or substitutions (Levenshtein, banded). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
