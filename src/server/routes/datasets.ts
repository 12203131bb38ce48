/** `GET /api/datasets`: what has been imported, with record counts, versions, licence and attribution. */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { errorResponses } from '../schemas.ts';

const DatasetSchema = z.object({
  dataset: z.string(),
  versions: z.array(z.string()),
  records: z.number().int().openapi({ description: 'records the caller may see' }),
  licence: z.string().nullable(),
  attribution: z.string().nullable().openapi({ description: 'the credit line the licence asks for; show it with any figure drawn from the dataset' }),
  lastImport: z.string().nullable(),
});

const route = createRoute({
  method: 'get',
  path: '/datasets',
  tags: ['datasets'],
  summary: 'Datasets in the store, with licence and attribution',
  responses: { 200: { description: 'One entry per dataset', content: { 'application/json': { schema: z.object({ datasets: z.array(DatasetSchema) }) } } }, ...errorResponses },
});

/** Registers /datasets. */
export function datasetRoutes({ store }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(route, async (c) => c.json({ datasets: await store.datasets(c.var.scope) }, 200));
  return api;
}
