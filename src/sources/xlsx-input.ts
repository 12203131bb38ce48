/**
 * Excel workbooks as tables, so that every CSV importer reads `.xlsx` too (GTD ships as xlsx). A workbook is a
 * zip of XML parts: the first worksheet's XML is inflated and scanned row by row as it streams — a 200 MB workbook
 * is never held in memory, only its table of shared strings, which every cell may point into. `csvRows` takes the
 * rows as they are, each with its row number, so a rejection's line is the row a person sees in Excel; the same
 * rows are also the input's text, as RFC-4180 CSV.
 *
 * The parts are scanned as text (`indexOf`, a few regular expressions) rather than with a general XML parser:
 * SpreadsheetML is machine-written and regular, and exceljs's streaming reader, which builds objects per cell, took
 * 39 s for 200,000 rows of GTD's 135 columns, this one 12 s.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, posix } from 'node:path';
import type { Readable } from 'node:stream';
import type { TextInput } from './source-format.ts';
import { SourceError, tooMuchText } from './source-format.ts';
import { detached } from './text-rows.ts';
import { openZipArchive, type ZipArchive } from './zip-archive.ts';

const headBytes = 64 * 1024;
/** Rows sent per chunk: large enough that the CSV parser is not called per row. */
const rowsPerChunk = 500;

/**
 * The most bytes of shared strings read into memory: a workbook's table of strings is held whole (any cell may point
 * into it), and a small upload could otherwise unpack into gigabytes of it before a row is read.
 */
const maxSharedStrings = 2 ** 30;
/** The longest element (a row, a shared string) or small part (workbook, styles) read: real ones are far shorter. */
const maxElement = 64 * 2 ** 20;

/** Which sheet to read (its name, or its number from 1; default the first), and the most text its strings may hold. */
export interface SheetOptions {
  sheet?: string;
  maxTextLength?: number;
  /** The workbook's name in messages, when not its file's (one unpacked from a zip: `archive.zip:events.xlsx`). */
  fileName?: string;
}

/**
 * Opens a worksheet of the workbook at `file` (a path, or the descriptor of an open file, with `options.fileName`)
 * as a `TextInput`: its rows, and their CSV text.
 */
export async function openXlsxInput(file: string | number, options: SheetOptions = {}): Promise<TextInput> {
  const fileName = options.fileName ?? (typeof file === 'number' ? 'workbook.xlsx' : basename(file));
  // How much of the sheet's XML the rows read so far took, of how much in all (the zip tells its unpacked size).
  const progress = { read: 0, size: 0 };
  // The head is the first rows as CSV; reading them also proves the file is a workbook before the import starts.
  const rows = () => sheetRows(file, fileName, progress, options);
  let head = '';
  for await (const text of csvChunks(rows())) {
    head += text;
    if (head.length >= headBytes) break;
  }
  return {
    fileName,
    encoding: 'xlsx',
    head: head.slice(0, headBytes),
    chunks: () => csvChunks(rows()),
    rows,
    fraction: () => (progress.size ? progress.read / progress.size : undefined),
  };
}

/** The workbook's parts, each opened as an inflated stream on demand; `close` releases the file. */
interface ZipParts {
  /** The part of that name as the zip spells it (part names compare without case), if it is there. */
  find(name: string): string | undefined;
  /** A part's unpacked size in bytes. */
  size(name: string): number;
  open(name: string): Promise<Readable>;
  close(): void;
}

/** The first bytes of an OLE2 compound file: an old `.xls` workbook, or an `.xlsx` encrypted with a password. */
const compoundFile = Buffer.from('d0cf11e0a1b11ae1', 'hex');
export const isCompoundFile = (start: Buffer) => start.subarray(0, compoundFile.length).equals(compoundFile);
export const compoundFileProblem = 'an encrypted (password-protected) or old-format (.xls) workbook; open it in Excel, remove the password, and save it as .xlsx or CSV';

async function openZip(file: string | number, fileName: string): Promise<ZipParts> {
  let zip: ZipArchive;
  try {
    zip = await openZipArchive(file);
  } catch (e) {
    const start = Buffer.alloc(compoundFile.length);
    const fd = typeof file === 'number' ? file : openSync(file, 'r');
    try {
      readSync(fd, start, 0, start.length, 0);
    } finally {
      if (fd !== file) closeSync(fd);
    }
    throw isCompoundFile(start)
      ? new SourceError(compoundFileProblem, fileName)
      : new SourceError(`not a readable .xlsx workbook (${(e as Error).message}); check that the file is complete, or save it as CSV`, fileName);
  }
  // Part names compare without case.
  const parts = new Map([...zip.entries.values()].map((entry) => [entry.fileName.toLowerCase(), entry]));
  return {
    find: (name) => parts.get(name.toLowerCase())?.fileName,
    size: (name) => parts.get(name.toLowerCase())!.uncompressedSize,
    open: (name) => zip.open(parts.get(name.toLowerCase())!),
    close: () => zip.close(),
  };
}

/** A small part (the workbook, its relationships, its styles) read whole: a large one is a damaged or hostile file. */
async function readPart(zip: ZipParts, name: string): Promise<string> {
  if (zip.size(name) > maxElement) throw new Error(`its part ${name} unpacks to more than ${maxElement / 2 ** 20} MiB`);
  const parts: Buffer[] = [];
  for await (const chunk of await zip.open(name)) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * The complete elements named `tag` in a streamed part, as the text of each (`<tag …>…</tag>` or `<tag …/>`), in
 * order. Elements may carry a namespace prefix (`<x:row>`, as some libraries write them). An element that goes on
 * past a chunk is put aside in parts and joined once its end comes: each chunk is searched once, never the text
 * before it again (a long element made that quadratic).
 */
async function* elements(stream: Readable, tag: string, progress?: { read: number }): AsyncGenerator<string> {
  const opening = new RegExp(`<(\\w+:)?${tag}[\\s/>]`, 'g');
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  // The element being read: where it starts in `pending` (-1: none), where its content starts (-1: its start tag is
  // not complete yet), whether it is empty (`<tag …/>`), its closing tag, and its text from earlier chunks.
  let start = -1;
  let body = -1;
  let empty = false;
  let closing = '';
  const earlier: string[] = [];
  let earlierLength = 0;
  for await (const chunk of stream) {
    if (progress) progress.read += (chunk as Buffer).length;
    pending += decoder.decode(chunk as Buffer, { stream: true });
    let done = 0;
    for (;;) {
      if (start < 0) {
        opening.lastIndex = done;
        const m = opening.exec(pending);
        if (!m) break;
        [start, body, closing] = [m.index, -1, `</${m[1] ?? ''}${tag}>`];
      }
      if (body < 0) {
        const tagEnd = pending.indexOf('>', start);
        if (tagEnd < 0) break;
        [body, empty] = [tagEnd + 1, pending.charCodeAt(tagEnd - 1) === 47];
      }
      const end = empty ? body : pending.indexOf(closing, body);
      if (end < 0) break;
      const last = empty ? body : end + closing.length;
      yield earlier.length ? earlier.join('') + pending.slice(start, last) : pending.slice(start, last);
      earlier.length = earlierLength = 0;
      [done, start] = [last, -1];
    }
    if (start < 0) {
      // Between elements: keep enough to hold the start of a tag the chunk cut.
      pending = pending.slice(Math.max(done, pending.length - tag.length - 64));
    } else if (body >= 0) {
      // The element goes on: put its text aside but for the end, where its closing tag may have begun.
      const keep = Math.max(body, pending.length - closing.length + 1);
      earlier.push(pending.slice(start, keep));
      earlierLength += keep - start;
      pending = pending.slice(keep);
      [start, body] = [0, 0];
    } else {
      pending = pending.slice(start);
      start = 0;
    }
    // No cell holds more than 32,767 characters: an element this long is a damaged (or hostile) file, not data.
    if (earlierLength + pending.length > maxElement) throw new Error(`a <${tag}> element longer than ${maxElement / 2 ** 20} MiB`);
  }
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * XML text as written: entities resolved, and Excel's own escapes of characters XML cannot hold (`_x000D_` for a
 * carriage return; `_x005F_` escapes an underscore that would otherwise start one).
 */
function xmlText(text: string): string {
  // XML reads every line end as a line feed (a carriage return Excel keeps is written `_x000D_`).
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.includes('&') && !text.includes('_x')) return text;
  // Entities first (XML's), then Excel's escapes in the text they give.
  return text
    .replace(/&(#x[0-9A-Fa-f]+|#\d+|\w+);/g, (whole, name: string) =>
      name[0] === '#' ? String.fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (entities[name] ?? whole),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of every `<t>` in an element (a shared or inline string: plain, or rich text in runs), phonetic hints left out. */
function runText(element: string): string {
  const plain = element.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of plain.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return xmlText(text);
}

/** The workbook's first sheet (its part), its shared strings, whether its dates count from 1904, and which cell styles show dates. */
interface Workbook {
  sheet: string;
  date1904: boolean;
  sharedStrings: string[];
  dateStyles: ReadonlySet<number>;
}

/** A relationship of a part (`_rels/<part>.rels`): its id, its type's last word (`worksheet`, `styles`…) and the part it names. */
interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of `part` ('' for the package's own), with targets as part names. */
async function relationships(zip: ZipParts, part: string): Promise<Relationship[]> {
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const rels = zip.find(`${folder}_rels/${part.slice(folder.length)}.rels`);
  if (!rels) return [];
  return [...(await readPart(zip, rels)).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map(([r]) => {
    const target = xmlText(attribute(r, 'Target') ?? '');
    return { id: attribute(r, 'Id') ?? '', type: (attribute(r, 'Type') ?? '').split('/').pop()!, target: posix.normalize(target.startsWith('/') ? target.slice(1) : folder + target) };
  });
}

/**
 * Finds the workbook's parts through their relationships, as Excel does, rather than by their usual names: tools
 * name them differently (`xl/SharedStrings.xml`, a workbook outside `xl/`).
 */
async function readWorkbook(zip: ZipParts, fileName: string, { sheet: wanted, maxTextLength = Infinity }: SheetOptions): Promise<Workbook> {
  const main = (await relationships(zip, '')).find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const part = zip.find(main);
  if (!part) throw new SourceError('not an Excel workbook (it holds no workbook part); save it as .xlsx or CSV', fileName);
  const workbook = await readPart(zip, part);
  const rels = await relationships(zip, part);
  // The worksheets in the workbook's order (their tabs), each through its relationship id (charts are sheets too).
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].flatMap(([tag]) => {
    const id = /\s\w+:id="([^"]*)"/.exec(tag)?.[1];
    const rel = rels.find((r) => r.id === id && r.type === 'worksheet');
    return rel ? [{ name: xmlText(attribute(tag, 'name') ?? ''), target: rel.target }] : [];
  });
  const chosen = wanted === undefined ? (sheets[0]?.target ?? rels.find((r) => r.type === 'worksheet')?.target) : chosenSheet(sheets, wanted, fileName);
  const sheet = zip.find(chosen ?? '');
  if (!sheet) throw new SourceError('the workbook has no worksheet; save it again from Excel, or as CSV', fileName);
  const strings = zip.find(rels.find((r) => r.type === 'sharedStrings')?.target ?? '');
  const styles = zip.find(rels.find((r) => r.type === 'styles')?.target ?? '');

  // The zip's sizes can be trusted: its reader fails a part that unpacks to more than its entry says.
  const stringBytes = strings ? zip.size(strings) : 0;
  if (stringBytes > maxTextLength) throw tooMuchText(fileName, maxTextLength);
  if (stringBytes > maxSharedStrings) {
    throw new SourceError(`its table of shared strings unpacks to ${Math.round(stringBytes / 2 ** 20).toLocaleString('en')} MiB, more than Sitrep holds in memory (1,024 MiB); save the sheet as CSV and import that`, fileName);
  }
  const sharedStrings: string[] = [];
  if (strings) for await (const si of elements(await zip.open(strings), 'si')) sharedStrings.push(runText(si));
  return {
    sheet,
    date1904: /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbook),
    sharedStrings,
    dateStyles: styles ? dateStyles(await readPart(zip, styles)) : new Set(),
  };
}

/** The part of the worksheet named `wanted` (case aside), or numbered so from 1 when none has that name. */
function chosenSheet(sheets: { name: string; target: string }[], wanted: string, fileName: string): string {
  const name = wanted.trim().toLowerCase();
  const named = sheets.find((s) => s.name.trim().toLowerCase() === name);
  if (named) return named.target;
  if (/^\d+$/.test(name) && sheets[Number(name) - 1]) return sheets[Number(name) - 1]!.target;
  throw new SourceError(`the workbook has no sheet "${wanted}"; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')} (name one, or give its number from 1)`, fileName);
}

/** Excel's built-in number formats that show a date or a time (ECMA-376 §18.8.30, with the East Asian ones). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date or time: a d, m, y, h or s outside quoted text, brackets and escapes. */
const isDateFormat = (code: string) => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** The indexes of the cell styles (`cellXfs`) whose number format shows a date: a number in such a cell is a date. */
function dateStyles(styles: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) custom.set(Number(attribute(m[0], 'numFmtId')), xmlText(attribute(m[0], 'formatCode') ?? ''));
  const xfs = /<(?:\w+:)?cellXfs\b[\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(styles)?.[0] ?? '';
  const dates = new Set<number>();
  [...xfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)].forEach((m, i) => {
    const id = Number(attribute(m[0], 'numFmtId') ?? 0);
    if (builtInDateFormats.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!))) dates.add(i);
  });
  return dates;
}

/** A cell reference's column, from 0 (`A1` → 0, `AB7` → 27). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The value of attribute `name` in an element's start tag (double-quoted, as spreadsheet libraries write them). */
function attribute(element: string, name: string): string | undefined {
  const key = `${name}="`;
  const end = element.indexOf('>');
  const limit = end < 0 ? element.length : end;
  for (let at = element.indexOf(key); at >= 0 && at < limit; at = element.indexOf(key, at + 1)) {
    // Preceded by white space: `r="` is not the end of `spanr="`.
    if (element.charCodeAt(at - 1) <= 32) return element.slice(at + key.length, element.indexOf('"', at + key.length));
  }
  return undefined;
}

/**
 * The texts of a row's cells, by column (a cell Excel leaves out is ''). Scanned with `indexOf`, not a regular
 * expression per cell: a row of GTD holds 135 cells, and the scan is most of reading a workbook.
 */
function rowCells(row: string, book: Workbook): string[] {
  const prefix = /^<(\w+:)?/.exec(row)![1] ?? '';
  const [open, close, valueOpen, valueClose] = [`<${prefix}c`, `</${prefix}c>`, `<${prefix}v>`, `</${prefix}v>`];
  const cells: string[] = [];
  for (let at = row.indexOf(open); at >= 0; at = row.indexOf(open, at + 1)) {
    const next = row.charCodeAt(at + open.length);
    // `<c ` or `<c>` or `<c/>`, not another element whose name starts with c.
    if (next > 32 && next !== 62 && next !== 47) continue;
    const tagEnd = row.indexOf('>', at);
    const empty = row.charCodeAt(tagEnd - 1) === 47;
    const tag = row.slice(at, tagEnd);
    let body = '';
    if (!empty) {
      const end = row.indexOf(close, tagEnd);
      body = row.slice(tagEnd + 1, end);
      at = end;
    }
    const ref = attribute(tag, 'r');
    const column = ref ? columnIndex(ref) : cells.length;
    while (cells.length < column) cells.push('');
    const type = attribute(tag, 't') ?? 'n';
    let value: string | undefined;
    if (type !== 'inlineStr') {
      const v = body.indexOf(valueOpen);
      value = v < 0 ? undefined : body.slice(v + valueOpen.length, body.indexOf(valueClose, v));
    }
    cells[column] = cellValue(type, Number(attribute(tag, 's') ?? 0), value, body, book);
  }
  return cells;
}

/** A cell's text from its type, style and value (`<v>`), or its inline string (`body`). */
function cellValue(type: string, style: number, v: string | undefined, body: string, book: Workbook): string {
  // Copies, not views into the row's text (which a kept cell would keep alive); shared strings are held anyway.
  if (type === 'inlineStr') return detached(runText(body));
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return book.sharedStrings[Number(v)] ?? '';
    case 'str':
      return detached(xmlText(v));
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      // #N/A, #DIV/0! and the like: no value.
      return '';
    case 'd':
      return dateText(new Date(xmlText(v)));
    default: {
      const n = Number(v);
      return book.dateStyles.has(style) ? dateText(excelDate(n, book.date1904)) : numberText(n);
    }
  }
}

/** An Excel date serial as the moment it names, without a time zone (read as UTC): day 25569 is 1 Jan 1970. */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The sheet's rows, each with its row number (`line`) and its cells by column. */
async function* sheetRows(file: string | number, fileName: string, progress: { read: number; size: number }, options: SheetOptions): AsyncGenerator<{ line: number; cells: string[] }> {
  const zip = await openZip(file, fileName);
  let rowNumber = 0;
  try {
    const book = await readWorkbook(zip, fileName, options);
    Object.assign(progress, { read: 0, size: zip.size(book.sheet) });
    for await (const row of elements(await zip.open(book.sheet), 'row', progress)) {
      rowNumber = Number(attribute(row, 'r') ?? rowNumber + 1);
      yield { line: rowNumber, cells: rowCells(row, book) };
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(
      `cannot read the workbook near row ${rowNumber + 1} (${(e as Error).message}); check that it is a complete .xlsx file, or save it as CSV`,
      fileName,
    );
  } finally {
    zip.close();
  }
}

/**
 * The rows as CSV text, each on the line of its row number: rows Excel leaves out (empty ones) become blank lines —
 * as far as cells above holding line breaks, which take lines of their own, leave room.
 */
async function* csvChunks(rows: AsyncIterable<{ line: number; cells: string[] }>): AsyncGenerator<string> {
  let line = 1;
  let batch: string[] = [];
  for await (const row of rows) {
    for (; line < row.line; line++) batch.push('\n');
    const text = row.cells.map(csvCell).join(',');
    batch.push(text + '\n');
    line += 1 + (text.includes('\n') ? text.split('\n').length - 1 : 0);
    if (batch.length >= rowsPerChunk) {
      yield batch.join('');
      batch = [];
    }
  }
  if (batch.length) yield batch.join('');
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  // Integers stay exact (GTD's 12-digit event ids); other numbers lose the 16th–17th digit float noise.
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel dates have no time zone: read as UTC. A date without a time is written as a date. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
