import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { fullScope, parseFilter, publicScope } from '../core/filter.ts';
import { resolveActorFilter } from '../core/actor-registry.ts';
import type { EventRecord } from '../core/record.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { demoDir, loadDemo, readDemoManifest } from './demo.ts';
import { loadImportContext, mappingOptions, readMapping } from './import-context.ts';
import type { ImportReport } from '../core/importing.ts';
import { runImport } from './run-import.ts';
import { projectRoot } from './settings.ts';
import { loadRegistry } from './wiring.ts';
import { sitrep } from './cli-test-helpers.ts';

const registry = loadRegistry();

async function all(store: EventStore, dataset: string): Promise<EventRecord[]> {
  const out: EventRecord[] = [];
  for await (const r of store.stream(fullScope, { dataset: [dataset] })) out.push(r);
  return out;
}

describe('the demo dataset', () => {
  let store: EventStore;
  let reports: ImportReport[];
  beforeAll(async () => {
    store = await duckdbStore(':memory:');
    reports = await loadDemo(store, await loadImportContext(registry, {}));
  }, 120_000);
  afterAll(() => store?.close());

  it('loads every manifest file into an empty store with the counts the manifest states', async () => {
    const manifest = readDemoManifest();
    expect(reports.map((r) => r.file)).toEqual(manifest.files.map((f) => f.file));
    for (const [i, f] of manifest.files.entries()) {
      const { read, rejected, inserted, updated } = reports[i]!;
      expect({ read, rejected, inserted, updated }, f.file).toEqual(f.expected);
    }
    expect(await store.count(fullScope, {})).toBe(manifest.expectedRecords);
    for (const f of manifest.files) expect(existsSync(join(demoDir, f.file)), f.file).toBe(true);
  });

  it('imports the curated ISKP list with the kinds of its counts table', async () => {
    // The "Counts by kind and year" table of iskp-activity.md, read here rather than copied into the test.
    const md = readFileSync(join(demoDir, 'iskp-activity.md'), 'utf8');
    const header = md.split('\n').find((l) => l.startsWith('| kind |'))!.split('|').map((s) => s.trim()).filter(Boolean);
    const table = md.split('\n').filter((l) => /^\| [a-z]+ \|/.test(l) && !l.startsWith('| kind'));
    const expected = new Map<string, number>();
    for (const row of table) {
      const cells = row.split('|').map((s) => s.trim()).filter(Boolean);
      header.slice(1, -1).forEach((year, i) => expected.set(`${cells[0]} ${year}`, Number(cells[i + 1])));
    }
    const records = await all(store, 'iskp-list');
    expect(records).toHaveLength(65);
    const got = new Map<string, number>();
    for (const r of records) got.set(`${r.kind} ${r.date.slice(0, 4)}`, (got.get(`${r.kind} ${r.date.slice(0, 4)}`) ?? 0) + 1);
    for (const [key, n] of expected) expect(got.get(key) ?? 0, key).toBe(n);

    const crocus = records.find((r) => r.id === 'iskp-list:isk-0057')!;
    expect(crocus).toMatchObject({ kind: 'attack', place: { country: 'RUS' }, actors: [{ actorId: 'iskp', attribution: 'claimed' }] });
    expect(records.every((r) => r.provenance.licence === 'Free to use with attribution to the cited sources' && r.sources.length === 1)).toBe(true);
    // Network labels ("ISKP-linked Central Asian network") resolve through the actor they mention.
    expect(records.filter((r) => r.actors.some((a) => a.actorId === 'iskp')).length).toBeGreaterThanOrEqual(55);
    // A label naming two provinces as alternatives ("IS affiliates (ISKP or ISPP) suspected") is the Islamic State's.
    expect(records.find((r) => r.id === 'iskp-list:isk-0047')!.actors).toMatchObject([{ actorId: 'islamic-state', attribution: 'suspected' }]);
  });

  it('does not import the ISKP list beside the copy an earlier version made (curated:isk-…)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-demo-'));
    const iskp = readDemoManifest().files.find((f) => f.dataset === 'iskp-list')!;
    const entry = { ...iskp, file: relative(dir, join(demoDir, iskp.file)), mapping: relative(dir, join(demoDir, iskp.mapping!)) };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...readDemoManifest(), files: [entry], expectedRecords: 65 }));
    const earlier = await duckdbStore(':memory:');
    await earlier.write([{ ...(await all(store, 'iskp-list'))[0]!, id: 'curated:isk-0001', provenance: { ...(await all(store, 'iskp-list'))[0]!.provenance, dataset: 'curated' } }], { by: 'import:earlier' });
    const skipped: string[] = [];
    expect(await loadDemo(earlier, await loadImportContext(registry, {}), { dir, onSkip: (f, why) => skipped.push(`${f}: ${why}`) })).toEqual([]);
    expect(skipped).toEqual([expect.stringMatching(/iskp-activity\.csv: this store holds the list from an earlier version/)]);
    expect(await earlier.count(fullScope, {})).toBe(1);
    // A store without the earlier copy gets the list.
    const fresh = await duckdbStore(':memory:');
    expect((await loadDemo(fresh, await loadImportContext(registry, {}), { dir }))[0]).toMatchObject({ inserted: 65 });
    await Promise.all([earlier.close(), fresh.close()]);
  });

  it("answers the README's opening question with the figures the README gives", async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const link = /<(http:\/\/127\.0\.0\.1:8080\/\?[^>]+)>/.exec(readme)![1]!;
    const [, total, germany] = /\((\d+) records: Germany (\d+),/.exec(readme)!;
    const filter = resolveActorFilter(parseFilter(new URL(link).searchParams), registry);
    expect(filter.not_country).toEqual(['AFG']);
    expect(await store.count(publicScope, filter)).toBe(Number(total));
    const { country } = await store.facets(publicScope, filter, ['country'], 50);
    expect(country!.values.find((v) => v.value === 'DEU')?.count).toBe(Number(germany));
    expect(country!.values.find((v) => v.value === 'AFG')).toBeUndefined();
  });
});

const wikiCsv = join(projectRoot, '../shared/data/curated/wikipedia_terrorism_lists/global_terrorism.csv');

describe.skipIf(!existsSync(wikiCsv))('the Wikipedia-derived list with data/mappings/wikipedia-terrorism-lists.yaml', () => {
  let store: EventStore;
  let report: ImportReport;
  let byId: Map<string, EventRecord>;
  const rows = parse(readFileSync(wikiCsv), { columns: true, relax_column_count: true }) as Record<string, string | undefined>[];
  // The documented id: SHA-1 of the key cells, each NFC, lower case, white space collapsed, joined by U+001F.
  const idOf = (row: Record<string, string | undefined>) =>
    `wiki-lists:${createHash('sha1').update(['date', 'location', 'details'].map((k) => (row[k] ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()).join('\u001f')).digest('hex')}`;
  const recordOf = (row: Record<string, string | undefined>) => byId.get(idOf(row));

  beforeAll(async () => {
    store = await duckdbStore(':memory:');
    const path = join(projectRoot, 'data/mappings/wikipedia-terrorism-lists.yaml');
    const context = await loadImportContext(registry, {});
    [report] = (await runImport(store, wikiCsv, { ...context, options: mappingOptions(readMapping(path), path) }, { format: 'mapped' })) as [ImportReport];
    byId = new Map((await all(store, 'wiki-lists')).map((r) => [r.id, r]));
  }, 180_000);
  afterAll(() => store?.close());

  it('imports every row but a few, each rejection saying where and why', () => {
    expect(report.read).toBe(rows.length);
    expect(report.rejected / report.read).toBeLessThan(0.01);
    expect(report.inserted).toBe(rows.length - report.rejected);
    for (const r of report.rejections) {
      expect(r.file).toBe('global_terrorism.csv');
      expect(r.line).toBeGreaterThan(1);
      expect(r.column && r.reason).toBeTruthy();
    }
    // Rows with only six fields (no perpetrator) are padded, not rejected.
    const short = rows.filter((r) => r.perpetrator === undefined);
    expect(short).toHaveLength(79);
    expect(short.filter((r) => recordOf(r)?.actors.length === 0).length).toBeGreaterThanOrEqual(78);
  });

  it('reads "Month d yyyy" and "d Month yyyy" dates to the day, and month-only dates as months', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const pad = (n: number | string) => String(n).padStart(2, '0');
    let checked = 0;
    for (const row of rows) {
      const m = /^([A-Z][a-z]+) (\d{1,2}) (\d{4})$/.exec(row.date!) ?? /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(row.date!);
      const r = recordOf(row);
      if (!m || !r) continue;
      const [month, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
      expect(r.date, row.date).toBe(`${m[3]}-${pad(months.indexOf(month) + 1)}-${pad(day)}`);
      expect(r.datePrecision).toBe('day');
      checked++;
    }
    expect(checked).toBeGreaterThan(9000);
    const april = recordOf(rows.find((r) => r.date === 'April 1970')!)!;
    expect(april).toMatchObject({ date: '1970-04-01', dateEnd: '1970-04-30', datePrecision: 'month' });
  });

  it('reads casualties by the count rules', () => {
    let plain = 0;
    for (const row of rows) {
      const r = recordOf(row);
      if (!r) continue;
      const dead = row.dead!.trim();
      if (/^\d+$/.test(dead)) {
        expect(r.killed.best, dead).toBe(Number(dead));
        plain++;
      }
      const plus = /^(\d+) \(\+(\d+)\)$/.exec(dead);
      if (plus) expect(r.killed.best, dead).toBe(Number(plus[1]) + Number(plus[2]));
      if (/^(unknown)?$/i.test(dead)) expect(r.killed.best, dead).toBeNull();
      const injured = row.injured!.trim();
      if (/^\d+ kidnapped$/i.test(injured)) {
        expect(r.wounded.best, injured).toBeNull();
        expect(r.tactics).toContain('kidnapping');
      }
      if (/^(several|dozens)$/i.test(injured)) {
        expect(r.wounded.best).toBeNull();
        expect(r.tags).toContain(`wounded: ${injured}`);
      }
    }
    expect(plain).toBeGreaterThan(7000);
  });

  it('resolves the Khorasan province and splits "… or Taliban (suspected)" into two suspected actors', () => {
    const khorasan = rows.filter((r) => r.perpetrator === 'Islamic State – Khorasan Province');
    expect(khorasan.length).toBeGreaterThan(0);
    for (const row of khorasan) expect(recordOf(row)!.actors).toEqual([{ actorId: 'iskp', name: 'Islamic State – Khorasan Province', role: 'perpetrator', attribution: 'attributed' }]);
    const either = rows.filter((r) => r.perpetrator === 'Islamic State – Khorasan Province or Taliban (suspected)');
    expect(either).toHaveLength(2);
    for (const row of either) {
      expect(recordOf(row)!.actors.map((a) => [a.actorId, a.attribution])).toEqual([['iskp', 'suspected'], ['afghan-taliban', 'suspected']]);
    }
    const suspected = rows.filter((r) => r.perpetrator === 'Islamic State (suspected)').map(recordOf);
    expect(suspected.every((r) => r!.actors[0]!.attribution === 'suspected' && r!.actors[0]!.name === 'Islamic State')).toBe(true);
  });

  it('places "Kabul, Afghanistan" in Afghanistan, geocoded near Kabul', () => {
    const kabul = rows.filter((r) => r.location === 'Kabul, Afghanistan').map(recordOf).filter(Boolean) as EventRecord[];
    expect(kabul.length).toBeGreaterThan(50);
    for (const r of kabul) {
      expect(r.place).toMatchObject({ country: 'AFG', locality: 'Kabul', precision: 'locality' });
      expect(Math.hypot(r.place.lat! - 34.53, r.place.lon! - 69.17)).toBeLessThan(0.2);
    }
    const afghan = rows.filter((r) => /, Afghanistan$/.test(r.location!)).map(recordOf).filter(Boolean);
    expect(afghan.length).toBeGreaterThan(900);
    expect(afghan.every((r) => r!.place.country === 'AFG')).toBe(true);
    expect(recordOf(rows.find((r) => r.location === 'Munich, West Germany')!)!.place.country).toBe('DEU');
  });
});

describe('a demo store made before the id index was rebuilt (migrations 7 and 8)', () => {
  it('opens, migrates and lists its records by id', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sitrep-demo-store-')), 'demo.duckdb');
    expect(sitrep(['demo', '--db', db]).code).toBe(0);
    const raw = await DuckDBInstance.create(db);
    const c = await raw.connect();
    await c.run('DELETE FROM schema_migrations WHERE version >= 7');
    c.closeSync();
    raw.closeSync();
    // In a process of its own: dropping an index and making one of the same name in one transaction made DuckDB
    // abort the process on this store.
    const r = sitrep(['query', '--db', db, '--limit', '5', '--format', 'ndjson']);
    expect(r.stderr).toMatch(/^sitrep: wrote 5 of \d+ records \(--limit 5\)/);
    expect(r.code).toBe(0);
    const ids = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as EventRecord).id);
    expect(ids).toHaveLength(5);
    expect(sitrep(['history', ids[0]!, '--db', db]).stdout).toContain(ids[0]);
  }, 120_000);
});
