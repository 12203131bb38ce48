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

// Characters a terminal draws two columns wide (CJK, Hangul, full-width forms, emoji).
const wideCharacter = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
const mark = /\p{M}/u;

/** The columns a terminal gives `text`: accents none, wide characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += mark.test(ch) ? 0 : wideCharacter.test(ch) ? 2 : 1;
  return width;
}

/** `text` cut to at most `width` terminal columns, with `…` where it was cut. */
function cut(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * A plain-text table with aligned columns: cells cut to `maxWidth` columns, numbers right-aligned with thousands
 * separators, and on a terminal the widest columns narrowed until a line fits its width.
 */
export function formatTable(rows: readonly object[], columns?: string[], maxWidth = 60, lineWidth = process.stdout.isTTY ? process.stdout.columns : undefined): string {
  if (!rows.length) return '(no rows)\n';
  const cols = columns ?? Object.keys(rows[0]!);
  const values = rows.map((r) => cols.map((c) => (r as Record<string, unknown>)[c]));
  const numeric = cols.map((_, i) => values.every((row) => row[i] == null || typeof row[i] === 'number'));
  const text = (v: unknown) =>
    v == null ? '' : typeof v === 'number' ? (Math.round(v * 100) / 100).toLocaleString('en') : String(v).normalize('NFC').replace(/\s+/g, ' ');
  const full = values.map((row) => row.map(text));
  const widths = cols.map((c, i) => Math.min(maxWidth, Math.max(c.length, ...full.map((row) => displayWidth(row[i]!)))));
  // Two spaces between columns; a column is narrowed to no less than 8 (or its header).
  while (lineWidth && widths.reduce((sum, w) => sum + w + 2, -2) > lineWidth) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= Math.max(8, cols[widest]!.length)) break;
    widths[widest]!--;
  }
  const pad = (v: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, widths[i]! - displayWidth(v)));
    return numeric[i] ? fill + v : v + fill;
  };
  const line = (cells: string[]) => cells.map((v, i) => pad(cut(v, widths[i]!), i)).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...full.map(line)].join('\n') + '\n';
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
