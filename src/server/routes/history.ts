/**
 * `GET /api/records/{id}/history`: every revision of a record. Callers who may read drafts (editors and above) get
 * each change with its old and new value (the editor's readable diff); anyone else — anonymous readers, viewers —
 * gets which fields changed, never the values (which may date from a draft, or name a draft it linked to), and
 * comments only from revisions after which they could read the record (`scopedHistory`).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { scopedHistory } from '../../core/change-notes.ts';
import { readsEverything } from '../../core/filter.ts';
import { ApiError } from '../errors.ts';
import { jsonResponse, recordIdParam, writeErrors } from '../route-helpers.ts';

const Change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
const RevisionSchema = z.object({
  revision: z.number().int(),
  at: z.string(),
  by: z.string(),
  comment: z.string().nullable(),
  fields: z.array(z.string()).nullable().openapi({ description: 'fields changed; null for the first revision' }),
  changes: z.array(Change).nullable().optional().openapi({ description: 'callers who may read drafts (editors and above) only: old and new values' }),
}).openapi('Revision');

const route = createRoute({
  method: 'get', path: '/records/{id}/history', tags: ['records'], summary: 'Every revision of a record: who, when, why, what changed',
  request: { params: recordIdParam },
  responses: { 200: jsonResponse(z.object({ id: z.string(), revisions: z.array(RevisionSchema) }), 'Revisions, oldest first'), ...writeErrors },
});

/** Registers the history route. */
export function historyRoutes({ store }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const record = await store.get(c.var.scope, id);
    if (!record) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id', 'record ids are listed by /api/records');
    const history = await store.history(c.var.scope, id);
    const revisions = scopedHistory(c.var.scope, record, history);
    if (!readsEverything(c.var.scope)) return c.json({ id, revisions }, 200);
    const changes = new Map(history.map((r) => [r.revision, r.changes]));
    return c.json({ id, revisions: revisions.map((r) => ({ ...r, changes: changes.get(r.revision) ?? null })) }, 200);
  });
  return api;
}
