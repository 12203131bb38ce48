/**
 * The corpus of bad files an import must survive (issue #3): each gets one clear error saying what is wrong,
 * where (file, line, column) and what to do, and the store keeps exactly what it held before.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { UserError } from '../core/errors.ts';
import { fullScope } from '../core/filter.ts';
import { encodeRecords } from '../core/record-encoding.ts';
import type { ImportContext } from '../sources/source-format.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { csvRow } from './cli-test-helpers.ts';
import { storedZip } from '../sources/importer-test-helpers.ts';
import { loadImportContext } from './import-context.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import { loadRegistry } from './wiring.ts';

const cellsOf = (row: string) => (parse(row) as string[][])[0]!;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-files-'));
// Invented rows in ACLED's current layout (ACLED's own rows may not be redistributed); the fixture's later rows
// are wrong on purpose, for the importer's own tests.
const fixture = readFileSync(join(import.meta.dirname, '..', 'sources', 'acled', 'fixtures', 'acled-current.csv'), 'utf8');
const [header, ...rows] = fixture.split('\n').slice(0, 10) as [string, ...string[]];
const good = [header, ...rows].join('\n') + '\n';
const columns = cellsOf(header);

/** The fixture with `column` of the row on `line` (2 = the first row) set to `value`. */
function withCell(line: number, column: string, value: string): string {
  const lines = [header, ...rows];
  const cells = cellsOf(lines[line - 1]!);
  cells[columns.indexOf(column)] = value;
  lines[line - 1] = csvRow(cells);
  return lines.join('\n') + '\n';
}

let store: EventStore;
let context: ImportContext;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const snapshot = async () => {
  const out: string[] = [];
  for await (const chunk of encodeRecords(store.stream(fullScope, {}), 'ndjson')) out.push(chunk);
  return out.join('').split('\n').sort().join('\n');
};

/** Imports `path` expecting a failure; returns its message after checking that the store did not change. */
async function failure(path: string, options: ImportOptions = {}): Promise<string> {
  const before = await snapshot();
  const error = await runImport(store, path, context, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, path).toBeInstanceOf(UserError);
  expect(await snapshot()).toBe(before);
  return (error as Error).message;
}

beforeAll(async () => {
  store = await duckdbStore(':memory:');
  context = await loadImportContext(loadRegistry(), {});
  const [report] = await runImport(store, file('good.csv', good), context);
  // Two rows are one event told twice (ACLED's monadic layout), merged into one record.
  expect(report).toMatchObject({ inserted: rows.length - 1, rejected: 0 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bad files', () => {
  it('a folder, or a path that does not exist', async () => {
    expect(await failure(dir)).toMatch(/is a folder, not a file; name the files in it, e\.g\. .*\/\*\.csv/);
    expect(await failure(join(dir, 'missing.csv'))).toMatch(/cannot open .*missing\.csv: no such file/);
  });

  it('an empty file', async () => {
    expect(await failure(file('empty.csv', ''))).toMatch(/^empty\.csv is empty/);
  });

  it('a binary file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4000, 7)]);
    expect(await failure(file('photo.csv', png))).toMatch(/^photo\.csv: this is a binary file, not text; export the data as CSV/);
    // An old Excel workbook (an OLE2 compound file, as a password-protected .xlsx is too), and a renamed zip.
    const ole2 = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4000)]);
    expect(await failure(file('events.xls', ole2))).toMatch(/^events\.xls: an encrypted \(password-protected\) or old-format \(\.xls\) workbook; .*save it as \.xlsx or CSV/);
    const zip = storedZip({ 'events.csv': good });
    expect(await failure(file('events-zip.csv', zip))).toMatch(/^events-zip\.csv: a zip archive .* under another name; name it \.xlsx if it is a workbook, \.zip otherwise/);
    expect(await failure(file('events.xlsx.gz', gzipSync(zip)))).toMatch(/^events\.xlsx\.gz: a zip archive or \.xlsx workbook packed again with gzip; gunzip it/);
    // A zip named .xlsx inside a zip is read as a workbook, and found to be none.
    expect(await failure(file('events.zip', storedZip({ 'events.xlsx': zip })))).toMatch(/^events\.zip:events\.xlsx: not an Excel workbook \(it holds no workbook part\); save it as \.xlsx or CSV/);
  });

  it('a header no importer knows, and a known one forced on the wrong file', async () => {
    expect(await failure(file('people.csv', 'name,place,when\nAli,Kabul,2021\n'))).toMatch(/cannot tell the format of people\.csv from its first line; pass --format with one of: .*; for any other table, .*--mapping FILE/);
    expect(await failure(file('not-acled.csv', 'name,place,when\nAli,Kabul,2021\n'), { format: 'acled' })).toMatch(/not-acled\.csv line 1: .*event_id_cnty/);
  });

  it('a file cut off inside a row, and inside a quoted field', async () => {
    const cutRow = good.slice(0, good.indexOf('Invented', good.indexOf('PAK90002')) + 20);
    expect(await failure(file('cut.csv', cutRow))).toMatch(/^cut\.csv line 7: the file ends in the middle of a row \(28 of 31 cells, and no line break after it\): it was cut off; download or export it again; nothing was imported$/);
    const cutQuote = good.slice(0, good.indexOf('Invented', good.indexOf('AFG90003')) + 20);
    expect(await failure(file('cut-quote.csv', cutQuote))).toMatch(/^cut-quote\.csv line 5: unreadable CSV \(a quoted field opened on line 5 is never closed\)/);
  });

  it('a gzip file cut off half-way', async () => {
    const gz = gzipSync(good);
    expect(await failure(file('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2))))).toMatch(/^cut\.csv\.gz.*(unexpected end|incomplete|truncated)/i);
  });

  it('an impossible date, naming line, column and value', async () => {
    const message = await failure(file('feb30.csv', withCell(4, 'event_date', '2024-02-30')));
    expect(message).toMatch(/^1 of \d+ rows rejected .* more than --max-reject-rate 1%; first: feb30\.csv line 4, event_date = 2024-02-30: not a real date/);
  });

  it('a latitude of 999', async () => {
    const message = await failure(file('lat.csv', withCell(3, 'latitude', '999')));
    expect(message).toMatch(/first: lat\.csv line 3, latitude = 999: expected a latitude between -90 and 90/);
  });

  it('a 10 MB field', async () => {
    const message = await failure(file('huge.csv', withCell(5, 'notes', 'x'.repeat(10 * 1024 * 1024))));
    expect(message).toMatch(/^huge\.csv line 5: a row is longer than 1 MB, the most one row may hold/);
  });

  it('a workbook: a rejection names the row Excel shows, below cells with line breaks too; rows past the server\'s limit stop it', async () => {
    const path = join(dir, 'acled.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Events');
    const table = [header, ...rows].map(cellsOf);
    table[1]![columns.indexOf('notes')] = 'First line.\nSecond line.\nThird line.';
    table[3]![columns.indexOf('event_date')] = '2024-02-30';
    for (const cells of table) sheet.addRow(cells).commit();
    await sheet.commit();
    await workbook.commit();
    expect(await failure(path)).toMatch(/first: acled\.xlsx line 4, event_date = 2024-02-30: not a real date/);
    // Its strings are inline, not in a table read first: the rows themselves are counted as they are read.
    expect(await failure(path, { maxTextLength: 2000 })).toMatch(/^acled\.xlsx: the file unpacks to more than 2,000 characters of text, more than this server accepts/);
  });

  it('a workbook whose events are on another sheet than the first: read when named, and a sheet on a CSV refused', async () => {
    const path = join(dir, 'two-sheets.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('About').addRow(['Invented events in the layout of an ACLED export.']);
    const events = workbook.addWorksheet('Events');
    for (const row of [header, ...rows]) events.addRow(cellsOf(row));
    await workbook.xlsx.writeFile(path);
    expect(await failure(path)).toMatch(/^cannot tell the format of two-sheets\.xlsx from its first line/);
    expect(await failure(path, { sheet: 'Evnts' })).toMatch(/^two-sheets\.xlsx: the workbook has no sheet "Evnts"; its sheets are "About", "Events"/);
    const [report] = await runImport(store, path, context, { sheet: 'Events' });
    // The same events as good.csv (two rows of one event merged): nothing new.
    expect(report).toMatchObject({ file: 'two-sheets.xlsx', format: 'acled', read: rows.length - 1, rejected: 0, unchanged: rows.length - 1 });
    expect(await failure(file('sheet.csv', good), { sheet: 'Events' })).toMatch(/^sheet\.csv: a sheet \("Events"\) was named, but this is not an \.xlsx workbook/);

    // The same workbook in a zip, as datasets are downloaded: read from a temporary copy that leaves nothing behind.
    const unpacked = () => readdirSync(tmpdir()).filter((f) => f.startsWith('sitrep-workbook-')).length;
    const before = unpacked();
    const zipped = file('download.zip', storedZip({ 'README.txt': 'Invented events.', 'two-sheets.xlsx': readFileSync(path), 'more.csv': good }));
    expect(await failure(zipped)).toMatch(/^cannot tell the format of download\.zip:two-sheets\.xlsx from its first line/);
    expect(unpacked()).toBe(before);
    const reports = await runImport(store, zipped, context, { sheet: 'Events' });
    expect(reports).toMatchObject([
      { file: 'download.zip:two-sheets.xlsx', format: 'acled', read: rows.length - 1, rejected: 0, unchanged: rows.length - 1 },
      { file: 'download.zip:more.csv', format: 'acled', unchanged: rows.length - 1 },
    ]);
    expect(unpacked()).toBe(before);
    expect(await failure(file('csvs.zip', storedZip({ 'events.csv': good })), { sheet: 'Events' })).toMatch(/^csvs\.zip: a sheet \("Events"\) was named, but this is not an \.xlsx workbook, nor a zip holding one/);
  });

  it('a cell that looks like a spreadsheet formula is kept as text, and exported so no spreadsheet runs it', async () => {
    const formula = '=HYPERLINK("http://evil.example/x","click me")';
    const [report] = await runImport(store, file('formula.csv', withCell(2, 'notes', formula)), context);
    expect(report).toMatchObject({ updated: 1, rejected: 0 });
    const record = await store.get(fullScope, `acled:${cellsOf(rows[0]!)[0]}`);
    expect(record?.description).toBe(formula);
    const csv: string[] = [];
    for await (const chunk of encodeRecords([record!], 'csv')) csv.push(chunk);
    expect(csv.join('')).toContain(`"'=HYPERLINK(""http://evil.example/x"",""click me"")"`);
  });
});
