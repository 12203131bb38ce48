/** A place the offline gazetteer knows: what geocoding answers and what the editor suggests as a user types. */
export interface PlaceMatch {
  /** The place's own name (GeoNames' or the admin-1/country name), not the spelling that was asked for. */
  name: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  /** Admin-1 name; null for countries and for places GeoNames files under no admin-1 unit. */
  admin1: string | null;
  lat: number;
  lon: number;
  /** GeoNames population; for admin-1 units and countries, the sum over their GeoNames places. */
  population: number;
  precision: 'locality' | 'admin1' | 'country';
}
