/**
 * Province filter values as the API writes them (docs/query.md): `LKA:Northern province` is Sri Lanka's, `:Northern`
 * that of records with no country, a name alone every country's province of that name. (The server reads them in
 * `src/core/places.ts`; the web app, which talks to it over HTTP only, keeps its own few lines.)
 */
const within = /^\s*([A-Za-z]{3})?\s*:\s*(.+)$/s;

/** The value of province `name` in `country` (null: records with no country), as facets write it. */
export const provinceValue = (country: string | null, name: string): string => `${country ?? ''}:${name}`;

/** A province value in words: "Northern province (Sri Lanka)"; a name given alone, as given. */
export function provinceName(value: string, countryName: (iso3: string) => string): string {
  const m = within.exec(value);
  if (!m) return value;
  return `${m[2]} (${m[1] ? countryName(m[1].toUpperCase()) : 'no country'})`;
}
