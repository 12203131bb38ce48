/**
 * The API's one error shape, `{ error: { code, message, param?, hint? }, requestId }`, and the mapping from
 * everything that can go wrong to it. User errors say what, where and what to do; anything else is a bug that
 * answers 500 with the request id while the stack goes to the log only.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from '@hono/zod-openapi';
import { UserError } from '../core/errors.ts';
import { FilterError } from '../core/filter.ts';
import type { AppEnv, LogLine } from './context.ts';

/** Machine-readable error codes; the message is for people. */
export const errorCodes = [
  'invalid_parameter', 'invalid_record', 'unauthorized', 'forbidden', 'csrf_failed', 'not_found', 'conflict', 'payload_too_large',
  'rate_limited', 'query_timeout', 'cancelled', 'out_of_memory', 'unsupported', 'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One field at fault in a request body: its path (`place.lat`) and what is wrong. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; param?: string; hint?: string; fields?: FieldError[] };
  requestId: string;
}

/** An error the API answers as it is: status, code, message and optionally the parameter at fault and a hint. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly param?: string,
    readonly hint?: string,
    readonly headers: Record<string, string> = {},
    /** Every field at fault, for a request body that failed validation. */
    readonly fields?: FieldError[],
    /** More members of the body beside `error` (a 409 carries the current record). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 400 naming the parameter, its value and what is expected, worded like `FilterError`. */
export function invalidParameter(param: string, value: string, expected: string, hint?: string): ApiError {
  return new ApiError(400, 'invalid_parameter', `invalid ${param} ${JSON.stringify(value)}: expected ${expected}`, param, hint);
}

/** The error shape of `e`. */
export function errorBody(c: Context<AppEnv>, e: ApiError): ErrorBody {
  return {
    ...e.extra,
    error: { code: e.code, message: e.message, ...(e.param ? { param: e.param } : {}), ...(e.hint ? { hint: e.hint } : {}), ...(e.fields ? { fields: e.fields } : {}) },
    requestId: c.var.requestId ?? 'unknown',
  };
}

/** Writes the error shape with `status`. */
export function errorResponse(c: Context<AppEnv>, e: ApiError): Response {
  return c.json(errorBody(c, e), e.status, e.headers);
}

/** A `UserError` as a 400; `param` renames the parameter at fault (a CLI flag, as the endpoint calls it). */
export function fromUserError(err: UserError, param = err.param): ApiError {
  // UserError appends its hint to the message; the shape carries the hint separately.
  return new ApiError(400, 'invalid_parameter', err.hint ? err.message.slice(0, -(err.hint.length + 2)) : err.message, param, err.hint);
}

/** Turns anything thrown by a handler or middleware into the error shape; logs the stack of bugs. */
export function toApiError(err: unknown, c: Context<AppEnv>, log: (line: LogLine) => void): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof FilterError) return new ApiError(400, 'invalid_parameter', err.message, err.param);
  if (err instanceof UserError) return fromUserError(err);
  // The client went away and its query was stopped: nobody reads this answer, and nothing is wrong.
  if (c.req.raw.signal.aborted) return new ApiError(503, 'cancelled', 'the request was cancelled by the client');
  if (err instanceof HTTPException && err.status < 500) {
    const code: ErrorCode = err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'invalid_parameter';
    return new ApiError(err.status as ContentfulStatusCode, code, err.message || 'the request was refused');
  }
  log({
    level: 'error',
    time: new Date().toISOString(),
    requestId: c.var.requestId,
    method: c.req.method,
    path: c.req.path,
    error: err instanceof Error ? (err.stack ?? err.message) : String(err),
  });
  // DuckDB reached its memory limit: the server is fine, this question was too big for the limit it was given.
  if (err instanceof Error && /^Out of Memory Error/.test(err.message)) {
    const hint = c.req.method === 'GET' ? 'narrow the filter and try again; the operator can raise SITREP_MEMORY_LIMIT' : 'the operator can raise SITREP_IMPORT_MEMORY_LIMIT (the limit of writes)';
    return new ApiError(503, 'out_of_memory', 'the database ran out of memory answering this request', undefined, hint, { 'Retry-After': '5' });
  }
  return new ApiError(500, 'internal', 'an unexpected error occurred; it has been logged', undefined, 'quote the requestId when you report it');
}

/** The 404 for routes that do not exist, in the same shape. */
export function notFound(c: Context<AppEnv>): Response {
  return errorResponse(c, new ApiError(404, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path}`, undefined, 'see /api/docs for the endpoints'));
}

type Issue = z.core.$ZodIssue;

/**
 * Turns the first zod issue of a failed request validation into a 400 in the filter language's wording:
 * `invalid limit "5000": expected a whole number from 1 to 1000`. Schemas put the expected part in the issue's
 * message; the value is read back from the raw query so the user sees exactly what they sent.
 */
export function validationError(issues: readonly Issue[], raw: (param: string) => string[]): ApiError {
  const issue = issues[0];
  if (!issue) return new ApiError(400, 'invalid_parameter', 'invalid request');
  if (issue.code === 'unrecognized_keys') {
    const param = issue.keys[0]!;
    return invalidParameter(param, raw(param)[0] ?? '', 'a parameter this endpoint knows', 'see /api/docs for the parameters of each endpoint');
  }
  const param = String(issue.path[0] ?? '');
  const given = raw(param);
  const custom = issue.code === 'custom' ? (issue.params as { value?: string } | undefined)?.value : undefined;
  const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  // List parameters are split on commas before validation, so the index points into the split list.
  const value = custom ?? (index !== undefined ? given.flatMap((v) => v.split(','))[index] : undefined) ?? given.join(',');
  const expected = issue.code === 'invalid_type' && given.length > 1 ? 'a single value (the parameter was repeated)' : issue.message;
  return invalidParameter(param, value ?? '', expected);
}

/**
 * A 400 for a JSON body that failed its schema: every field at fault in `fields`, the first named in `param`,
 * all of them in one line in the message: `invalid request body: name: expected 1–64 characters; scope: …`.
 */
export function bodyError(issues: readonly Issue[]): ApiError {
  const fields = issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
  const message = `invalid request body: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`;
  return new ApiError(400, 'invalid_parameter', message, fields[0]?.field, 'see /api/docs for the body of this endpoint', {}, fields);
}
