/**
 * Places of mapped rows: the `locality, country-name` parser (`design/source-formats.md` §5) and the offline
 * completion of a place — coordinates for a named locality from the gazetteer, admin-1 for coordinates from
 * the boundaries — through `ImportContext.places`, so this layer never loads geography itself.
 */
import { iso3FromCountryName } from '../../core/countries.ts';
import type { PlacePrecision } from '../../core/record.ts';
import type { PlaceLookup } from '../source-format.ts';

export interface PlaceDraft {
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  locality: string | null;
  lat: number | null;
  lon: number | null;
  /** As the file states it; null when the file does not say. */
  precision: PlacePrecision | null;
}

// Words that say where in a country but name no place ("across Iraq", "northern Nigeria").
const vagueOnly = /^(?:(?:across|near|outside|in|throughout|northern|southern|eastern|western|central|north|south|east|west|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|rural|parts of|and)\s*)+$/i;
// `in` only in lower case: `In Aménas` and `In Salah` are towns.
const leadingHedge = /^(?:(?:[Nn]ear|[Oo]utside|[Aa]cross|[Aa]round)\s+|in\s+)/;

// A country's name followed by one of these names a place in or near it, not the country: `Niger State` and the
// `Niger Delta` are in Nigeria, the `Jordan Valley` is in the West Bank.
const placeWord = /^(?:state|province|region|delta|valley|river|basin|district|governorate|division|county|city|coast|border|desert|mountains?|hills|plateau|sea|lake|gulf|bay|strait|island|islands|peninsula)\b/i;
// A part that names an event, not a place: lists append it after the country.
const eventName = /\b\d{4}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b(?:bomb\w*|attacks?|massacres?|shootings?|raids?|crisis|affair|plots?|hijack\w*|kidnap\w*|hostages?|assassinations?|explosions?|blasts?|ambush\w*|siege|incident|riots?|murders?|killings?|stabbings?|arson)\b/i;

/**
 * `Kabul, Afghanistan` → locality Kabul, AFG; `Austin, Texas, United States` → locality `Austin, Texas`, USA. The
 * comma-separated parts are tried from the last: a part that is a country (historical names too: `West Germany`
 * → DEU), then one that ends with a country (`Mosul, Nineveh Iraq`, `Haifa Israel`) or starts with one — lists
 * append the event's name (`Tel Aviv, Israel 2006 Tel Aviv shawarma restaurant bombing`, `London, United Kingdom,
 * 1984 Heathrow Airport bombing`) or write the place after it (`El Salvador San Antonio Grande`, `Pakistan,
 * Peshawar`). The longest name wins (`eastern Democratic Republic of the Congo` is not the Republic of the Congo);
 * a country's name followed by a word such as State or Valley is a place (`Minna, Niger State`). The other parts,
 * but event names, are the locality; with no country found, the whole text is, for the gazetteer to try.
 */
export function parseLocalityCountry(raw: string): { locality: string | null; country: string | null } {
  const text = raw.replace(/\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim().replace(/[.,;]+$/, '');
  if (!text) return { locality: null, country: null };
  const parts = text.split(',').map((p) => p.trim());
  for (let i = parts.length - 1; i >= 0; i--) {
    const [before, later] = [parts.slice(0, i), parts.slice(i + 1).filter((p) => !eventName.test(p))];
    const found = (country: string, own: string[] = []) => ({ locality: bareLocality([...before, ...own, ...later].join(', ')), country });
    const whole = countryOf(parts[i]!);
    if (whole) return found(whole);
    // `United States2006 UNC SUV attack`: a year glued to the name.
    const words = parts[i]!.replace(/(\p{L})(\d)/gu, '$1 $2').split(/[\s.;/]+/).filter(Boolean);
    for (let k = Math.min(6, words.length - 1); k >= 1; k--) {
      const tail = countryOf(words.slice(-k).join(' '));
      const rest = words.slice(0, -k).join(' ');
      // `Maiduguri, northern Nigeria`: words that only say where in the country are no place.
      if (tail) return found(tail, vagueOnly.test(rest) ? [] : [rest]);
      const after = words.slice(k).join(' ');
      const head = placeWord.test(after) ? null : countryOf(words.slice(0, k).join(' '));
      if (head) return found(head, before.length || later.length || eventName.test(after) ? [] : [after]);
    }
  }
  return { locality: bareLocality(text), country: null };
}

/** ISO3 of a country name; two- and three-letter words count only in capitals (`in` is not India). */
export function countryOf(name: string): string | null {
  const n = name.trim();
  if (!n || (/^[a-z]{2,3}$/i.test(n) && n !== n.toUpperCase())) return null;
  return iso3FromCountryName(n) ?? null;
}

function bareLocality(text: string): string | null {
  const t = text.trim().replace(/^[,;\s]+|[,;\s]+$/g, '');
  if (!t || vagueOnly.test(t)) return null;
  return t.replace(leadingHedge, '') || null;
}

const rank: Record<PlacePrecision, number> = { exact: 0, locality: 1, admin2: 2, admin1: 3, country: 4, unknown: 5 };

/** The coarser of two precisions: a place is never claimed more precise than its least precise source says. */
export function coarser(a: PlacePrecision | null, b: PlacePrecision): PlacePrecision {
  return a && rank[a] > rank[b] ? a : b;
}

/**
 * Completes a place: a locality without coordinates is geocoded (precision from the match; a match that is only
 * the country gives no point, as the curated list leaves country-level places without coordinates); coordinates
 * without admin-1 get it from the boundaries, unless the boundaries put the point in another country.
 */
export function completePlace(p: PlaceDraft, places: PlaceLookup | undefined, coordinatePrecision: PlacePrecision): PlaceDraft & { precision: PlacePrecision } {
  const out = { ...p };
  if (out.lat !== null && out.lon !== null) {
    if (!out.admin1 || !out.country) {
      const at = places?.admin1At(out.lon, out.lat);
      if (at && (!out.country || at.country === out.country)) {
        out.country ??= at.country;
        out.admin1 ??= at.admin1;
      }
    }
    return { ...out, precision: out.precision ?? coordinatePrecision };
  }
  const match = out.locality && places ? places.geocode(out.locality, out.country ?? undefined) : undefined;
  if (match && (!out.country || match.country === out.country)) {
    out.country ??= match.country;
    out.admin1 ??= match.admin1;
    if (match.precision !== 'country') [out.lat, out.lon] = [match.lat, match.lon];
    return { ...out, precision: coarser(out.precision, match.precision) };
  }
  return { ...out, precision: out.precision ?? (out.admin1 ? 'admin1' : out.country ? 'country' : 'unknown') };
}
