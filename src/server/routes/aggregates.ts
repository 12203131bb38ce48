/**
 * The dashboard's aggregates over one filter: facets (each computed with its own filter removed, by the store),
 * the timeline (buckets stacked by kind, plus records spanning several buckets), and grouped statistics.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { ActorRegistry } from '../../core/actor-registry.ts';
import { defaultStatMeasures, facetNames, statDimensions, statMeasures, timeBuckets, type FacetName, type StoreFilter } from '../../core/event-store.ts';
import { provinceKey, splitProvince } from '../../core/places.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { invalidParameter } from '../errors.ts';
import { FacetSchema, TimelineSchema, enumListParam, enumParam, errorResponses, filterQuery, intParam, storeFilterOf } from '../schemas.ts';

const facetsRoute = createRoute({
  method: 'get',
  path: '/facets',
  tags: ['aggregates'],
  summary: 'Top values of one or more dimensions, each counted with its own filter removed',
  request: {
    query: filterQuery({
      facet: enumListParam('dimension to count; repeat or comma-separate (default kind)', facetNames),
      top: intParam('values per facet; the rest are summed in other (values the filter selects are listed whatever their rank)', 1, 200, 10),
    }),
  },
  responses: {
    200: {
      description: 'Counts per facet, the total matching the whole filter and how many of those have a location',
      content: { 'application/json': { schema: z.object({ total: z.number().int(), located: z.number().int().openapi({ description: 'of total, the records with coordinates (the rest are not on a map)' }), facets: z.partialRecord(z.enum(facetNames), FacetSchema) }) } },
    },
    ...errorResponses,
  },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/timeline',
  tags: ['aggregates'],
  summary: 'Records per period, stacked by kind',
  description: 'A record whose date range spans more than one bucket (a month-precise record on a weekly timeline) is counted in `spanning`, never pinned to a bucket, so bucket totals plus spanning.total equal total.',
  request: { query: filterQuery({ bucket: enumParam('period length', timeBuckets, 'month') }) },
  responses: { 200: { description: 'The timeline', content: { 'application/json': { schema: TimelineSchema } } }, ...errorResponses },
});

const statsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['aggregates'],
  summary: 'Counts and casualty sums grouped by up to three dimensions',
  request: {
    query: filterQuery({
      by: enumListParam('dimension to group by; repeat for up to three (list dimensions such as actor are crossed)', statDimensions),
      measure: enumListParam('measures, comma-separated (default count,killed,wounded); killed and wounded sum best estimates (unknown figures left out), killed_known and wounded_known count the records with a known figure', statMeasures),
    }),
  },
  responses: {
    200: {
      description: 'One row per group',
      content: {
        'application/json': {
          schema: z.object({
            by: z.array(z.enum(statDimensions)),
            measures: z.array(z.enum(statMeasures)),
            rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

/**
 * The values of a facet's own filter, included or left out, written as the facet's values are: actor names and
 * aliases as the ids they resolve to (not their branches, which are values of their own).
 */
function selectedValues(name: FacetName, typedActors: readonly string[], filter: StoreFilter, registry: ActorRegistry): string[] {
  if (name === 'actor') return typedActors.flatMap((a) => registry.find(a)?.id ?? []);
  return [name, `not_${name}`].flatMap((key) => {
    const own: unknown = filter[key as keyof StoreFilter];
    return Array.isArray(own) ? own.map(String) : [];
  });
}

/** Registers /facets, /timeline and /stats. */
export function aggregateRoutes({ store, registry }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(facetsRoute, async (c) => {
    const q = c.req.valid('query');
    const filter = storeFilterOf(q, registry);
    const names: FacetName[] = q.facet?.length ? [...new Set(q.facet)] : ['kind'];
    // Every value is counted (the scan is the same; the answer cache keeps one answer whatever `top` is asked), so a
    // value the filter selects or leaves out is listed with its count even when it is not among the top ones.
    const [{ total, located }, counted] = await Promise.all([store.totals(c.var.scope, filter), store.facets(c.var.scope, filter, names, Infinity)]);
    const facets: Partial<Record<FacetName, z.infer<typeof FacetSchema>>> = {};
    for (const name of names) {
      const ranked = counted[name]!.values;
      const chosen = selectedValues(name, [...(q.actor ?? []), ...(q.not_actor ?? [])], filter, registry);
      // Filters match provinces by their country and key (any spelling; a name alone in any country), other values
      // without regard to case.
      const picks = name === 'admin1' ? picksProvince : (c: string, v: string) => c.toLowerCase() === v.toLowerCase();
      const isChosen = (v: string) => chosen.some((c) => picks(c, v));
      const shown = ranked.filter((v, i) => i < (q.top ?? 10) || isChosen(v.value));
      const other = ranked.reduce((sum, v) => sum + v.count, 0) - shown.reduce((sum, v) => sum + v.count, 0);
      // A chosen value no record has under the other filters is listed with 0: it was counted, and found nowhere.
      for (const value of new Set(chosen)) if (!ranked.some((v) => picks(value, v.value))) shown.push({ value, count: 0 });
      // Actor facet values are registry ids; the label saves the web app a look-up per value, and `chosenAs` tells
      // it which typed name ("ISIS-K") a value stands for, so the name's row shows the id's count. A province
      // chosen in another spelling ("Balochistan province") is told the same way.
      const typedAs = (id: string) => [...(q.actor ?? []), ...(q.not_actor ?? [])].filter((typed) => registry.find(typed)?.id === id);
      const spelledAs = (value: string) => chosen.filter((c) => c !== value && picks(c, value));
      const values = shown.map((v) => {
        if (name === 'actor') {
          const chosenAs = typedAs(v.value);
          return { ...v, label: registry.get(v.value)?.name ?? v.value, ...(chosenAs.length ? { chosenAs } : {}) };
        }
        const chosenAs = name === 'admin1' ? spelledAs(v.value) : [];
        return chosenAs.length ? { ...v, chosenAs } : v;
      });
      facets[name] = { values, other };
    }
    return c.json({ total, located, facets }, 200);
  });

  api.openapi(timelineRoute, async (c) => {
    const q = c.req.valid('query');
    const t = await store.timeline(c.var.scope, storeFilterOf(q, registry), q.bucket);
    const total = t.buckets.reduce((sum, b) => sum + b.total, t.spanning.total);
    return c.json({ bucket: t.bucket, total, buckets: t.buckets, spanning: t.spanning }, 200);
  });

  api.openapi(statsRoute, async (c) => {
    const q = c.req.valid('query');
    const by = [...new Set(q.by ?? [])];
    if (by.length > 3) throw invalidParameter('by', by.join(','), 'at most three dimensions');
    const measures = q.measure?.length ? [...new Set(q.measure)] : [...defaultStatMeasures];
    const rows = await store.stats(c.var.scope, storeFilterOf(q, registry), by, measures);
    return c.json({ by, measures, rows }, 200);
  });

  return api;
}

/** Whether the province filter value `chosen` selects the facet's province `value` (`LKA:Northern province`). */
function picksProvince(chosen: string, value: string): boolean {
  const c = splitProvince(chosen);
  const v = splitProvince(value);
  return (c.anyCountry || c.country === v.country) && provinceKey(c.name) === provinceKey(v.name);
}
