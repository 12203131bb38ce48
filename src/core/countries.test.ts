import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  allCountries,
  countryByIso2,
  countryByIso3,
  countrySuggestions,
  iso3FromCountryName,
  iso3FromFips,
  iso3FromGleditschWard,
  iso3FromGtdCountry,
  iso3FromIsoNumeric,
  normalizeCountryName,
} from './countries.ts';

const shared = join(import.meta.dirname, '../../../shared/data');

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, relax_column_count: true, skip_empty_lines: true });
}

function csvFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return csvFilesUnder(p);
    return name.endsWith('.csv') ? [p] : [];
  });
}

describe('countrySuggestions', () => {
  it('names the codes a value that is no alpha-3 code probably meant', () => {
    const codes = (v: string) => countrySuggestions(v).map((c) => c.iso3);
    expect(codes('Pakistan')).toEqual(['PAK']);
    expect(codes('burma')).toEqual(['MMR']);
    expect(codes('DE')).toEqual(['DEU']);
    expect(codes('PAL')).toEqual(['PLW', 'PSE']);
    expect(codes('GER')).toEqual(['DEU']);
    expect(codes('Afganistan')).toEqual(['AFG']);
    expect(codes('PKA')).toEqual(['PAK', 'LKA']);
    expect(codes('XYZ')).toEqual([]);
    expect(codes('')).toEqual([]);
  });
});

describe('country table', () => {
  it('has unique codes and consistent lookups', () => {
    const all = allCountries();
    expect(all.length).toBeGreaterThanOrEqual(249);
    expect(new Set(all.map((c) => c.iso3)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.iso2)).size).toBe(all.length);
    const nums = all.map((c) => c.numeric).filter((n) => n !== null);
    expect(new Set(nums).size).toBe(nums.length);
    for (const c of all) {
      expect(countryByIso3(c.iso3)).toBe(c);
      expect(countryByIso2(c.iso2)).toBe(c);
      // Every country's own name must lead back to it, whatever aliases other countries carry.
      expect(iso3FromCountryName(c.name), c.name).toBe(c.iso3);
      if (c.numeric !== null) expect(iso3FromIsoNumeric(c.numeric)).toBe(c.iso3);
    }
    expect(countryByIso3('afg')?.name).toBe('Afghanistan');
  });

  it('maps ISO numeric codes, as strings or numbers', () => {
    expect(iso3FromIsoNumeric(4)).toBe('AFG');
    expect(iso3FromIsoNumeric('586')).toBe('PAK');
    expect(iso3FromIsoNumeric('004')).toBe('AFG');
    expect(iso3FromIsoNumeric(32)).toBe('ARG');
    expect(iso3FromIsoNumeric(0)).toBeUndefined();
    expect(iso3FromIsoNumeric('')).toBeUndefined();
    expect(iso3FromIsoNumeric('abc')).toBeUndefined();
  });

  it('maps Gleditsch–Ward numbers, including dissolved states', () => {
    const cases: [number, string][] = [
      [700, 'AFG'], [770, 'PAK'], [771, 'BGD'], [775, 'MMR'], [645, 'IRQ'], [652, 'SYR'], [2, 'USA'],
      [200, 'GBR'], [365, 'RUS'], [345, 'SRB'], [678, 'YEM'], [680, 'YEM'], [490, 'COD'], [437, 'CIV'],
      [572, 'SWZ'], [811, 'KHM'], [626, 'SSD'], [260, 'DEU'], [265, 'DEU'], [347, 'XKX'], [816, 'VNM'],
      [713, 'TWN'], [520, 'SOM'], [475, 'NGA'], [432, 'MLI'], [666, 'ISR'], [990, 'WSM'],
    ];
    for (const [gw, iso3] of cases) expect(iso3FromGleditschWard(gw), String(gw)).toBe(iso3);
    expect(iso3FromGleditschWard('770')).toBe('PAK');
    expect(iso3FromGleditschWard(999)).toBeUndefined();
  });

  it('maps FIPS 10-4 codes where they differ from ISO alpha-2', () => {
    const cases: [string, string][] = [
      ['AF', 'AFG'], ['PK', 'PAK'], ['AS', 'AUS'], ['SF', 'ZAF'], ['RP', 'PHL'], ['NI', 'NGA'], ['AG', 'DZA'],
      ['IZ', 'IRQ'], ['SY', 'SYR'], ['SO', 'SOM'], ['UK', 'GBR'], ['GM', 'DEU'], ['RS', 'RUS'], ['UP', 'UKR'],
      ['IS', 'ISR'], ['WE', 'PSE'], ['GZ', 'PSE'], ['KV', 'XKX'], ['OD', 'SSD'], ['SU', 'SDN'], ['TU', 'TUR'],
      ['CH', 'CHN'], ['KN', 'PRK'], ['KS', 'KOR'], ['BM', 'MMR'], ['CE', 'LKA'], ['BG', 'BGD'], ['YM', 'YEM'],
      ['MU', 'OMN'], ['LE', 'LBN'], ['EI', 'IRL'], ['SP', 'ESP'], ['UV', 'BFA'], ['NG', 'NER'], ['CG', 'COD'],
      ['CF', 'COG'], ['IV', 'CIV'], ['TI', 'TJK'], ['TX', 'TKM'], ['KG', 'KGZ'], ['EZ', 'CZE'], ['LO', 'SVK'],
    ];
    for (const [fips, iso3] of cases) expect(iso3FromFips(fips), fips).toBe(iso3);
    expect(iso3FromFips('rp')).toBe('PHL');
    expect(iso3FromFips('XX')).toBeUndefined();
  });

  it('maps every FIPS and G-W target to a known country', () => {
    for (const c of ['AF', 'RI', 'RB', 'YI', 'NT']) expect(countryByIso3(iso3FromFips(c) ?? '')).toBeDefined();
    for (let n = 0; n < 1000; n++) {
      const iso3 = iso3FromGleditschWard(n);
      if (iso3) expect(countryByIso3(iso3), String(n)).toBeDefined();
      const gtd = iso3FromGtdCountry(n);
      if (gtd) expect(countryByIso3(gtd), `gtd ${n}`).toBeDefined();
    }
  });

  it('maps GTD country codes', () => {
    expect(iso3FromGtdCountry(4)).toBe('AFG');
    expect(iso3FromGtdCountry(153)).toBe('PAK');
    expect(iso3FromGtdCountry(603)).toBe('GBR');
    expect(iso3FromGtdCountry(217)).toBe('USA');
    expect(iso3FromGtdCountry(359)).toBe('RUS');
    expect(iso3FromGtdCountry('95')).toBe('IRQ');
    expect(iso3FromGtdCountry(58)).toBe('DOM');
    expect(iso3FromGtdCountry(1004)).toBe('SSD');
    expect(iso3FromGtdCountry(422)).toBeUndefined(); // International
  });

  it('resolves names tolerant to case, accents and history', () => {
    const cases: [string, string][] = [
      ['West Germany', 'DEU'], ['West Germany (FRG)', 'DEU'], ['East Germany (GDR)', 'DEU'], ['Northern Ireland', 'GBR'],
      ['Burma', 'MMR'], ['Myanmar (Burma)', 'MMR'], ['Ivory Coast', 'CIV'], ["Côte d'Ivoire", 'CIV'], ['COTE D IVOIRE', 'CIV'],
      ['DR Congo (Zaire)', 'COD'], ['Zaire', 'COD'], ['Democratic Republic of the Congo', 'COD'], ['Republic of the Congo', 'COG'],
      ['Yemen (North Yemen)', 'YEM'], ['South Yemen', 'YEM'], ['Russia (Soviet Union)', 'RUS'], ['Soviet Union', 'RUS'],
      ['Czechia', 'CZE'], ['Czech Republic', 'CZE'], ['Czechoslovakia', 'CZE'], ['Serbia (Yugoslavia)', 'SRB'], ['Yugoslavia', 'SRB'],
      ['Macedonia, FYR', 'MKD'], ['Bosnia-Herzegovina', 'BIH'], ['Cambodia (Kampuchea)', 'KHM'], ['Kingdom of eSwatini (Swaziland)', 'SWZ'],
      ['Korea, Republic of', 'KOR'], ['Iran, Islamic Republic of', 'IRN'], ['Bahamas, The', 'BHS'], ['the Gambia', 'GMB'],
      ['Islamic Republic of Pakistan', 'PAK'], ['Hashemite Kingdom of Jordan', 'JOR'], ['Rhodesia', 'ZWE'], ['East Timor', 'TLS'],
      ['United States', 'USA'], ['U.S.', 'USA'], ['UK', 'GBR'], ['Great Britain', 'GBR'], ['Türkiye', 'TUR'], ['Turkey', 'TUR'],
      ['West Bank and Gaza Strip', 'PSE'], ['Palestine', 'PSE'], ['Kosovo', 'XKX'], ['Vatican City', 'VAT'], ['PAK', 'PAK'], ['af', 'AFG'],
      ['  afghanistan  ', 'AFG'], ['Saint-Barthelemy', 'BLM'], ['Curacao', 'CUW'], ['Reunion', 'REU'], ['eSwatini', 'SWZ'],
    ];
    for (const [name, iso3] of cases) expect(iso3FromCountryName(name), name).toBe(iso3);
    // Formal wrappers only with the words formal names use: not a place before them, not a group's name.
    for (const [name, iso3] of [['State of Israel', 'ISR'], ['Plurinational State of Bolivia', 'BOL'], ["People's Republic of China", 'CHN'], ['Federal Republic of Germany', 'DEU']]) {
      expect(iso3FromCountryName(name!), name).toBe(iso3);
    }
    for (const name of ['Red Sea', 'Mediterranean Sea', '', 'International', 'Atlantis', 'Kibirizi Democratic Republic of Congo', 'Islamic State of Iraq', 'Islamic State of Iraq and the Levant']) {
      expect(iso3FromCountryName(name), name).toBeUndefined();
    }
    expect(normalizeCountryName("  Côte  d'Ivoire ")).toBe('cote divoire');
  });
});

describe('country codes in the shared sample files', () => {
  const ucdpFiles = csvFilesUnder(join(shared, 'ucdp_ged'));

  it.skipIf(ucdpFiles.length === 0)('UCDP country_id, country and iso3 agree in every row', () => {
    let rows = 0;
    for (const file of ucdpFiles) {
      for (const row of readCsv(file)) {
        const id = row.country_id ?? '';
        if (!/^\d+$/.test(id)) continue; // the HDX files' second row is an HXL tag row
        rows++;
        const iso3 = iso3FromGleditschWard(id);
        expect(iso3, `${file}: country_id ${id}`).toBeDefined();
        // UCDP's names are historical (`Yemen (North Yemen)`); they must still agree with the id.
        expect(iso3FromCountryName(row.country ?? ''), `${file}: ${row.country}`).toBe(iso3);
        if (row.iso3) expect(row.iso3, `${file}: iso3`).toBe(iso3);
        if (row.gwnoa && /^\d+$/.test(row.gwnoa)) expect(iso3FromGleditschWard(row.gwnoa), `gwnoa ${row.gwnoa}`).toBeDefined();
      }
    }
    expect(rows).toBeGreaterThan(1000);
  });

  const acledDir = join(shared, 'acled/acledR');

  it.skipIf(!existsSync(join(acledDir, 'acled_old_dummy.csv')))('ACLED iso and country agree', () => {
    const rows = readCsv(join(acledDir, 'acled_old_dummy.csv'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const iso3 = iso3FromIsoNumeric(row.iso ?? '');
      expect(iso3, `iso ${row.iso}`).toBeDefined();
      expect(iso3FromCountryName(row.country ?? ''), row.country).toBe(iso3);
    }
  });

  it.skipIf(!existsSync(join(acledDir, 'acled_countries.csv')))('every ACLED country name resolves', () => {
    const rows = readCsv(join(acledDir, 'acled_countries.csv'));
    expect(rows.length).toBeGreaterThan(200);
    const unresolved = rows.map((r) => r.country ?? '').filter((name) => !iso3FromCountryName(name));
    expect(unresolved).toEqual([]);
  });
});
