/**
 * Export encoders: records in, bytes out, as a web `ReadableStream` whose `pull` reads the next records only
 * when the client has taken the previous chunk. That pull is the back-pressure: a slow download holds one
 * chunk in memory, not the result set, so exports have no row cap and flat memory.
 */
import type { EventRecord } from '../core/record.ts';
import { neutralizeCell, recordToFeature, recordToRow, tableColumns } from '../core/record-table.ts';

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

/** One CSV line (RFC 4180 quoting); every cell neutralised so spreadsheets do not run it as a formula. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((raw) => {
    const cell = neutralizeCell(raw);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }).join(',') + '\r\n';
}

const encoders: Record<TextExportFormat, { open: string; record: (r: EventRecord, i: number) => string; close: string }> = {
  csv: { open: csvLine([...tableColumns]), record: (r) => csvLine(recordToRow(r)), close: '' },
  geojson: { open: '{"type":"FeatureCollection","features":[', record: (r, i) => `${i ? ',' : ''}\n${JSON.stringify(recordToFeature(r))}`, close: '\n]}\n' },
  ndjson: { open: '', record: (r) => JSON.stringify(r) + '\n', close: '' },
};

// Batch records into chunks of about this many characters: a chunk per record would cost a write each.
const chunkChars = 64 * 1024;

/**
 * Streams `records` encoded as `format`. `onError` hears a failure after the response has started (the status
 * is already sent, so the stream is aborted and the failure logged). Cancelling the download stops the query.
 */
export function recordStream(records: AsyncIterable<EventRecord>, format: TextExportFormat, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
  return bytesStream(encodeRecords(records, format), onError);
}

async function* encodeRecords(records: AsyncIterable<EventRecord>, format: TextExportFormat): AsyncIterable<string> {
  const enc = encoders[format];
  let buffer = enc.open;
  let i = 0;
  for await (const r of records) {
    buffer += enc.record(r, i++);
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + enc.close;
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
