/**
 * The map: `GET /api/map` answers density cells at low zoom and points at high zoom (never more than about
 * 4000 features, so the browser stays fast at any data size), `GET /api/map/areas` counts per country or province
 * for choropleth shading.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { AreaSchema, MapSchema, enumParam, errorResponses, filterQuery, storeFilterOf } from '../schemas.ts';

/** The most features one map response carries. */
export const maxMapFeatures = 4000;

const mapRoute = createRoute({
  method: 'get',
  path: '/map',
  tags: ['map'],
  summary: 'Map features for the view: cells at low zoom, points when few enough or zoomed in',
  description: `Pass the view as bbox and the map's zoom. At most ${maxMapFeatures} features; cells are coarsened until they fit.`,
  request: {
    query: filterQuery({
      zoom: z.coerce.number({ error: 'a number from 0 to 22' }).min(0, { error: 'a number from 0 to 22' }).max(22, { error: 'a number from 0 to 22' }).default(2)
        .openapi({ description: 'map zoom level (fractions allowed)' }),
    }),
  },
  responses: { 200: { description: 'Cells or points', content: { 'application/json': { schema: MapSchema } } }, ...errorResponses },
});

const areasRoute = createRoute({
  method: 'get',
  path: '/map/areas',
  tags: ['map'],
  summary: 'Record counts and killed per country or first-level division',
  request: { query: filterQuery({ level: enumParam('country or admin1', ['country', 'admin1'], 'country') }) },
  responses: {
    200: { description: 'Counts per area, largest first', content: { 'application/json': { schema: z.object({ level: z.enum(['country', 'admin1']), areas: z.array(AreaSchema) }) } } },
    ...errorResponses,
  },
});

/** Registers /map and /map/areas. */
export function mapRoutes({ store, registry }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(mapRoute, async (c) => {
    const q = c.req.valid('query');
    const features = await store.map(c.var.scope, storeFilterOf(q, registry), { zoom: q.zoom, maxFeatures: maxMapFeatures });
    return c.json(features, 200);
  });

  api.openapi(areasRoute, async (c) => {
    const q = c.req.valid('query');
    const areas = await store.areas(c.var.scope, storeFilterOf(q, registry), q.level);
    return c.json({ level: q.level, areas }, 200);
  });

  return api;
}
