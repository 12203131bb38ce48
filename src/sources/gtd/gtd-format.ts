/**
 * The Global Terrorism Database (source-formats §3): START's CSV (latin-1, decoded by `openTextInputs`) or its
 * xlsx (streamed as CSV by `xlsx-input.ts`), 135 columns found by name.
 */
import { CellError } from '../../core/errors.ts';
import type { ImportContext, SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { csvRows, headerHas } from '../text-rows.ts';
import { gtdRecord, type GtdFile } from './gtd-row.ts';

/** Columns the mapping cannot do without. The rest may be missing (START's 1993 file lacks coordinates). */
const requiredColumns = ['eventid', 'iyear', 'imonth', 'iday', 'country'];
/** Columns that tell a GTD file from any other CSV with a year column. */
const signatureColumns = ['eventid', 'iyear', 'imonth', 'iday', 'gname'];

/**
 * The release, as START names it (`globalterrorismdb_0522dist.xlsx` → `0522dist`), or what the user passed as
 * `datasetVersion`; null when neither tells.
 */
export function gtdVersion(fileName: string, options: Readonly<Record<string, unknown>>): string | null {
  if (typeof options.datasetVersion === 'string' && options.datasetVersion.trim()) return options.datasetVersion.trim();
  return /(\d{4}dist)/i.exec(fileName)?.[1]?.toLowerCase() ?? null;
}

/** GTD CSV or xlsx (user's own copy; records are internal). */
export const gtd: SourceFormat = {
  name: 'gtd',
  description: 'Global Terrorism Database (START): the CSV or xlsx distribution, 135 columns',
  dataset: 'gtd',
  repeatedId: { column: 'eventid', hint: 'the GTD gives each incident one eventid; a repeated row (remove one of the two)' },
  detect: ({ head }) => headerHas(head, signatureColumns),
  read: readGtd,
};

async function* readGtd(input: TextInput, context: ImportContext): AsyncIterable<SourceItem> {
  let file: GtdFile | undefined;
  let width = 0;
  for await (const { line, cells } of csvRows(input)) {
    if (!file) {
      file = { columns: headerColumns(cells, input.fileName, line), version: gtdVersion(input.fileName, context.options) };
      width = Math.max(...file.columns.values()) + 1;
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    // Workbooks leave out trailing blank cells, so a short row is normal there; in a CSV it was cut short.
    if (cells.slice(width).some((c) => c.trim()) || (input.encoding !== 'xlsx' && cells.length < width)) {
      yield { ok: false, rejection: { file: input.fileName, line, reason: `${cells.length} cells where the header names ${width}; check quoting on this row` } };
      continue;
    }
    try {
      yield { ok: true, line, record: gtdRecord(cells, file, context) };
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      yield { ok: false, rejection: { file: input.fileName, line, column: e.column, value: e.value.slice(0, 80), reason: e.message } };
    }
  }
  if (!file) throw new SourceError('the file is empty; expected the GTD header line', input.fileName, 1);
}

function headerColumns(cells: readonly string[], fileName: string, line: number): Map<string, number> {
  const columns = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase();
    if (name && !columns.has(name)) columns.set(name, i);
  });
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length) throw new SourceError(`not a GTD file: missing column(s) ${missing.join(', ')}; use START's CSV or xlsx as distributed`, fileName, line);
  return columns;
}
