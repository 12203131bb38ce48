/**
 * The zod schemas that both validate requests and describe them in `/api/openapi.json`. Filter parameters are
 * checked by the one filter language (`parseFilter`), run inside the schema, so the document, the validation and
 * the CLI cannot disagree; everything else (paging, facets, buckets…) is plain zod with messages worded as the
 * "expected" part of a 400.
 */
import { z } from '@hono/zod-openapi';
import { attributions, kinds, recordSchema, statuses, tactics, targetCategories, visibilities } from '../core/record.ts';
import { FilterError, filterParams, parseFilter, type EventFilter } from '../core/filter.ts';
import { resolveActorFilter, type ActorRegistry } from '../core/actor-registry.ts';
import type { StoreFilter } from '../core/event-store.ts';
import { errorCodes } from './errors.ts';

/** Query values arrive as a string, or an array when repeated; list parameters accept both and commas. */
const toList = (split: boolean) => (v: unknown) =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => (split ? String(s).split(',') : [String(s)])).map((s) => s.trim()).filter(Boolean);

/** A repeatable, comma-separable parameter; `values` are documented as the item enum. */
export function listParam(description: string, values?: readonly string[], split = true) {
  const item = values ? z.string().openapi({ enum: [...values] }) : z.string();
  return z.preprocess(toList(split), z.array(item).optional()).openapi({ description, param: { style: 'form', explode: true } });
}

/** A list parameter whose values must be one of `values` (validated by zod, not the filter language). */
export function enumListParam<T extends string>(description: string, values: readonly [T, ...T[]]) {
  return z
    .preprocess(toList(true), z.array(z.enum(values, { error: `one of ${values.join(', ')}` })).optional())
    .openapi({ description, param: { style: 'form', explode: true } });
}

const single = (description: string, example?: string) => z.string({ error: 'a single value' }).optional().openapi({ description, ...(example ? { example } : {}) });

/** A whole number in `[min, max]`, defaulting to `fallback`. */
export function intParam(description: string, min: number, max: number, fallback?: number) {
  const expected = `a whole number from ${min} to ${max}`;
  const n = z.coerce.number({ error: expected }).int({ error: expected }).min(min, { error: expected }).max(max, { error: expected });
  return (fallback === undefined ? n.optional() : n.default(fallback)).openapi({ description });
}

/** One of `values`, defaulting to `fallback`. */
export function enumParam<T extends string>(description: string, values: readonly [T, ...T[]], fallback: T) {
  return z.enum(values, { error: `one of ${values.join(', ')}` }).default(fallback as never).openapi({ description });
}

/** The filter language's parameters, as the URL carries them (see `src/core/filter.ts`). */
export const filterShape = {
  kind: listParam('record kind; repeat or comma-separate', kinds),
  actor: listParam('actor id or any alias (ISIS-K, Wilayat Khurasan…); its branches are included unless descendants=false. Repeat for several; a comma followed by a space stays in the name', undefined, false),
  descendants: single('false to leave out the branches of each actor (default true)', 'true'),
  country: listParam('ISO 3166-1 alpha-3 country code (AFG, PAK…)'),
  admin1: listParam('first-level administrative division, as named in the data (case-insensitive, any spelling); `LKA:Northern province` is that country\'s only and `:Northern` that of records with no country, as facets write them; a name alone is every country\'s province of that name'),
  from: single('first day, YYYY-MM-DD; records whose date range overlaps [from, to] match', '2021-01-01'),
  to: single('last day, YYYY-MM-DD', '2021-12-31'),
  bbox: single('minLon,minLat,maxLon,maxLat; minLon > maxLon crosses the antimeridian', '60,23,78,38'),
  q: listParam('keywords, all of which must appear in description, place, actor names or sources; a word with a leading minus must not (bombing -suicide)', undefined, false),
  target: listParam('target category', targetCategories),
  tactic: listParam('tactic', tactics),
  attribution: listParam('how the actor is tied to the record', attributions),
  dataset: listParam('dataset name (ucdp, acled, curated…)'),
  status: listParam('review status; intersected with what the caller may see (anonymous callers: published only)', statuses),
  visibility: listParam('visibility; intersected with what the caller may see (anonymous callers: public only)', visibilities),
  min_killed: single('at least this many killed (best estimate)', '10'),
  id: listParam('record id'),
  not_kind: listParam('leave out records of this kind', kinds),
  not_actor: listParam('leave out records with this actor (id or any alias), and its branches unless descendants=false', undefined, false),
  not_country: listParam('leave out records in this country (ISO 3166-1 alpha-3); records with no country stay'),
  not_admin1: listParam('leave out records in this first-level division (case-insensitive; `ISO3:name` for one country\'s)'),
  not_target: listParam('leave out records with this target category', targetCategories),
  not_tactic: listParam('leave out records with this tactic', tactics),
  not_attribution: listParam('leave out records with an actor tied to them this way', attributions),
  not_dataset: listParam('leave out records of this dataset'),
};

type FilterQuery = { [K in keyof typeof filterShape]?: string | string[] };

/** The validated query's filter parameters back as `[name, value]` pairs for `parseFilter`. */
export function filterEntries(query: FilterQuery): [string, string][] {
  const out: [string, string][] = [];
  for (const name of filterParams) {
    const v = query[name];
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) out.push([name, value]);
  }
  return out;
}

/** The `EventFilter` of a validated query (the schema has already run `parseFilter`, so this does not throw). */
export function eventFilterOf(query: FilterQuery): EventFilter {
  return parseFilter(filterEntries(query));
}

/**
 * A query schema: the filter parameters plus `extra`, unknown names refused, and the filter language run over
 * the filter part so its errors (`invalid from "2021-02-30": expected a real calendar date…`) are the 400s.
 */
export function filterQuery<T extends z.ZodRawShape>(extra: T) {
  return z.strictObject({ ...filterShape, ...extra }).superRefine((value, ctx) => {
    try {
      parseFilter(filterEntries(value as FilterQuery));
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      ctx.addIssue({ code: 'custom', path: [e.param], message: e.expected, params: { value: e.value } });
    }
  });
}

// ---- responses ----

/** The one error shape. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().openapi({ example: 'invalid from "2021-02-30": expected a real calendar date as YYYY-MM-DD' }),
      param: z.string().optional(),
      hint: z.string().optional(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional().openapi({ description: 'every field at fault in a request body' }),
    }),
    requestId: z.string(),
  })
  .openapi('Error');

/** Error responses every endpoint may give, for the document. */
export const errorResponses = {
  400: { description: 'A parameter is invalid: the error names it, its value and what is expected', content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Too many requests from this address; retry after the Retry-After seconds', content: { 'application/json': { schema: ErrorSchema } } },
  503: { description: 'The query took too long; narrow the filter', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

// recordSchema is built before this module may have extended zod, so it is named with zod's own `.meta`.
export const RecordSchema = recordSchema.meta({ id: 'Record' });

const kindCounts = z.partialRecord(z.enum(kinds), z.number().int());

/** A page of `/api/records`. */
export const RecordPageSchema = z.object({
  records: z.array(RecordSchema),
  total: z.number().int().openapi({ description: 'records matching the filter, over all pages' }),
  next: z.string().nullable().openapi({ description: 'pass as cursor for the next page; null on the last page' }),
});

/** A linked record as `/api/records/{id}` lists it. */
export const LinkedSchema = z.object({
  id: z.string(),
  relation: z.string(),
  kind: z.enum(kinds),
  date: z.string(),
  title: z.string().openapi({ description: 'the first 120 characters of the description' }),
});

/** One revision: who, when, which fields (never the old values). */
export const HistorySchema = z.object({
  revision: z.number().int(),
  at: z.string(),
  by: z.string(),
  comment: z.string().nullable(),
  fields: z.array(z.string()).nullable().openapi({ description: 'fields changed by this revision; null for the first' }),
});

/** `/api/records/{id}`. */
export const RecordDetailSchema = z.object({
  record: RecordSchema,
  linked: z.array(LinkedSchema),
  history: z.array(HistorySchema),
  changeNotes: z.array(z.object({
    revision: z.number().int(), date: z.string(), field: z.enum(['casualties', 'date', 'place', 'kind']),
    text: z.string().openapi({ example: 'casualties corrected on 2024-03-02: 5 → 7 killed' }),
  })).openapi({ description: 'corrections of casualties, date, place or kind made while the record was published, oldest first; never from unpublished revisions' }),
  curation: z.object({
    tags: z.array(z.string()), links: z.array(z.object({ recordId: z.string(), relation: z.string() })),
    status: z.string().nullable(), visibility: z.string().nullable(), note: z.string().nullable(),
  }).nullable().optional().openapi({ description: 'signed-in callers only: what curators added to the record (kept across re-imports) and their note' }),
});

/** One facet's top values and the count beyond them. */
export const FacetSchema = z.object({
  values: z.array(
    z.object({
      value: z.string().openapi({ description: 'the value as the filter takes it; a province within its country, `LKA:Northern province` (`:Northern`: records with no country)' }),
      count: z.number().int(),
      label: z.string().optional(),
      chosenAs: z.array(z.string()).optional().openapi({ description: 'actor and admin1 facets: the values of the filter (actor, not_actor, admin1, not_admin1), as written, that select this one — an alias selects the actor it resolves to, a spelling of a province ("Balochistan province") the province' }),
    }),
  ),
  other: z.number().int().openapi({ description: 'records (or list entries) in values beyond the top N' }),
});

/** `/api/timeline`. */
export const TimelineSchema = z.object({
  bucket: z.enum(['day', 'week', 'month', 'year']),
  total: z.number().int().openapi({ description: 'the sum of every bucket total and spanning.total' }),
  buckets: z.array(z.object({ start: z.string(), total: z.number().int(), kinds: kindCounts })),
  spanning: z
    .object({
      total: z.number().int(),
      kinds: kindCounts,
      ranges: z
        .array(z.object({ from: z.string(), to: z.string(), total: z.number().int(), kinds: kindCounts }))
        .openapi({ description: 'which periods they span: their date ranges (first and last possible day) with counts by kind, largest first, then by date; all of them unless there are more than 1,000, when the largest 1,000' }),
    })
    .openapi({ description: 'records whose date range spans more than one bucket' }),
});

/** `/api/map`: cells or points. */
export const MapSchema = z.union([
  z.object({
    mode: z.literal('cells'),
    cellSize: z.number().openapi({ description: 'cell width in degrees' }),
    total: z.number().int(),
    cells: z.array(z.object({ lon: z.number(), lat: z.number(), count: z.number().int(), kinds: kindCounts })),
  }),
  z.object({
    mode: z.literal('points'),
    total: z.number().int(),
    points: z.array(z.object({ id: z.string(), lon: z.number(), lat: z.number(), kind: z.enum(kinds), precision: z.string(), date: z.string() })),
  }),
]);

/** One country or province of `/api/map/areas`. */
export const AreaSchema = z.object({ country: z.string(), admin1: z.string().nullable().optional(), count: z.number().int(), killed: z.number().nullable() });

/** An actor with its record counts. */
export const ActorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  parent: z.string().nullable(),
  matched: z.string().optional().openapi({ description: 'the alias the query matched' }),
  count: z.number().int().openapi({ description: "records naming this actor itself (its branches' not included)" }),
  countWithBranches: z.number().int(),
});

/** The store filter of a validated query: the filter language's parse, with actor names resolved to ids. */
export function storeFilterOf(query: FilterQuery, registry: ActorRegistry): StoreFilter {
  return resolveActorFilter(eventFilterOf(query), registry);
}
