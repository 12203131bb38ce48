/**
 * The review workflow: `POST /api/records/{id}/transition` (draft → review → published → archived, and back to
 * draft, each move allowed to the roles in `src/core/roles.ts`), `POST /api/records/{id}/revert` (back to the
 * content of any revision, as a new revision) and `GET /api/review-queue` (what waits for a reviewer). Each
 * move is a revision: who, when and why are kept.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { statuses } from '../../core/record.ts';
import { checkTransition, nextStatuses } from '../../core/roles.ts';
import { recordAtRevision } from '../../core/revision-replay.ts';
import { isImported, withCuratorFields } from '../../core/curation.ts';
import type { EventRecord } from '../../core/record.ts';
import { authorsSinceLastPublished, lastSubmission } from '../../core/workflow.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError, invalidParameter } from '../errors.ts';
import { RecordSchema, intParam } from '../schemas.ts';
import { requireRight, withArticle } from '../auth/authenticate.ts';
import { checkVisibilityChange, validRecord } from '../curation/compose.ts';
import { saving } from '../curation/conflict.ts';
import { jsonBody, jsonResponse, recordIdParam, writeErrors } from '../route-helpers.ts';

const comment = z.string().max(1000, 'at most 1000 characters').optional();
const baseRevision = z.number().int('a whole number').min(1, 'the revision you are looking at (≥ 1)');

const transitionRoute = createRoute({
  method: 'post', path: '/records/{id}/transition', tags: ['curation'], summary: 'Move a record through the workflow: submit, publish, archive, back to draft',
  request: { params: recordIdParam, body: jsonBody(z.object({ to: z.enum(statuses, { error: `one of ${statuses.join(', ')}` }), baseRevision, comment })) },
  responses: { 200: jsonResponse(z.object({ record: RecordSchema }), 'The record in its new status'), ...writeErrors },
});

const revertRoute = createRoute({
  method: 'post', path: '/records/{id}/revert', tags: ['curation'], summary: "Restore a revision's content as a new revision (the status stays as it is)",
  request: { params: recordIdParam, body: jsonBody(z.object({ revision: z.number().int().min(1, 'a revision number ≥ 1'), baseRevision, comment })) },
  responses: { 200: jsonResponse(z.object({ record: RecordSchema, changed: z.boolean() }), 'The record as restored'), ...writeErrors },
});

const QueueItem = z.object({
  record: RecordSchema,
  submittedBy: z.string().nullable().openapi({ description: 'in review: who submitted it; a draft: who changed it last' }),
  submittedAt: z.string().nullable().openapi({ description: 'when (as submittedBy)' }),
  comment: z.string().nullable().openapi({ description: 'the comment of that revision' }),
  authors: z.array(z.string()).openapi({ description: 'who wrote the content since it was last published' }),
  mayPublish: z.boolean().openapi({ description: 'whether the caller may publish it (role, and the distinct-reviewer setting)' }),
});
const queueRoute = createRoute({
  method: 'get', path: '/review-queue', tags: ['curation'], summary: 'Records waiting for review (or drafts), longest waiting first',
  request: { query: z.object({ status: z.enum(['review', 'draft'], { error: 'review or draft' }).default('review'), limit: intParam('records', 1, 500, 200) }) },
  responses: { 200: jsonResponse(z.object({ total: z.number().int(), items: z.array(QueueItem) }), 'The queue'), ...writeErrors },
});

/** Registers the workflow routes. */
export function workflowRoutes({ store, registry, options }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(transitionRoute, async (c) => {
    const user = requireRight(c, 'edit');
    const { id } = c.req.valid('param');
    const { to, baseRevision: base, comment: why } = c.req.valid('json');
    const current = await store.get(c.var.scope, id);
    if (!current) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id');
    const verdict = checkTransition(user.role, current.status, to);
    if (verdict === 'no_such_move') throw invalidParameter('to', to, `a status a ${current.status} record can move to (${nextStatuses(current.status).join(', ')})`);
    if (verdict === 'forbidden') throw new ApiError(403, 'forbidden', `${withArticle(user.role)} may not move a record from ${current.status} to ${to}`, 'to', 'ask a reviewer');
    if (to === 'published' && options.requireDistinctReviewer && authorsSinceLastPublished(await store.history(c.var.scope, id)).has(user.name)) {
      throw new ApiError(403, 'forbidden', 'you wrote this content since it was last published, so another reviewer must publish it', 'to', 'requireDistinctReviewer is on');
    }
    const saved = await saving(store, c.var.scope, () => store.saveRecord({ ...current, status: to }, { by: user.name, comment: why || `${current.status} → ${to}`, baseRevision: base }));
    return c.json({ record: saved }, 200);
  });

  api.openapi(revertRoute, async (c) => {
    const user = requireRight(c, 'edit');
    const { id } = c.req.valid('param');
    const { revision, baseRevision: base, comment: why } = c.req.valid('json');
    const current = await store.get(c.var.scope, id);
    if (!current) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id');
    const curation = await store.getCuration(id);
    const replayed = recordAtRevision({ ...current, note: curation?.note ?? null } as EventRecord, await store.history(c.var.scope, id), revision);
    if (!replayed) throw invalidParameter('revision', String(revision), `a revision of this record (1–${current.revision})`);
    const { note: oldNote, ...target } = replayed as EventRecord & { note?: string | null };
    // The content comes back; the status does not (a revert must not publish or unpublish anything). Of an
    // imported record only what curators own comes back: the rest is the dataset's.
    const content = isImported(current) ? withCuratorFields(current, target) : target;
    const restored = await validRecord(content, current, store, c.var.scope, registry);
    checkVisibilityChange(user.role, current, restored);
    const saved = await saving(store, c.var.scope, () =>
      store.saveRecord(restored, { by: user.name, comment: why || `reverted to revision ${revision}`, baseRevision: base, note: oldNote ?? null }),
    );
    return c.json({ record: saved, changed: saved.revision !== current.revision }, 200);
  });

  api.openapi(queueRoute, async (c) => {
    const user = requireRight(c, 'edit', false);
    const { status, limit } = c.req.valid('query');
    const filter = { status: [status] };
    const [page, total] = await Promise.all([store.query(c.var.scope, filter, { sort: '-date', limit }), store.count(c.var.scope, filter)]);
    const items = await Promise.all(
      page.records.map(async (record) => {
        const history = await store.history(c.var.scope, record.id);
        // In review: who sent it there. A draft: who changed it last (its last submission may be long past: it
        // may have been published and sent back since).
        const submitted = status === 'review' ? lastSubmission(history) : history.at(-1);
        const authors = [...authorsSinceLastPublished(history)];
        const allowed = checkTransition(user.role, record.status, 'published') === 'ok' && !(options.requireDistinctReviewer && authors.includes(user.name));
        return { record, submittedBy: submitted?.by ?? null, submittedAt: submitted?.at ?? null, comment: submitted?.comment ?? null, authors, mayPublish: allowed };
      }),
    );
    items.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
    return c.json({ total, items }, 200);
  });

  return api;
}
