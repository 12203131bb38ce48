/**
 * Export streams: records in, bytes out (encoded by `core/record-encoding.ts`), as a web `ReadableStream` whose
 * `pull` reads the next records only when the client has taken the previous chunk. That pull is the back-pressure:
 * a slow download holds one chunk in memory, not the result set, so exports have no row cap and flat memory.
 */
import type { EventRecord } from '../core/record.ts';
import { encodeRecords } from '../core/record-encoding.ts';

/** Formats encoded here from records (Parquet comes from the store). */
export const textExportFormats = ['csv', 'geojson', 'ndjson'] as const;
export type TextExportFormat = (typeof textExportFormats)[number];

/** Content type and file extension of each export format. */
export const exportTypes = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  ndjson: { type: 'application/x-ndjson', ext: 'ndjson' },
  parquet: { type: 'application/vnd.apache.parquet', ext: 'parquet' },
} as const;

/**
 * Streams `records` encoded as `format`. `onError` hears a failure after the response has started (the status
 * is already sent, so the stream is aborted and the failure logged). Cancelling the download stops the query.
 */
export function recordStream(records: AsyncIterable<EventRecord>, format: TextExportFormat, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  return bytesStream(encodeRecords(records, format), onError);
}

/** A pull-driven byte stream over an async iterable of text or bytes. */
export function bytesStream(chunks: AsyncIterable<string | Uint8Array>, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  const utf8 = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await it.next();
          if (next.done) controller.close();
          else controller.enqueue(typeof next.value === 'string' ? utf8.encode(next.value) : next.value);
        } catch (e) {
          onError(e);
          controller.error(e);
        }
      },
      async cancel() {
        // The client went away: end the generator so the store closes its connection.
        await it.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
