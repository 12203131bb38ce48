/**
 * Creating and editing records: `POST /api/records` (a new curated draft with a ULID id), `PUT /api/records/{id}`
 * (an edit from `baseRevision`; a stale one answers 409 with the other change) and `POST /api/records/validate`
 * (the same checks without saving, for forms that validate as the editor types). Status changes go through
 * `/transition` (workflow.ts), never through an edit.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { RecordSchema } from '../schemas.ts';
import { requireRight } from '../auth/authenticate.ts';
import { checkVisibilityChange, composeRecord, ownershipProblems, recordProblems, validRecord } from '../curation/compose.ts';
import { saving } from '../curation/conflict.ts';
import { jsonBody, jsonResponse, recordIdParam, writeErrors } from '../route-helpers.ts';

const recordInput = z.looseObject({}).openapi({
  description: 'the record (see the Record schema) without id, provenance, status and revision, which the server sets',
});
const comment = z.string().max(1000, 'at most 1000 characters').optional().openapi({ description: 'why: kept with the revision' });
const FieldErrors = z.array(z.object({ field: z.string(), message: z.string() }));
const note = z.string().max(10_000, 'at most 10,000 characters').nullable().optional().openapi({
  description: "the curators' note: internal (never shown to anonymous readers, never searched); null clears it, absent keeps it",
});

const createRoute_ = createRoute({
  method: 'post', path: '/records', tags: ['curation'], summary: 'Create a record (a curated draft; editors and up)',
  request: { body: jsonBody(z.object({ record: recordInput, comment, note })) },
  responses: { 201: jsonResponse(z.object({ record: RecordSchema }), 'The new record, revision 1'), ...writeErrors },
});

const updateRoute = createRoute({
  method: 'put', path: '/records/{id}', tags: ['curation'], summary: 'Edit a record from the revision the editor started from (editors and up)',
  request: {
    params: recordIdParam,
    body: jsonBody(z.object({ record: recordInput, baseRevision: z.number().int('a whole number').min(1, 'the revision you started from (≥ 1)'), comment, note })),
  },
  responses: { 200: jsonResponse(z.object({ record: RecordSchema, changed: z.boolean() }), 'The record as saved; changed is false when nothing differed'), ...writeErrors },
});

const validateRoute = createRoute({
  method: 'post', path: '/records/validate', tags: ['curation'], summary: 'Check a record without saving it: every field at fault, in the words of the record model',
  request: { body: jsonBody(z.object({ record: recordInput, id: z.string().max(200).optional().openapi({ description: 'the record being edited; absent for a new one' }) })) },
  responses: { 200: jsonResponse(z.object({ ok: z.boolean(), fields: FieldErrors }), 'The verdict'), ...writeErrors },
});

/** Registers the create, edit and validate routes. */
export function recordWriteRoutes({ store, registry }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  api.openapi(validateRoute, async (c) => {
    requireRight(c, 'edit', false);
    const { record: input, id } = c.req.valid('json');
    const current = id ? await store.get(c.var.scope, id) : undefined;
    if (id && !current) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id');
    const { record, fields } = await recordProblems(composeRecord(input, current), store, c.var.scope, registry, current);
    if (record) fields.push(...(await ownershipProblems(record, current, store)));
    return c.json({ ok: fields.length === 0, fields }, 200);
  });

  api.openapi(createRoute_, async (c) => {
    const user = requireRight(c, 'edit');
    const { record: input, comment: why, note: text } = c.req.valid('json');
    const record = await validRecord(input, undefined, store, c.var.scope, registry);
    const saved = await saving(store, c.var.scope, () => store.saveRecord(record, { by: user.name, comment: why ?? 'created', baseRevision: 0, ...(text !== undefined ? { note: text } : {}) }));
    return c.json({ record: saved }, 201);
  });

  api.openapi(updateRoute, async (c) => {
    const user = requireRight(c, 'edit');
    const { id } = c.req.valid('param');
    const { record: input, baseRevision, comment: why, note: text } = c.req.valid('json');
    const current = await store.get(c.var.scope, id);
    if (!current) throw new ApiError(404, 'not_found', `no record ${JSON.stringify(id)}`, 'id');
    const record = await validRecord(input, current, store, c.var.scope, registry);
    checkVisibilityChange(user.role, current, record);
    const saved = await saving(store, c.var.scope, () => store.saveRecord(record, { by: user.name, ...(why ? { comment: why } : {}), baseRevision, ...(text !== undefined ? { note: text } : {}) }));
    return c.json({ record: saved, changed: saved.revision !== current.revision }, 200);
  });

  return api;
}
