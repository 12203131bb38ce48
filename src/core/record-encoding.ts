/**
 * Records as text in the export formats, written the same by the API's downloads and the CLI's output: an opening,
 * one piece per record, a closing — batched into chunks so a large export costs a write per chunk, not per record.
 */
import type { EventRecord } from './record.ts';
import { neutralizeCell, recordToFeature, recordToRow, tableColumns } from './record-table.ts';

export const recordEncodings = ['ndjson', 'json', 'csv', 'geojson'] as const;
export type RecordEncoding = (typeof recordEncodings)[number];

/** One CSV line (RFC 4180 quoting); every cell neutralised so spreadsheets do not run it as a formula. */
export function csvLine(cells: readonly string[]): string {
  return cells.map((raw) => {
    const cell = neutralizeCell(raw);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }).join(',') + '\r\n';
}

const encoders: Record<RecordEncoding, { open: string; record: (r: EventRecord, i: number) => string; close: string }> = {
  csv: { open: csvLine([...tableColumns]), record: (r) => csvLine(recordToRow(r)), close: '' },
  geojson: { open: '{"type":"FeatureCollection","features":[', record: (r, i) => `${i ? ',' : ''}\n${JSON.stringify(recordToFeature(r))}`, close: '\n]}\n' },
  ndjson: { open: '', record: (r) => JSON.stringify(r) + '\n', close: '' },
  json: { open: '[', record: (r, i) => `${i ? ',' : ''}\n${JSON.stringify(r)}`, close: '\n]\n' },
};

/** `records` encoded as `format`, in chunks of about `chunkChars` characters. */
export async function* encodeRecords(records: AsyncIterable<EventRecord> | Iterable<EventRecord>, format: RecordEncoding, chunkChars = 64 * 1024): AsyncGenerator<string> {
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
