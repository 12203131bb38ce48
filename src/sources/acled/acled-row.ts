/**
 * One ACLED row → one record (source-formats §1.2). Every bad cell raises a `CellError` naming the column
 * and the value, which the format turns into a rejection; nothing here throws for any other reason.
 */
import { countryByIso3, iso3FromCountryName, iso3FromGleditschWard, iso3FromIsoNumeric } from '../../core/countries.ts';
import type { EventRecordInput, PlacePrecision, RecordActor, ActorRole, Attribution } from '../../core/record.ts';
import type { ActorResolver, ImportContext } from '../source-format.ts';
import { RowCells } from '../text-rows.ts';
import { acledDates, describeDateFormat, detectDateFormat, parseAcledDate, type AcledDateFormat } from './acled-dates.ts';
import { acledEventRule, acledTactics, acledTargets, knownEventTypes, namedActors, parseInter, splitList } from './acled-mapping.ts';

/** What the importer knows about the file as a whole. */
export interface AcledFile {
  fileName: string;
  /** Lower-cased header name → cell index (v6 `ally_actor_1` is stored as `assoc_actor_1`). */
  columns: ReadonlyMap<string, number>;
  /** The date format, fixed by the first dated row. */
  dateFormat?: { format: AcledDateFormat; line: number };
}

export const acledLicence = 'ACLED Terms of Use – user copy, no redistribution';

const geoPrecisions: Record<string, PlacePrecision> = { '1': 'locality', '2': 'admin2', '3': 'admin1' };
// Events at sea carry a body of water where the country would be (`Red Sea`, `Gulf of Aden`).
const bodyOfWater = /\b(sea|ocean|gulf|bay|strait|channel|lake|river)\b/i;

/** Maps one data row; `line` is where it starts in the file. */
export function acledRecord(cells: readonly string[], line: number, file: AcledFile, context: ImportContext): EventRecordInput {
  const row: RowCells = new RowCells(cells, file.columns);

  const originalId = row.get('event_id_cnty');
  if (!originalId) row.fail('event_id_cnty', 'the event id is empty');
  if (/\s/.test(originalId)) row.fail('event_id_cnty', 'an event id holds no spaces');

  const rawDate = row.get('event_date');
  if (!file.dateFormat) {
    const format = detectDateFormat(rawDate);
    if (!format) row.fail('event_date', 'unreadable date; expected YYYY-MM-DD, dd Month yyyy or dd/mm/yyyy');
    file.dateFormat = { format, line };
  }
  const { format, line: formatLine } = file.dateFormat;
  const day = parseAcledDate(rawDate, format);
  if (!day) row.fail('event_date', `not a real date in this file's format ${describeDateFormat(format)} (fixed by line ${formatLine})`);
  const dates = acledDates(day, row.get('time_precision'));
  if (!dates) row.fail('time_precision', 'expected 1 (day), 2 (week) or 3 (month)');

  const inter1 = parseInter(row.get('inter1'));
  if (inter1 === undefined) row.fail('inter1', 'unknown actor type; expected 1–8 or a label such as "State forces"');
  const inter2 = parseInter(row.get('inter2'));
  if (inter2 === undefined) row.fail('inter2', 'unknown actor type; expected 0–8 or a label such as "Civilians"');
  const eventType = row.get('event_type');
  const subEventType = row.get('sub_event_type');
  const rule = acledEventRule(eventType, subEventType, inter1 ?? null);
  if (!rule) row.fail('event_type', `unknown event type; expected one of ${knownEventTypes}`);

  const { place, placeTags } = acledPlace(row);
  // The data model fills a missing admin1 from the coordinates, when the offline lookup agrees on the country.
  if (!place.admin1 && place.country && place.lat != null && place.lon != null) {
    const located = context.places?.admin1At(place.lon, place.lat);
    if (located?.country === place.country) place.admin1 = located.admin1;
  }
  const country = place.country ?? null;
  const tags: string[] = [...placeTags];

  const fatalities = row.get('fatalities');
  if (fatalities && !/^\d+$/.test(fatalities)) row.fail('fatalities', 'expected a whole number of fatalities');
  // ACLED codes vague reports at their lowest figure and 0 for none or unclear: the count is a floor.
  if (fatalities) tags.push('acled:fatalities-floor');

  const actors: RecordActor[] = [];
  const resolving: Resolving = { resolve: context.resolveActor, where: { dataset: 'acled', country, date: dates.date } };
  addActors(actors, row.get('actor1'), rule.actor1, resolving);
  if (rule.actor2) addActors(actors, row.get('actor2'), rule.actor2, resolving, rule.actor2Attribution);
  const assoc2 = splitList(row.get('assoc_actor_2'));
  for (const name of [...splitList(row.get('assoc_actor_1')), ...assoc2]) addActors(actors, name, 'associated', resolving);

  // ACLED's own flag counts whatever the event type (police violence against protesters is civilian targeting);
  // who the second side was says who was hit only where the event was violence.
  const victims = rule.violent ? acledTargets(row.get('civilian_targeting'), inter2 ?? null, assoc2) : acledTargets(row.get('civilian_targeting'), null, []);
  tags.push(...victims.tags);

  const sourceScale = row.get('source_scale');
  if (sourceScale) tags.push(`source_scale=${sourceScale}`);
  const disorder = row.get('disorder_type');
  if (disorder) tags.push(`disorder_type=${disorder}`);
  const ownTags = row.get('tags').split(';').map((t) => t.trim()).filter(Boolean);
  tags.push(...ownTags);
  const notes = row.get('notes');
  // Before ACLED had a tags column, crowd size was written into the notes as `[size=…]`; today it is a tag.
  const size = /\[size=([^\]]*)\]/i.exec(notes);
  if (size && !ownTags.some((t) => /^crowd size=/i.test(t))) tags.push(`crowd size=${size[1]!.trim()}`);

  return {
    id: `acled:${originalId}`,
    kind: rule.kind,
    subtype: subEventType || eventType,
    ...dates,
    place,
    actors,
    targets: victims.targets,
    tactics: acledTactics(subEventType),
    killed: { best: fatalities ? Number(fatalities) : null },
    wounded: {},
    casualtySource: 'independent',
    description: notes,
    sources: [
      ...splitList(row.get('source')).map((s) => ({ title: s.slice(0, 2000), publisher: s.slice(0, 300), type: 'media' as const })),
      { title: 'ACLED', publisher: 'Armed Conflict Location & Event Data (ACLED)', url: 'https://acleddata.com', type: 'dataset' as const },
    ],
    tags: [...new Set(tags.map((t) => t.slice(0, 300)))],
    provenance: {
      dataset: 'acled',
      // Exports carry no release number. The access date ACLED's attribution asks for is the record's `importedAt`;
      // writing it into the version or attribution would make every re-import on another day a new revision.
      datasetVersion: null,
      originalId,
      importedAt: context.importedAt,
      licence: acledLicence,
      attribution: 'Armed Conflict Location & Event Data (ACLED), acleddata.com; accessed on the import date',
    },
    status: 'published',
    // ACLED's terms forbid giving others access to its rows (source-formats §0).
    visibility: 'internal',
  };
}

/** How a row's actor names are resolved: the registry, and the row's dataset, country and date its rules compare. */
interface Resolving {
  resolve: ActorResolver;
  where: Parameters<ActorResolver>[1];
}

/** Adds the actors a cell names in `role` (once each), resolved through the registry. */
function addActors(actors: RecordActor[], cell: string, role: ActorRole, { resolve, where }: Resolving, forced?: Attribution): void {
  for (const a of namedActors(cell)) {
    if (actors.some((x) => x.name === a.name && x.role === role)) continue;
    const attribution = a.attribution === 'attributed' && forced ? forced : a.attribution;
    actors.push({ name: a.name.slice(0, 500), role, attribution, actorId: resolve(a.name, where) ?? null });
  }
}

/**
 * The place: the country from the `iso3` column (≤ Mar 2023), the ISO numeric `iso`, v6's Gleditsch–Ward `gwno`,
 * or the country name, in that order; a body of water → no country and unknown precision.
 */
function acledPlace(row: RowCells): { place: NonNullable<EventRecordInput['place']>; placeTags: string[] } {
  const placeTags: string[] = [];
  const name = row.get('country');
  const iso3 = row.get('iso3');
  let country: string | null | undefined = iso3 && countryByIso3(iso3) ? iso3.toUpperCase() : undefined;
  if (!country && row.get('iso')) country = iso3FromIsoNumeric(row.get('iso'));
  if (!country && row.get('gwno')) country = iso3FromGleditschWard(row.get('gwno'));
  // ACLED's Kosovo has no ISO numeric code (iso 0); its name still resolves.
  if (!country && name) country = iso3FromCountryName(name);
  const atSea = !country && bodyOfWater.test(name);
  if (atSea) placeTags.push(`body of water=${name}`);
  else if (!country) {
    const column = row.get('iso') ? 'iso' : row.get('gwno') ? 'gwno' : 'country';
    row.fail(column, `unknown country${name ? ` "${name}"` : ''}; expected an ISO 3166-1 numeric code or a country name`);
  }

  const latText = row.get('latitude');
  const lonText = row.get('longitude');
  let lat: number | null = null;
  let lon: number | null = null;
  if (latText || lonText) {
    lat = Number(latText);
    lon = Number(lonText);
    if (!latText || !Number.isFinite(lat) || lat < -90 || lat > 90) row.fail('latitude', 'expected a latitude between -90 and 90');
    if (!lonText || !Number.isFinite(lon) || lon < -180 || lon > 180) row.fail('longitude', 'expected a longitude between -180 and 180');
  }
  const geo = row.get('geo_precision');
  let precision: PlacePrecision = geo ? geoPrecisions[geo] ?? row.fail('geo_precision', 'expected 1, 2 or 3') : 'unknown';
  // A point at sea names no town, district or province, so none of those precisions describe it.
  if (atSea || lat === null) precision = 'unknown';
  const admin3 = row.get('admin3');
  if (admin3) placeTags.push(`admin3=${admin3}`);
  return {
    place: {
      country: country ?? null,
      admin1: row.get('admin1').slice(0, 200) || null,
      admin2: row.get('admin2').slice(0, 200) || null,
      locality: row.get('location').slice(0, 300) || null,
      lat,
      lon,
      precision,
    },
    placeTags,
  };
}
