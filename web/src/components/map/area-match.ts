/**
 * Matching the province names in the data ("Khyber Pakhtunkwa province", "Federally Administered Tribal Areas")
 * to the basemap's province polygons, for shading. Names are compared loosely (case, accents, punctuation and
 * words like "province" ignored), against each province's name and aliases; a near miss of a letter or two is
 * accepted within the same country; a province the basemap merged into another (FATA into Khyber Pakhtunkhwa)
 * maps to the polygon it is now part of.
 */

import type { Admin1Name } from '../../../../src/core/places.ts';

/** One entry of `/geo/admin1-names.json`. */
export type ProvinceName = Admin1Name;

const noise = /\b(province|provinsi|region|state|governorate|territory|district|division|department|prefecture|oblast|county|municipality|capital|wilayah|the|of)\b/g;

/** The loose form used for comparison. */
export function looseArea(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(noise, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** A matcher over the province list: `(iso3, name) => polygon code | undefined`. */
export function provinceMatcher(provinces: ProvinceName[]): (iso3: string, name: string) => string | undefined {
  const byCountry = new Map<string, { loose: string; entry: ProvinceName }[]>();
  for (const p of provinces) {
    const list = byCountry.get(p.iso3) ?? [];
    for (const n of [p.name, ...p.aliases]) list.push({ loose: looseArea(n), entry: p });
    byCountry.set(p.iso3, list);
  }
  const polygonOf = (iso3: string, p: ProvinceName): string | undefined => {
    if (p.polygon) return p.code;
    if (!p.admin1) return undefined;
    const parent = byCountry.get(iso3)?.find((c) => c.entry.polygon && c.loose === looseArea(p.admin1!));
    return parent?.entry.code;
  };
  const memo = new Map<string, string | undefined>();
  return (iso3, name) => {
    const key = `${iso3}|${name}`;
    if (memo.has(key)) return memo.get(key);
    const list = byCountry.get(iso3) ?? [];
    const loose = looseArea(name);
    let hit = list.find((c) => c.loose === loose);
    if (!hit && loose.length >= 5) hit = list.find((c) => distance(c.loose, loose) <= (loose.length > 10 ? 2 : 1));
    const code = hit ? polygonOf(iso3, hit.entry) : undefined;
    memo.set(key, code);
    return code;
  };
}
