import { beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer, type Gazetteer, type GeoMatch } from './gazetteer.ts';

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

let gaz: Gazetteer;
beforeAll(() => {
  const t = performance.now();
  gaz = loadGazetteer();
  console.log(`gazetteer: ${gaz.size.toLocaleString('en')} entries loaded in ${Math.round(performance.now() - t)} ms`);
});

function expectNear(m: GeoMatch | undefined, country: string, lat: number, lon: number, maxKm = 25) {
  expect(m, `${country} ${lat},${lon}`).toBeDefined();
  expect(m!.country).toBe(country);
  expect(km(m!, { lat, lon })).toBeLessThan(maxKm);
}

describe('gazetteer lookup', () => {
  it('geocodes the places in our sample data to the right country, within 25 km', () => {
    const cases: [string, string, number, number][] = [
      ['Kabul', 'AFG', 34.53, 69.17], ['Jalalabad', 'AFG', 34.43, 70.45], ['Peshawar', 'PAK', 34.01, 71.58],
      ['Quetta', 'PAK', 30.18, 67.0], ['Karachi', 'PAK', 24.86, 67.01], ['Mogadishu', 'SOM', 2.04, 45.34],
      ['Moscow', 'RUS', 55.75, 37.62], ['Krasnogorsk', 'RUS', 55.82, 37.33], ['Kerman', 'IRN', 30.28, 57.08],
      ['Vienna', 'AUT', 48.21, 16.37], ['Solingen', 'DEU', 51.17, 7.08],
    ];
    for (const [name, country, lat, lon] of cases) {
      const m = gaz.lookup(name);
      expectNear(m, country, lat, lon);
      expect(m!.precision, name).toBe('locality');
    }
    expect(gaz.lookup('Peshawar')?.admin1).toBe('Khyber Pakhtunkhwa');
    expect(gaz.lookup('Krasnogorsk')?.admin1).toBe('Moscow Oblast');
  });

  it('ignores case, accents, punctuation and spacing, and knows alternate names', () => {
    expectNear(gaz.lookup('JALĀLĀBĀD'), 'AFG', 34.43, 70.45);
    expectNear(gaz.lookup('  kabul '), 'AFG', 34.53, 69.17);
    expectNear(gaz.lookup('Mogadiscio'), 'SOM', 2.04, 45.34);
    expectNear(gaz.lookup('Bombay'), 'IND', 19.07, 72.88);
    expectNear(gaz.lookup('Kiev'), 'UKR', 50.45, 30.52);
    expectNear(gaz.lookup('Wien'), 'AUT', 48.21, 16.37);
  });

  it('geocodes admin-1 names, with or without their kind, to the unit', () => {
    const moscowOblast = gaz.lookup('Moscow Oblast');
    expect(moscowOblast).toMatchObject({ country: 'RUS', precision: 'admin1', admin1: 'Moscow Oblast' });
    expect(km(moscowOblast!, { lat: 55.75, lon: 37.62 })).toBeLessThan(200);
    expect(gaz.lookup('Khyber Pakhtunkhwa province')).toMatchObject({ country: 'PAK', precision: 'admin1', name: 'Khyber Pakhtunkhwa' });
    expect(gaz.lookup('North-West Frontier Province')).toMatchObject({ country: 'PAK', precision: 'admin1' });
    expect(gaz.lookup('Balochistan')).toMatchObject({ country: 'PAK', precision: 'admin1' });
    expect(gaz.lookup('Baluchistan', 'PAK')).toMatchObject({ country: 'PAK', precision: 'admin1' });
    expect(gaz.lookup('Helmand')).toMatchObject({ country: 'AFG', precision: 'admin1' });
    expect(gaz.lookup('Borno')).toMatchObject({ country: 'NGA', precision: 'admin1' });
    expect(gaz.lookup('Federally Administered Tribal Areas')).toMatchObject({ country: 'PAK', admin1: 'Khyber Pakhtunkhwa' });
    expect(gaz.lookup('Northern Ireland')).toMatchObject({ country: 'GBR', precision: 'admin1' });
  });

  it('prefers cities that are admin-1 seats, and countries over everything', () => {
    expect(gaz.lookup('Kabul')?.precision).toBe('locality');
    expect(gaz.lookup('Khost')).toMatchObject({ country: 'AFG', precision: 'locality' });
    expect(gaz.lookup('Georgia')).toMatchObject({ country: 'GEO', precision: 'country' });
    expect(gaz.lookup('Georgia', 'USA')).toMatchObject({ country: 'USA', precision: 'admin1' });
    expect(gaz.lookup('Afghanistan')).toMatchObject({ country: 'AFG', precision: 'country', admin1: null });
    expect(gaz.lookup('Burma')).toMatchObject({ country: 'MMR', precision: 'country' });
  });

  it('restricts to a country and reads `locality, country`', () => {
    expect(gaz.lookup('Vienna', 'USA')?.country).toBe('USA');
    expect(gaz.lookup('Vienna', 'usa')?.country).toBe('USA');
    expect(gaz.lookup('Kerman', 'USA')?.country).toBe('USA');
    expect(gaz.lookup('Peshawar', 'AFG')).toBeUndefined();
    expectNear(gaz.lookup('Solingen, West Germany'), 'DEU', 51.17, 7.08);
    expectNear(gaz.lookup('Jalalabad, Afghanistan'), 'AFG', 34.43, 70.45);
    expect(gaz.lookup('Jalalabad, India')?.country).toBe('IND');
  });

  it('returns undefined for nothing', () => {
    expect(gaz.lookup('')).toBeUndefined();
    expect(gaz.lookup('   ')).toBeUndefined();
    expect(gaz.lookup('Qwxzyvillage')).toBeUndefined();
  });
});

describe('gazetteer suggest', () => {
  it('completes prefixes, most populous first', () => {
    const t = performance.now();
    const jala = gaz.suggest('jala', 'AFG', 5);
    console.log(`gazetteer suggest: first call ${Math.round(performance.now() - t)} ms (builds the sorted key list)`);
    expect(jala[0]?.name).toMatch(/^Jal[aā]l[aā]b[aā]d$/);
    const mos = gaz.suggest('Mosc', undefined, 5);
    expect(mos.length).toBe(5);
    expect(mos.map((m) => m.country)).toContain('RUS');
    for (let i = 1; i < mos.length; i++) expect(mos[i - 1]!.population * 10 >= mos[i]!.population).toBe(true);
    expect(gaz.suggest('kab', 'AFG', 3).every((m) => m.country === 'AFG')).toBe(true);
    expect(gaz.suggest('', undefined, 5)).toEqual([]);
    expect(gaz.suggest('pesh', 'PAK').length).toBeLessThanOrEqual(10);
  });
});
