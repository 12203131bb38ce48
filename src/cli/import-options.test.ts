/**
 * `sitrep import`'s options as a user runs them (issue #3): --rejects, --max-reject-rate, --sync, the unresolved
 * actor list and the progress bar — on the invented ACLED fixture, whose last five rows are wrong on purpose.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './settings.ts';
import { sitrep, sitrepBin } from './cli-test-helpers.ts';
import { storedZip } from '../sources/importer-test-helpers.ts';

const fixture = join(projectRoot, 'src/sources/acled/fixtures/acled-current.csv');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-import-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The fixture read independently: line numbers are rows + 1 (no field spans lines).
const table = parse(readFileSync(fixture), { relax_column_count: true }) as string[][];
const header = table[0]!;
const cell = (line: number, column: string) => table[line - 1]![header.indexOf(column)]!;

describe('sitrep import options', { timeout: 120_000 }, () => {
  it('--rejects writes every rejected row with file, line, column, value and reason; --max-reject-rate lets the rest in', () => {
    const db = join(dir, 'rejects.duckdb');
    const rejects = join(dir, 'rejects.csv');
    const refused = sitrep(['import', fixture, '--db', db, '--rejects', rejects]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/5 of 13 rows rejected .* more than --max-reject-rate 1%/);

    // Two files in one command: the rejections of both, in one file.
    const copy = join(dir, 'acled-copy.csv');
    writeFileSync(copy, readFileSync(fixture));
    const r = sitrep(['import', fixture, copy, '--db', db, '--rejects', rejects, '--max-reject-rate', '0.5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ read: 13, rejected: 5, inserted: 8 }, { read: 13, rejected: 5, unchanged: 8 }]);
    const rows = parse(readFileSync(rejects)) as string[][];
    expect(rows[0]).toEqual(['file', 'line', 'column', 'value', 'reason']);
    const expected = (file: string) => [
      [file, '11', 'event_date', cell(11, 'event_date')],
      [file, '12', 'time_precision', cell(12, 'time_precision')],
      [file, '13', 'event_type', cell(13, 'event_type')],
      [file, '14', 'latitude', cell(14, 'latitude')],
      [file, '15', 'event_id_cnty', cell(15, 'event_id_cnty')],
    ];
    expect(rows.slice(1).map(([file, line, column, value]) => [file, line, column, value])).toEqual([...expected('acled-current.csv'), ...expected('acled-copy.csv')]);
    expect(rows.slice(1).every(([, , , , reason]) => reason!.length > 10)).toBe(true);
    expect(sitrep(['import', fixture, '--db', db, '--max-reject-rate', 'lots']).stderr).toMatch(/invalid --max-reject-rate "lots": expected a fraction from 0 to 1/);
  });

  it('sitrep imports lists every committed import, newest first, and the dataset dates from the last one', () => {
    const db = join(dir, 'log.duckdb');
    expect(sitrep(['import', fixture, '--db', db]).code).toBe(2); // 5 of 13 rows rejected: refused, so not logged
    for (let i = 0; i < 2; i++) expect(sitrep(['import', fixture, '--db', db, '--max-reject-rate', '0.5']).code).toBe(0);
    const log = JSON.parse(sitrep(['imports', '--db', db, '--format', 'json']).stdout) as Record<string, unknown>[];
    const counts = ({ file, format, datasets, read, rejected, inserted, unchanged }: Record<string, unknown>) => ({ file, format, datasets, read, rejected, inserted, unchanged });
    const entry = { file: 'acled-current.csv', format: 'acled', datasets: ['acled'], read: 13, rejected: 5 };
    expect(log.map(counts)).toEqual([{ ...entry, inserted: 0, unchanged: 8 }, { ...entry, inserted: 8, unchanged: 0 }]);
    // The second import changed nothing, and still dates the dataset.
    expect(JSON.parse(sitrep(['datasets', '--db', db, '--format', 'json']).stdout)[0].lastImport).toBe(log[0]!.at);
    expect(sitrep(['imports', '--db', db, '--limit', '1']).stdout).toMatch(/acled-current\.csv +acled +acled +13 /);
    expect(sitrep(['imports', '--db', db, '--limit', '0']).stderr).toMatch(/invalid --limit "0": expected a whole number from 1 to 10000/);
  });

  it('--rejects never destroys a file: not an input, not an earlier file when nothing was read, not into a missing folder', () => {
    const db = join(dir, 'keep.duckdb');
    const precious = join(dir, 'precious.csv');
    writeFileSync(precious, 'precious\n');
    const cases: [string[], RegExp][] = [
      [['import', precious, '--db', db, '--rejects', precious], /--rejects .*precious\.csv is one of the files to import/],
      [['import', join(dir, 'missing.csv'), '--db', db, '--rejects', precious], /cannot open .*missing\.csv: no such file/],
      [['import', fixture, '--db', db, '--rejects', join(dir, 'no-folder', 'r.csv')], /cannot write --rejects .*r\.csv: its folder does not exist/],
      // The header is not one Sitrep reads: no row was read, so there is nothing to write over the earlier file.
      [['import', precious, '--db', db, '--rejects', join(dir, 'rejects-kept.csv')], /cannot tell the format/],
    ];
    writeFileSync(join(dir, 'rejects-kept.csv'), 'earlier\n');
    for (const [args, message] of cases) {
      const r = sitrep(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(precious, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'rejects-kept.csv'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('checks every file before importing the first, and says which files a later failure left imported', () => {
    const db = join(dir, 'multi.duckdb');
    const missing = sitrep(['import', fixture, join(dir, 'typo.csv'), '--db', db, '--max-reject-rate', '0.5']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/typo\.csv: no such file/);
    expect(sitrep(['datasets', '--db', db]).stderr).toMatch(/there is no store/);
    // A first import that fails (a file of no known layout) leaves no empty store behind either.
    const notes = join(dir, 'notes.csv');
    writeFileSync(notes, 'a,b\n1,2\n');
    expect(sitrep(['import', notes, '--db', db]).stderr).toMatch(/cannot tell the format of notes\.csv/);
    expect(readdirSync(dir).filter((f) => f.startsWith('multi.duckdb'))).toEqual([]);

    const later = sitrep(['import', join(projectRoot, 'data/demo/conflict_data_pak.csv.gz'), fixture, '--db', db]);
    expect(later.code).toBe(2);
    expect(later.stdout).toMatch(/conflict_data_pak\.csv\.gz\s+ucdp/);
    expect(later.stderr).toMatch(/5 of 13 rows rejected .*\(conflict_data_pak\.csv\.gz was imported before it, as listed above\)/);
  });

  it('--sync archives the records a new full file no longer holds, and says how many', () => {
    const db = join(dir, 'sync.duckdb');
    expect(sitrep(['import', fixture, '--db', db, '--max-reject-rate', '0.5']).code).toBe(0);
    // The same export, a month later, without its last good event.
    const shorter = join(dir, 'acled-later.csv');
    const lines = readFileSync(fixture, 'utf8').split('\n');
    const dropped = cell(10, 'event_id_cnty');
    writeFileSync(shorter, lines.filter((_, i) => i !== 9).join('\n'));
    const r = sitrep(['import', shorter, '--db', db, '--max-reject-rate', '0.5', '--sync', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ archived: 1, inserted: 0, unchanged: 7 });
    const archived = JSON.parse(sitrep(['query', '--db', db, '--status', 'archived', '--format', 'json']).stdout);
    expect(archived.map((rec: { id: string }) => rec.id)).toEqual([`acled:${dropped}`]);
  });

  it("reads the sheet a mapping names in a workbook, and the CSV of that sheet with the same mapping; --sheet overrides it", async () => {
    const db = join(dir, 'sheets.duckdb');
    const mapping = join(dir, 'list.mapping.yaml');
    writeFileSync(mapping, ['dataset: test-list', 'licence: CC0', 'sheet: Events', 'id: ref', 'columns:', '  ref: { to: ignore }', '  day: { to: date }', '  town: { to: place.locality }', '  country: { to: place.country }', 'defaults: { kind: attack }', ''].join('\n'));
    const table = [['ref', 'day', 'town', 'country'], ['L-1', '2024-03-22', 'Krasnogorsk', 'RUS'], ['L-2', '2024-01-03', 'Kerman', 'IRN']];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('About').addRow(['A list of attacks, for the test.']);
    const events = workbook.addWorksheet('Events');
    for (const row of table) events.addRow(row);
    const book = join(dir, 'list.xlsx');
    await workbook.xlsx.writeFile(book);
    const csv = join(dir, 'list.csv');
    writeFileSync(csv, table.map((r) => r.join(',')).join('\n') + '\n');
    const fromBook = sitrep(['import', book, '--db', db, '--mapping', mapping, '--json']);
    expect(fromBook.code, fromBook.stderr).toBe(0);
    expect(JSON.parse(fromBook.stdout)).toMatchObject([{ file: 'list.xlsx', read: 2, inserted: 2 }]);
    const fromCsv = sitrep(['import', csv, '--db', db, '--mapping', mapping, '--json']);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(JSON.parse(fromCsv.stdout)).toMatchObject([{ file: 'list.csv', read: 2, unchanged: 2 }]);
    // The mapping's sheet is read in a workbook that comes in a zip too; the zip's CSV is read with the same mapping.
    const zip = join(dir, 'list.zip');
    writeFileSync(zip, storedZip({ 'list.xlsx': readFileSync(book), 'list.csv': readFileSync(csv) }));
    const fromZip = sitrep(['import', zip, '--db', db, '--mapping', mapping, '--json']);
    expect(fromZip.code, fromZip.stderr).toBe(0);
    expect(JSON.parse(fromZip.stdout)).toMatchObject([{ file: 'list.zip:list.xlsx', read: 2, unchanged: 2 }, { file: 'list.zip:list.csv', unchanged: 2 }]);
    const other = sitrep(['import', book, '--db', db, '--mapping', mapping, '--sheet', 'About']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/list\.xlsx line 1: the header lacks "ref", "day", "town", "country"/);
  });

  it('lists the actor names no registry actor matches, with their record counts', () => {
    const db = join(dir, 'unresolved.duckdb');
    const report = JSON.parse(sitrep(['import', fixture, '--db', db, '--max-reject-rate', '0.5', '--json']).stdout)[0];
    const listed = sitrep(['actors', 'unresolved', '--db', db]).stdout.trim().split('\n').slice(2);
    expect(listed).toHaveLength(report.unresolvedActors);
    expect(listed.some((l) => /^Unidentified Armed Group \(Pakistan\)\s+acled\s+1$/.test(l))).toBe(true);
    // A name the registry knows is resolved, never listed.
    expect(listed.some((l) => l.startsWith('Islamic State Khorasan Province'))).toBe(false);
    // The filter flags narrow the list to the records they select.
    expect(sitrep(['actors', 'unresolved', '--db', db, '--country', 'PAK']).stdout).toMatch(/^Unidentified Armed Group \(Pakistan\)\s+acled\s+1$/m);
    expect(sitrep(['actors', 'unresolved', '--db', db, '--country', 'FJI']).stdout).toBe('(no rows)\n');
  });

  // `script` (util-linux) gives the command a terminal, as a person at a shell has.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows a progress bar with rows/s and an ETA on a terminal, and none in CI or with --json', () => {
    const db = join(dir, 'progress.duckdb');
    const command = (flags: string) => `'${process.execPath}' '${sitrepBin}' import '${fixture}' --db '${db}' --max-reject-rate 0.5 ${flags}`;
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'CI')) as Record<string, string>;
    const onTerminal = spawnSync('script', ['-qec', command(''), '/dev/null'], { encoding: 'utf8', env });
    expect(onTerminal.stdout).toMatch(/acled-current\.csv \[.*\] \d+% \| \d+ rows \| \d+ rows\/s \| ETA/);
    expect(onTerminal.stdout).toMatch(/acled-current\.csv: 13 rows read; writing them to the store \[.*\] 100% \| ETA/);
    // Before the bar has moved there is no time to tell (cli-progress would print "0s", "INF" or "NULL").
    expect(onTerminal.stdout).toMatch(/acled-current\.csv \[.*\] 0% \| 0 rows \| 0 rows\/s \| ETA …/);
    expect(onTerminal.stdout).not.toMatch(/ETA (INF|NULL)/);
    const asJson = spawnSync('script', ['-qec', command('--json'), '/dev/null'], { encoding: 'utf8', env });
    expect(asJson.stdout).not.toMatch(/rows\/s|writing them/);
    expect(sitrep(['import', fixture, '--db', db, '--max-reject-rate', '0.5']).stderr).not.toMatch(/rows\/s/);
  });
});
