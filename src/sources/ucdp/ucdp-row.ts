/**
 * One UCDP GED row → one record, following `design/source-formats.md` §2. Cells are looked up by lower-cased
 * header name, so the 19.1, 22.1+, HDX and candidate layouts all go through the same code.
 */
import { CellError } from '../../core/errors.ts';
import { countryByIso3, iso3FromGleditschWard } from '../../core/countries.ts';
import { isValidIsoDate, type DatePrecision, type EventRecordInput, type PlacePrecision, type TargetCategory } from '../../core/record.ts';
import type { ImportContext } from '../source-format.ts';

/** Reads a trimmed cell by its lower-cased header name; '' when the layout lacks the column. */
export type Cell = (column: string) => string;

/** What the file as a whole tells about every row: the release and the layout. */
export interface UcdpFileInfo {
  /** `23.1`, `26.0.7-candidate`, or only the layout (`GED 22.1+ layout`) when the file name says nothing. */
  version: string;
}

const violence = {
  '1': { kind: 'clash', subtype: 'state-based conflict', target: 'security_forces', label: 'fighting' },
  '2': { kind: 'clash', subtype: 'non-state conflict', target: 'rival_militants', label: 'fighting' },
  '3': { kind: 'attack', subtype: 'one-sided violence', target: 'civilians', label: 'violence against civilians' },
} as const;

// date_prec 2 is "2–6 days", which the model can only express as a week; the range itself stays in dateEnd.
const datePrecisionByCode: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'week', '4': 'month', '5': 'year' };
// Conservative: 5 ("larger than admin1, or vague") is drawn at country level rather than at a misleading point.
const placePrecisionByCode: Record<string, PlacePrecision> = {
  '1': 'exact', '2': 'locality', '3': 'admin2', '4': 'admin1', '5': 'country', '6': 'country', '7': 'unknown',
};

export const ucdpLicence = 'CC BY 4.0';
export const ucdpAttribution = 'UCDP Georeferenced Event Dataset (GED); Sundberg & Melander 2013; Davies et al. 2023';

/** Maps one row. Throws `CellError` for a value that cannot be imported; never anything else for bad data. */
export function ucdpRecord(cell: Cell, file: UcdpFileInfo, context: ImportContext): EventRecordInput {
  const id = cell('id');
  if (!/^\S+$/.test(id)) throw new CellError('id', id, 'every UCDP event needs an id without spaces');
  const type = violence[cell('type_of_violence') as keyof typeof violence];
  if (!type) throw new CellError('type_of_violence', cell('type_of_violence'), 'type_of_violence must be 1 (state-based), 2 (non-state) or 3 (one-sided)');

  const date = ucdpDate(cell('date_start'), 'date_start');
  const end = cell('date_end') ? ucdpDate(cell('date_end'), 'date_end') : date;
  if (end < date) throw new CellError('date_end', cell('date_end'), `date_end is before date_start ${date}`);
  const datePrecision = datePrecisionByCode[cell('date_prec')] ?? precisionFromSpan(date, end);

  const wherePrec = cell('where_prec');
  const precision = wherePrec ? placePrecisionByCode[wherePrec] : 'unknown';
  if (!precision) throw new CellError('where_prec', wherePrec, 'where_prec must be a code from 1 to 7');
  const lat = coordinate(cell('latitude'), 'latitude', 90);
  const lon = coordinate(cell('longitude'), 'longitude', 180);
  if ((lat === null) !== (lon === null)) throw new CellError(lat === null ? 'latitude' : 'longitude', '', 'latitude and longitude must both be given or both be blank');

  const country = countryOf(cell);
  const adm1 = cell('adm_1') || null;
  const adm2 = cell('adm_2') || null;
  const where = cell('where_coordinates');
  // where_coordinates repeats adm_1/adm_2 at precisions 3–4 and the country name at 6; only a distinct name is a locality.
  const locality = where && where !== adm1 && where !== adm2 && wherePrec !== '6' ? where : null;

  const typeCode = cell('type_of_violence');
  const dyad = cell('dyad_name') || null;
  const lookup = { country, admin1: adm1, date, dyad };
  const actors = [
    ...sideActors(cell('side_a'), cell('side_a_new_id'), typeCode === '3' ? 'perpetrator' : 'side_a', lookup, context),
    ...(typeCode === '3' && isCivilians(cell('side_b'), cell('side_b_new_id'))
      ? []
      : sideActors(cell('side_b'), cell('side_b_new_id'), typeCode === '3' ? 'target' : 'side_b', lookup, context)),
  ];

  const killed = { low: count(cell, 'low'), best: count(cell, 'best'), high: count(cell, 'high') };
  const articles = sourceArticles(cell('source_article'), cell('number_of_sources'));

  return {
    id: `ucdp:${id}`,
    kind: type.kind,
    subtype: type.subtype,
    date,
    dateEnd: end === date ? null : end,
    datePrecision,
    place: { country, admin1: adm1, admin2: adm2, locality, lat, lon, precision },
    actors,
    targets: [type.target as TargetCategory],
    tactics: [],
    killed,
    wounded: { low: null, best: null, high: null },
    casualtySource: 'independent',
    description: describe(cell, type.label, killed.best, articles),
    sources: [
      ...articles,
      { title: file.version.startsWith('GED') ? `UCDP ${file.version}` : `UCDP GED ${file.version}`, publisher: 'Uppsala Conflict Data Program', url: 'https://ucdp.uu.se/downloads/', type: 'dataset' },
    ],
    tags: tags(cell, actors.some((a) => a.name.includes(', '))),
    provenance: {
      dataset: 'ucdp', datasetVersion: file.version, originalId: id, importedAt: context.importedAt, licence: ucdpLicence, attribution: ucdpAttribution,
    },
    status: 'published',
    visibility: 'public',
  };
}

/** `YYYY-MM-DD`, with the raw files' ` 00:00:00.000` time part dropped. */
function ucdpDate(value: string, column: string): string {
  const day = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(value)?.[1];
  if (!day || !isValidIsoDate(day)) throw new CellError(column, value, `${column} must be a real date written YYYY-MM-DD`);
  return day;
}

/** For a missing date_prec: the coarsest precision the range fits, so no row claims more precision than it has. */
function precisionFromSpan(from: string, to: string): DatePrecision {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return days === 0 ? 'day' : days <= 6 ? 'week' : days <= 30 ? 'month' : 'year';
}

function coordinate(value: string, column: string, limit: number): number | null {
  if (!value) return null;
  const n = Number(value);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new CellError(column, value, `${column} must be a number from -${limit} to ${limit}`);
  return n;
}

/** HDX exports carry `iso3`; raw files only the Gleditsch–Ward `country_id`. Country names are historical, never used. */
function countryOf(cell: Cell): string | null {
  // An iso3 that names no country (a placeholder such as XXX) falls back to the country_id like a missing one.
  const iso3 = cell('iso3').toUpperCase();
  if (countryByIso3(iso3)) return iso3;
  const gw = cell('country_id');
  if (!gw) return null;
  // Some releases list several ids ("770, 750") for events on a border; the first is the country it is placed in.
  const first = gw.split(/[,;]\s*/)[0]!;
  const found = /^\d+$/.test(first) ? iso3FromGleditschWard(Number(first)) : undefined;
  if (!found) throw new CellError('country_id', gw, 'country_id is not a Gleditsch–Ward country code this importer knows');
  return found;
}

function count(cell: Cell, column: string): number | null {
  const value = cell(column);
  if (!value) return null;
  if (!/^\d+(\.0+)?$/.test(value)) throw new CellError(column, value, `${column} must be a whole number of deaths (0 or more) or blank`);
  return Number(value);
}

function isCivilians(name: string, id: string): boolean {
  return id === '1' || name.toLowerCase() === 'civilians';
}

type Role = 'perpetrator' | 'target' | 'side_a' | 'side_b';
interface Lookup { country: string | null; date: string; dyad: string | null }

/**
 * A side as actors: the verbatim name (resolved on UCDP's actor id), and, for a coalition ("A, B, C" under one id)
 * that does not resolve as a whole, one extra entry per member the registry knows, so searching a member finds it.
 */
function sideActors(name: string, sourceId: string, role: Role, lookup: Lookup, context: ImportContext) {
  if (!name) return [];
  const attribution = 'attributed' as const;
  // `XXX771`-style placeholders in candidate files stand for an actor UCDP has not identified yet.
  if (/^XXX\d+$/.test(name)) return [{ name, role, attribution, actorId: null }];
  const actorId = context.resolveActor(name, { dataset: 'ucdp', ...lookup, sourceActorId: sourceId || null }) ?? null;
  const actors = [{ name, role, attribution, actorId }];
  if (!actorId && name.includes(', ')) {
    for (const member of name.split(', ').map((m) => m.trim()).filter(Boolean)) {
      const memberId = context.resolveActor(member, { dataset: 'ucdp', ...lookup, sourceActorId: null });
      if (memberId && !actors.some((a) => a.actorId === memberId)) actors.push({ name: member, role, attribution, actorId: memberId });
    }
  }
  return actors;
}

/** A media source cited by UCDP. */
interface Article { title: string; publisher?: string | null; date?: string | null; type: 'media' }

/**
 * `source_article` is `;`-joined `"Office,YYYY-MM-DD,Headline"` items (the parallel source_* lists misalign when a
 * headline holds `;`), or free text when number_of_sources is -1.
 */
export function sourceArticles(text: string, numberOfSources: string): Article[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const items = numberOfSources === '-1' ? [] : [...trimmed.matchAll(/"(.*?),(\d{4}-\d{2}-\d{2}),(.*?)"(?=\s*;\s*"|\s*$)/gs)];
  if (!items.length) return [{ title: trimmed.replace(/\s+/g, ' ').slice(0, 2000), type: 'media' }];
  return items.map(([, office, date, headline]) => ({
    title: (headline!.trim() || office!.trim()).slice(0, 2000),
    publisher: office!.trim().slice(0, 300) || null,
    date: isValidIsoDate(date!) ? date! : null,
    type: 'media' as const,
  }));
}

/** "Government of Pakistan - TTP: fighting at Dosalli area (North Waziristan, …); 3 killed (best estimate). Reported as: "…"." */
function describe(cell: Cell, label: string, best: number | null, articles: Article[]): string {
  const where = cell('where_description') || cell('where_coordinates');
  const admin = [cell('adm_2'), cell('adm_1'), cell('country')].filter((p) => p && p !== where).join(', ');
  const place = [where, admin && (where ? `(${admin})` : admin)].filter(Boolean).join(' ');
  const dead = best === null ? 'deaths unknown' : `${best} killed (best estimate)`;
  let text = `${cell('dyad_name') || cell('side_a')}: ${label}${place ? ` at ${place}` : ''}; ${dead}.`;
  const headline = articles.find((a) => a.publisher)?.title;
  if (headline) text += ` Reported as: "${headline}".`;
  return text;
}

function tags(cell: Cell, coalition: boolean): string[] {
  const out: string[] = [];
  const add = (column: string, tag = column) => cell(column) && out.push(`ucdp:${tag}=${cell(column)}`.slice(0, 300));
  add('relid');
  if (cell('event_clarity') === '2') out.push('ucdp:low-clarity');
  add('code_status');
  add('conflict_name', 'conflict');
  const active = cell('active_year').toLowerCase();
  if (active) out.push(`ucdp:active_year=${active === '1' || active === 'true'}`);
  if (/^(true|false)$/.test(active)) out.push('ucdp:candidate');
  for (const part of ['deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown']) add(part);
  if (coalition) out.push('ucdp:coalition');
  if (/^XXX\d+$/.test(cell('side_a')) || /^XXX\d+$/.test(cell('side_b'))) out.push('ucdp:unidentified-actor');
  return out;
}
