/**
 * Folding place names into lookup keys, shared by the gazetteer and the script that builds its data.
 */

/** Letters that NFD does not split into base letter + accent. */
const foldLetters: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŋ: 'n',
};

/**
 * The lookup key of a place name: accents, case, apostrophes, punctuation and spaces removed.
 * `Jalālābād` → `jalalabad`; `Sar-e Pol` → `sarepol`; `Ras al-'Ayn` → `rasalayn`. Spaces go too, because
 * transliterations disagree on them (`Al Qaim`, `Al-Qaim`, `Alqaim`).
 *
 * @example placeKey("Côte-d'Or") // 'cotedor'
 */
export function placeKey(name: string): string {
  // Most names are plain ASCII; skipping Unicode normalisation for them halves the gazetteer's load time.
  if (/^[\x20-\x7e]*$/.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħŧŋ]/g, (ch) => foldLetters[ch] ?? ch)
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Words that name the kind of an administrative unit, which datasets add or drop at will
 * (UCDP: `Khyber Pakhtunkhwa province`, `Kech district`; GeoNames: `Maidan Wardak Province`).
 * Lower case, matched as whole words at the start or end of a name.
 */
const adminWords = [
  'province', 'provincia', 'prov', 'state', 'region', 'district', 'governorate', 'muhafazat', 'gouvernorat',
  'division', 'department', 'departement', 'departamento', 'county', 'prefecture', 'territory', 'municipality',
  'wilayat', 'wilayah', 'velayat', 'ostan', 'oblast', 'krai', 'kray', 'okrug', 'voivodeship', 'canton',
  'emirate', 'parish', 'of', 'the',
];

const adminPrefix = new RegExp(`^(?:(?:${adminWords.join('|')})[\\s-]+)+`, 'i');
const adminSuffix = new RegExp(`(?:[\\s-]+(?:${adminWords.join('|')}))+$`, 'i');

/**
 * The name without administrative-kind words at either end, or undefined when there were none or nothing
 * would be left: `Khyber Pakhtunkhwa province` → `Khyber Pakhtunkhwa`; `Province of Kabul` → `Kabul`.
 */
export function stripAdminWords(name: string): string | undefined {
  const stripped = name.trim().replace(adminSuffix, '').replace(adminPrefix, '').trim();
  return stripped && stripped !== name.trim() ? stripped : undefined;
}

/** Whether a name is written in Latin letters (the gazetteer keeps only those alternate names). */
export function isLatinName(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’ʼ`´.,()-]+$/u.test(name);
}
