/**
 * Sitrep's own formats — exactly what `sitrep export` and the API's export write: NDJSON (one record per
 * line), JSON (an array of records) and CSV (the columns of `tableColumns`).
 */
import { CellError } from '../../core/errors.ts';
import { restoreCell, rowToRecordInput, tableColumns } from '../../core/record-table.ts';
import type { SourceFormat, SourceItem, TextInput } from '../source-format.ts';
import { SourceError } from '../source-format.ts';
import { csvRows, textLines } from '../text-rows.ts';

const firstLine = (head: string) => head.slice(0, head.indexOf('\n') === -1 ? undefined : head.indexOf('\n')).trim();

/** One record per line; blank lines are skipped. A line that is not JSON stops the import. */
export const sitrepNdjson: SourceFormat = {
  name: 'sitrep-ndjson',
  description: "Sitrep's NDJSON: one canonical record per line (what `sitrep export --format ndjson` writes)",
  detect: ({ fileName, head }) => /\.(nd)?jsonl?(\.gz)?$/i.test(fileName) && /^\{\s*"id"\s*:/.test(firstLine(head)),
  async *read(input) {
    for await (const { line, text } of textLines(input)) {
      if (!text.trim()) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        // Sitrep's own format is written whole by export: a broken line means a damaged file, not a bad record.
        throw new SourceError(`malformed JSON (${(e as Error).message}); each line must hold one complete record — the file is cut off or was edited by hand`, input.fileName, line);
      }
      yield { ok: true, line, record: value as never };
    }
  },
};

/** A JSON array of records (small files; use NDJSON for large ones). */
export const sitrepJson: SourceFormat = {
  name: 'sitrep-json',
  description: "Sitrep's JSON: an array of canonical records (what `sitrep export --format json` writes)",
  detect: ({ fileName, head }) => /\.json$/i.test(fileName) && /^\s*\[\s*(\{\s*"id"|\])/.test(head),
  async *read(input: TextInput): AsyncIterable<SourceItem> {
    let text = '';
    for await (const chunk of input.chunks()) {
      text += chunk;
      if (text.length > 512 * 1024 * 1024) throw new SourceError('JSON file too large to read at once; export it as NDJSON instead', input.fileName);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new SourceError(`malformed JSON (${(e as Error).message}); expected an array of records`, input.fileName);
    }
    if (!Array.isArray(value)) throw new SourceError('expected a JSON array of records', input.fileName);
    for (let i = 0; i < value.length; i++) yield { ok: true, line: i + 1, record: value[i] };
  },
};

/**
 * The longest row a valid record can take in Sitrep's CSV: up to 500 sources of ~6,300 characters, 100,000 of
 * description and the rest, each character as much as six in JSON (`\u0001`) and quotes doubled by CSV. A record
 * the store holds must read back, so the usual 1 MB bound of a row (which catches unclosed quotes) is raised.
 */
const largestCsvRow = 32 * 1024 * 1024;

/** CSV with the canonical columns; cells that export neutralised for spreadsheets are restored. */
export const sitrepCsv: SourceFormat = {
  name: 'sitrep-csv',
  description: "Sitrep's CSV: one row per record, the columns of the canonical table (what `sitrep export --format csv` writes)",
  detect: ({ head }) => firstLine(head).startsWith('id,kind,subtype,date,dateEnd,datePrecision'),
  async *read(input) {
    let header: string[] | undefined;
    for await (const { line, cells } of csvRows(input, { maxRowChars: largestCsvRow })) {
      if (!header) {
        header = cells.map((c) => c.trim());
        const missing = ['id', 'kind', 'date', 'datePrecision', 'placePrecision', 'dataset'].filter((c) => !header!.includes(c));
        if (missing.length) throw new SourceError(`not a Sitrep CSV: missing columns ${missing.join(', ')}; expected ${tableColumns.join(',')}`, input.fileName, line);
        continue;
      }
      if (cells.length !== header.length) {
        yield { ok: false, rejection: { file: input.fileName, line, reason: `${cells.length} cells where the header has ${header.length}` } };
        continue;
      }
      const row = Object.fromEntries(header.map((h, i) => [h, restoreCell(cells[i]!)]));
      try {
        yield { ok: true, line, record: rowToRecordInput(row) as never };
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        yield { ok: false, rejection: { file: input.fileName, line, column: e.column, value: e.value.slice(0, 60), reason: e.message } };
      }
    }
  },
};
