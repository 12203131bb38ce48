// The API in-process (`app.request`) over a real store holding the real sample data (UCDP GED Pakistan, the
// curated ISKP file when its importer exists) plus a few fixtures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../core/event-store.ts';
import type { EventRecord } from '../core/record.ts';
import { restoreCell } from '../core/record-table.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../cli/wiring.ts';
import { loadImportContext } from '../cli/import-context.ts';
import { runImport } from '../cli/run-import.ts';
import { fixtureRecord, loadApiData, sampleFiles } from './api-fixture.ts';
import { createApp, type SitrepApp } from './app.ts';

let store: EventStore;
let app: SitrepApp;
let imported: string[];
const registry = loadRegistry();

beforeAll(async () => {
  store = await duckdbStore(':memory:');
  const context = await loadImportContext(registry, {});
  imported = await loadApiData(store, (path) => runImport(store, path, context));
  app = createApp({ store, registry, options: { log: () => undefined, rateLimitPerMinute: 0, today: () => '2025-06-01' } });
});
afterAll(() => store.close());

async function get<T = Record<string, unknown>>(url: string, status = 200): Promise<T> {
  const res = await app.request(url);
  const body = await res.text();
  expect(res.status, `${url}: ${body.slice(0, 300)}`).toBe(status);
  return JSON.parse(body) as T;
}
type Page = { records: EventRecord[]; total: number; next: string | null };
type Facets = { total: number; facets: Record<string, { values: { value: string; count: number; chosenAs?: string[] }[]; other: number }> };
type Timeline = {
  total: number;
  buckets: { start: string; total: number; kinds: Record<string, number> }[];
  spanning: { total: number; ranges: { from: string; to: string; total: number; kinds: Record<string, number> }[] };
};

describe('records', () => {
  it('loads the real sample data', () => {
    expect(imported.some((p) => p.endsWith('conflict_data_pak.csv'))).toBe(true);
  });

  it('finds the Khorasan province by its alias ISIS-K, and by its parent with branches', async () => {
    const page = await get<Page>('/api/records?actor=ISIS-K&limit=1000');
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.records.map((r) => r.id)).toEqual(expect.arrayContaining(['fx:airport', 'fx:plot']));
    for (const r of page.records) expect(r.actors.some((a) => a.actorId === 'iskp'), r.id).toBe(true);
    expect((await get<Page>('/api/records?actor=Wilayat%20Khurasan&limit=1')).total).toBe(page.total);
    const parent = await get<Page>('/api/records?actor=islamic-state&limit=1');
    const parentOnly = await get<Page>('/api/records?actor=islamic-state&descendants=false&limit=1');
    expect(parent.total).toBeGreaterThanOrEqual(page.total + parentOnly.total);
    expect(parentOnly.total).toBeLessThan(parent.total);
  });

  it('pages through a sorted result with the cursor, every record once', async () => {
    for (const sort of ['date', '-killed']) {
      const all = await get<Page>(`/api/records?country=AFG&sort=${sort}&limit=1000`);
      const seen: string[] = [];
      let next: string | null = null;
      do {
        const page: Page = await get<Page>(`/api/records?country=AFG&sort=${sort}&limit=7${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
        expect(page.total).toBe(all.total);
        seen.push(...page.records.map((r) => r.id));
        next = page.next;
      } while (next && seen.length < 2000);
      expect(seen).toEqual(all.records.map((r) => r.id));
      expect(new Set(seen).size).toBe(all.total);
    }
    const first = await get<Page>('/api/records?sort=date&limit=2');
    const wrongSort = await get<{ error: { param: string } }>(`/api/records?sort=-killed&cursor=${encodeURIComponent(first.next!)}`, 400);
    expect(wrongSort.error.param).toBe('cursor');
    expect((await get<{ error: { param: string } }>('/api/records?sort=date&cursor=date~garbage', 400)).error.param).toBe('cursor');
    // Well-formed but edited by hand: a number where a date order keeps a date, a date where a casualty order keeps a number.
    const forged = (value: unknown) => Buffer.from(JSON.stringify([value, 'fx:airport'])).toString('base64url');
    expect((await get<{ error: { param: string } }>(`/api/records?sort=date&cursor=date~${forged(5)}`, 400)).error.param).toBe('cursor');
    expect((await get<{ error: { param: string } }>(`/api/records?sort=-killed&cursor=-killed~${forged('2024-01-01')}`, 400)).error.param).toBe('cursor');
    // Counts may be fractional (GTD has halves): such a cursor is the server's own.
    expect((await get<Page>(`/api/records?sort=-killed&cursor=-killed~${forged(2.5)}`)).records).toBeDefined();
  });

  it('answers one record with the linked records the caller may see and its history', async () => {
    const trial = await get<{ linked: { id: string; title: string; relation: string }[] }>('/api/records/fx:trial');
    expect(trial.linked).toEqual([{ id: 'fx:plot', relation: 'led_to', kind: 'plot', date: '2023-07-01', title: expect.stringMatching(/^German police/) }]);
    const airport = await get<{ record: EventRecord; history: { revision: number; by: string; fields: string[] | null }[] }>('/api/records/fx:airport');
    expect(airport.record.killed.best).toBe(185);
    expect(airport.history.map((h) => [h.revision, h.by, h.fields])).toEqual([[1, 'import:fixtures', null], [2, 'editor', ['killed.best']]]);
    const missing = await get<{ error: { code: string } }>('/api/records/nope', 404);
    expect(missing.error.code).toBe('not_found');
  });
});

describe('the filter language in the URL', () => {
  it('refuses an impossible date naming the parameter, the value and what is expected', async () => {
    const body = await get<{ error: { code: string; message: string; param: string }; requestId: string }>('/api/records?from=2021-02-30', 400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', param: 'from' });
    expect(body.error.message).toContain('"2021-02-30"');
    expect(body.error.message).toContain('YYYY-MM-DD');
    expect(body.requestId).toBeTruthy();
  });

  it.each([
    ['/api/records?kind=attack,bombing', 'kind', '"bombing"'],
    ['/api/records?bbox=1,2,3', 'bbox', 'four numbers'],
    ['/api/records?limit=5000', 'limit', '1 to 1000'],
    ['/api/records?country=Afghanistan', 'country', 'alpha-3'],
    ['/api/facets?facet=colour', 'facet', 'one of kind'],
    ['/api/timeline?bucket=fortnight', 'bucket', 'one of day'],
    ['/api/map?zoom=99', 'zoom', '0 to 22'],
    ['/api/stats?by=kind&by=country&by=year&by=actor', 'by', 'at most three'],
    ['/api/export?format=xlsx', 'format', 'csv'],
    ['/api/records?from=2022-01-01&to=2021-01-01', 'to', 'on or after'],
    ['/api/records?colour=red', 'colour', 'parameter this endpoint knows'],
    ['/api/records?not_country=Afghanistan', 'not_country', 'alpha-3'],
    ['/api/records?country=Afghanistan', 'country', 'did you mean AFG (Afghanistan)?'],
    ['/api/facets?facet=kind&not_country=AFG,AF', 'not_country', 'did you mean AFG (Afghanistan)?'],
    ['/api/records?not_kind=bombing', 'not_kind', '"bombing"'],
    ['/api/records?country=AFG&not_country=afg', 'not_country', 'country does not also ask for'],
  ])('%s → 400 on %s', async (url, param, expected) => {
    const body = await get<{ error: { param: string; message: string } }>(url, 400);
    expect(body.error.param).toBe(param);
    expect(body.error.message).toContain(expected);
  });

  it('takes any three-letter code in any case, Kosovo\'s user-assigned XKX and codes earlier versions stored too', async () => {
    expect((await get<Page>('/api/records?country=xkx,PSE,yug&not_country=pak&limit=1')).total).toBe(0);
  });

  it('leaves out what not_… names, and the exclusions add up with what they leave out', async () => {
    // The product's question: the Khorasan province's activity outside Afghanistan, and where.
    const abroad = await get<Facets>('/api/facets?facet=country&facet=kind&actor=ISIS-K&not_country=AFG');
    const everywhere = await get<Facets>('/api/facets?facet=country&actor=ISIS-K');
    const home = await get<Page>('/api/records?actor=ISIS-K&country=AFG&limit=1');
    expect(abroad.total).toBeGreaterThan(0);
    expect(home.total).toBeGreaterThan(0);
    expect(abroad.total + home.total).toBe(everywhere.total);
    const page = await get<Page>('/api/records?actor=ISIS-K&not_country=AFG&limit=1000');
    expect(page.total).toBe(abroad.total);
    for (const r of page.records) expect(r.place.country, r.id).not.toBe('AFG');
    // The country facet is counted without its own filter: Afghanistan is listed, with the count left out.
    expect(abroad.facets.country!.values.find((v) => v.value === 'AFG')?.count).toBe(home.total);
    expect(abroad.facets.kind!.values.reduce((n, v) => n + v.count, 0)).toBe(abroad.total);
    // An excluded actor takes its branches with it: no Islamic State province is left.
    const noIs = await get<Page>('/api/records?not_actor=Daesh&limit=1000&country=PAK');
    expect(noIs.total).toBeGreaterThan(0);
    for (const r of noIs.records) expect(r.actors.some((a) => a.actorId && registry.descendants('islamic-state').includes(a.actorId)), r.id).toBe(false);
    const isOnly = await get<Page>('/api/records?actor=Daesh&limit=1&country=PAK');
    expect(noIs.total + isOnly.total).toBe((await get<Page>('/api/records?country=PAK&limit=1')).total);
  });

  it('accepts repeated and comma-separated values alike', async () => {
    const a = await get<Page>('/api/records?kind=attack&kind=clash&limit=1');
    const b = await get<Page>('/api/records?kind=attack,clash&limit=1');
    expect(a.total).toBe(b.total);
    expect(a.total).toBeGreaterThan(0);
  });
});

describe('aggregates', () => {
  it('computes each facet with its own filter removed', async () => {
    const both = await get<Facets>('/api/facets?facet=kind&facet=country&kind=attack&country=AFG');
    const noKind = await get<Facets>('/api/facets?facet=kind&country=AFG');
    const noCountry = await get<Facets>('/api/facets?facet=country&kind=attack');
    expect(both.facets.kind).toEqual(noKind.facets.kind);
    expect(both.facets.country).toEqual(noCountry.facets.country);
    expect(both.facets.kind!.values.length).toBeGreaterThan(1);
    expect(both.total).toBe((await get<Page>('/api/records?kind=attack&country=AFG&limit=1')).total);
    const actors = await get<{ facets: { actor: { values: { value: string; label: string }[] } } }>('/api/facets?facet=actor&top=3');
    expect(actors.facets.actor.values).toHaveLength(3);
    expect(actors.facets.actor.values[0]!.label).toBe(registry.get(actors.facets.actor.values[0]!.value)?.name);
  });

  it('lists the values the filter selects with their counts, even outside the top values', async () => {
    const sum = (values: { count: number }[]) => values.reduce((n, v) => n + v.count, 0);
    const all = (await get<Facets>('/api/facets?facet=country&top=200')).facets.country!;
    expect(all.values.length).toBeGreaterThan(2);
    const [first, rare] = [all.values[0]!, all.values.at(-1)!];
    const one = (await get<Facets>(`/api/facets?facet=country&top=1&country=${rare.value}`)).facets.country!;
    expect(one.values).toEqual([first, rare]);
    expect(one.other).toBe(sum(all.values) - first.count - rare.count);
    // An alias selects the actor it resolves to: "ISIS-K" lists the Khorasan province (no branches) with the total.
    const iskp = await get<Facets>('/api/facets?facet=actor&top=1&actor=ISIS-K');
    expect(iskp.facets.actor!.values).toHaveLength(2);
    expect(iskp.facets.actor!.values.find((v) => v.value === 'iskp')).toMatchObject({ count: iskp.total, chosenAs: ['ISIS-K'] });
    expect(iskp.total).toBeGreaterThan(0);
    // A province chosen in another spelling selects the province, and is told so: not listed again with 0.
    const kabul = await get<Facets>('/api/facets?facet=admin1&admin1=Kabul%20Province');
    expect(kabul.facets.admin1!.values.filter((v) => /kabul/i.test(v.value))).toEqual([{ value: 'AFG:Kabul', count: kabul.total, chosenAs: ['Kabul Province'] }]);
    expect(kabul.total).toBeGreaterThan(0);
    // Facets name a province with its country; a name alone selects it in every country that has one, and each of
    // them is listed as chosen.
    const twoNortherns = await duckdbStore(':memory:');
    await twoNortherns.write(['LKA', 'SLE', 'SLE'].map((country, i) => fixtureRecord({ id: `n:${i}`, place: { country, admin1: 'Northern province', precision: 'admin1' } })), { by: 'test' });
    const small = createApp({ store: twoNortherns, registry, options: { log: () => undefined, rateLimitPerMinute: 0 } });
    const getSmall = async <T>(url: string) => (await (await small.request(url)).json()) as T;
    const northern = await getSmall<Facets>('/api/facets?facet=admin1&admin1=Northern%20province');
    const rows = northern.facets.admin1!.values.filter((v) => /northern/i.test(v.value));
    expect(rows.map((v) => v.value).sort()).toEqual(['LKA:Northern province', 'SLE:Northern province']);
    expect(rows.every((v) => v.chosenAs?.[0] === 'Northern province')).toBe(true);
    expect(rows.reduce((n, v) => n + v.count, 0)).toBe(northern.total);
    expect(northern.total).toBe(3);
    const lanka = await getSmall<Facets>('/api/facets?facet=admin1&admin1=LKA%3ANorthern%20province');
    expect(lanka.total).toBe(1);
    expect(lanka.facets.admin1!.values).toEqual([{ value: 'SLE:Northern province', count: 2 }, { value: 'LKA:Northern province', count: 1 }]);
    await twoNortherns.close();
    // A chosen value no record has under the other filters is listed with 0, not left for the reader to guess.
    const abroad = await get<Facets>('/api/facets?facet=country&facet=actor&country=AFG&kind=designation&actor=ISIS-K');
    expect(abroad.total).toBe(0);
    expect(abroad.facets.country!.values.find((v) => v.value === 'AFG')).toEqual({ value: 'AFG', count: 0 });
    expect(abroad.facets.actor!.values.find((v) => v.value === 'iskp')).toMatchObject({ value: 'iskp', count: 0 });
    // A name no registry actor has cannot be counted as an actor, and is not listed.
    const unknown = await get<Facets>('/api/facets?facet=actor&actor=Nobody%20Known');
    expect(unknown.facets.actor!.values.some((v) => v.value.toLowerCase() === 'nobody known')).toBe(false);
  });

  it('says how many of the matching records have a location, as the exported records do', async () => {
    const exported = (await (await app.request('/api/export?format=ndjson&country=PAK')).text()).trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
    const { total, located } = await get<{ total: number; located: number }>('/api/facets?facet=kind&country=PAK');
    expect(total).toBe(exported.length);
    expect(located).toBe(exported.filter((r) => r.place.lat != null).length);
    expect(located).toBeGreaterThan(0);
  });

  it.each(['day', 'week', 'month', 'year'])('timeline by %s: buckets plus spanning sum to the total', async (bucket) => {
    const t = await get<Timeline>(`/api/timeline?bucket=${bucket}`);
    expect(t.buckets.reduce((s, b) => s + b.total, 0) + t.spanning.total).toBe(t.total);
    expect(t.total).toBe((await get<Page>('/api/records?limit=1')).total);
    for (const b of t.buckets) expect(Object.values(b.kinds).reduce((s, n) => s + n, 0)).toBe(b.total);
    // The month-precise plot spans every day and week bucket it could fall in.
    if (bucket === 'day' || bucket === 'week') expect(t.spanning.total).toBeGreaterThan(0);
  });

  it('counts a province once whatever a dataset calls it, and finds it under any of its names', async () => {
    const path = sampleFiles.ucdp;
    if (!existsSync(path)) return;
    // UCDP writes "Khyber Pakhtunkwa province"; ACLED, GTD (before 2010 "North-West Frontier Province") and the
    // curated list write otherwise. Records keep the name as given; counts and filters take them as one province.
    const rows = parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
    const ucdpKp = rows.filter((r) => r.adm_1 === 'Khyber Pakhtunkwa province').length;
    expect(ucdpKp).toBeGreaterThan(1000);
    const stats = (await get<{ rows: { country: string; admin1: string | null; count: number }[] }>('/api/stats?by=admin1&country=PAK&measure=count')).rows;
    const kp = stats.filter((r) => r.admin1 && /khyber/i.test(r.admin1));
    expect(kp).toHaveLength(1);
    expect(kp[0]!.count).toBeGreaterThanOrEqual(ucdpKp);
    for (const name of ['Khyber Pakhtunkhwa', 'North-West Frontier Province', 'Khyber Pakhtunkwa province']) {
      expect((await get<Page>(`/api/records?admin1=${encodeURIComponent(name)}&country=PAK&limit=1`)).total, name).toBe(kp[0]!.count);
    }
    const record = (await get<Page>('/api/records?admin1=Khyber%20Pakhtunkhwa&dataset=ucdp&limit=1')).records[0]!;
    expect(record.place.admin1).toBe('Khyber Pakhtunkwa province');
  });

  it('says which periods the records set apart from a timeline span, as the file dates them', async () => {
    const path = sampleFiles.ucdp;
    if (!existsSync(path)) return;
    // UCDP's date_start..date_end of the Pakistan file's events that cross a month boundary, counted per range.
    const rows = parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];
    const expected = new Map<string, number>();
    for (const row of rows.filter((r) => /^\d/.test(r.id ?? ''))) {
      const [from, to] = [row.date_start!.slice(0, 10), row.date_end!.slice(0, 10)];
      if (from.slice(0, 7) !== to.slice(0, 7)) expected.set(`${from}..${to}`, (expected.get(`${from}..${to}`) ?? 0) + 1);
    }
    const t = await get<Timeline>('/api/timeline?bucket=month&dataset=ucdp&country=PAK');
    expect(expected.size).toBeGreaterThan(20);
    expect(t.spanning.total).toBe([...expected.values()].reduce((s, n) => s + n, 0));
    expect(new Map(t.spanning.ranges.map((r) => [`${r.from}..${r.to}`, r.total]))).toEqual(expected);
    for (const r of t.spanning.ranges) expect(Object.values(r.kinds).reduce((s, n) => s + n, 0)).toBe(r.total);
    // Largest first: the four events of 31 January – 1 February 2010 lead.
    expect(t.spanning.ranges[0]).toMatchObject({ from: '2010-01-31', to: '2010-02-01', total: Math.max(...expected.values()) });
    expect(t.spanning.ranges.map((r) => r.total)).toEqual([...t.spanning.ranges.map((r) => r.total)].sort((a, b) => b - a));
  });

  it('answers map cells at world zoom and points when zoomed in, never more than about 4000', async () => {
    const world = await get<{ mode: string; total: number; cells?: { count: number }[] }>('/api/map?zoom=1');
    expect(world.mode).toBe('cells');
    expect(world.cells!.length).toBeLessThanOrEqual(4100);
    expect(world.cells!.reduce((s, c) => s + c.count, 0)).toBe(world.total);
    const kabul = await get<{ mode: string; points?: { id: string }[] }>('/api/map?zoom=12&bbox=69,34,70,35');
    expect(kabul.mode).toBe('points');
    expect(kabul.points!.map((p) => p.id)).toContain('fx:airport');
    const areas = await get<{ areas: { country: string; admin1?: string | null; count: number }[] }>('/api/map/areas?level=admin1&country=AFG');
    expect(areas.areas.find((a) => a.admin1 === 'Kabul')?.count).toBeGreaterThan(0);
  });

  it('groups statistics by dimensions with chosen measures', async () => {
    const s = await get<{ rows: Record<string, unknown>[] }>('/api/stats?by=year&by=kind&measure=count,killed&country=PAK');
    expect(s.rows.length).toBeGreaterThan(5);
    expect(Object.keys(s.rows[0]!)).toEqual(['year', 'kind', 'count', 'killed']);
    const total = s.rows.reduce((n, r) => n + Number(r.count), 0);
    expect(total).toBe((await get<Page>('/api/records?country=PAK&limit=1')).total);
  });
});

describe('actors and datasets', () => {
  it('searches actors by alias with record counts, and shows one with its branches', async () => {
    const hits = await get<{ actors: { id: string; count: number; matched: string }[] }>('/api/actors?q=ISIS-K');
    expect(hits.actors[0]).toMatchObject({ id: 'iskp', matched: 'ISIS-K' });
    expect(hits.actors[0]!.count).toBe((await get<Page>('/api/records?actor=iskp&limit=1')).total);
    const top = await get<{ actors: { countWithBranches: number }[] }>('/api/actors?limit=5');
    expect(top.actors).toHaveLength(5);
    expect(top.actors.map((a) => a.countWithBranches)).toEqual([...top.actors.map((a) => a.countWithBranches)].sort((a, b) => b - a));
    const is = await get<{ actor: { aliases: string[] }; branches: { id: string }[] }>('/api/actors/ISIS');
    expect(is.branches.map((b) => b.id)).toContain('iskp');
    await get('/api/actors/no-such-group', 404);
  });

  it('lists datasets with licence and attribution', async () => {
    const { datasets } = await get<{ datasets: { dataset: string; licence: string | null }[] }>('/api/datasets');
    expect(datasets.find((d) => d.dataset === 'ucdp')?.licence).toMatch(/CC BY/);
  });
});

describe('export', () => {
  it('streams CSV with formulas neutralised, named by date, that restores exactly', async () => {
    const res = await app.request('/api/export?format=csv&country=AFG');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sitrep-export-2025-06-01.csv"');
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe((await get<Page>('/api/records?country=AFG&limit=1')).total);
    const formula = rows.find((r) => r.id === 'fx:formula')!;
    const description = formula.description ?? '';
    expect(description.startsWith("'=HYPERLINK(")).toBe(true);
    expect(restoreCell(description)).toBe('=HYPERLINK("http://evil.example/x","click me")');
  });

  it('streams GeoJSON and NDJSON of the same records', async () => {
    const total = (await get<Page>('/api/records?actor=ISIS-K&limit=1')).total;
    const geo = JSON.parse(await (await app.request('/api/export?format=geojson&actor=ISIS-K')).text());
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(total);
    const nd = (await (await app.request('/api/export?format=ndjson&actor=ISIS-K')).text()).trim().split('\n').map((l) => JSON.parse(l) as EventRecord);
    expect(nd.map((r) => r.id)).toEqual(geo.features.map((f: { id: string }) => f.id));
    // Flat properties a GIS tool can style and filter on: numbers as numbers, an unknown figure null.
    type Feature = { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> };
    geo.features.forEach((f: Feature, i: number) => {
      const r = nd[i]!;
      for (const v of Object.values(f.properties)) expect(v === null || ['string', 'number'].includes(typeof v)).toBe(true);
      expect(f.properties).toMatchObject({ id: r.id, kind: r.kind, date: r.date, country: r.place.country, killedBest: r.killed.best, woundedBest: r.wounded.best });
      expect(f.geometry?.coordinates ?? null).toEqual(r.place.lon == null ? null : [r.place.lon, r.place.lat]);
    });
  });

  it('writes Parquet that DuckDB reads back', async () => {
    const res = await app.request('/api/export?format=parquet&country=PAK');
    expect(res.headers.get('content-disposition')).toContain('.parquet');
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-test-'));
    try {
      const file = join(dir, 'x.parquet');
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
      const rows = (await c.runAndReadAll(`SELECT count(*) AS n, count(DISTINCT country) AS countries FROM '${file}'`)).getRowObjectsJson();
      c.closeSync();
      db.closeSync();
      expect(Number(rows[0]!.n)).toBe((await get<Page>('/api/records?country=PAK&limit=1')).total);
      expect(Number(rows[0]!.countries)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documents and errors', () => {
  it('answers unknown routes with 404 in the error shape', async () => {
    const body = await get<{ error: { code: string; message: string }; requestId: string }>('/api/nowhere', 404);
    expect(body.error.code).toBe('not_found');
    expect(body.requestId).toMatch(/\S/);
  });

  it('publishes an OpenAPI document listing every route with its parameters', async () => {
    const doc = await get<{ openapi: string; paths: Record<string, { get: { parameters?: { name: string }[] } }> }>('/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/records', '/api/records/{id}', '/api/facets', '/api/timeline', '/api/map', '/api/map/areas', '/api/stats', '/api/export', '/api/actors', '/api/actors/{id}', '/api/datasets']) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(doc.paths['/api/records']!.get.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['kind', 'actor', 'from', 'bbox', 'cursor', 'limit']));
  });

  it('serves the documentation page from local assets only', async () => {
    const res = await app.request('/api/docs');
    const html = await res.text();
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThanOrEqual(3);
    expect(html).not.toMatch(/https?:\/\//);
    for (const ref of refs) {
      expect(ref.startsWith('/api/docs/'), ref).toBe(true);
      const asset = await app.request(ref);
      expect(asset.status, ref).toBe(200);
      expect(asset.headers.get('content-type'), ref).toMatch(/javascript|css|png/);
    }
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
  });
});
