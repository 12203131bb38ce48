/**
 * Row readers shared by importers: lines of text and RFC-4180 CSV (quoted fields with newlines, CRLF, ragged rows
 * kept for the importer to judge), each with the line number a person would look up in an editor.
 */
import { CellError } from '../core/errors.ts';
import type { TextInput } from './source-format.ts';
import { SourceError } from './source-format.ts';

/** Lines of the input (without line breaks), numbered from 1. */
export async function* textLines(input: TextInput): AsyncIterable<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of input.chunks()) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const text of parts) yield { line: ++line, text: detached(text.endsWith('\r') ? text.slice(0, -1) : text) };
  }
  if (rest) yield { line: ++line, text: detached(rest.endsWith('\r') ? rest.slice(0, -1) : rest) };
}

/**
 * A copy of `s` that does not keep alive the text it was cut from. V8 makes a slice of 13 or more characters a view
 * into its parent, so a cell kept for the length of an import (an unresolved actor name, say) would keep its whole
 * chunk of the file in memory: 4,000 cells kept from a 400k-row file held 170 MB, their copies 0.4 MB.
 */
export const detached = (s: string) => (s.length < 13 ? s : (s + ' ').slice(0, -1));

export interface CsvOptions {
  /** One character. Default `,`. */
  delimiter?: string;
  /** Longest row accepted, in characters; a longer one is a broken quote or a corrupt file, not data. Default 1 MB. */
  maxRowChars?: number;
  /**
   * Rows may have fewer cells than the first (hand-made tables leave trailing cells out). Otherwise a last row that
   * is short and has no line break after it means the file was cut off, and reading it stops with that error.
   */
  shortRows?: boolean;
}

const quote = 0x22;
const lf = 0x0a;
const cr = 0x0d;

/**
 * CSV rows as arrays of cells, each with the line it starts on. RFC 4180: a field in double quotes may hold the
 * delimiter, line breaks and `""` for a quote; a quote anywhere else is an error (it means the file's quoting is
 * broken, and reading on would shift every later cell). Rows may differ in length; blank lines are skipped.
 * Hand-written because it is the hot loop of every import: a 400k-row ACLED file reads in 4.8 s instead of the 15 s
 * of the general-purpose parser it replaced (which the tests still use as an independent reference).
 */
export async function* csvRows(input: TextInput, options: CsvOptions = {}): AsyncIterable<{ line: number; cells: string[] }> {
  const maxRow = options.maxRowChars ?? 1024 * 1024;
  const tooLong = (line: number) =>
    new SourceError(
      `a row is longer than ${maxRow / 1024 / 1024} MB, the most one row may hold: a quote that is never closed has taken in the rest of the file (check quoting near this line), or a field really holds that much text (shorten it)`,
      input.fileName,
      line,
    );
  if (input.rows) {
    // A workbook's rows come as cells already; a row without cells is a blank line, skipped as in CSV.
    for await (const row of input.rows()) {
      let length = 0;
      for (const cell of row.cells) length += cell.length;
      if (length > maxRow) throw tooLong(row.line);
      if (row.cells.length > 1 || row.cells[0]) yield row;
    }
    return;
  }
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const fail = (reason: string, line: number): never => {
    throw new SourceError(`unreadable CSV (${reason}); check quoting near this line`, input.fileName, line);
  };
  let text = '';
  let line = 1;
  let ended = false;
  const chunks = input.chunks()[Symbol.asyncIterator]();

  // Parses one row starting at `at`: the cells, where the next row starts and whether a line break ended it, or
  // undefined when `text` ends inside the row and more text may follow (the row is parsed again from its start
  // once it has come).
  const row = (at: number): { cells: string[]; next: number; lines: number; broken: boolean } | undefined => {
    const cells: string[] = [];
    let lines = 0;
    let p = at;
    for (;;) {
      let cell: string;
      if (text.charCodeAt(p) === quote) {
        cell = '';
        let from = p + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1 || (q + 1 === text.length && !ended)) {
            if (!ended) return undefined;
            return fail(`a quoted field opened on line ${line + lines} is never closed`, line + lines);
          }
          cell += text.slice(from, q);
          if (text.charCodeAt(q + 1) === quote) {
            cell += '"';
            from = q + 2;
          } else {
            p = q + 1;
            break;
          }
        }
        for (let n = cell.indexOf('\n'); n !== -1; n = cell.indexOf('\n', n + 1)) lines++;
        const after = text.charCodeAt(p);
        if (after !== delimiter && after !== lf && after !== cr && p < text.length) {
          fail(`unexpected ${JSON.stringify(text[p])} after the closing quote of field ${cells.length + 1}`, line + lines);
        }
      } else {
        const from = p;
        for (let c = text.charCodeAt(p); p < text.length && c !== delimiter && c !== lf; c = text.charCodeAt(++p)) {
          if (c === quote) fail(`a quote inside unquoted field ${cells.length + 1}; quote the whole field and double the quotes in it`, line + lines);
        }
        if (p === text.length && !ended) return undefined;
        cell = text.slice(from, text.charCodeAt(p - 1) === cr && text.charCodeAt(p) === lf ? p - 1 : p);
      }
      cells.push(detached(cell));
      const c = text.charCodeAt(p);
      if (c === delimiter) {
        p++;
        continue;
      }
      if (c === cr && text.charCodeAt(p + 1) === lf) p++;
      else if (c === cr && p + 1 === text.length && !ended) return undefined;
      const broken = p < text.length;
      if (broken) {
        p++;
        lines++;
      }
      return { cells, next: p, lines, broken };
    }
  };

  let at = 0;
  let width: number | undefined;
  while (!ended || at < text.length) {
    const parsed = at < text.length ? row(at) : undefined;
    // Checked here, not per cell: an unfinished row is parsed again from its start as text comes in.
    if ((parsed ? parsed.next : text.length) - at > maxRow) throw tooLong(line);
    if (!parsed) {
      const next = await chunks.next();
      ended = Boolean(next.done);
      text = text.slice(at) + (next.done ? '' : next.value);
      at = 0;
      continue;
    }
    at = parsed.next;
    const { cells } = parsed;
    width ??= cells.length;
    if (!parsed.broken && cells.length < width && !options.shortRows) {
      throw new SourceError(
        `the file ends in the middle of a row (${cells.length} of ${width} cells, and no line break after it): it was cut off; download or export it again`,
        input.fileName,
        line,
      );
    }
    if (!(cells.length === 1 && cells[0] === '')) yield { line, cells };
    line += parsed.lines;
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

/**
 * A data row's cells by (lower-cased) header name, trimmed ('' for a column the file lacks), and its bad cells as
 * `CellError`s naming the column and value. A class rather than closures made for each row: tsx keeps functions'
 * names, which costs a property definition per closure per row (docs/benchmarks.md).
 */
export class RowCells {
  constructor(
    private readonly cells: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  get(column: string): string {
    const i = this.columns.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  fail(column: string, reason: string): never {
    throw new CellError(column, this.get(column), reason);
  }
}
