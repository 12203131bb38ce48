/**
 * `GET /api/export`: every record of a filtered view as CSV, GeoJSON, NDJSON or Parquet, streamed with no row
 * cap. The file is what `sitrep import` reads back (CSV and NDJSON), and CSV cells are spreadsheet-safe.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv, RouteDeps } from '../context.ts';
import { ApiError } from '../errors.ts';
import { encodeRecords } from '../../core/record-encoding.ts';
import { exportTypes, startedStream } from '../export-stream.ts';
import { streamWithVisibleLinks } from '../visible-links.ts';
import { enumParam, errorResponses, filterQuery, storeFilterOf } from '../schemas.ts';

const formats = ['csv', 'geojson', 'ndjson', 'parquet'] as const;

const route = createRoute({
  method: 'get',
  path: '/export',
  tags: ['export'],
  summary: 'Download every record matching the filter',
  description: 'Streamed with no row cap, in the order the records were written. CSV has the columns of the canonical table (cells that a spreadsheet would run as a formula are prefixed with an apostrophe); NDJSON has one canonical record per line; Parquet has the typed analytic columns (use NDJSON for complete canonical records).',
  request: { query: filterQuery({ format: enumParam('file format', formats, 'csv') }) },
  responses: {
    200: {
      description: 'The file, as an attachment named sitrep-export-<date>.<ext>',
      content: Object.fromEntries(Object.values(exportTypes).map((t) => [t.type, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    ...errorResponses,
  },
});

/** Registers /export. */
export function exportRoutes({ store, registry, options }: RouteDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const filter = storeFilterOf(q, registry);
    const { type, ext } = exportTypes[q.format];
    const requestId = c.var.requestId;
    const onError = (e: unknown) =>
      options.log({ level: 'error', time: new Date().toISOString(), requestId, path: c.req.path, error: `export aborted: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    if (q.format === 'parquet' && !store.exportParquet) {
      throw new ApiError(400, 'unsupported', 'this store cannot write Parquet', 'format', 'export as csv or ndjson and convert it, e.g. with DuckDB');
    }
    // Parquet is written whole before its first byte, text formats encoded as they stream.
    const chunks = q.format === 'parquet' ? store.exportParquet!(c.var.scope, filter) : encodeRecords(streamWithVisibleLinks(store, c.var.scope, store.stream(c.var.scope, filter)), q.format);
    const body = await startedStream(chunks, onError);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Disposition': `attachment; filename="sitrep-export-${options.today()}.${ext}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
  return api;
}
