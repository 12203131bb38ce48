/**
 * The actor registry over HTTP: `GET /api/actors?q=` (type-ahead over names and aliases, with record counts;
 * without q the most active actors) and `GET /api/actors/{id}` (an actor with aliases, parent and branches).
 * Counts come from the store under the caller's scope, so hidden records are never counted.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Actor, ActorRegistry } from '../../core/actor-registry.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ActorSummarySchema, ErrorSchema, errorResponses, intParam } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/actors',
  tags: ['actors'],
  summary: 'Search actors by any name or alias, with record counts',
  request: {
    query: z.strictObject({
      q: z.string({ error: 'a single value' }).max(200, { error: 'at most 200 characters' }).optional().openapi({ description: 'name or alias, or its beginning (ISIS-K, Khorasan…); without it, the actors with most records', example: 'ISIS-K' }),
      limit: intParam('actors to return', 1, 100, 20),
    }),
  },
  responses: { 200: { description: 'Matching actors, best first', content: { 'application/json': { schema: z.object({ actors: z.array(ActorSummarySchema) }) } } }, ...errorResponses },
});

const BranchSchema = z.object({ id: z.string(), name: z.string(), count: z.number().int() });
const oneRoute = createRoute({
  method: 'get',
  path: '/actors/{id}',
  tags: ['actors'],
  summary: 'One actor: aliases, parent, branches and record counts',
  request: { params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, description: 'actor id or any alias', example: 'iskp' }) }) },
  responses: {
    200: {
      description: 'The actor',
      content: {
        'application/json': {
          schema: z.object({
            actor: ActorSummarySchema.extend({ aliases: z.array(z.string()) }),
            parent: z.object({ id: z.string(), name: z.string() }).nullable(),
            branches: z.array(BranchSchema).openapi({ description: 'direct branches' }),
          }),
        },
      },
    },
    404: { description: 'No actor with that id or alias', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

function summary(actor: Actor, registry: ActorRegistry, counts: Map<string, number>, matched?: string) {
  return {
    id: actor.id,
    name: actor.name,
    type: actor.type,
    parent: actor.parent ?? null,
    ...(matched ? { matched } : {}),
    count: counts.get(actor.id) ?? 0,
    countWithBranches: registry.descendants(actor.id).reduce((sum, id) => sum + (counts.get(id) ?? 0), 0),
  };
}

/** Registers /actors and /actors/{id}. */
export function actorRoutes({ store, registry }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(listRoute, async (c) => {
    const { q, limit } = c.req.valid('query');
    const counts = await store.actorCounts(c.var.scope);
    if (q?.trim()) {
      return c.json({ actors: registry.search(q, limit).map((h) => summary(h.actor, registry, counts, h.alias)) }, 200);
    }
    const actors = registry.actors
      .map((a) => summary(a, registry, counts))
      .filter((a) => a.countWithBranches > 0)
      .sort((a, b) => b.countWithBranches - a.countWithBranches || a.name.localeCompare(b.name))
      .slice(0, limit);
    return c.json({ actors }, 200);
  });

  api.openapi(oneRoute, async (c) => {
    const { id } = c.req.valid('param');
    const actor = registry.find(id);
    if (!actor) throw new ApiError(404, 'not_found', `no actor ${JSON.stringify(id)}`, 'id', 'find actors with /api/actors?q=NAME');
    const counts = await store.actorCounts(c.var.scope);
    const parent = actor.parent ? registry.get(actor.parent) : undefined;
    const branches = registry.actors
      .filter((a) => a.parent === actor.id)
      .map((a) => ({ id: a.id, name: a.name, count: registry.descendants(a.id).reduce((sum, d) => sum + (counts.get(d) ?? 0), 0) }));
    return c.json({
      actor: { ...summary(actor, registry, counts), aliases: actor.aliases },
      parent: parent ? { id: parent.id, name: parent.name } : null,
      branches,
    }, 200);
  });

  return api;
}
