/**
 * Excel workbooks as CSV text, so that every CSV importer reads `.xlsx` too (GTD ships as xlsx). The first
 * worksheet is streamed row by row with exceljs's streaming reader — a 200 MB workbook is never held in memory —
 * and each row is written as one RFC-4180 CSV line.
 */
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TextInput } from './source-format.ts';
import { SourceError } from './source-format.ts';

const headBytes = 64 * 1024;
/** Rows sent per chunk: large enough that the CSV parser is not called per row. */
const rowsPerChunk = 500;

/** Opens the first worksheet of the workbook at `path` as a CSV `TextInput`. */
export async function openXlsxInput(path: string): Promise<TextInput> {
  const fileName = basename(path);
  // The head is the first rows as CSV; reading them also proves the file is a workbook before the import starts.
  let head = '';
  for await (const text of csvChunks(path, fileName)) {
    head += text;
    if (head.length >= headBytes) break;
  }
  return { fileName, encoding: 'xlsx', head: head.slice(0, headBytes), chunks: () => csvChunks(path, fileName) };
}

async function* csvChunks(path: string, fileName: string): AsyncGenerator<string> {
  const stream: Readable = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell which numbers are dates; without them a date cell would come out as a day count.
    styles: 'cache',
    entries: 'ignore',
  });
  let rowNumber = 0;
  try {
    for await (const sheet of reader) {
      let batch: string[] = [];
      for await (const row of sheet) {
        // The streaming reader skips empty rows; the CSV reader would skip their blank lines anyway.
        rowNumber = row.number;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(csvCell(cellText(values[i])));
        batch.push(cells.join(',') + '\n');
        if (batch.length >= rowsPerChunk) {
          yield batch.join('');
          batch = [];
        }
      }
      if (batch.length) yield batch.join('');
      // Only the first sheet: GTD and most exports hold one; a second sheet is usually notes or a codebook.
      break;
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(
      `cannot read the workbook near row ${rowNumber + 1} (${(e as Error).message}); check that it is a complete .xlsx file, or save it as CSV`,
      fileName,
    );
  } finally {
    stream.destroy();
  }
}

/** The text a person sees in a cell, without the binary noise of floats (`34.516667000000005` → `34.516667`). */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text != null) return cellText(v.text);
    if (v.error != null) return '';
  }
  return String(value);
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // Integers stay exact (GTD's 12-digit event ids); other numbers lose the 16th–17th digit float noise.
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel dates have no time zone; exceljs hands them over as UTC. A date without a time is written as a date. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
