import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/record.ts';
import { importedAt, importWith, storedZip } from '../importer-test-helpers.ts';
import type { ActorResolver, ImportContext } from '../source-format.ts';
import { sourceFormats } from '../registry.ts';
import { openTextInputs } from '../text-input.ts';
import { ucdpGed } from './ucdp-ged.ts';

// The shared sample files sit beside the repository (`../shared/data`).
const data = new URL('../../../../shared/data/ucdp_ged', import.meta.url).pathname;
const pak = `${data}/conflict_data_pak.csv`;
const bgd = `${data}/hdx-scraper-ucdp/conflict_data_BGD.csv`;
const ged191 = `${data}/hdx-scraper-ucdp/ged191.csv`;
const ged231 = `${data}/uncertainUCDP/ucdpged_sample_ged231.csv`;
const registryFile = join(import.meta.dirname, '../../../data/actors.json');
const registryModule = join(import.meta.dirname, '../../core/actor-registry.ts');
const hasRegistry = existsSync(registryFile) && existsSync(registryModule);

/** The real pipeline minus the store: open (gz/zip/encoding), detect, read, validate every record. */
const importFile = (path: string, resolveActor?: ActorResolver) => importWith(ucdpGed, path, resolveActor ? { resolveActor } : {});
const context: ImportContext = { resolveActor: () => undefined, importedAt, options: {} };

type RawRow = Record<string, string> &
  Record<'id' | 'low' | 'best' | 'high' | 'date_start' | 'date_end' | 'date_prec' | 'where_prec' | 'type_of_violence' | 'side_a' | 'side_b' | 'dyad_name' | 'latitude' | 'longitude', string>;

/** The raw file read independently: csv-parse with named columns, HXL rows dropped. */
function rawRows(path: string): RawRow[] {
  const rows = parse(readFileSync(path), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true }) as RawRow[];
  return rows.filter((r) => !Object.values(r).filter(Boolean).every((v) => v.startsWith('#')));
}

const day = (s: string) => s.slice(0, 10);
const countBy = <T,>(items: T[], key: (t: T) => string) => items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {});
const sum = (ns: (number | null | undefined)[]) => ns.reduce<number>((a, n) => a + (n ?? 0), 0);
const wherePrec: Record<string, string> = { 1: 'exact', 2: 'locality', 3: 'admin2', 4: 'admin1', 5: 'country', 6: 'country', 7: 'unknown' };
const datePrec: Record<string, string> = { 1: 'day', 2: 'week', 3: 'week', 4: 'month', 5: 'year' };

/** Compares what the importer made with what the raw file says, row for row and in aggregate. */
function expectMatchesRaw(records: EventRecord[], raw: RawRow[]) {
  expect(records).toHaveLength(raw.length);
  expect(sum(records.map((r) => r.killed.best))).toBe(sum(raw.map((r) => Number(r.best))));
  expect(sum(records.map((r) => r.killed.low))).toBe(sum(raw.map((r) => Number(r.low))));
  expect(records.map((r) => r.date).sort()[0]).toBe(raw.map((r) => day(r.date_start)).sort()[0]);
  expect(records.map((r) => r.dateEnd ?? r.date).sort().at(-1)).toBe(raw.map((r) => day(r.date_end)).sort().at(-1));
  expect(countBy(records, (r) => r.place.precision)).toEqual(countBy(raw, (r) => wherePrec[r.where_prec]!));
  expect(countBy(records, (r) => r.datePrecision)).toEqual(countBy(raw, (r) => datePrec[r.date_prec]!));
  expect(records.filter((r) => r.kind === 'attack')).toHaveLength(raw.filter((r) => r.type_of_violence === '3').length);
  expect(records.filter((r) => !r.dateEnd)).toHaveLength(raw.filter((r) => day(r.date_start) === day(r.date_end)).length);
  expect(records.filter((r) => r.actors.some((a) => a.name === 'IS'))).toHaveLength(raw.filter((r) => r.side_a === 'IS' || r.side_b === 'IS').length);
  const byId = new Map(raw.map((r) => [`ucdp:${r.id}`, r]));
  for (const rec of records) {
    const row = byId.get(rec.id)!;
    expect(rec.killed).toEqual({ low: Number(row.low), best: Number(row.best), high: Number(row.high) });
    expect([rec.place.lat, rec.place.lon]).toEqual([Number(row.latitude), Number(row.longitude)]);
    // Type 3 has no actor for the Civilians side.
    expect(rec.actors.map((a) => a.name)).toEqual(row.type_of_violence === '3' ? [row.side_a] : [row.side_a, row.side_b]);
  }
}

describe.skipIf(!existsSync(pak))('UCDP GED: Pakistan HDX export (GED 22.1, 50 columns, HXL row)', () => {
  it('imports every event, skips the HXL row and matches the raw file', async () => {
    const { records, rejections, invalid } = await importFile(pak);
    expect({ rejections, invalid }).toEqual({ rejections: [], invalid: [] });
    expect(records).toHaveLength(6416); // SOURCES.md
    expect(sum(records.map((r) => r.killed.best))).toBe(43225);
    expectMatchesRaw(records, rawRows(pak));
    expect(new Set(records.map((r) => r.place.country))).toEqual(new Set(['PAK']));
    // 200 rows break low ≤ best ≤ high in the source; they are kept as given.
    expect(records.filter((r) => !(r.killed.low! <= r.killed.best! && r.killed.best! <= r.killed.high!)).length).toBeGreaterThan(0);
  });

  it('maps one row field by field', async () => {
    const { records } = await importFile(pak);
    const r = records.find((x) => x.id === 'ucdp:59553')!;
    expect(r).toMatchObject({
      kind: 'clash', subtype: 'state-based conflict', date: '1990-10-04', dateEnd: null, datePrecision: 'day',
      place: { country: 'PAK', admin1: 'Azad Jammu & Kashmir', admin2: 'Neelam district', locality: 'Kel village', lat: 34.821865, lon: 74.355544, precision: 'locality' },
      actors: [
        { name: 'Government of India', role: 'side_a', attribution: 'attributed' },
        { name: 'Government of Pakistan', role: 'side_b', attribution: 'attributed' },
      ],
      targets: ['security_forces'], killed: { low: 2, best: 2, high: 2 }, wounded: { low: null, best: null, high: null },
      casualtySource: 'independent', status: 'published', visibility: 'public',
      sources: [{ title: 'R 4/10 1990', type: 'media' }, { title: 'UCDP GED 22.1+ layout', type: 'dataset' }],
      provenance: { dataset: 'ucdp', datasetVersion: 'GED 22.1+ layout', originalId: '59553', importedAt, licence: 'CC BY 4.0' },
    });
    expect(r.tags).toEqual(expect.arrayContaining(['ucdp:relid=PAK-1990-1-345-5', 'ucdp:code_status=Clear', 'ucdp:conflict=India - Pakistan', 'ucdp:deaths_b=2']));
    expect(r.description).toBe('Government of India - Government of Pakistan: fighting at Kel sector of the control line (Neelam district, Azad Jammu & Kashmir, Pakistan); 2 killed (best estimate).');
    // Quoted "Office,date,Headline" items become dated, published sources.
    const cited = records.find((x) => x.id === 'ucdp:372969')!;
    expect(cited.sources[0]).toMatchObject({ publisher: 'Reuters News', date: '1990-12-29', type: 'media' });
    expect(cited.sources[0]!.title).toMatch(/^PAKISTANI SPOKESMAN SAYS INDIAN FORCES KILLED BUS PASSENGE/);
  });

  it.skipIf(!hasRegistry)('resolves IS through the registry rules: iskp before 15 May 2019 in Pakistan, not in the Iraqi dyad', async () => {
    const { createActorRegistry, registryFileSchema } = await import(registryModule);
    const registry = createActorRegistry(registryFileSchema.parse(JSON.parse(readFileSync(registryFile, 'utf8'))));
    const { records } = await importFile(pak, (name, c) => registry.resolve(name, c)?.id);
    const raw = rawRows(pak).filter((r) => r.side_a === 'IS' || r.side_b === 'IS');
    const early = raw.filter((r) => day(r.date_start) < '2019-05-15' && r.dyad_name !== 'Government of Iraq - IS');
    const isActors = records.flatMap((r) => r.actors.filter((a) => a.name === 'IS').map((a) => ({ a, r })));
    expect(isActors).toHaveLength(raw.length);
    expect(isActors.filter(({ a }) => a.actorId === 'iskp')).toHaveLength(early.length);
    expect(early.length).toBeGreaterThan(0);
    for (const { a, r } of isActors) if (r.date >= '2019-05-15') expect(a.actorId).toBe('islamic-state');
    const iraq = isActors.find(({ r }) => r.description.startsWith('Government of Iraq - IS'))!;
    expect(iraq.a.actorId).not.toBe('iskp');
  });
});

describe.skipIf(!existsSync(bgd) || !existsSync(ged191))('UCDP GED 19.1: HDX Bangladesh export (43 columns) and the raw release (42)', () => {
  it('reads the 19.1 column order (low,best,high) by name', async () => {
    for (const [path, count] of [[bgd, 601], [ged191, 3194]] as const) {
      const { records, rejections, invalid } = await importFile(path);
      expect({ rejections, invalid }).toEqual({ rejections: [], invalid: [] });
      expect(records).toHaveLength(count);
      expectMatchesRaw(records, rawRows(path));
    }
  });

  it('takes the country from iso3 or from the Gleditsch–Ward id, and the version from the file name', async () => {
    const { records } = await importFile(ged191);
    expect(countBy(records, (r) => r.place.country!)).toEqual({ MMR: 2593, BGD: 601 });
    expect(records[0]!.provenance.datasetVersion).toBe('19.1');
    expect((await importFile(bgd)).records[0]!.provenance.datasetVersion).toBe('GED 19.1 layout');
  });
});

describe.skipIf(!existsSync(ged231))('UCDP GED 23.1 sample (49 columns, dates already YYYY-MM-DD)', () => {
  it('imports the 1,000 events and resolves coalition members for lookup only', async () => {
    const calls: { name: string; sourceActorId: unknown }[] = [];
    const resolver: ActorResolver = (name, c) => {
      calls.push({ name, sourceActorId: c.sourceActorId });
      return name === 'IS' ? 'islamic-state' : undefined;
    };
    const plain = await importFile(ged231);
    expect({ rejections: plain.rejections, invalid: plain.invalid }).toEqual({ rejections: [], invalid: [] });
    expectMatchesRaw(plain.records, rawRows(ged231));
    expect(plain.records[0]!.provenance.datasetVersion).toBe('23.1');
    const { records } = await importFile(ged231, resolver);
    const coalition = records.find((r) => r.actors[0]!.name.startsWith('Ahfad al Rasoul Brigade, Ahrar al-Sham'))!;
    expect(coalition.actors.map((a) => [a.name, a.actorId ?? null])).toEqual(
      expect.arrayContaining([[expect.stringContaining(', IS, '), null], ['IS', 'islamic-state']]),
    );
    expect(coalition.tags).toContain('ucdp:coalition');
    // The whole coalition is looked up on its UCDP id; its members without one (the id is the coalition's).
    expect(calls).toContainEqual({ name: coalition.actors[0]!.name, sourceActorId: expect.stringMatching(/^\d+$/) });
    expect(calls).toContainEqual({ name: 'Ahrar al-Sham', sourceActorId: null });
  });
});

describe('registry: detection is unambiguous', () => {
  const shared = new URL('../../../../shared/data', import.meta.url).pathname;
  const samples: [string, string | undefined][] = [
    [pak, 'ucdp'], [bgd, 'ucdp'], [ged191, 'ucdp'], [ged231, 'ucdp'],
    [`${shared}/gdelt/spark-gdelt/events.csv`, 'gdelt'], [`${shared}/gdelt/spark-gdelt/events1.csv`, 'gdelt'],
    [`${shared}/gdelt/spark-gdelt/mentions.csv`, undefined], [`${shared}/acled/acledR/acled_old_dummy.csv`, undefined],
    [`${shared}/curated/wikipedia_terrorism_lists/global_terrorism.csv`, undefined],
  ];
  it.each(samples.filter(([p]) => existsSync(p)))('%s', async (path, expected) => {
    const [input] = await openTextInputs(path);
    const claimed = sourceFormats.filter((f) => f.detect(input!)).map((f) => f.name);
    // Only ours are checked: the other importers say for themselves which files they claim.
    const ours = claimed.filter((n) => n === 'ucdp' || n === 'gdelt');
    expect(ours).toEqual(expected ? [expected] : []);
    if (expected) expect(claimed).toEqual([expected]);
  });
});

const header49 = 'id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,source_date,source_headline,source_original,where_prec,where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob'.split(',');
const base: Record<string, string> = {
  id: '900001', relid: 'AFG-2020-1-1-1', year: '2020', active_year: '1', code_status: 'Clear', type_of_violence: '1', conflict_name: 'Afghanistan: Government',
  dyad_name: 'Government of Afghanistan - Taleban', side_a_new_id: '130', side_a: 'Government of Afghanistan', side_b_new_id: '303', side_b: 'Taleban',
  number_of_sources: '1', source_article: '"Pajhwok,2020-03-02,Clash in Kunduz; 4 dead"', where_prec: '1', where_coordinates: 'Kunduz town',
  where_description: 'Kunduz city', adm_1: 'Kunduz province', adm_2: 'Kunduz district', latitude: '36.72896', longitude: '68.857', country: 'Afghanistan',
  country_id: '700', region: 'Asia', event_clarity: '1', date_prec: '1', date_start: '2020-03-01 00:00:00.000', date_end: '2020-03-01 00:00:00.000',
  deaths_a: '1', deaths_b: '3', deaths_civilians: '0', deaths_unknown: '0', best: '4', high: '6', low: '4',
};
const dir = mkdtempSync(join(tmpdir(), 'sitrep-ucdp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function fixture(name: string, rows: Record<string, string>[], header = header49): string {
  const path = join(dir, name);
  writeFileSync(path, stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: '\r\n' }));
  return path;
}

describe('UCDP GED: hand-written fixtures', () => {
  it('reads a raw 22.1+ file with `00:00:00.000` times, ranges and one-sided violence', async () => {
    const path = fixture('GEDEvent_v23_1.csv', [
      base,
      { ...base, id: '900002', date_prec: '4', date_start: '2020-04-01 00:00:00.000', date_end: '2020-04-30 00:00:00.000', best: '0', low: '0', high: '', where_prec: '4', where_coordinates: 'Kunduz province' },
      { ...base, id: '900003', type_of_violence: '3', side_b: 'Civilians', side_b_new_id: '1', dyad_name: 'Taleban - Civilians', side_a: 'Taleban', side_a_new_id: '303', event_clarity: '2', number_of_sources: '-1', source_article: 'Pajhwok 2 Mar,\nTOLOnews' },
    ]);
    const { records, rejections } = await importFile(path);
    expect(rejections).toEqual([]);
    const [a, b, c] = records;
    expect(a).toMatchObject({ date: '2020-03-01', dateEnd: null, datePrecision: 'day', place: { country: 'AFG', locality: 'Kunduz town', precision: 'exact' } });
    expect(a!.sources[0]).toMatchObject({ title: 'Clash in Kunduz; 4 dead', publisher: 'Pajhwok', date: '2020-03-02', type: 'media' });
    expect(a!.provenance.datasetVersion).toBe('23.1');
    expect(b).toMatchObject({ date: '2020-04-01', dateEnd: '2020-04-30', datePrecision: 'month', killed: { low: 0, best: 0, high: null }, place: { locality: null, precision: 'admin1' } });
    expect(c).toMatchObject({ kind: 'attack', targets: ['civilians'], actors: [{ name: 'Taleban', role: 'perpetrator', attribution: 'attributed' }] });
    expect(c!.sources[0]).toMatchObject({ title: 'Pajhwok 2 Mar, TOLOnews', type: 'media' });
    expect(c!.tags).toContain('ucdp:low-clarity');
  });

  it('reads a candidate file: active_year true/false, empty conflict_dset_id, XXX placeholder actors', async () => {
    const path = fixture('GEDEvent_v26_0_7.csv', [
      { ...base, active_year: 'true', code_status: 'Check dyad', conflict_dset_id: '' },
      { ...base, id: '900010', active_year: 'false', code_status: 'Check geography', side_b: 'XXX771', side_b_new_id: '', country_id: '771' },
    ]);
    const resolved: string[] = [];
    const { records, rejections } = await importFile(path, (name) => (resolved.push(name), undefined));
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.provenance.datasetVersion)).toEqual(['26.0.7-candidate', '26.0.7-candidate']);
    expect(records[0]!.tags).toEqual(expect.arrayContaining(['ucdp:candidate', 'ucdp:active_year=true', 'ucdp:code_status=Check dyad']));
    expect(records[1]!.tags).toEqual(expect.arrayContaining(['ucdp:active_year=false', 'ucdp:unidentified-actor']));
    expect(records[1]!.actors[1]).toMatchObject({ name: 'XXX771', role: 'side_b', attribution: 'attributed', actorId: null });
    expect(records[1]!.place.country).toBe('BGD');
    expect(resolved).not.toContain('XXX771');
  });

  it('rejects impossible values naming the line and column, and keeps going', async () => {
    const path = fixture('bad.csv', [
      { ...base, source_article: '"A,2020-03-02,spans\ntwo lines"' }, // lines 2–3
      { ...base, id: '2', date_start: '2021-02-30 00:00:00.000' }, // line 4
      { ...base, id: '3', latitude: '999' },
      { ...base, id: '4', type_of_violence: '4' },
      { ...base, id: '5', date_end: '2020-02-01' },
      { ...base, id: '6' },
      { ...base, id: '6', best: '99' }, // a repeated event: rejected, not silently kept in its first row's place
    ]);
    const { records, rejections } = await importFile(path);
    expect(records.map((r) => r.id)).toEqual(['ucdp:900001', 'ucdp:6']);
    expect(records[1]!.killed.best).toBe(Number(base.best));
    expect(rejections.map(({ line, column, value }) => ({ line, column, value }))).toEqual([
      { line: 4, column: 'date_start', value: '2021-02-30 00:00:00.000' },
      { line: 5, column: 'latitude', value: '999' },
      { line: 6, column: 'type_of_violence', value: '4' },
      { line: 7, column: 'date_end', value: '2020-02-01' },
      { line: 9, column: 'id', value: '6' },
    ]);
    expect(rejections.at(-1)!.reason).toBe('the same id as line 8: UCDP GED gives each event one id; a repeated row (remove one of the two)');
    expect(rejections.every((r) => r.file === 'bad.csv' && r.reason.length > 10)).toBe(true);
  });

  it('takes the country from country_id when iso3 names none (a placeholder such as XXX)', async () => {
    const path = fixture('iso3.csv', [{ ...base, iso3: 'XXX' }, { ...base, id: '900002', iso3: 'pak' }], [...header49, 'iso3']);
    const { records, rejections } = await importFile(path);
    expect(rejections).toEqual([]);
    expect(records.map((r) => r.place.country)).toEqual(['AFG', 'PAK']);
  });

  it('throws a SourceError for a CSV that is not UCDP', async () => {
    const path = join(dir, 'other.csv');
    writeFileSync(path, 'id,type_of_violence,where_prec\n1,1,1\n');
    const [input] = await openTextInputs(path);
    expect(ucdpGed.detect(input!)).toBe(false);
    await expect((async () => { for await (const _ of ucdpGed.read(input!, context)); })()).rejects.toThrow(/not a UCDP GED CSV: the header lacks side_a/);
  });

  it.skipIf(!existsSync(bgd))('reads gz and zip copies exactly like the plain file', async () => {
    const plain = await importFile(bgd);
    const gz = join(dir, 'conflict_data_BGD.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(bgd)));
    const zip = join(dir, 'ucdp.zip');
    writeFileSync(zip, storedZip({ 'conflict_data_BGD.csv': readFileSync(bgd) }));
    for (const copy of [gz, zip]) expect((await importFile(copy)).records).toEqual(plain.records);
  });
});
