/**
 * A synthetic CSV in ACLED's current 31-column export layout, streamed to disk (never held in memory).
 * The events are invented; only the layout is ACLED's (their rows may not be redistributed).
 */
import { createWriteStream } from 'node:fs';

const header = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
  'notes', 'fatalities', 'tags', 'timestamp',
];
const places = [
  [4, 'Afghanistan', 'Caucasus and Central Asia', 'Nangarhar', 'Jalalabad', 34.43, 70.45],
  [4, 'Afghanistan', 'Caucasus and Central Asia', 'Kabul', 'Kabul', 34.53, 69.17],
  [586, 'Pakistan', 'Southern Asia', 'Khyber Pakhtunkhwa', 'Peshawar', 34.01, 71.58],
  [586, 'Pakistan', 'Southern Asia', 'Balochistan', 'Quetta', 30.18, 66.99],
  [566, 'Nigeria', 'Western Africa', 'Borno', 'Maiduguri', 11.83, 13.15],
  [706, 'Somalia', 'Eastern Africa', 'Banadir', 'Mogadishu', 2.04, 45.34],
] as const;
const events = [
  ['Political violence', 'Battles', 'Armed clash', 'Military Forces of Pakistan (2018-)', 'State forces', 'Tehrik-i-Taliban Pakistan (TTP)', 'Rebel group', ''],
  ['Political violence', 'Explosions/Remote violence', 'Suicide bomb', 'Islamic State Khorasan Province (ISKP)', 'Rebel group', 'Civilians (Afghanistan)', 'Civilians', 'Civilian targeting'],
  ['Political violence', 'Violence against civilians', 'Attack', 'Unidentified Armed Group (Pakistan)', 'Political militia', 'Civilians (Pakistan)', 'Civilians', 'Civilian targeting'],
  ['Strategic developments', 'Strategic developments', 'Arrests', 'Police Forces of Pakistan (2018-)', 'State forces', 'Islamic State Khorasan Province (ISKP)', 'Rebel group', ''],
  ['Demonstrations', 'Protests', 'Peaceful protest', 'Protesters (Pakistan)', 'Protesters', '', '', ''],
] as const;

const quote = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));

/** Writes `rows` synthetic ACLED rows to `path`. */
export async function writeSyntheticAcled(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(header.join(',') + '\n');
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const [iso, country, region, admin1, location, lat, lon] = places[i % places.length]!;
    const [disorder, type, subtype, actor1, inter1, actor2, inter2, civ] = events[(i * 7) % events.length]!;
    const day = new Date(Date.UTC(2017, 0, 1) + (i % 2900) * 86_400_000).toISOString().slice(0, 10);
    const precision = 1 + (i % 10 === 0 ? 1 : 0) + (i % 50 === 0 ? 1 : 0);
    buffer += [
      `${country.slice(0, 3).toUpperCase()}${100000 + i}`, day, day.slice(0, 4), precision, disorder, type, subtype, actor1, '', inter1, actor2, '', inter2,
      `${inter1}-${inter2 || 'only'}`, civ, iso, region, country, admin1, location, '', location, lat + (i % 100) / 1000, lon + (i % 97) / 1000, 1 + (i % 3),
      'Dawn; Pajhwok Afghan News', 'National', `On ${day}, in ${location} (${admin1}), a synthetic event number ${i}, "quoted", for benchmarking.`,
      i % 11, '', 1700000000 + i,
    ].map(quote).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise((resolve) => out.end(resolve));
}
