/**
 * `GET /api/records` (a filtered, sorted page with a cursor) and `GET /api/records/{id}` (one record with the
 * linked records the caller may see and its revision history).
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { SortOrder } from '../../core/event-store.ts';
import { publicChangeNotes, scopedHistory } from '../../core/change-notes.ts';
import { readsEverything } from '../../core/filter.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError, invalidParameter } from '../errors.ts';
import { visibleIds, withVisibleLinks } from '../visible-links.ts';
import { ErrorSchema, RecordDetailSchema, RecordPageSchema, enumParam, errorResponses, filterQuery, intParam, storeFilterOf } from '../schemas.ts';

const sorts = ['-date', 'date', '-killed', 'killed'] as const satisfies readonly SortOrder[];

const listRoute = createRoute({
  method: 'get',
  path: '/records',
  tags: ['records'],
  summary: 'Records matching a filter, one page at a time',
  request: {
    query: filterQuery({
      sort: enumParam('order: date or killed (best estimate), - for descending', sorts, '-date'),
      limit: intParam('records per page', 1, 1000, 50),
      cursor: z.string().max(2000).optional().openapi({ description: 'the `next` value of the previous page' }),
    }),
  },
  responses: { 200: { description: 'A page of records', content: { 'application/json': { schema: RecordPageSchema } } }, ...errorResponses },
});

const oneRoute = createRoute({
  method: 'get',
  path: '/records/{id}',
  tags: ['records'],
  summary: 'One record, its linked records and its revision history',
  request: { params: z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: 'ucdp:12345' }) }) },
  responses: {
    200: { description: 'The record', content: { 'application/json': { schema: RecordDetailSchema } } },
    404: { description: 'No such record (or not one the caller may see)', content: { 'application/json': { schema: ErrorSchema } } },
    ...errorResponses,
  },
});

// The API's cursor carries the sort it was made for, so a cursor reused with another sort is refused, not misread.
const wrapCursor = (sort: string, next: string | null) => (next ? `${sort}~${next}` : null);
function unwrapCursor(sort: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const at = cursor.indexOf('~');
  if (at < 0 || cursor.slice(0, at) !== sort) throw invalidParameter('cursor', cursor, `the next value of a previous page sorted by ${sort}, unchanged`);
  return cursor.slice(at + 1);
}

/** Registers the record routes. */
export function recordRoutes({ store, registry }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const filter = storeFilterOf(q, registry);
    const cursor = unwrapCursor(q.sort, q.cursor);
    try {
      // The total is the facets' total too: asked as the same question, a page and its facets share one count.
      const [page, { total }] = await Promise.all([
        store.query(c.var.scope, filter, { sort: q.sort, limit: q.limit, ...(cursor ? { cursor } : {}) }),
        store.totals(c.var.scope, filter),
      ]);
      const records = await withVisibleLinks(store, c.var.scope, page.records);
      return c.json({ records, total, next: wrapCursor(q.sort, page.next) }, 200);
    } catch (e) {
      // The store refuses a cursor it cannot decode with a RangeError; that is the caller's mistake, not a bug.
      if (e instanceof RangeError && q.cursor) throw invalidParameter('cursor', q.cursor, 'the next value of the previous page, unchanged');
      throw e;
    }
  });

  api.openapi(oneRoute, async (c) => {
    const { id } = c.req.valid('param');
    const scope = c.var.scope;
    const stored = await store.get(scope, id);
    // A draft or internal record is "not found" for a caller who may not see it: its existence is not disclosed.
    if (!stored) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id', 'record ids are listed by /api/records');
    const signedIn = Boolean(c.var.caller?.user);
    // What curators added (and their note) is for signed-in callers; its links, like the record's, only to
    // records the caller may see.
    const overlay = signedIn ? ((await store.getCuration(id)) ?? null) : undefined;
    const byId = await visibleIds(store, scope, [...new Set([...stored.links, ...(overlay?.links ?? [])].map((l) => l.recordId))]);
    // Links to records the caller may not see are cut; one who reads everything sees them as stored, those to
    // records not (yet) in the store too (they are not in `linked`).
    const everything = readsEverything(scope);
    const shown = (l: { recordId: string }) => everything || byId.has(l.recordId);
    const record = { ...stored, links: stored.links.filter(shown) };
    const linked = record.links.flatMap((l) => {
      const r = byId.get(l.recordId);
      return r ? [{ id: r.id, relation: l.relation, kind: r.kind, date: r.date, title: r.description.slice(0, 120) }] : [];
    });
    const revisions = await store.history(scope, id);
    // Corrections readers were shown, derived from published, public states only (never draft content).
    const changeNotes = publicChangeNotes(stored, revisions);
    // Every revision's fields, and comments as the caller may read them; old values are only in /history.
    const history = scopedHistory(scope, stored, revisions);
    const curation = overlay && { ...overlay, links: overlay.links.filter(shown) };
    return c.json({ record, linked, history, changeNotes, ...(curation !== undefined ? { curation } : {}) }, 200);
  });

  return api;
}
