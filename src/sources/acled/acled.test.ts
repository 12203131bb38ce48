import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iso3FromIsoNumeric } from '../../core/countries.ts';
import { addDays, type EventRecord } from '../../core/record.ts';
import { importWith, registryResolver, type ImportResult } from '../importer-test-helpers.ts';
import type { ActorResolver } from '../source-format.ts';
import { acled, acledLayout, acledMergeWindow } from './acled-format.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-acled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// The real ACLED sample is read where it lies, never copied into the repository (ACLED's terms).
const sample = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'acled', 'acledR', 'acled_old_dummy.csv');

const countBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return out;
};
const names = (r: EventRecord | undefined, role?: string) => (r?.actors ?? []).filter((a) => !role || a.role === role).map((a) => a.name);

describe.skipIf(!existsSync(sample))('ACLED importer on the real 326-row sample (acledR)', () => {
  type Raw = Record<string, string>;
  let raw: Raw[];
  let result: ImportResult;
  beforeAll(async () => {
    raw = parse(readFileSync(sample), { columns: true }) as Raw[];
    result = await importWith(acled, sample);
  });

  it('turns every row into a valid, internal record', () => {
    expect(raw).toHaveLength(326);
    expect(result.invalid).toEqual([]);
    expect(result.rejections).toEqual([]);
    expect(result.records.map((r) => r.id).sort()).toEqual(raw.map((r) => `acled:${r.event_id_cnty}`).sort());
    expect(result.records.every((r) => r.visibility === 'internal' && r.status === 'published')).toBe(true);
    expect(acledLayout(Object.keys(raw[0]!))).toBe('since-2023-03');
  });

  it('keeps the event and sub-event types', () => {
    const kindOf: Record<string, string> = { protests: 'protest', riots: 'protest', 'strategic developments': 'other' };
    expect(countBy(result.records, (r) => r.kind)).toEqual(countBy(raw, (r) => kindOf[r.event_type!.toLowerCase()]!));
    expect(countBy(result.records, (r) => r.subtype ?? '')).toEqual(countBy(raw, (r) => r.sub_event_type!));
  });

  it('dates every row by its time precision', () => {
    for (const row of raw) {
      const r = result.byId.get(`acled:${row.event_id_cnty}`)!;
      const d = row.event_date!;
      if (row.time_precision === '1') expect([r.date, r.dateEnd, r.datePrecision]).toEqual([d, null, 'day']);
      else {
        expect(row.time_precision).toBe('2');
        const t = Date.parse(d);
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        expect([r.date, r.dateEnd, r.datePrecision]).toEqual([day(t - 3 * 86_400_000), day(t + 3 * 86_400_000), 'week']);
      }
    }
  });

  it('places every row with its geo precision and country', () => {
    const precisionOf: Record<string, string> = { '1': 'locality', '2': 'admin2', '3': 'admin1' };
    expect(countBy(result.records, (r) => r.place.precision)).toEqual(countBy(raw, (r) => precisionOf[r.geo_precision!]!));
    for (const row of raw) {
      const { place } = result.byId.get(`acled:${row.event_id_cnty}`)!;
      expect(place).toMatchObject({ country: iso3FromIsoNumeric(row.iso!), admin1: row.admin1, locality: row.location, lat: Number(row.latitude), lon: Number(row.longitude) });
    }
  });

  it('keeps fatalities as a floor, 0 included', () => {
    const sum = raw.reduce((s, r) => s + Number(r.fatalities), 0);
    expect(result.records.reduce((s, r) => s + (r.killed.best ?? 0), 0)).toBe(sum);
    expect(result.records.filter((r) => r.killed.best === 0)).toHaveLength(raw.filter((r) => r.fatalities === '0').length);
    expect(result.records.every((r) => r.tags.includes('acled:fatalities-floor') && r.wounded.best == null)).toBe(true);
  });

  it('names every actor, all associated in protests, riots and looting', () => {
    for (const row of raw) {
      const expected = new Set([row.actor1, row.actor2, ...`${row.assoc_actor_1};${row.assoc_actor_2}`.split(';')].map((s) => s!.trim()).filter(Boolean));
      const r = result.byId.get(`acled:${row.event_id_cnty}`)!;
      expect(new Set(names(r))).toEqual(expected);
      expect(r.actors.every((a) => a.role === 'associated')).toBe(true);
    }
    const unidentified = result.records.flatMap((r) => r.actors).filter((a) => a.name.startsWith('Unidentified'));
    expect(unidentified.length).toBeGreaterThan(0);
    expect(unidentified.every((a) => a.attribution === 'unknown')).toBe(true);
  });

  it('cites each source and ACLED (the access date is the import time), and keeps notes and tags', () => {
    // Expectations come from the raw rows at run time: no ACLED value is written into this repository.
    for (const row of raw) {
      const r = result.byId.get(`acled:${row.event_id_cnty}`)!;
      expect(r.sources.map((s) => s.title)).toEqual([...row.source!.split('; '), 'ACLED']);
      expect(r.description).toBe(row.notes);
      const size = /\[size=([^\]]*)\]/.exec(row.notes!)?.[1];
      const tags = [`source_scale=${row.source_scale}`, `disorder_type=${row.disorder_type}`, ...(size ? [`crowd size=${size}`] : [])];
      expect(r.tags).toEqual(expect.arrayContaining(tags));
      expect(r.provenance).toMatchObject({ dataset: 'acled', originalId: row.event_id_cnty, datasetVersion: null, importedAt: expect.stringMatching(/^2025-01-15/), licence: 'ACLED Terms of Use – user copy, no redistribution' });
      expect(r.provenance.attribution).toBe('Armed Conflict Location & Event Data (ACLED), acleddata.com; accessed on the import date');
    }
    expect(result.records.filter((r) => r.tags.some((t) => t.startsWith('crowd size='))).length).toBeGreaterThan(0);
  });
});

describe('ACLED importer on the current layout (synthetic)', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importWith(acled, join(fixtures, 'acled-current.csv'));
  });

  it('validates every record and rejects only the broken rows, naming line and column', () => {
    expect(result.invalid).toEqual([]);
    expect(result.records).toHaveLength(8);
    expect(result.rejections.map((r) => [r.line, r.column, r.value])).toEqual([
      [11, 'event_date', '2024-02-30'],
      [12, 'time_precision', '4'],
      [13, 'event_type', 'Skirmish'],
      [14, 'latitude', '134.5553'],
      [15, 'event_id_cnty', 'AFG90001'],
    ]);
    expect(result.rejections.every((r) => r.file === 'acled-current.csv' && r.reason.length > 10)).toBe(true);
  });

  it('reads a suicide bombing against civilians as an attack', () => {
    const r = result.byId.get('acled:AFG90001')!;
    expect(r).toMatchObject({ kind: 'attack', subtype: 'Suicide bomb', date: '2024-03-10', datePrecision: 'day', killed: { best: 7 } });
    expect(r.tactics.sort()).toEqual(['ied', 'suicide']);
    expect(r.targets.sort()).toEqual(['civilians', 'religious_minority']);
    expect(r.actors.map((a) => [a.name, a.role, a.attribution])).toEqual([
      ['Islamic State Khorasan Province (ISKP)', 'perpetrator', 'attributed'],
      ['Civilians (Afghanistan)', 'target', 'attributed'],
      ['Hazara Ethnic Group (Afghanistan)', 'associated', 'attributed'],
      ['Shia Muslim Group (Afghanistan)', 'associated', 'attributed'],
    ]);
    expect(r.sources.map((s) => [s.title, s.type])).toEqual([['Tolo News', 'media'], ['Pajhwok Afghan News', 'media'], ['ACLED', 'dataset']]);
  });

  it('merges a monadic repeat and spreads a week around its midpoint', () => {
    const r = result.byId.get('acled:AFG90002')!;
    expect(r).toMatchObject({ kind: 'clash', date: '2024-03-10', dateEnd: '2024-03-16', datePrecision: 'week' });
    expect(r.actors.map((a) => [a.name, a.role])).toEqual([['Taliban', 'side_a'], ['Islamic State Khorasan Province (ISKP)', 'side_b']]);
    expect(r.tags).toContain('acled:merged-monadic');
    expect(result.records.filter((x) => x.id === 'acled:AFG90002')).toHaveLength(1);
  });

  it('splits "and/or" into two suspects and widens a month-precise date to the month', () => {
    const r = result.byId.get('acled:AFG90003')!;
    expect(r).toMatchObject({ kind: 'attack', date: '2024-02-01', dateEnd: '2024-02-29', datePrecision: 'month', killed: { best: 0 } });
    expect(r.actors.map((a) => [a.name, a.role, a.attribution])).toEqual([
      ['Taliban', 'perpetrator', 'suspected'],
      ['Islamic State Khorasan Province (ISKP)', 'perpetrator', 'suspected'],
      ['Journalists (Afghanistan)', 'associated', 'attributed'],
    ]);
    expect(r.targets.sort()).toEqual(['civilians', 'journalists']);
    expect(r.tactics).toEqual(['kidnapping']);
    expect(r.place.precision).toBe('admin1');
  });

  it('tells strikes, arrests and plots from attacks', () => {
    expect(result.byId.get('acled:PAK90001')).toMatchObject({ kind: 'strike', tactics: ['airstrike'], targets: ['rival_militants'], place: { country: 'PAK', precision: 'admin2' } });
    expect(names(result.byId.get('acled:PAK90001'), 'target')).toEqual(['TTP: Tehreek-i-Taliban Pakistan']);
    const arrest = result.byId.get('acled:PAK90002')!;
    expect(arrest.kind).toBe('arrest');
    expect(names(arrest, 'authority')).toEqual(['Police Forces of Pakistan (2018-)']);
    expect(names(arrest, 'target')).toEqual(['Islamic State Khorasan Province (ISKP)']);
    expect(arrest.targets).toEqual([]);
    const plot = result.byId.get('acled:PAK90003')!;
    expect(plot.kind).toBe('plot');
    expect(plot.actors.map((a) => [a.role, a.attribution])).toEqual([['authority', 'attributed'], ['perpetrator', 'unknown']]);
  });

  it('leaves the country empty for an event at sea', () => {
    const r = result.byId.get('acled:YEM90001')!;
    expect(r.place).toMatchObject({ country: null, locality: 'Red Sea', lat: 14.3, lon: 42.1, precision: 'unknown' });
    expect(r.tags).toContain('body of water=Red Sea');
    expect(r.tactics).toEqual(['rockets']);
  });

  it('keeps ACLED tags and does not treat a protest as violence', () => {
    const r = result.byId.get('acled:PAK90004')!;
    expect(r).toMatchObject({ kind: 'protest', targets: [] });
    expect(r.tags).toEqual(expect.arrayContaining(['crowd size=around 200', 'disorder_type=Demonstrations']));
  });

  it('counts civilian targeting whatever the event type: police firing on protesters targets civilians', async () => {
    const [header, ...rows] = parse(readFileSync(join(fixtures, 'acled-current.csv'))) as string[][];
    const col = (name: string) => header!.indexOf(name);
    const row = [...rows.find((r) => r[0] === 'PAK90004')!];
    row[col('event_id_cnty')] = 'PAK90099';
    row[col('sub_event_type')] = 'Excessive force against protesters';
    row[col('actor1')] = 'Police Forces of Pakistan (2018-)';
    row[col('inter1')] = 'State forces';
    row[col('actor2')] = 'Protesters (Pakistan)';
    row[col('inter2')] = 'Protesters';
    row[col('civilian_targeting')] = 'Civilian targeting';
    const path = join(tmp, 'acled-excessive-force.csv');
    writeFileSync(path, [header!, row].map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n');
    const { byId } = await importWith(acled, path);
    expect(byId.get('acled:PAK90099')).toMatchObject({ kind: 'protest', targets: ['civilians'] });
  });
});

describe('ACLED importer on the layout before March 2023 (synthetic)', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importWith(acled, join(fixtures, 'acled-before-2023.csv'));
  });

  it('reads dd Month yyyy dates, iso3 and numeric inter codes', () => {
    expect(result.invalid).toEqual([]);
    expect(result.rejections).toEqual([]);
    expect(result.byId.get('acled:AFG80001')).toMatchObject({ kind: 'attack', date: '2022-06-18', targets: ['civilians', 'religious_minority'], tactics: ['ied'], place: { country: 'AFG' } });
    expect(result.byId.get('acled:AFG80001')!.tags).toContain('crowd size=no report');
    expect(result.byId.get('acled:XKX80001')).toMatchObject({ kind: 'protest', date: '2022-05-02', dateEnd: '2022-05-08', place: { country: 'XKX' } });
    expect(result.byId.get('acled:PAK80001')).toMatchObject({ kind: 'other', subtype: 'Headquarters or base established' });
    expect(result.byId.get('acled:PAK80001')!.actors.map((a) => a.role)).toEqual(['associated']);
    const vac = result.byId.get('acled:PAK80002')!;
    expect(vac).toMatchObject({ date: '2022-07-01', dateEnd: '2022-07-31', targets: ['civilians', 'health'] });
    expect(vac.actors.map((a) => [a.role, a.attribution])).toEqual([['perpetrator', 'unknown'], ['associated', 'attributed']]);
  });
});

describe('ACLED importer on an old v6 file (synthetic, cp1252)', () => {
  const header = 'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES,,,,,,,';
  const rows = [
    '520,9001SOM,9001,13/02/2012,2012,1,Battle-No change of territory,Al Shabaab,,2,Military Forces of Somalia (2012-),AMISOM: African Union Mission in Somalia (2007-),1,12,Somalia,Banadir,Mogadishu,Hodan,Mogadishu,2.0371,45.3438,1,Shabelle Media,"Invented: fighting in Hodan; residents called it “the worst in months”.",5,,,,,,,',
    '520,9002SOM,9002,21/03/2012,2012,2,Remote violence,Al Shabaab,,2,Civilians (Somalia),,7,27,Somalia,Lower Shabelle,Marka,,Marka,1.7159,44.7717,2,Garowe Online,Invented: a roadside bomb hit a minibus.,3,,,,,,,',
    '475,9003NIG,9003,15/07/2013,2013,3,Violence against civilians,Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad,,2,Civilians (Nigeria),,7,27,Nigeria,Borno,Maiduguri,,Maiduguri,11.8464,13.1571,3,Vanguard,Invented: attacks on villages were reported during July.,12,,,,,,,',
    '475,9004NIG,9004,02/08/2013,2013,1,Riots/Protests,Protesters (Nigeria),,6,Police Forces of Nigeria (1999-2015),,1,16,Nigeria,Kano,Kano Municipal,,Kano,12.0022,8.5920,1,Daily Trust,Invented: traders protested a market closure.,0,,,,,,,',
    '475,9005NIG,9005,31/02/2013,2013,1,Riots/Protests,Protesters (Nigeria),,6,,,0,60,Nigeria,Kano,Kano Municipal,,Kano,12.0022,8.5920,1,Daily Trust,Invented: a day that does not exist.,0,,,,,,,',
  ];
  let result: ImportResult;
  let bytes: Buffer;
  beforeAll(async () => {
    const path = join(tmp, 'ACLED-Version-6-All-Africa-1997-2015_synthetic.csv');
    bytes = iconv.encode([header, ...rows].join('\r\n') + '\r\n', 'windows-1252');
    writeFileSync(path, bytes);
    result = await importWith(acled, path);
  });

  it('writes real cp1252 curly quotes and reads them back', () => {
    expect(acledLayout(header.toLowerCase().split(','))).toBe('v6');
    expect(bytes.includes(0x93) && bytes.includes(0x94)).toBe(true);
    expect(result.byId.get('acled:9001SOM')!.description).toContain('“the worst in months”');
  });

  it('maps GWNO, dd/mm/yyyy, ALLY_ACTOR and the old event types', () => {
    expect(result.invalid).toEqual([]);
    expect(result.rejections.map((r) => [r.line, r.column, r.value])).toEqual([[6, 'event_date', '31/02/2013']]);
    const battle = result.byId.get('acled:9001SOM')!;
    expect(battle).toMatchObject({ kind: 'clash', subtype: 'Battle-No change of territory', date: '2012-02-13', place: { country: 'SOM', admin1: 'Banadir' }, targets: ['security_forces'] });
    expect(battle.tags).toContain('admin3=Hodan');
    expect(battle.actors.map((a) => [a.name, a.role])).toEqual([
      ['Al Shabaab', 'side_a'], ['Military Forces of Somalia (2012-)', 'side_b'], ['AMISOM: African Union Mission in Somalia (2007-)', 'associated'],
    ]);
    expect(result.byId.get('acled:9002SOM')).toMatchObject({ kind: 'attack', date: addDays('2012-03-21', -3), datePrecision: 'week', targets: ['civilians'] });
    expect(result.byId.get('acled:9003NIG')).toMatchObject({ kind: 'attack', date: '2013-07-01', dateEnd: '2013-07-31', place: { country: 'NGA' } });
    expect(result.byId.get('acled:9004NIG')).toMatchObject({ kind: 'protest', targets: [] });
  });
});

describe('ACLED header checks', () => {
  it('does not claim other CSV files and refuses a header without the needed columns', async () => {
    expect(acled.detect({ fileName: 'x.csv', head: 'id,year,type_of_violence\n' })).toBe(false);
    const path = join(tmp, 'broken.csv');
    writeFileSync(path, 'event_id_cnty,event_date,event_type,actor1,fatalities\nX1,2024-01-01,Battles,A,0\n');
    await expect(importWith(acled, path)).rejects.toThrow(/missing column\(s\) time_precision, latitude, longitude, iso/);
  });
});

describe('ACLED repeats too far apart to merge', () => {
  it('rejects the repeat and keeps the first', async () => {
    const lines = readFileSync(join(fixtures, 'acled-current.csv'), 'utf8').split('\n');
    const [header, first] = [lines[0]!, lines[1]!];
    const filler = Array.from({ length: acledMergeWindow + 1 }, (_, i) => first.replace('AFG90001', `AFG7${String(i).padStart(5, '0')}`));
    const path = join(tmp, 'far-repeat.csv');
    writeFileSync(path, [header, first, ...filler, first].join('\n') + '\n');
    const result = await importWith(acled, path);
    expect(result.records).toHaveLength(acledMergeWindow + 2);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]).toMatchObject({ line: acledMergeWindow + 4, column: 'event_id_cnty', value: 'AFG90001' });
    expect(result.rejections[0]!.reason).toMatch(/^the same id as line 2: ACLED repeats an event only in monadic exports, .*merged within 5000 rows.*sort the file by event_id_cnty/);
  });
});

describe('ACLED actor names through the real registry', () => {
  let resolve: ActorResolver | undefined;
  beforeAll(async () => {
    resolve = await registryResolver();
  });

  it('resolves ISKP, the Taliban and the TTP', async (ctx) => {
    if (!resolve) return ctx.skip();
    const result = await importWith(acled, join(fixtures, 'acled-current.csv'), { resolveActor: resolve });
    const ids = (id: string) => result.byId.get(id)!.actors.map((a) => [a.name, a.actorId]);
    expect(ids('acled:AFG90001')[0]).toEqual(['Islamic State Khorasan Province (ISKP)', 'iskp']);
    expect(ids('acled:AFG90003').slice(0, 2)).toEqual([['Taliban', 'afghan-taliban'], ['Islamic State Khorasan Province (ISKP)', 'iskp']]);
    expect(ids('acled:PAK90001')[1]).toEqual(['TTP: Tehreek-i-Taliban Pakistan', 'ttp']);
  });
});
