import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sampleRecord } from '../store/contract.ts';
import { sitrep, sitrepBin } from './cli-test-helpers.ts';


const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
const db = join(dir, 'a.duckdb');
const records = [
  sampleRecord({ id: 'c:1', description: 'Suicide bombing at a Kabul school.', targets: ['education'], tactics: ['suicide'] }),
  sampleRecord({
    id: 'c:2', kind: 'plot', date: '2021-03-01', dateEnd: '2021-03-31', datePrecision: 'month',
    place: { country: 'DEU', admin1: 'Nordrhein-Westfalen', precision: 'admin1' }, killed: {},
    actors: [{ actorId: 'iskp', name: 'Wilayat Khurasan', role: 'perpetrator', attribution: 'suspected' }],
    description: '=HYPERLINK("http://example.org","Cell planning an attack disrupted")',
    sources: [{ title: 'Federal prosecutor release', publisher: 'GBA', url: 'https://example.org/a', type: 'government' }],
  }),
  sampleRecord({ id: 'c:3', kind: 'clash', date: '2019-06-01', place: { country: 'PAK', admin1: 'Balochistan', lat: 30.2, lon: 67, precision: 'admin1' },
    killed: { low: 1, best: 2, high: 4 }, actors: [{ actorId: 'islamic-state', name: 'IS', role: 'side_b', attribution: 'attributed' }] }),
];

beforeAll(() => {
  const file = join(dir, 'seed.ndjson');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const r = sitrep(['import', file, '--db', db, '--json']);
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)[0]).toMatchObject({ format: 'sitrep-ndjson', read: 3, inserted: 3, rejected: 0 });
});

// Each case starts real `sitrep` processes (Node + DuckDB, ~1 s each on an idle machine, far more on a busy one).
describe('sitrep CLI', { timeout: 180_000 }, () => {
  it('round-trips a store through NDJSON and CSV exports', () => {
    const ndjson = sitrep(['export', '--db', db, '--format', 'ndjson']).stdout;
    expect(ndjson.trim().split('\n')).toHaveLength(3);
    for (const format of ['ndjson', 'csv', 'json'] as const) {
      const exported = sitrep(['export', '--db', db, '--format', format]).stdout;
      const file = join(dir, `export.${format}`);
      writeFileSync(file, exported);
      const other = join(dir, `b-${format}.duckdb`);
      const imported = sitrep(['import', file, '--db', other, '--json']);
      expect(imported.stderr).toBe('');
      expect(JSON.parse(imported.stdout)[0]).toMatchObject({ inserted: 3, rejected: 0 });
      expect(sitrep(['export', '--db', other, '--format', 'ndjson']).stdout).toBe(ndjson);
    }
    // Formula-looking cells are neutralised for spreadsheets and restored on import.
    expect(readFileSync(join(dir, 'export.csv'), 'utf8')).toContain(`"'=HYPERLINK`);
  });

  it('says when a query wrote fewer records than match, and when a group name matched nothing', () => {
    const some = sitrep(['query', '--db', db, '--limit', '2', '--format', 'csv']);
    expect(parse(some.stdout, { columns: true })).toHaveLength(2);
    expect(some.stderr).toMatch(/^sitrep: wrote 2 of 3 records \(--limit 2\); `sitrep export` writes them all\n$/);
    expect(sitrep(['query', '--db', db, '--format', 'csv']).stderr).toBe('');
    for (const args of [['stats', '--by', 'year'], ['export'], ['query'], ['actors', 'unresolved']]) {
      const r = sitrep([...args, '--db', db, '--actor', 'ISIS-Kx']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(/no registry actor is called "ISIS-Kx"/);
    }
    // An empty table is still a table: its header.
    expect(sitrep(['stats', '--db', db, '--by', 'year', '--measure', 'count', '--format', 'csv', '--kind', 'media']).stdout).toBe('year,count\r\n');
  });

  it('lists the settings with the values set here, never a secret', () => {
    const r = sitrep(['settings'], { SITREP_PORT: '9999', SITREP_TOKEN: 'secret-token-value' });
    expect(r.stdout).toMatch(/SITREP_PORT\s+9999\s+8080/);
    expect(r.stdout).toMatch(/SITREP_TOKEN\s+\(set\)/);
    expect(r.stdout).not.toContain('secret-token-value');
  });

  it('leaves out of a file for anonymous readers the ids of drafts its records link to', () => {
    const linking = join(dir, 'linking.ndjson');
    const other = join(dir, 'linking.duckdb');
    writeFileSync(linking, [
      sampleRecord({ id: 'l:public', links: [{ recordId: 'l:draft', relation: 'led_to' }, { recordId: 'l:later', relation: 'same_event' }] }),
      sampleRecord({ id: 'l:draft', status: 'draft' }),
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    expect(sitrep(['import', linking, '--db', other]).code).toBe(0);
    const links = (args: string[]) => (JSON.parse(sitrep(['export', '--db', other, '--format', 'json', '--id', 'l:public', ...args]).stdout) as { links: { recordId: string }[] }[])[0]!.links.map((l) => l.recordId);
    expect(links([])).toEqual(['l:draft', 'l:later']);
    expect(links(['--status', 'published', '--visibility', 'public'])).toEqual([]);
  });

  it('reads back a CSV export of the largest record the schema allows (a row of several megabytes)', () => {
    const big = join(dir, 'big-record.ndjson');
    const sources = Array.from({ length: 500 }, (_, i) => ({ title: `"${i}" ${'x'.repeat(1990)}`, publisher: 'P', url: `https://example.org/${i}`, type: 'media' as const }));
    writeFileSync(big, JSON.stringify(sampleRecord({ id: 'big:1', sources })) + '\n');
    const first = join(dir, 'big-1.duckdb');
    expect(sitrep(['import', big, '--db', first]).code).toBe(0);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, sitrep(['export', '--db', first, '--format', 'csv']).stdout);
    const second = join(dir, 'big-2.duckdb');
    const r = sitrep(['import', csv, '--db', second, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(sitrep(['export', '--db', second]).stdout).toBe(sitrep(['export', '--db', first]).stdout);
  });

  it('is idempotent: a second import changes nothing', () => {
    const file = join(dir, 'seed.ndjson');
    const r = JSON.parse(sitrep(['import', file, '--db', db, '--json']).stdout)[0];
    expect(r).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3 });
  });

  it('finds a month-precise record by an overlapping range, once', () => {
    const r = sitrep(['query', '--db', db, '--from', '2021-03-15', '--to', '2021-03-20', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((x: { id: string }) => x.id)).toEqual(['c:2']);
    const months = JSON.parse(sitrep(['stats', '--db', db, '--by', 'month', '--format', 'json', '--kind', 'plot']).stdout);
    expect(months).toEqual([{ month: '2021-03', count: 1, killed: null, wounded: null }]);
  });

  it('resolves aliases in filters, with branches under their parent', () => {
    const ids = (args: string[]) => JSON.parse(sitrep(['query', '--db', db, '--format', 'json', ...args]).stdout).map((x: { id: string }) => x.id).sort();
    expect(ids(['--actor', 'ISIS-K'])).toEqual(['c:1', 'c:2']);
    expect(ids(['--actor', 'Islamic State'])).toEqual(['c:1', 'c:2', 'c:3']);
    expect(ids(['--actor', 'Islamic State', '--descendants', 'false'])).toEqual(['c:3']);
    expect(ids(['--q', 'kabul school'])).toEqual(['c:1']);
    // Leaving out: the Islamic State outside Afghanistan, and everything but its Khorasan province.
    expect(ids(['--actor', 'Islamic State', '--not_country', 'AFG'])).toEqual(['c:2', 'c:3']);
    expect(ids(['--not_actor', 'ISIS-K'])).toEqual(['c:3']);
  });

  it('says on stderr when nothing matched a name that is no registry actor (a misspelt group)', () => {
    const r = sitrep(['query', '--db', db, '--actor', 'Wilayat Khurasn']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 of 0 records');
    expect(r.stderr).toBe('sitrep: no registry actor is called "Wilayat Khurasn", and no record these filters select names it as written (find the spelling with `sitrep actors search NAME`)\n');
    // A registry actor that has no records here gets no such note.
    expect(sitrep(['query', '--db', db, '--actor', 'JNIM']).stderr).toBe('');
  });

  it('names the actors `actors search` finds for a name that is no alias, and keeps what the filter matches', () => {
    const r = sitrep(['stats', '--db', db, '--actor', 'khurasan']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('sitrep: no registry actor is called "khurasan", and no record these filters select names it as written; did you mean iskp (Islamic State Khorasan Province)? (`sitrep actors search khurasan` lists more)\n');
    expect(r.stdout).toMatch(/^\s+0\s*$/m);
  });

  it('says on stderr when a dataset or province matches no record in the store, with what the store has', () => {
    const warn = (args: string[]) => {
      const r = sitrep([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(0);
      return r.stderr;
    };
    expect(warn(['stats', '--by', 'year', '--dataset', 'tset'])).toBe('sitrep: --dataset "tset" matches no record in the store (its datasets: test)\n');
    // A code of no country that no record has (codes earlier versions stored stay selectable): the codes it probably meant.
    expect(warn(['stats', '--by', 'year', '--country', 'PAL'])).toBe(
      'sitrep: --country "PAL" matches no record in the store: it is not an ISO 3166-1 alpha-3 country code such as AFG; did you mean PLW (Palau) or PSE (Palestine)?\n',
    );
    expect(warn(['export', '--not_country', 'xyz'])).toMatch(/^sitrep: --not_country "XYZ" matches no record in the store: it is not an ISO 3166-1 alpha-3 country code such as AFG\n/);
    expect(warn(['query', '--country', 'IRQ'])).toBe('');
    // Leaving out a dataset the store lacks leaves nothing out: said too, in every command that filters.
    for (const command of ['query', 'export', 'actors unresolved']) {
      expect(warn([...command.split(' '), '--not_dataset', 'TEST'])).toMatch(/^sitrep: --not_dataset "TEST" matches no record in the store \(its datasets: test\)\n/);
    }
    expect(warn(['query', '--admin1', 'PAK:Nowhere'])).toBe('sitrep: --admin1 "PAK:Nowhere" matches no province in the store (nearest in PAK: "PAK:Balochistan")\n');
    expect(warn(['query', '--admin1', 'Balochstan'])).toBe('sitrep: --admin1 "Balochstan" matches no province in the store (nearest: "PAK:Balochistan")\n');
    expect(warn(['query', '--admin1', 'IRQ:Anbar'])).toBe('sitrep: --admin1 "IRQ:Anbar" matches no province in the store (it has none in IRQ; `sitrep stats --by admin1` lists them)\n');
    // Values that match, in any spelling the filters take, are not warned about.
    expect(warn(['query', '--admin1', 'pak:baluchistan province', '--dataset', 'test'])).toBe('');
  });

  it('resolves every spelling of ISKP to one actor', () => {
    for (const name of ['ISIS-K', 'Wilayat Khurasan', 'khurasan']) {
      const r = sitrep(['actors', 'search', name]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[2]).toMatch(/^iskp\s/);
    }
  });

  it('prints grouped statistics', () => {
    const rows = JSON.parse(sitrep(['stats', '--db', db, '--by', 'year', '--by', 'kind', '--format', 'json']).stdout);
    expect(rows).toEqual([
      { year: '2019', kind: 'clash', count: 1, killed: 2, wounded: null },
      { year: '2021', kind: 'attack', count: 1, killed: 5, wounded: null },
      { year: '2021', kind: 'plot', count: 1, killed: null, wounded: null },
    ]);
    // Measures repeated or comma-separated, as the API takes them.
    const killed = JSON.parse(sitrep(['stats', '--db', db, '--by', 'year', '--measure', 'count', '--measure', 'killed', '--format', 'json']).stdout);
    expect(killed).toEqual([{ year: '2019', count: 1, killed: 2 }, { year: '2021', count: 2, killed: 5 }]);
  });

  it('writes statistics as CSV a spreadsheet opens safely: quoted where needed, formulas neutralised', () => {
    const odd = join(dir, 'odd.duckdb');
    const file = join(dir, 'odd.ndjson');
    const admin1s = ['Sindh, "South"', '=HYPERLINK("http://example.org","x")'];
    writeFileSync(file, admin1s.map((admin1, i) => JSON.stringify(sampleRecord({ id: `odd:${i}`, place: { country: 'PAK', admin1, precision: 'admin1' } }))).join('\n'));
    expect(sitrep(['import', file, '--db', odd]).code).toBe(0);
    const csv = sitrep(['stats', '--db', odd, '--by', 'admin1', '--measure', 'count', '--format', 'csv']).stdout;
    const rows = parse(csv) as string[][];
    expect(rows[0]).toEqual(['country', 'admin1', 'count']);
    expect(rows.slice(1).sort()).toEqual([['PAK', "'=HYPERLINK(\"http://example.org\",\"x\")", '1'], ['PAK', 'Sindh, "South"', '1']]);
  });

  it('rejects bad input with one line naming the flag or file and line, exit 2, store unchanged', () => {
    const before = sitrep(['export', '--db', db]).stdout;
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['query', '--db', db, '--colour', 'red'], /unknown option '--colour'/],
      [['query', '--db', db, '--from', '2021-02-30'], /invalid --from "2021-02-30": expected a real calendar date/],
      [['query', '--db', db, '--bbox', '60,20,75'], /invalid --bbox "60,20,75": expected four numbers/],
      [['query', '--db', db, '--kind', 'bombing'], /invalid --kind "bombing": expected one of attack/],
      // A country's name instead of its code: the code it meant.
      [['query', '--db', db, '--not_country', 'AFG,Pakistan'], /invalid --not_country "Pakistan": .*; did you mean PAK \(Pakistan\)\?\n$/],
      [['stats', '--db', db, '--by', 'colour'], /invalid --by "colour"/],
      [['query', '--db', db, '--fro', '2021-01-01'], /unknown option '--fro' \(Did you mean --from\?\) \(see `sitrep query --help`\)/],
      [['datasets', '--db', db, '--format', 'xml'], /invalid --format "xml"/],
      [['query', '--db', db, '--limit', '0x10'], /invalid --limit "0x10": expected a whole number from 1 to 1000/],
      [['users', 'audit', '--db', db, '--limit', 'abc'], /invalid --limit "abc"/],
      [['users', 'list', '--db', db, '--format', 'xml'], /invalid --format "xml": expected one of table, json/],
      [['import', join(dir, 'seed.ndjson'), '--db', db, '--max-reject-rate', ''], /invalid --max-reject-rate ""/],
      [['serve', '--db', db, '--port', ''], /invalid --port ""/],
      [['users', 'add', '--db', db], /required option '--role <role>' not specified \(see `sitrep users add --help`\)/],
      [['query', '--db', db], /invalid SITREP_MEMORY_LIMIT "lots": DuckDB does not read it as a memory size/, { SITREP_MEMORY_LIMIT: 'lots' }],
      // The server and other readers write under the import's limit: a bad one is said when the store opens.
      [['query', '--db', db], /invalid SITREP_IMPORT_MEMORY_LIMIT "lots": DuckDB does not read it as a memory size/, { SITREP_IMPORT_MEMORY_LIMIT: 'lots' }],
      [['query', '--db', db], /invalid SITREP_IMPORT_MEMORY_LIMIT "512": DuckDB does not read it as a memory size/, { SITREP_IMPORT_MEMORY_LIMIT: '512' }],
      [['serve', '--db', db], /invalid SITREP_MEMORY_LIMIT "500XB": DuckDB does not read it as a memory size/, { SITREP_MEMORY_LIMIT: '500XB' }],
    ];
    // One broken line among 300 good ones (well within the 1% of rows that may be rejected): Sitrep's own format
    // is written whole, so a broken line stops the import; so does a file cut off in the middle of its last line.
    const good = Array.from({ length: 300 }, (_, i) => JSON.stringify(sampleRecord({ id: `c:new${i}` })));
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, [...good.slice(0, 150), '{"id": "c:broken", ', ...good.slice(150), JSON.stringify(sampleRecord({ id: 'c:1', killed: { best: 50 } }))].join('\n'));
    cases.push([['import', bad, '--db', db], /bad\.ndjson line 151: malformed JSON .*the file is cut off or was edited by hand/]);
    const cut = join(dir, 'cut.ndjson');
    writeFileSync(cut, good.join('\n').slice(0, -40));
    cases.push([['import', cut, '--db', db], /cut\.ndjson line 300: malformed JSON/]);
    for (const [args, message, env] of cases) {
      const r = sitrep(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(sitrep(['export', '--db', db]).stdout).toBe(before);
    // A command group without its subcommand shows its help (on stderr), not an internal message.
    const group = sitrep(['actors']);
    expect(group.code).toBe(2);
    expect(group.stderr).toMatch(/^Usage: sitrep actors \[options\] \[command\]/);
    expect(group.stderr).toMatch(/unresolved/);
  });

  it('says in one line that DuckDB ran out of memory and which setting raises it, and writes nothing', () => {
    const before = sitrep(['export', '--db', db]).stdout;
    const pakistan = new URL('../../../shared/data/ucdp_ged/conflict_data_pak.csv', import.meta.url).pathname;
    // An import runs under its own limit (the server's does not apply), and the message names that one.
    const r = sitrep(['import', pakistan, '--db', db], { SITREP_IMPORT_MEMORY_LIMIT: '16MB', SITREP_MEMORY_LIMIT: '4GB' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sitrep: DuckDB ran out of memory within its limit \(SITREP_IMPORT_MEMORY_LIMIT=16MB\); nothing was written \(raise SITREP_IMPORT_MEMORY_LIMIT/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(sitrep(['export', '--db', db]).stdout).toBe(before);
  });

  it('says in one line when the store is held by a running server, or is no store, and writes nothing', async () => {
    const before = sitrep(['export', '--db', db]).stdout;
    // The situation users meet: `sitrep serve` is running on the store and they start an import beside it.
    const server = spawn(process.execPath, [sitrepBin, 'serve', '--db', db, '--port', String(20_000 + (process.pid % 10_000))], { env: { ...process.env, CI: 'true' } });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (d: Buffer) => /running at/.test(String(d)) && resolve());
        server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
      });
      const r = sitrep(['import', join(dir, 'seed.ndjson'), '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^sitrep: the store .*a\\.duckdb \\(--db\\) is open in another process \\(.*PID ${server.pid}\\); .*sitrep serve.*--server`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      // A read beside it is told to stop the server, not to send files to it.
      const read = sitrep(['query', '--db', db]);
      expect(read.stderr).toMatch(/is open in another process .*stop that process/);
      expect(read.stderr).not.toMatch(/--server/);
    } finally {
      server.kill();
      await new Promise((resolve) => server.once('exit', resolve));
    }
    expect(sitrep(['export', '--db', db]).stdout).toBe(before);

    const notAStore = join(dir, 'notes.txt');
    writeFileSync(notAStore, 'not a database');
    // DuckDB opens an empty path or a .csv/.json file as a store in memory: an import into it reported success and
    // kept nothing. A mistyped path for a command that reads made an empty store and answered "0 records".
    const csvFile = join(dir, 'events.csv');
    writeFileSync(csvFile, 'id,date\n1,2021-01-01\n');
    const typo = join(dir, 'typo.duckdb');
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['query'], { SITREP_DB: notAStore }, /notes\.txt \(SITREP_DB\) is not a Sitrep store/],
      [['import', join(dir, 'seed.ndjson'), '--db', join(dir, 'no-such-folder', 'x.duckdb')], {}, /cannot create the store .*x\.duckdb \(--db\): its folder does not exist/],
      [['import', join(dir, 'seed.ndjson'), '--db', csvFile], {}, /events\.csv \(--db\) is not a Sitrep store/],
      [['import', join(dir, 'seed.ndjson'), '--db', ''], {}, /the store path \(--db\) is empty/],
      [['query', '--db', typo], {}, /there is no store at .*typo\.duckdb \(--db\); check the path/],
      [['stats', '--by', 'year', '--db', typo], {}, /there is no store at/],
      [['users', 'list', '--db', typo], {}, /there is no store at/],
      [['query', '--db', dir], {}, /is a folder, not a store/],
    ];
    for (const [args, env, message] of cases) {
      const r = sitrep(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(notAStore, 'utf8')).toBe('not a database');
    expect(readFileSync(csvFile, 'utf8')).toBe('id,date\n1,2021-01-01\n');
    expect(existsSync(typo)).toBe(false);
  });

  it('stops quietly when the reader of its output stops early (`sitrep export | head`)', async () => {
    // More than a pipe's buffer of output, so the writes meet the closed pipe.
    const big = join(dir, 'big.ndjson');
    const description = 'A long description of the event. '.repeat(40);
    writeFileSync(big, Array.from({ length: 400 }, (_, i) => JSON.stringify(sampleRecord({ id: `big:${i}`, description }))).join('\n') + '\n');
    const bigDb = join(dir, 'big.duckdb');
    expect(sitrep(['import', big, '--db', bigDb]).code).toBe(0);
    const child = spawn(process.execPath, [sitrepBin, 'export', '--db', bigDb], { env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('has help everywhere', () => {
    for (const args of [['--help'], ['import', '--help'], ['query', '--help'], ['actors', 'search', '--help']]) {
      const r = sitrep(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: sitrep/);
    }
  });
});
