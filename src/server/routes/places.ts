/**
 * `GET /api/places?q=`: place names for the editor's place field, from the offline gazetteer (GeoNames
 * localities, admin-1 units and countries), most populous first. Nothing leaves the machine.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, intParam } from '../schemas.ts';
import { jsonResponse } from '../route-helpers.ts';

const Place = z.object({
  name: z.string(), country: z.string(), admin1: z.string().nullable(), lat: z.number(), lon: z.number(), population: z.number(),
  precision: z.enum(['locality', 'admin1', 'country']).openapi({ description: 'the place precision a record placed here has' }),
});

const route = createRoute({
  method: 'get', path: '/places', tags: ['curation'], summary: 'Place-name suggestions from the offline gazetteer',
  request: {
    query: z.strictObject({
      q: z.string({ error: 'a single value' }).min(1, { error: 'the beginning of a place name' }).max(200, { error: 'at most 200 characters' }).openapi({ example: 'Jalala' }),
      country: z.string().regex(/^[A-Za-z]{3}$/, { error: 'an ISO 3166-1 alpha-3 code such as AFG' }).optional(),
      limit: intParam('suggestions', 1, 50, 10),
    }),
  },
  responses: { 200: jsonResponse(z.object({ places: z.array(Place) }), 'Suggestions, most populous first'), ...errorResponses },
});

/** Registers /places. */
export function placeRoutes({ places }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(route, (c) => {
    if (!places) throw new ApiError(400, 'unsupported', 'this server has no gazetteer', undefined, 'start it with `sitrep serve`, which loads the offline gazetteer');
    const { q, country, limit } = c.req.valid('query');
    return c.json({ places: places.suggest(q, country?.toUpperCase(), limit) }, 200);
  });
  return api;
}
