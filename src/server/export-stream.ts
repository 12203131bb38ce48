/**
 * Export streams: bytes out (records encoded by `core/record-encoding.ts`, or a store's Parquet file), as a web
 * `ReadableStream` whose `pull` reads the next chunk only when the client has taken the previous one. That pull is
 * the back-pressure: a slow download holds one chunk in memory, not the result set, so exports have no row cap and
 * flat memory. `onError` hears a failure after the response has started (the status is already sent, so the
 * stream is aborted and the failure logged); cancelling the download stops the query.
 */

/** Content type and file extension of each export format. */
export const exportTypes = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  geojson: { type: 'application/geo+json', ext: 'geojson' },
  ndjson: { type: 'application/x-ndjson', ext: 'ndjson' },
  parquet: { type: 'application/vnd.apache.parquet', ext: 'parquet' },
} as const;

/** A pull-driven byte stream over an async iterable of text or bytes. */
function bytesStream(chunks: AsyncIterable<string | Uint8Array>, onError: (e: unknown) => void): ReadableStream<Uint8Array> {
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

/**
 * `bytesStream` once the first chunk is ready: a failure before any byte (out of memory, a refused query) is thrown
 * here, so the response is an error with its status instead of a 200 whose body breaks off.
 */
export async function startedStream(chunks: AsyncIterable<string | Uint8Array>, onError: (e: unknown) => void): Promise<ReadableStream<Uint8Array>> {
  const it = chunks[Symbol.asyncIterator]();
  const first = await it.next();
  async function* all() {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return bytesStream(all(), onError);
}
