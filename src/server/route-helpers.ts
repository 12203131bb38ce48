/**
 * Small pieces the write routes share in their OpenAPI declarations: a required JSON body, a JSON response,
 * and the error responses a write may give.
 */
import { z } from '@hono/zod-openapi';
import { ErrorSchema, errorResponses } from './schemas.ts';

/** A required JSON request body (a body that is not JSON is refused with 400). */
export const jsonBody = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({ content: { 'application/json': { schema } }, required: true, description });

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The `{id}` path parameter of a record. */
export const recordIdParam = z.object({ id: z.string().min(1).max(200).openapi({ param: { name: 'id', in: 'path' }, example: '01HZX3Q5B9ZK2V7M8N4P6R1T0W' }) });

/** Errors a curator's request may answer, beside those of every endpoint. */
export const writeErrors = {
  401: jsonResponse(ErrorSchema, 'Not signed in'),
  403: jsonResponse(ErrorSchema, 'Not allowed for this role or token, or the CSRF token is missing'),
  404: jsonResponse(ErrorSchema, 'No such record (or not one the caller may see)'),
  409: jsonResponse(ErrorSchema.extend({ current: z.unknown(), theirChanges: z.array(z.unknown()) }), 'Someone saved since baseRevision: nothing was written; current and theirChanges say what is there now'),
  ...errorResponses,
} as const;
