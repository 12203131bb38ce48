import { describe, expect, it } from 'vitest';
import { provinceKey } from './places.ts';

describe('province keys', () => {
  it('make the spellings of one province one key', () => {
    for (const [a, b] of [['Balochistan province', 'Balochistan'], ['Province of Kabul', 'KABUL'], ['Borno State', 'Borno'], ['Ninawa Governorate', 'Ninawa'], ['Khyber-Pakhtunkhwa', 'Khyber Pakhtunkhwa'],
      // The datasets' other spellings and former names: UCDP's typo, GTD's pre-2010 name, transliterations.
      ['Khyber Pakhtunkwa province', 'Khyber Pakhtunkhwa'], ['North-West Frontier Province', 'Khyber Pakhtunkhwa'], ['Baluchistan', 'Balochistan'],
      ['Paktya', 'Paktia Province'], ['Nineveh', 'Ninawa'], ['Deir ez-Zor', 'Dayr az Zawr'], ['Azad Jammu & Kashmir', 'Azad Kashmir']]) {
      expect(provinceKey(a!), a).toBe(provinceKey(b!));
    }
  });

  it('keep apart a city and the unit around it', () => {
    for (const [a, b] of [['Moscow', 'Moscow Oblast'], ['Tashkent', 'Tashkent Region'], ['Dhaka District', 'Dhaka Division']]) {
      expect(provinceKey(a!), a).not.toBe(provinceKey(b!));
    }
  });
});
