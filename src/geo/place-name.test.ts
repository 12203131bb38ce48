import { describe, expect, it } from 'vitest';
import { isLatinName, placeKey, stripAdminWords } from './place-name.ts';

describe('place names', () => {
  it('folds names into keys', () => {
    expect(placeKey('Jalālābād')).toBe('jalalabad');
    expect(placeKey('Sar-e Pol')).toBe('sarepol');
    expect(placeKey("Ras al-'Ayn")).toBe('rasalayn');
    expect(placeKey('Düsseldorf')).toBe('dusseldorf');
    expect(placeKey('Łódź')).toBe('lodz');
    expect(placeKey('Straße')).toBe('strasse');
    expect(placeKey('KABUL')).toBe(placeKey('kabul'));
    expect(placeKey('كابل')).toBe('');
  });

  it('strips administrative kind words', () => {
    expect(stripAdminWords('Khyber Pakhtunkhwa province')).toBe('Khyber Pakhtunkhwa');
    expect(stripAdminWords('Province of Kabul')).toBe('Kabul');
    expect(stripAdminWords('Kech district')).toBe('Kech');
    expect(stripAdminWords('Kabul')).toBeUndefined();
    expect(stripAdminWords('Province')).toBeUndefined();
  });

  it('recognises Latin-script names', () => {
    expect(isLatinName('Jalālābād')).toBe(true);
    expect(isLatinName("Ras al-'Ayn")).toBe(true);
    expect(isLatinName('Кабул')).toBe(false);
  });
});
