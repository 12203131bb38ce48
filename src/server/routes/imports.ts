/**
 * `POST /api/imports`: a file sent to a running server is imported into its store as `sitrep import` would import
 * it — the way a team imports without stopping the server (one process at a time may open a DuckDB store). The
 * body is the file itself, streamed to a private temporary folder under a size limit; the import commits whole or
 * changes nothing. With `Accept: application/x-ndjson` the answer streams while the import runs: progress lines
 * (at most one a second), every rejected row when `rejections=all`, then the reports or the error.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from 'hono';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { UserError } from '../../core/errors.ts';
import { importReportSchema, type ImportCallbacks, type ImportReport, type ImportRequest } from '../../core/importing.ts';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError, errorBody, fromUserError, invalidParameter, toApiError } from '../errors.ts';
import { requireRight } from '../auth/authenticate.ts';
import { jsonResponse, writeErrors } from '../route-helpers.ts';
import { ErrorSchema } from '../schemas.ts';

export const importsPath = '/api/imports';

/** Rejected rows streamed at most (every one is counted in the report): a wholly wrong file must not flood the answer. */
const maxStreamedRejections = 100_000;

const expectedBoolean = 'true or false';
const query = z.object({
  file_name: z.string().max(200, 'at most 200 characters').optional().openapi({
    description: "the file's name as the user has it: its extension says how to open it (.gz, .zip, .xlsx) and reports name it. Default upload",
    example: 'acled-2024.csv.gz',
  }),
  format: z.string().max(40).optional().openapi({ description: 'the format, when detection from the first line is not enough (as `sitrep import --format`)' }),
  encoding: z.string().max(40).optional().openapi({ description: 'text encoding, when detection is not enough (utf-8, windows-1252, latin1)' }),
  sheet: z.string().min(1).max(100).optional().openapi({ description: "the sheet to read of an .xlsx workbook (or of the workbooks in a .zip): its name, or its number from 1. Default the first" }),
  sync: z.enum(['true', 'false'], { error: expectedBoolean }).optional().openapi({ description: "true: archive the dataset's records this (full) file no longer contains" }),
  max_reject_rate: z.coerce.number({ error: 'a fraction from 0 to 1 (0.01 = 1%)' }).min(0, 'a fraction from 0 to 1').max(1, 'a fraction from 0 to 1').optional().openapi({
    description: 'fail and change nothing when more rows than this fraction are rejected. Default 0.01',
  }),
  mapping_name: z.string().max(200, 'at most 200 characters').optional().openapi({ description: "the mapping file's name, for messages about it (default mapping)" }),
  gdelt_codes: z.string().max(200).optional().openapi({ description: 'GDELT: CAMEO codes to import, comma-separated; default the violent ones' }),
  rejections: z.enum(['first', 'all'], { error: 'first or all' }).optional().openapi({
    description: `all (with Accept: application/x-ndjson): a line for every rejected row, up to ${maxStreamedRejections.toLocaleString('en')}; default: the first 20 in the report`,
  }),
});

const Reports = z.object({ reports: z.array(importReportSchema) });

const route = createRoute({
  method: 'post', path: '/imports', tags: ['curation'],
  summary: 'Import a file into the store (reviewers and admins): any format `sitrep import` reads, plain, .gz or .zip',
  description:
    'The body is the file. A column mapping for `format=mapped` goes in the `Sitrep-Mapping` header (its JSON or YAML text, URI-encoded). ' +
    'The import commits whole or changes nothing; the same file imported twice adds nothing. Answers the reports as JSON, ' +
    'or, with `Accept: application/x-ndjson`, one JSON object per line as the import runs: `{progress}`, `{rejection}`, then `{reports}` or `{error, requestId}`.',
  request: {
    query,
    body: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, required: true, description: 'the file' },
  },
  responses: {
    200: {
      description: 'What each file (each member of a zip) did to the store',
      content: { 'application/json': { schema: Reports }, 'application/x-ndjson': { schema: z.string().openapi({ description: 'progress, rejection, reports or error lines' }) } },
    },
    413: jsonResponse(ErrorSchema, 'The file is larger than the server accepts (SITREP_MAX_IMPORT_BYTES)'),
    ...writeErrors,
  },
});

const formatsRoute = createRoute({
  method: 'get', path: '/imports/formats', tags: ['curation'],
  summary: 'The formats POST /imports reads (reviewers and admins)',
  responses: { 200: jsonResponse(z.object({ formats: z.array(z.object({ name: z.string(), description: z.string() })) }), 'Each format: the name `format` takes, and what it is'), ...writeErrors },
});

const ImportLogEntrySchema = z.object({
  at: z.string().openapi({ description: 'when the import committed (UTC)' }),
  by: z.string(),
  file: z.string().openapi({ description: "the file's name (a member of a zip is logged on its own)" }),
  format: z.string(),
  datasets: z.array(z.string()),
  read: z.number().int(), skipped: z.number().int(), rejected: z.number().int(), unresolvedActors: z.number().int(),
  inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), archived: z.number().int(),
  seconds: z.number(),
});

const logRoute = createRoute({
  method: 'get', path: '/imports', tags: ['curation'],
  summary: 'The import log, newest first (reviewers and admins): every committed import, by the server or `sitrep import`',
  request: {
    query: z.object({
      dataset: z.string().max(100).optional().openapi({ description: 'only imports of this dataset' }),
      limit: z.coerce.number({ error: 'a whole number from 1 to 1000' }).int('a whole number from 1 to 1000').min(1, 'a whole number from 1 to 1000').max(1000, 'a whole number from 1 to 1000').optional()
        .openapi({ description: 'at most this many imports. Default 50' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ imports: z.array(ImportLogEntrySchema) }), 'The imports, newest first'), ...writeErrors },
});

/** A flag of `sitrep import`, as the parameter this endpoint calls it. */
function apiParam(flag: string | undefined): string | undefined {
  if (flag === 'FILE') return 'body';
  return flag?.startsWith('--') ? flag.slice(2).replace(/-/g, '_') : flag;
}

/** An import's `UserError` (worded for the command line) as a 400 naming this endpoint's parameter. */
function asApiError(e: unknown): unknown {
  return e instanceof UserError ? fromUserError(e, apiParam(e.param)) : e;
}

/** Streams the request body to `path`, refusing it with 413 past `maxBytes`. */
async function saveBody(c: Context<AppEnv>, path: string, maxBytes: number): Promise<void> {
  const tooBig = () => new ApiError(413, 'payload_too_large', `the file is larger than this server accepts (${maxBytes.toLocaleString('en')} bytes)`, 'body', 'split the file, or ask the operator to raise SITREP_MAX_IMPORT_BYTES');
  if (Number(c.req.header('Content-Length') ?? 0) > maxBytes) throw tooBig();
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, 'invalid_parameter', 'no file: the request body is empty', 'body', 'send the file as the body, e.g. curl --data-binary @events.csv');
  let bytes = 0;
  async function* counted() {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw tooBig();
      yield chunk;
    }
  }
  await pipeline(Readable.from(counted()), createWriteStream(path));
}

/** A name the caller gave, as a file name of ours: no folders, nothing but letters, digits and `._- `. */
const safeName = (name: string | undefined, fallback: string) => (name ?? '').split(/[\\/]/).pop()!.replace(/[^\w.\- ]+/g, '_').replace(/^\.+/, '') || fallback;

/** The mapping the caller sent in `Sitrep-Mapping`, in a folder of its own beside the file; undefined without one. */
async function saveMapping(c: Context<AppEnv>, dir: string, name: string): Promise<string | undefined> {
  const header = c.req.header('Sitrep-Mapping');
  if (!header) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(header);
  } catch {
    throw new ApiError(400, 'invalid_parameter', 'the Sitrep-Mapping header is not URI-encoded text', 'Sitrep-Mapping', 'send the text of the mapping file through encodeURIComponent');
  }
  await mkdir(join(dir, 'mapping'));
  const path = join(dir, 'mapping', name);
  await writeFile(path, text);
  return path;
}

/** Registers POST /imports, GET /imports (the log) and GET /imports/formats. */
export function importRoutes({ store, importer, accounts, options }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();

  const importerOf = () => {
    if (!importer) throw new ApiError(400, 'unsupported', 'this server does not import files', undefined, 'import with `sitrep import` on the machine that holds the store');
    return importer;
  };

  api.openapi(logRoute, async (c) => {
    requireRight(c, 'import', false);
    const { dataset, limit = 50 } = c.req.valid('query');
    return c.json({ imports: await store.imports({ dataset, limit }) }, 200);
  });

  api.openapi(formatsRoute, (c) => {
    requireRight(c, 'import', false);
    return c.json({ formats: [...importerOf().formats] }, 200);
  });

  api.openapi(route, async (c) => {
    const user = requireRight(c, 'import');
    const importer = importerOf();
    const q = c.req.valid('query');
    // Checked before the file is received: a wrong name should not cost an upload.
    if (q.format && !importer.formats.some((f) => f.name === q.format)) {
      throw invalidParameter('format', q.format, `one of ${importer.formats.map((f) => f.name).join(', ')}`, 'leave it out to detect the format from the file');
    }
    const fileName = safeName(q.file_name, 'upload');
    const dir = await mkdtemp(join(tmpdir(), 'sitrep-upload-'));
    // The file and the mapping in folders of their own, so no name the caller gives can make them collide.
    const upload = join(dir, 'file', fileName);
    const forget = () => rm(dir, { recursive: true, force: true });
    let request: ImportRequest;
    try {
      const mapping = await saveMapping(c, dir, safeName(q.mapping_name, 'mapping'));
      await mkdir(join(dir, 'file'));
      await saveBody(c, upload, options.maxImportBytes);
      request = { format: q.format, encoding: q.encoding, sheet: q.sheet, sync: q.sync === 'true', maxRejectRate: q.max_reject_rate, gdeltCodes: q.gdelt_codes, mapping, by: user.name, maxTextLength: options.maxImportBytes };
    } catch (e) {
      await forget();
      throw e;
    }
    const run = async (callbacks: ImportCallbacks): Promise<ImportReport[]> => {
      try {
        const reports = await importer.run(store, upload, request, callbacks);
        const summary = reports.map((r) => `${r.format}: ${r.read} read, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected`).join('; ');
        await accounts?.imported({ actor: user.name, address: options.clientAddress(c) }, fileName, summary);
        return reports;
      } catch (e) {
        throw asApiError(e);
      } finally {
        await forget();
      }
    };

    if (!(c.req.header('Accept') ?? '').includes('application/x-ndjson')) return c.json({ reports: await run({}) }, 200);

    // Streamed: the import goes on (and commits or not) even if the caller stops reading.
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (line: object) => {
          try {
            controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
          } catch {
            // The caller has gone.
          }
        };
        let lastProgress = 0;
        let lastStage = '';
        let streamed = 0;
        const callbacks: ImportCallbacks = {
          onProgress(rows, fraction, stage) {
            // Once a second, and at each change of stage.
            if (stage === lastStage && Date.now() - lastProgress < 1000) return;
            [lastProgress, lastStage] = [Date.now(), stage];
            send({ progress: { rows, fraction: fraction ?? null, stage } });
          },
          ...(q.rejections === 'all' ? { onReject: (r) => streamed++ < maxStreamedRejections && send({ rejection: r }) } : {}),
        };
        run(callbacks)
          .then((reports) => send({ reports }), (e) => send(errorBody(c, toApiError(e, c, options.log))))
          .finally(() => {
            try {
              controller.close();
            } catch {
              // Already closed by the caller going away.
            }
          });
      },
    });
    // The route's typing knows the JSON answer only; this one is the documented application/x-ndjson.
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' } }) as never;
  });

  return api;
}
