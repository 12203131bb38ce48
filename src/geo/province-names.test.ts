import { describe, expect, it } from 'vitest';
import { loadProvinceNames } from './province-names.ts';

const names = loadProvinceNames();

describe('one name per province', () => {
  it('names a province as the admin-1 list does, whatever the dataset wrote', () => {
    // UCDP's spellings in its Pakistan file, GTD's former name, a curated list's transliteration.
    expect(names.canonical('Khyber Pakhtunkwa province', 'PAK')).toBe('Khyber Pakhtunkhwa');
    expect(names.canonical('Balochistan province', 'PAK')).toBe('Balochistan');
    expect(names.canonical('Baluchistan', 'PAK')).toBe('Balochistan');
    expect(names.canonical('North-West Frontier Province', 'PAK')).toBe('Khyber Pakhtunkhwa');
    expect(names.canonical('Islamabad Capital territory', 'PAK')).toBe('Islamabad');
    expect(names.canonical('Nangarhar', 'AFG')).toBe('Nangarhar');
  });

  it('keeps a province within its country, and leaves what it does not know (or cannot tell apart) alone', () => {
    expect(names.canonical('Punjab province', 'IND')).toBe('Punjab');
    expect(names.canonical('Khyber Pakhtunkwa', 'AFG')).toBeUndefined();
    expect(names.canonical('Azad Jammu & Kashmir', 'PAK')).toBeUndefined();
    // FATA, merged into Khyber Pakhtunkhwa in 2018, is still its own name in records of before.
    expect(names.canonical('Federally Administered Tribal Areas', 'PAK')).toBe('Federally Administered Tribal Areas');
    // A short name takes no slip: one letter off in six is as likely another place.
    expect(names.canonical('Farahh', 'AFG')).toBeUndefined();
  });
});
