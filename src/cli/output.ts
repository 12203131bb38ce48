/**
 * Writing results: a readable table for people, CSV/JSON/NDJSON/GeoJSON for programs. Streams honour
 * back-pressure so an export of millions of records runs in flat memory.
 */
import type { Writable } from 'node:stream';
import type { EventRecord } from '../core/record.ts';
import { encodeRecords, recordEncodings, type RecordEncoding } from '../core/record-encoding.ts';

export const recordFormats = recordEncodings;
export type RecordFormat = RecordEncoding;

/** Writes `text`, waiting when the stream's buffer is full. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

/** Streams records in one of the export formats. Returns how many were written. */
export async function writeRecords(out: Writable, records: AsyncIterable<EventRecord> | Iterable<EventRecord>, format: RecordFormat): Promise<number> {
  let n = 0;
  const counted = async function* () {
    for await (const r of records) {
      n++;
      yield r;
    }
  };
  for await (const chunk of encodeRecords(counted(), format)) await write(out, chunk);
  return n;
}

/** A plain-text table with aligned columns, cells cut to `maxWidth`. */
export function formatTable(rows: readonly object[], columns?: string[], maxWidth = 60): string {
  if (!rows.length) return '(no rows)\n';
  const cols = columns ?? Object.keys(rows[0]!);
  const cell = (v: unknown) => {
    const s = v == null ? '' : typeof v === 'number' ? String(Math.round(v * 100) / 100) : String(v).replace(/\s+/g, ' ');
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s;
  };
  const cells = rows.map((r) => cols.map((c) => cell((r as Record<string, unknown>)[c])));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** The short row a person scans in `sitrep query`. */
export function recordSummary(r: EventRecord): Record<string, unknown> {
  const k = r.killed;
  const killed = k.low != null && k.high != null && k.low !== k.high ? `${k.best ?? '?'} (${k.low}–${k.high})` : k.best;
  return {
    id: r.id,
    date: r.dateEnd && r.dateEnd !== r.date ? `${r.date}…${r.dateEnd}` : r.date,
    kind: r.kind,
    place: [r.place.locality, r.place.admin1, r.place.country].filter(Boolean).join(', '),
    actors: r.actors.map((a) => a.actorId ?? a.name).join('; '),
    killed,
    description: r.description,
  };
}
