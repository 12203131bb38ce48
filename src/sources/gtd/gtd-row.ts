/**
 * One GTD row → one record (source-formats §3). A bad cell raises a `CellError` naming the column and value,
 * which the format turns into a rejection. GTD's "unknown" codes (-9, -99, blank, `.`) become null, never numbers.
 */
import { iso3FromCountryName, iso3FromGtdCountry } from '../../core/countries.ts';
import type { Attribution, EventRecordInput, PlacePrecision, RecordActor, TargetCategory } from '../../core/record.ts';
import type { ImportContext } from '../source-format.ts';
import { RowCells } from '../text-rows.ts';
import { gtdBaseDate, gtdDates, parseApproxDate, parseResolution } from './gtd-dates.ts';
import { codeRanges, gtdTactics, targetCategories } from './gtd-mapping.ts';

/** What the importer knows about the file as a whole. */
export interface GtdFile {
  /** Lower-cased header name → cell index. */
  columns: ReadonlyMap<string, number>;
  /** The release (`1222dist`), when the file name or `--dataset-version` tells it. */
  version: string | null;
  /** Resolved actor ids by name, country and date: the same groups recur on the same days. */
  actorIds?: Map<string, string | null>;
}

export const gtdLicence = 'START GTD Terms of Use – user copy, no republication';

/** START's required citation; the year is the release's (`1222dist` → 2022), `n.d.` when unknown. */
export function gtdAttribution(version: string | null): string {
  const yy = version && /^\d\d(\d\d)dist$/.exec(version)?.[1];
  return `National Consortium for the Study of Terrorism and Responses to Terrorism (START). (${yy ? `20${yy}` : 'n.d.'}). Global Terrorism Database [Data file]. Retrieved from https://www.start.umd.edu/gtd`;
}

const specificityPrecision: Record<string, PlacePrecision> = { '1': 'locality', '2': 'admin2', '3': 'admin2', '4': 'admin1', '5': 'unknown' };
const isUnknownText = (s: string) => /^(unknown|not applicable)$/i.test(s);
/** GTD codes of states that no longer exist: 359 Soviet Union, 235 Yugoslavia, 175 Serbia-Montenegro, 236 Czechoslovakia. */
const dissolvedStates = new Set([359, 235, 175, 236]);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A row's cells as GTD writes them (one older CSV copy wrote `.` for a missing value), read as GTD's codes. */
class GtdCells extends RowCells {
  override get(column: string): string {
    const v = super.get(column);
    return v === '.' ? '' : v;
  }

  /** A whole number, or null for blank and GTD's unknowns (-9, -99). */
  code(column: string): number | null {
    const v = this.get(column);
    if (!v || v === '-9' || v === '-99') return null;
    const n = Number(v);
    if (!Number.isInteger(n)) this.fail(column, 'expected a whole-number code');
    return n;
  }

  /** A count (fractional values of older releases kept), or null when unknown. */
  count(column: string): number | null {
    const v = this.get(column);
    if (!v || v === '-9' || v === '-99') return null;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) this.fail(column, 'expected a count ≥ 0, blank or -99 for unknown');
    return n;
  }

  /** A 0/1 flag read as a code, so a `1.0` of a re-saved file is 1 too. */
  flag(column: string, value = 1): boolean {
    return this.get(column) ? this.code(column) === value : false;
  }

  inRange(column: string, [lo, hi]: readonly [number, number]): number | null {
    const n = this.code(column);
    if (n !== null && (n < lo || n > hi)) this.fail(column, `expected a code from ${lo} to ${hi}`);
    return n;
  }

  /** The codes of several columns (within `range` when given), leaving out the unknown ones. */
  nums(columns: string[], range?: readonly [number, number]): number[] {
    return columns.map((c) => (range ? this.inRange(c, range) : this.code(c))).filter((n): n is number => n !== null);
  }
}

/** What a row's actor names are resolved with: the registry, the file's cache, and the row's country and date. */
interface Resolving {
  file: GtdFile;
  context: ImportContext;
  country: string | null;
  date: string;
}

/** Adds a named actor in `role` (once), resolved through the registry; blank and "Unknown" name nobody. */
function addActor(actors: RecordActor[], { file, context, country, date }: Resolving, name: string, role: RecordActor['role'], attribution: Attribution): void {
  if (!name || isUnknownText(name) || actors.some((a) => a.name === name && a.role === role)) return;
  const cache = (file.actorIds ??= new Map());
  const key = `${name}\u0000${country}\u0000${date}`;
  let actorId = cache.get(key);
  if (actorId === undefined) {
    if (cache.size >= 100_000) cache.clear();
    actorId = context.resolveActor(name, { dataset: 'gtd', country, date }) ?? null;
    cache.set(key, actorId);
  }
  actors.push({ name: name.slice(0, 500), role, attribution, actorId });
}

/** Maps one data row; every missing column reads as blank. */
export function gtdRecord(cells: readonly string[], file: GtdFile, context: ImportContext): EventRecordInput {
  const row: GtdCells = new GtdCells(cells, file.columns);

  const originalId = row.get('eventid');
  if (!/^\d+$/.test(originalId)) row.fail('eventid', 'expected the numeric GTD event id');
  const year = row.code('iyear');
  if (year === null || year < 1900 || year > 2200) row.fail('iyear', 'expected a four-digit year');
  const month = row.code('imonth') ?? 0;
  const base = gtdBaseDate(year, month, row.code('iday') ?? 0);
  if (!base) row.fail(month < 0 || month > 12 ? 'imonth' : 'iday', 'not a real date (0 = unknown month or day)');
  const tags: string[] = [];
  const approxText = row.get('approxdate');
  const dates = gtdDates(base, approxText ? parseApproxDate(approxText) : undefined);
  if (approxText && !dates.used) tags.push(`approxdate=${approxText}`);
  if (row.flag('extended')) {
    tags.push('extended');
    const resolution = row.get('resolution');
    if (resolution) {
      const end = parseResolution(resolution);
      if (!end) row.fail('resolution', 'expected a date (Excel serial day, YYYY-MM-DD or mm/dd/yyyy)');
      if (end < dates.date) row.fail('resolution', `the incident cannot end before it began (${dates.date})`);
      if (end > (dates.dateEnd ?? dates.date)) dates.dateEnd = end;
    }
  }

  const countryCode = row.get('country');
  // 422 International: an incident in no country (at sea, in the air, across borders) is kept, with no country.
  const international = row.code('country') === 422;
  if (international) tags.push('international');
  const listed = international ? null : (iso3FromGtdCountry(countryCode) ?? iso3FromCountryName(row.get('country_txt')) ?? row.fail('country', `unknown GTD country code${row.get('country_txt') ? ` (${row.get('country_txt')})` : ''}`));
  const city = isUnknownText(row.get('city')) ? '' : row.get('city');
  const provstate = isUnknownText(row.get('provstate')) ? '' : row.get('provstate');
  const latText = row.get('latitude');
  const lonText = row.get('longitude');
  let lat: number | null = null;
  let lon: number | null = null;
  if (latText || lonText) {
    lat = round6(Number(latText));
    lon = round6(Number(lonText));
    if (!latText || !Number.isFinite(lat) || lat < -90 || lat > 90) row.fail('latitude', 'expected a latitude between -90 and 90');
    if (!lonText || !Number.isFinite(lon) || lon < -180 || lon > 180) row.fail('longitude', 'expected a longitude between -180 and 180');
  }
  const located = lat !== null && lon !== null ? context.places?.admin1At(lon, lat) : undefined;
  // GTD files the incidents of dissolved states under them (Soviet Union, Yugoslavia, Czechoslovakia,
  // Serbia-Montenegro), which the code table maps to a successor: where the point lies says which state it is now
  // (Tbilisi is in Georgia, not Russia).
  const country = dissolvedStates.has(row.code('country') ?? 0) && located ? located.country : listed;
  // The data model fills a missing admin1 from the coordinates, when the offline lookup agrees on the country.
  const admin1 = provstate || (located && located.country === country ? located.admin1 : '');
  const specificity = row.code('specificity');
  // The 1993 file has no specificity: then the most detailed name given says how precise the place is.
  const named: PlacePrecision = city ? 'locality' : provstate ? 'admin1' : country ? 'country' : 'unknown';
  const precision: PlacePrecision = specificity !== null ? specificityPrecision[String(specificity)] ?? row.fail('specificity', 'expected 1 to 5') : named;
  if (row.flag('vicinity')) tags.push('near');

  const actors: RecordActor[] = [];
  const resolving: Resolving = { file, context, country, date: dates.date };
  const claims: string[] = [];
  for (const [g, sub, claim, uncertain, mode] of [
    ['gname', 'gsubname', 'claimed', 'guncertain1', 'claimmode_txt'],
    ['gname2', 'gsubname2', 'claim2', 'guncertain2', 'claimmode2_txt'],
    ['gname3', 'gsubname3', 'claim3', 'guncertain3', 'claimmode3_txt'],
  ] as const) {
    const attribution: Attribution = row.flag(claim) ? 'claimed' : row.flag(uncertain) ? 'suspected' : 'attributed';
    addActor(actors, resolving, row.get(g), 'perpetrator', attribution);
    addActor(actors, resolving, row.get(sub), 'perpetrator', attribution);
    if (attribution === 'claimed' && row.get(g) && !isUnknownText(row.get(g))) {
      const how = row.get(mode);
      claims.push(`Claim of responsibility by ${row.get(g)}${how && !isUnknownText(how) ? ` (${how})` : ''}`);
    }
  }
  if (row.flag('compclaim')) tags.push('competing claims');
  if (row.flag('individual')) tags.push('individual');

  const targets = new Set<TargetCategory>();
  for (const n of [1, 2, 3]) {
    const type = row.inRange(`targtype${n}`, codeRanges.targtype);
    if (type === null) continue;
    for (const t of targetCategories(type, row.code(`targsubtype${n}`))) targets.add(t);
    const natlty = row.code(`natlty${n}`);
    // Compared as countries, not codes: a UK national in Northern Ireland (233 → GBR, natlty 603 → GBR) is no foreigner.
    if (natlty !== null && natlty > 0 && (iso3FromGtdCountry(natlty) ?? natlty) !== (country ?? Number(countryCode))) targets.add('foreign_nationals');
    // 17 Terrorists/Non-State Militia: the group attacked is named in corpN (`Taliban`).
    if (type === 17) addActor(actors, resolving, row.get(`corp${n}`), 'target', 'attributed');
  }
  const tactics = gtdTactics({
    attacktypes: row.nums(['attacktype1', 'attacktype2', 'attacktype3'], codeRanges.attacktype),
    weaptypes: row.nums(['weaptype1', 'weaptype2', 'weaptype3', 'weaptype4'], codeRanges.weaptype),
    weapsubtypes: row.nums(['weapsubtype1', 'weapsubtype2', 'weapsubtype3', 'weapsubtype4']),
    suicide: row.flag('suicide'),
  });

  const nkillter = row.count('nkillter');
  if (nkillter !== null) tags.push(`nkillter=${nkillter}`);
  const nwoundte = row.count('nwoundte');
  if (nwoundte !== null) tags.push(`nwoundte=${nwoundte}`);
  if (row.flag('success', 0)) tags.push('unsuccessful');
  if (row.flag('doubtterr')) {
    tags.push('doubt');
    if (row.get('alternative_txt')) tags.push(row.get('alternative_txt'));
  }

  // Which of START's source collections the row came from (PGIS, CETIS, ISVG…).
  const dbsource = row.get('dbsource');
  if (dbsource && !isUnknownText(dbsource)) tags.push(`dbsource=${dbsource}`);

  const related = row.get('related').split(/[,;]/).map((s) => s.trim()).filter((s) => /^\d+$/.test(s) && s !== originalId);
  const location = row.get('location');
  return {
    id: `gtd:${originalId}`,
    kind: 'attack',
    subtype: row.get('attacktype1_txt') || null,
    date: dates.date,
    dateEnd: dates.dateEnd,
    datePrecision: dates.datePrecision,
    place: { country, admin1: admin1.slice(0, 200) || null, locality: city.slice(0, 300) || null, lat, lon, precision },
    actors,
    targets: [...targets],
    tactics,
    killed: { best: row.count('nkill') },
    wounded: { best: row.count('nwound') },
    casualtySource: 'independent',
    description: [row.get('summary'), location && `Location: ${location}`].filter(Boolean).join('\n\n'),
    sources: [
      ...['scite1', 'scite2', 'scite3'].map((c) => row.get(c)).filter(Boolean).map((title) => ({ title: title.slice(0, 2000), type: 'media' as const })),
      ...claims.map((title) => ({ title: title.slice(0, 2000), type: 'group_claim' as const })),
      { title: 'Global Terrorism Database', publisher: 'START, University of Maryland', url: 'https://www.start.umd.edu/gtd', type: 'dataset' as const },
    ],
    links: [...new Set(related)].map((id) => ({ recordId: `gtd:${id}`, relation: 'related' as const })),
    tags: [...new Set(tags.map((t) => t.slice(0, 300)))],
    provenance: {
      dataset: 'gtd',
      datasetVersion: file.version,
      originalId,
      importedAt: context.importedAt,
      licence: gtdLicence,
      attribution: gtdAttribution(file.version),
    },
    status: 'published',
    // START's terms forbid republishing GTD rows (source-formats §0).
    visibility: 'internal',
  };
}
