/**
 * Synthetic records for benchmarks: varied kinds, places, actors, dates and casualties, deterministic for a seed.
 * Not real events — only their shape is realistic.
 */
import { recordSchema, type EventRecord, type Kind } from '../src/core/record.ts';

const kinds: Kind[] = ['attack', 'attack', 'attack', 'clash', 'clash', 'strike', 'plot', 'arrest', 'legal', 'claim', 'protest', 'other'];
const places = [
  { country: 'AFG', admin1: 'Nangarhar', locality: 'Jalalabad', lat: 34.43, lon: 70.45 },
  { country: 'AFG', admin1: 'Kabul', locality: 'Kabul', lat: 34.53, lon: 69.17 },
  { country: 'PAK', admin1: 'Khyber Pakhtunkhwa', locality: 'Peshawar', lat: 34.01, lon: 71.58 },
  { country: 'PAK', admin1: 'Balochistan', locality: 'Quetta', lat: 30.18, lon: 66.99 },
  { country: 'SYR', admin1: 'Deir ez-Zor', locality: 'Deir ez-Zor', lat: 35.33, lon: 40.14 },
  { country: 'IRQ', admin1: 'Nineveh', locality: 'Mosul', lat: 36.34, lon: 43.13 },
  { country: 'NGA', admin1: 'Borno', locality: 'Maiduguri', lat: 11.83, lon: 13.15 },
  { country: 'SOM', admin1: 'Banaadir', locality: 'Mogadishu', lat: 2.04, lon: 45.34 },
  { country: 'MOZ', admin1: 'Cabo Delgado', locality: 'Mocímboa da Praia', lat: -11.35, lon: 40.35 },
  { country: 'PHL', admin1: 'Lanao del Sur', locality: 'Marawi', lat: 8.0, lon: 124.29 },
  { country: 'MLI', admin1: 'Mopti', locality: 'Mopti', lat: 14.49, lon: -4.19 },
  { country: 'FJI', admin1: 'Northern', locality: 'Labasa', lat: -16.43, lon: 179.38 },
];
const actors = [
  ['iskp', 'Islamic State Khorasan Province (ISKP)'], ['islamic-state', 'Islamic State'], ['iswap', 'Islamic State West Africa Province'],
  ['afghan-taliban', 'Taliban'], ['ttp', 'Tehrik-i-Taliban Pakistan (TTP)'], ['al-shabaab', 'Al-Shabaab'], ['jnim', 'JNIM'],
  [null, 'Unidentified Armed Group (Pakistan)'],
] as const;
const targets = ['civilians', 'security_forces', 'religious_minority', 'government', 'rival_militants'] as const;

/** A small deterministic PRNG (mulberry32), so runs are comparable. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` synthetic records, generated lazily. */
export function* syntheticRecords(count: number, seed = 1): Generator<EventRecord> {
  const r = rng(seed);
  const start = Date.UTC(2014, 0, 1);
  for (let i = 0; i < count; i++) {
    const place = places[Math.floor(r() * places.length)]!;
    const [actorId, name] = actors[Math.floor(r() * actors.length)]!;
    const date = new Date(start + Math.floor(r() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const precise = r() > 0.1;
    yield recordSchema.parse({
      id: `bench:${i}`,
      kind: kinds[Math.floor(r() * kinds.length)],
      date: precise ? date : `${date.slice(0, 7)}-01`,
      datePrecision: precise ? 'day' : 'month',
      place: { ...place, lat: place.lat + (r() - 0.5), lon: Math.max(-180, Math.min(180, place.lon + (r() - 0.5))), precision: precise ? 'locality' : 'admin1' },
      actors: [{ actorId, name, role: 'perpetrator', attribution: r() > 0.5 ? 'claimed' : 'attributed' }],
      targets: [targets[Math.floor(r() * targets.length)]],
      killed: { best: r() > 0.2 ? Math.floor(r() * 20) : null },
      wounded: { best: r() > 0.5 ? Math.floor(r() * 30) : null },
      description: `Synthetic event ${i} near ${place.locality}: a ${name} operation recorded for benchmarking.`,
      sources: [{ title: `Report ${i}`, publisher: 'Bench Wire', url: `https://example.org/${i}`, type: 'media' }],
      provenance: { dataset: 'bench', datasetVersion: '1', licence: 'CC0', attribution: 'synthetic' },
    });
  }
}
