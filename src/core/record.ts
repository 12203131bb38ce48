/**
 * The record model (`docs/data-model.md`): one zod schema for every kind of activity, from which the
 * TypeScript types come. Imported and curated records share it, so every filter, chart and export works on all.
 */
import { z } from 'zod';

export const kinds = [
  'attack', 'clash', 'strike', 'plot', 'arrest', 'legal', 'designation', 'media', 'claim', 'leadership', 'protest', 'other',
] as const;
export const datePrecisions = ['day', 'week', 'month', 'year'] as const;
export const placePrecisions = ['exact', 'locality', 'admin2', 'admin1', 'country', 'unknown'] as const;
export const actorRoles = ['perpetrator', 'target', 'side_a', 'side_b', 'associated', 'claimant', 'authority'] as const;
export const attributions = ['claimed', 'attributed', 'suspected', 'unknown'] as const;
export const targetCategories = [
  'civilians', 'religious_minority', 'worship', 'security_forces', 'government', 'officials', 'foreign_nationals',
  'diplomatic', 'ngo_aid', 'journalists', 'education', 'health', 'energy_infrastructure', 'transport', 'business',
  'rival_militants', 'other', 'unknown',
] as const;
export const tactics = [
  'suicide', 'ied', 'vbied', 'firearms', 'rockets', 'mortar', 'grenade', 'knife', 'vehicle', 'arson', 'kidnapping',
  'assassination', 'airstrike', 'drone', 'sabotage', 'other',
] as const;
export const casualtySources = ['independent', 'group_claim', 'official'] as const;
export const sourceTypes = ['group_claim', 'government', 'court', 'media', 'ngo', 'dataset'] as const;
export const reliabilities = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const linkRelations = ['led_to', 'claim_of', 'same_event', 'related'] as const;
export const statuses = ['draft', 'review', 'published', 'archived'] as const;
export const visibilities = ['public', 'internal'] as const;
export const legalStages = ['charge', 'trial', 'verdict', 'sentence', 'appeal'] as const;
export const designationActions = ['listed', 'amended', 'delisted'] as const;

export type Kind = (typeof kinds)[number];
export type DatePrecision = (typeof datePrecisions)[number];
export type PlacePrecision = (typeof placePrecisions)[number];
export type ActorRole = (typeof actorRoles)[number];
export type Attribution = (typeof attributions)[number];
export type TargetCategory = (typeof targetCategories)[number];
export type Tactic = (typeof tactics)[number];
export type Status = (typeof statuses)[number];
export type Visibility = (typeof visibilities)[number];

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export const isoDate = z.string().refine(isValidIsoDate, { message: 'expected a real calendar date as YYYY-MM-DD' });

/** True for `YYYY-MM-DD` strings naming a day that exists in the proleptic Gregorian calendar. */
export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Days in month `month` (1–12) of `year`, in the Gregorian calendar. Worked out rather than asked of a `Date`: it is
 * called a few times for every record imported, and a `Date` made each time showed in profiles.
 */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : monthDays[month - 1]!;
}

/**
 * One of `values`, with a message a person can act on: what to choose when it is missing, the choices when it is
 * wrong (zod's own reads `Invalid option: expected one of "exact"|"locality"|…`).
 */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? `choose one of: ${values.join(', ')}` : `expected one of: ${values.join(', ')}`) });
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as AFG');
/** Free text kept verbatim, bounded so one bad cell cannot bloat the store. */
const text = (max: number) => z.string().max(max);
const count = z.number().finite().nonnegative().nullable().default(null);

/** Casualties as a range; an unknown bound stays null, never 0. */
export const casualtiesSchema = z.strictObject({ low: count, best: count, high: count });

export const placeSchema = z.strictObject({
  country: iso3.nullable().default(null),
  admin1: text(200).nullable().default(null),
  admin2: text(200).nullable().default(null),
  locality: text(300).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  precision: oneOf(placePrecisions),
});

export const recordActorSchema = z.strictObject({
  actorId: text(100).nullable().default(null),
  name: text(500).min(1),
  role: oneOf(actorRoles),
  attribution: oneOf(attributions),
});

export const sourceSchema = z.strictObject({
  title: text(2000),
  publisher: text(300).nullable().default(null),
  url: text(4000).nullable().default(null),
  date: isoDate.nullable().default(null),
  type: oneOf(sourceTypes),
  reliability: oneOf(reliabilities).nullable().default(null),
});

export const linkSchema = z.strictObject({ recordId: text(200).min(1), relation: oneOf(linkRelations) });

export const provenanceSchema = z.strictObject({
  dataset: text(100).min(1),
  datasetVersion: text(100).nullable().default(null),
  originalId: text(200).nullable().default(null),
  importedAt: z.string().nullable().default(null),
  licence: text(300).nullable().default(null),
  attribution: text(1000).nullable().default(null),
});

export const mediaSchema = z.strictObject({
  outlet: text(300).nullable().default(null),
  format: text(100).nullable().default(null),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 or 639-3 code')).default([]),
  title: text(1000).nullable().default(null),
});

export const legalSchema = z.strictObject({
  jurisdiction: text(200).nullable().default(null),
  stage: oneOf(legalStages),
  outcome: text(1000).nullable().default(null),
});

export const designationSchema = z.strictObject({
  authority: text(200),
  listedName: text(500).nullable().default(null),
  action: oneOf(designationActions),
});

/** The canonical record, as JSON, the API, NDJSON export and import all carry it. */
export const recordSchema = z
  .strictObject({
    id: z.string().min(1).max(200).regex(/^[^\s]+$/, 'ids carry no whitespace'),
    kind: oneOf(kinds),
    subtype: text(300).nullable().default(null),
    date: isoDate,
    dateEnd: isoDate.nullable().default(null),
    datePrecision: oneOf(datePrecisions),
    place: placeSchema,
    targetCountry: iso3.nullable().default(null),
    actors: z.array(recordActorSchema).max(200).default([]),
    targets: z.array(oneOf(targetCategories)).default([]),
    tactics: z.array(oneOf(tactics)).default([]),
    killed: casualtiesSchema.default({ low: null, best: null, high: null }),
    wounded: casualtiesSchema.default({ low: null, best: null, high: null }),
    casualtySource: oneOf(casualtySources).nullable().default(null),
    media: mediaSchema.nullable().default(null),
    legal: legalSchema.nullable().default(null),
    designation: designationSchema.nullable().default(null),
    description: text(100_000).default(''),
    sources: z.array(sourceSchema).max(500).default([]),
    links: z.array(linkSchema).max(500).default([]),
    tags: z.array(text(300)).max(500).default([]),
    provenance: provenanceSchema,
    status: oneOf(statuses).default('published'),
    visibility: oneOf(visibilities).default('public'),
    revision: z.number().int().nonnegative().default(0),
  })
  .superRefine((r, ctx) => {
    for (const p of crossFieldProblems(r)) ctx.addIssue({ code: 'custom', path: p.field.split('.'), message: p.message });
  });

/**
 * The checks that span fields. The schema runs them only on a record whose fields are all valid; `parseRecord` runs
 * them on the input as given too, so a form learns every problem at once rather than in rounds.
 */
function crossFieldProblems(r: unknown): FieldProblem[] {
  const { date, dateEnd, place } = (r ?? {}) as { date?: unknown; dateEnd?: unknown; place?: { lat?: unknown; lon?: unknown } | null };
  const problems: FieldProblem[] = [];
  if (typeof date === 'string' && typeof dateEnd === 'string' && dateEnd && dateEnd < date) {
    problems.push({ field: 'dateEnd', value: dateEnd, message: `dateEnd ${dateEnd} is before date ${date}` });
  }
  const [lat, lon] = [place?.lat, place?.lon];
  if ((lat == null) !== (lon == null)) {
    problems.push({ field: lat == null ? 'place.lat' : 'place.lon', value: lat ?? lon, message: 'lat and lon come together or not at all' });
  }
  return problems;
}

/** A record as stored and served: every default applied. */
export type EventRecord = z.output<typeof recordSchema>;
/** A record as written by a person or an importer: defaults may be left out. */
export type EventRecordInput = z.input<typeof recordSchema>;
export type Place = z.output<typeof placeSchema>;
export type RecordActor = z.output<typeof recordActorSchema>;
export type Source = z.output<typeof sourceSchema>;
export type Casualties = z.output<typeof casualtiesSchema>;
export type Provenance = z.output<typeof provenanceSchema>;

/** One problem in a record: the field path (`place.lat`), the offending value and what is expected. */
export interface FieldProblem {
  field: string;
  value: unknown;
  message: string;
}

export type RecordResult = { ok: true; record: EventRecord } | { ok: false; problems: FieldProblem[] };

/**
 * Validates `input` as a record. Problems name the field and the bad value. A date known only to the month or the
 * year is moved to the first day of its period (data-model.md), unless `dateEnd` gives a range of more than that day:
 * a record of "March 2021" written as 2021-03-15 is found by a filter on the first half of March too.
 */
export function parseRecord(input: unknown): RecordResult {
  const result = recordSchema.safeParse(input);
  if (result.success) {
    const r = result.data;
    // A one-day range says nothing that an imprecise date does not: "March 2021" given as 2021-03-15 to 2021-03-15
    // still covers March.
    const dateEnd = r.dateEnd === r.date && r.datePrecision !== 'day' ? null : r.dateEnd;
    const date = dateEnd ? r.date : periodStart(r.date, r.datePrecision);
    return { ok: true, record: date === r.date && dateEnd === r.dateEnd ? r : { ...r, date, dateEnd } };
  }
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(record)',
    value: valueAt(input, issue.path),
    message: issue.message,
  }));
  const reported = new Set(problems.map((p) => p.field));
  return { ok: false, problems: [...problems, ...crossFieldProblems(input).filter((p) => !reported.has(p.field))] };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One line describing the problems, e.g. `place.lat = 999: Too big: expected number to be <=90`. */
export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems
    .map((p) => `${p.field}${p.value === undefined ? '' : ` = ${JSON.stringify(p.value)?.slice(0, 80)}`}: ${p.message}`)
    .join('; ');
}

/**
 * The date range a record covers: `[date, dateEnd ?? date]`. A month-precise record covers the whole month
 * whether or not the source filled `dateEnd`, so imprecise dates are never pinned to a fabricated day.
 */
export function dateRange(r: Pick<EventRecord, 'date' | 'dateEnd' | 'datePrecision'>): { from: string; to: string } {
  if (r.dateEnd) return { from: r.date, to: r.dateEnd };
  const [y, m] = [Number(r.date.slice(0, 4)), Number(r.date.slice(5, 7))];
  const from = periodStart(r.date, r.datePrecision);
  switch (r.datePrecision) {
    case 'month':
      return { from, to: `${r.date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
    case 'year':
      return { from, to: `${r.date.slice(0, 4)}-12-31` };
    case 'week':
      return { from: r.date, to: addDays(r.date, 6) };
    default:
      return { from: r.date, to: r.date };
  }
}

/** The first day of the month or year a date known to that precision lies in; other dates unchanged. */
export function periodStart(date: string, precision: DatePrecision): string {
  return precision === 'month' ? `${date.slice(0, 7)}-01` : precision === 'year' ? `${date.slice(0, 4)}-01-01` : date;
}

/** `date` plus `n` days, as `YYYY-MM-DD`. */
export function addDays(date: string, n: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
