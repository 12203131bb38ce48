import { describe, expect, it } from 'vitest';
import { provinceKey } from './places.ts';

describe('province keys', () => {
  it('make the spellings of one province one key', () => {
    for (const [a, b] of [['Balochistan province', 'Balochistan'], ['Province of Kabul', 'KABUL'], ['Borno State', 'Borno'], ['Ninawa Governorate', 'Ninawa'], ['Khyber-Pakhtunkhwa', 'Khyber Pakhtunkhwa']]) {
      expect(provinceKey(a!), a).toBe(provinceKey(b!));
    }
  });

  it('keep apart a city and the unit around it', () => {
    for (const [a, b] of [['Moscow', 'Moscow Oblast'], ['Tashkent', 'Tashkent Region'], ['Dhaka District', 'Dhaka Division']]) {
      expect(provinceKey(a!), a).not.toBe(provinceKey(b!));
    }
  });
});
