import { describe, expect, it } from 'vitest';
import type { PlaceLookup } from '../source-format.ts';
import { completePlace, parseLocalityCountry, type PlaceDraft } from './mapped-place.ts';

describe('locality, country-name', () => {
  it('splits on the last comma and resolves historical names', () => {
    expect(parseLocalityCountry('Kabul, Afghanistan')).toEqual({ locality: 'Kabul', country: 'AFG' });
    expect(parseLocalityCountry('Austin, Texas, United States')).toEqual({ locality: 'Austin, Texas', country: 'USA' });
    expect(parseLocalityCountry('Munich, West Germany')).toEqual({ locality: 'Munich', country: 'DEU' });
    expect(parseLocalityCountry('Belfast, Northern Ireland')).toEqual({ locality: 'Belfast', country: 'GBR' });
    expect(parseLocalityCountry('Switzerland')).toEqual({ locality: null, country: 'CHE' });
    expect(parseLocalityCountry('')).toEqual({ locality: null, country: null });
  });

  it('finds a country written without a comma, and drops words that name no place', () => {
    expect(parseLocalityCountry('Haifa Israel')).toEqual({ locality: 'Haifa', country: 'ISR' });
    expect(parseLocalityCountry('Santiago de Chile Chile')).toEqual({ locality: 'Santiago de Chile', country: 'CHL' });
    expect(parseLocalityCountry('El Salvador San Antonio Grande')).toEqual({ locality: 'San Antonio Grande', country: 'SLV' });
    expect(parseLocalityCountry('across Iraq')).toEqual({ locality: null, country: 'IRQ' });
    expect(parseLocalityCountry('Near Manbij  Syria')).toEqual({ locality: 'Manbij', country: 'SYR' });
    // Short words are no country codes unless written in capitals ("in" is not India).
    expect(parseLocalityCountry('Attack in Al')).toEqual({ locality: 'Attack in Al', country: null });
    expect(parseLocalityCountry('Indian Ocean')).toEqual({ locality: 'Indian Ocean', country: null });
    // "In" starting a name is part of it (Algeria's In Aménas, In Salah).
    expect(parseLocalityCountry('In Aménas, Algeria')).toEqual({ locality: 'In Aménas', country: 'DZA' });
    expect(parseLocalityCountry('eastern Democratic Republic of the Congo')).toEqual({ locality: null, country: 'COD' });
    expect(parseLocalityCountry('Kibirizi Democratic Republic of Congo')).toEqual({ locality: 'Kibirizi', country: 'COD' });
  });

  it("keeps the text before the country's comma as the locality, whatever follows the country", () => {
    // Lists append the event's name after the country, with or without a comma, and glue years to it.
    expect(parseLocalityCountry('London, United Kingdom, 1984 Heathrow Airport bombing')).toEqual({ locality: 'London', country: 'GBR' });
    expect(parseLocalityCountry('Dubba Port and Mareb, Yemen, September 15, 2006 Yemen attacks')).toEqual({ locality: 'Dubba Port and Mareb', country: 'YEM' });
    expect(parseLocalityCountry('Tel Aviv, Israel 2006 Tel Aviv shawarma restaurant bombing')).toEqual({ locality: 'Tel Aviv', country: 'ISR' });
    expect(parseLocalityCountry('Dahab, Egypt2006 Dahab bombings')).toEqual({ locality: 'Dahab', country: 'EGY' });
    expect(parseLocalityCountry('Mosul, Nineveh Iraq')).toEqual({ locality: 'Mosul, Nineveh', country: 'IRQ' });
    expect(parseLocalityCountry('Maiduguri, northern Nigeria')).toEqual({ locality: 'Maiduguri', country: 'NGA' });
    // A country's name followed by State, Delta, Valley… names a place, not the country; a country written first
    // keeps the place after it.
    expect(parseLocalityCountry('Minna, Niger State')).toEqual({ locality: 'Minna, Niger State', country: null });
    expect(parseLocalityCountry('Jericho, Jordan Valley')).toEqual({ locality: 'Jericho, Jordan Valley', country: null });
    expect(parseLocalityCountry('Pakistan, Peshawar')).toEqual({ locality: 'Peshawar', country: 'PAK' });
    // A misspelt country: the locality is not glued to a word of it ("Derry Northerin").
    expect(parseLocalityCountry('Derry, Northerin Ireland')).toEqual({ locality: 'Derry, Northerin', country: 'IRL' });
  });
});

describe('completing a place offline', () => {
  const blank: PlaceDraft = { country: null, admin1: null, admin2: null, locality: null, lat: null, lon: null, precision: null };
  const places: PlaceLookup = {
    geocode: (name) =>
      name === 'Kabul' ? { lat: 34.53, lon: 69.17, country: 'AFG', admin1: 'Kabul', precision: 'locality' }
      : name === 'Helmand' ? { lat: 31, lon: 64, country: 'AFG', admin1: 'Helmand', precision: 'admin1' }
      : name === 'Peshawar' ? { lat: 34, lon: 71.5, country: 'PAK', admin1: 'Khyber Pakhtunkhwa', precision: 'locality' }
      : undefined,
    admin1At: () => ({ country: 'AFG', admin1: 'Kabul' }),
  };

  it('geocodes a locality with the precision of the match', () => {
    expect(completePlace({ ...blank, locality: 'Kabul', country: 'AFG' }, places, 'locality')).toMatchObject({ lat: 34.53, admin1: 'Kabul', precision: 'locality' });
    expect(completePlace({ ...blank, locality: 'Helmand', country: 'AFG' }, places, 'locality')).toMatchObject({ lat: 31, precision: 'admin1' });
    // A stated precision coarser than the match stays.
    expect(completePlace({ ...blank, locality: 'Kabul', precision: 'admin1' }, places, 'locality')).toMatchObject({ country: 'AFG', precision: 'admin1' });
  });

  it('does not move a place into another country, and says when nothing was found', () => {
    expect(completePlace({ ...blank, locality: 'Peshawar', country: 'AFG' }, places, 'locality')).toMatchObject({ lat: null, precision: 'country' });
    expect(completePlace({ ...blank, locality: 'Atlantis' }, places, 'locality')).toMatchObject({ country: null, precision: 'unknown' });
    expect(completePlace({ ...blank, locality: 'Kabul', country: 'AFG' }, undefined, 'locality')).toMatchObject({ lat: null, precision: 'country' });
  });

  it('fills admin-1 for coordinates, keeping the file\'s country', () => {
    expect(completePlace({ ...blank, lat: 34.5, lon: 69.2 }, places, 'exact')).toMatchObject({ country: 'AFG', admin1: 'Kabul', precision: 'exact' });
    expect(completePlace({ ...blank, country: 'PAK', lat: 34.5, lon: 69.2 }, places, 'locality')).toMatchObject({ country: 'PAK', admin1: null });
  });
});
