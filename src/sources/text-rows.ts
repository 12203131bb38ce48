/**
 * Row readers shared by importers: lines of text and RFC-4180 CSV (quoted fields with newlines, CRLF, ragged rows
 * kept for the importer to judge), each with the line number a person would look up in an editor.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { TextInput } from './source-format.ts';
import { SourceError } from './source-format.ts';

/** Lines of the input (without line breaks), numbered from 1. */
export async function* textLines(input: TextInput): AsyncIterable<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of input.chunks()) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const text of parts) yield { line: ++line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
  if (rest) yield { line: ++line, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest };
}

export interface CsvOptions {
  delimiter?: string;
  /** Longest field accepted; a longer one is a broken quote or a corrupt file, not data. Default 1 MB. */
  maxFieldBytes?: number;
}

/** CSV rows as arrays of cells, each with the line it starts on. */
export async function* csvRows(input: TextInput, options: CsvOptions = {}): AsyncIterable<{ line: number; cells: string[] }> {
  const parser = Readable.from(input.chunks()).pipe(
    parse({
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      relax_quotes: false,
      // Blank lines are skipped here rather than by the parser, so line numbers stay exact.
      skip_empty_lines: false,
      bom: true,
      info: true,
      max_record_size: options.maxFieldBytes ?? 1024 * 1024,
    }),
  );
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // csv-parse counts the line a record ends on; the record started just after the previous one ended.
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.length === 1 && record[0] === '') continue;
      yield { line, cells: record };
    }
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const hint = err.code === 'CSV_MAX_RECORD_SIZE' ? 'a field is larger than 1 MB: the file probably has an unclosed quote' : err.message;
    throw new SourceError(`unreadable CSV (${hint}); check quoting near this line`, input.fileName, err.lines ?? previousEnd + 1);
  }
}

/**
 * Whether the first line of `head` names every one of `columns` (lower case), for telling a format by its header.
 * A plain split on commas with quotes stripped is enough: the headers told apart this way hold no commas.
 */
export function headerHas(head: string, columns: readonly string[]): boolean {
  const newline = head.indexOf('\n');
  const first = (newline === -1 ? head : head.slice(0, newline)).replace(/\r$/, '');
  const header = first.split(',').map((c) => c.replace(/^\s*"|"\s*$/g, '').trim().toLowerCase());
  return columns.every((c) => header.includes(c));
}
