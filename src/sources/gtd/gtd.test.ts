import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWith, registryResolver, type ImportResult } from '../importer-test-helpers.ts';
import type { PlaceLookup } from '../source-format.ts';
import { openTextInputs } from '../text-input.ts';
import { gtdColumns, gtdRows, type GtdCell, type GtdRow } from './fixtures/gtd-rows.ts';
import { parseApproxDate, parseResolution } from './gtd-dates.ts';
import { gtd } from './gtd-format.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-gtd-'));
const fileBase = 'globalterrorismdb_0522dist_synthetic';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvText = (cell: GtdCell | undefined) => {
  const s = cell === undefined ? '' : typeof cell === 'object' ? cell.csv : String(cell);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const xlsxValue = (cell: GtdCell | undefined) => (cell === undefined || cell === '' ? null : typeof cell === 'object' ? cell.xlsx : cell);

async function writeCsv(): Promise<string> {
  const path = join(dir, `${fileBase}.csv`);
  const text = [gtdColumns, ...gtdRows.map((row) => gtdColumns.map((c) => csvText(row[c])))].map((cells) => cells.join(',')).join('\r\n');
  // START's CSV is latin-1.
  writeFileSync(path, iconv.encode(text + '\r\n', 'latin1'));
  return path;
}

async function writeXlsx(): Promise<string> {
  const path = join(dir, `${fileBase}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(gtdColumns);
  // Blank cells are left out, as in START's workbook.
  for (const row of gtdRows) sheet.addRow(gtdColumns.map((c) => xlsxValue(row[c])));
  await workbook.xlsx.writeFile(path);
  return path;
}

const expectedRejections = [
  [9, 'eventid', '20190101000X'],
  [10, 'imonth', '13'],
  [11, 'latitude', '134.5'],
  [12, 'targtype1', '99'],
];
const collection = 'dbsource=START Primary Collection';

describe.each(['csv', 'xlsx'] as const)('GTD importer on a synthetic %s', (kind) => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importWith(gtd, kind === 'csv' ? await writeCsv() : await writeXlsx());
  });

  it('validates every record and rejects the broken rows by line and column', () => {
    expect(result.invalid).toEqual([]);
    expect(result.records).toHaveLength(7);
    expect(result.rejections.map((r) => [r.line, r.column, r.value])).toEqual(expectedRejections);
    expect(result.records.every((r) => r.kind === 'attack' && r.visibility === 'internal' && r.casualtySource === 'independent')).toBe(true);
  });

  it('maps a claimed suicide bombing: targets, tactics, sources, links', () => {
    const r = result.byId.get('gtd:201901050001')!;
    expect(r).toMatchObject({ subtype: 'Bombing/Explosion', date: '2019-01-05', dateEnd: null, datePrecision: 'day', killed: { best: 12 }, wounded: { best: 20 } });
    expect(r.place).toEqual({ country: 'AFG', admin1: 'Kabul', admin2: null, locality: 'Kabul', lat: 34.516667, lon: 69.183333, precision: 'locality' });
    expect(r.targets).toEqual(['civilians', 'religious_minority', 'worship']);
    expect(r.tactics).toEqual(['suicide', 'ied']);
    expect(r.actors.map((a) => [a.name, a.role, a.attribution])).toEqual([['Khorasan Chapter of the Islamic State', 'perpetrator', 'claimed']]);
    expect(r.description).toContain('café');
    expect(r.description).toContain('Location: Outside a mosque');
    expect(r.sources.map((s) => s.type)).toEqual(['media', 'media', 'group_claim', 'dataset']);
    expect(r.sources[2]!.title).toBe('Claim of responsibility by Khorasan Chapter of the Islamic State (Posted to website, blog, etc.)');
    expect(r.links).toEqual([{ recordId: 'gtd:201901050002', relation: 'related' }]);
    expect(r.tags).toEqual(['nkillter=1', 'nwoundte=0', collection]);
    expect(r.provenance).toMatchObject({ dataset: 'gtd', datasetVersion: '0522dist', originalId: '201901050001', licence: 'START GTD Terms of Use – user copy, no republication' });
    expect(r.provenance.attribution).toMatch(/^National Consortium .*\(START\)\. \(2022\)\. Global Terrorism Database \[Data file\]/);
  });

  it('reads iday 0 as the month, -99 and blank as unknown, and uncertain and claimed groups', () => {
    const r = result.byId.get('gtd:201901050002')!;
    expect(r).toMatchObject({ date: '2019-01-01', dateEnd: '2019-01-31', datePrecision: 'month', killed: { best: null }, wounded: { best: null } });
    expect(r.place).toMatchObject({ country: 'PAK', admin1: 'Khyber Pakhtunkhwa', locality: null, precision: 'admin1' });
    expect(r.actors.map((a) => [a.name, a.role, a.attribution])).toEqual([
      ['Tehrik-i-Taliban Pakistan (TTP)', 'perpetrator', 'suspected'],
      ['Lashkar-e-Jhangvi', 'perpetrator', 'claimed'],
      ['Taliban', 'target', 'attributed'],
    ]);
    expect(r.targets).toEqual(['security_forces', 'rival_militants', 'foreign_nationals']);
    // Explosives that were a grenade are a grenade attack, not an IED (as ACLED's Grenade).
    expect(r.tactics).toEqual(['firearms', 'grenade']);
    expect(r.tags).toEqual(expect.arrayContaining(['competing claims', 'doubt', 'Insurgency/Guerilla Action']));
    expect(r.description).toBe('Location: A police checkpoint on the road to the district centre.');
  });

  it('reads imonth 0 as the year and keeps a coded 0 as 0; Unknown group → no actor', () => {
    const r = result.byId.get('gtd:201900000001')!;
    expect(r).toMatchObject({ date: '2019-01-01', dateEnd: '2019-12-31', datePrecision: 'year', actors: [], killed: { best: 0 }, wounded: { best: 0 } });
    expect(r.targets).toEqual(['ngo_aid', 'foreign_nationals']);
    expect(r.tactics).toEqual(['kidnapping']);
    expect(r.tags).toEqual(['unsuccessful', collection]);
  });

  it('widens dates to approxdate ranges and extended incidents to their resolution', () => {
    expect(result.byId.get('gtd:201903200001')).toMatchObject({ date: '2019-03-18', dateEnd: '2019-03-21', datePrecision: 'week', killed: { best: 0.5 }, targets: ['energy_infrastructure', 'health'], tactics: ['arson'] });
    const nearNewYear = result.byId.get('gtd:201901020001')!;
    expect(nearNewYear).toMatchObject({ date: '2018-12-28', dateEnd: '2019-01-03', datePrecision: 'week', targets: ['officials'], tactics: ['assassination', 'firearms'] });
    expect(nearNewYear.tags).toContain('near');
    expect(nearNewYear.place).toMatchObject({ admin1: null, locality: 'Jalalabad' });
    const kidnap = result.byId.get('gtd:202012250001')!;
    expect(kidnap).toMatchObject({ date: '2020-12-25', dateEnd: '2021-01-01', datePrecision: 'day', targets: ['diplomatic', 'foreign_nationals'] });
    expect(kidnap.tactics).toEqual(['kidnapping', 'vehicle', 'knife']);
    expect(kidnap.actors[0]).toMatchObject({ attribution: 'suspected' });
    const summer = result.byId.get('gtd:201806150001')!;
    expect(summer).toMatchObject({ date: '2018-06-01', dateEnd: '2018-08-01', datePrecision: 'month' });
    expect(summer.tactics).toEqual(['ied', 'vbied', 'rockets']);
    expect(summer.actors.map((a) => [a.name, a.attribution])).toEqual([['Tehrik-i-Taliban Pakistan (TTP)', 'claimed'], ['Jamaat-ul-Ahrar', 'claimed']]);
    expect(summer.sources.find((s) => s.type === 'group_claim')!.title).toBe('Claim of responsibility by Tehrik-i-Taliban Pakistan (TTP)');
  });
});

describe('GTD: foreign nationals', () => {
  it('compares nationality and place as countries: a UK national in Northern Ireland (233, natlty 603) is no foreigner', async () => {
    const path = join(dir, 'gtd-nationals.csv');
    const row = (eventid: string, natlty1: number): GtdRow => ({ ...gtdRows[0]!, eventid, country: 233, country_txt: 'Northern Ireland', region: 8, region_txt: 'Western Europe', natlty1, natlty1_txt: '', natlty2: 603, natlty2_txt: '' });
    const rows = [row('199001010001', 603), row('199001010002', 217)];
    writeFileSync(path, [gtdColumns, ...rows.map((r) => gtdColumns.map((c) => csvText(r[c])))].map((cells) => cells.join(',')).join('\r\n') + '\r\n');
    const { byId } = await importWith(gtd, path);
    expect(byId.get('gtd:199001010001')!.targets).not.toContain('foreign_nationals');
    expect(byId.get('gtd:199001010002')!.targets).toContain('foreign_nationals');
  });
});

describe('GTD: the CSV and the xlsx give the same records', () => {
  it('matches record for record', async () => {
    const [csv, xlsx] = [await importWith(gtd, await writeCsv()), await importWith(gtd, await writeXlsx())];
    expect(xlsx.records).toEqual(csv.records);
  });

  it('streams the workbook as CSV text, with the header first', async () => {
    const [input] = await openTextInputs(await writeXlsx());
    expect(input!.encoding).toBe('xlsx');
    expect(input!.head.startsWith(`${gtdColumns.join(',')}\n201901050001,2019,1,5,`)).toBe(true);
    expect(gtd.detect(input!)).toBe(true);
  });
});

describe('GTD: places and flags as the files have them', () => {
  it('places an incident of a dissolved state where its point lies, keeps the International ones, reads 1.0 as 1', async () => {
    const path = join(dir, 'gtd-places.csv');
    const base = gtdRows[0]!;
    const rows: GtdRow[] = [
      // Tbilisi in 1990, filed under the Soviet Union (359), against a Georgian: Georgia, and no foreigner.
      { ...base, eventid: '199003150001', iyear: 1990, imonth: 3, iday: 15, country: 359, country_txt: 'Soviet Union', provstate: 'Tbilisi', city: 'Tbilisi', latitude: 41.69, longitude: 44.8, natlty1: 74, natlty1_txt: 'Georgia', natlty2: '', natlty3: '' },
      // 422 International: no country, kept.
      { ...base, eventid: '199505050001', iyear: 1995, imonth: 5, iday: 5, country: 422, country_txt: 'International', provstate: '', city: '', latitude: '', longitude: '', specificity: 5 },
      // A file re-saved by a spreadsheet tool: flags and codes as 1.0.
      { ...base, eventid: '201905100112', iyear: 2019, imonth: 5, iday: 10, claimed: '1.0', success: '0.0', specificity: '1.0', nkill: '3.0' },
    ];
    writeFileSync(path, [gtdColumns, ...rows.map((r) => gtdColumns.map((c) => csvText(r[c])))].map((cells) => cells.join(',')).join('\r\n') + '\r\n');
    const places: PlaceLookup = { geocode: () => undefined, admin1At: (lon, lat) => (Math.abs(lat - 41.69) < 0.1 && Math.abs(lon - 44.8) < 0.1 ? { country: 'GEO', admin1: 'Tbilisi' } : undefined) };
    const { byId, rejections } = await importWith(gtd, path, { places });
    expect(rejections).toEqual([]);
    const tbilisi = byId.get('gtd:199003150001')!;
    expect(tbilisi.place).toMatchObject({ country: 'GEO', admin1: 'Tbilisi' });
    expect(tbilisi.targets).not.toContain('foreign_nationals');
    expect(byId.get('gtd:199505050001')).toMatchObject({ place: { country: null, precision: 'unknown' }, tags: expect.arrayContaining(['international']) });
    const resaved = byId.get('gtd:201905100112')!;
    expect(resaved).toMatchObject({ killed: { best: 3 }, place: { precision: 'locality' } });
    expect(resaved.actors[0]).toMatchObject({ attribution: 'claimed' });
    expect(resaved.tags).toContain('unsuccessful');
  });
});

describe('GTD: admin1 from the coordinates', () => {
  it('fills an Unknown provstate when the offline lookup agrees on the country', async () => {
    const places: PlaceLookup = {
      geocode: () => undefined,
      admin1At: (lon, lat) => (Math.abs(lat - 34.4265) < 0.01 && Math.abs(lon - 70.4515) < 0.01 ? { country: 'AFG', admin1: 'Nangarhar' } : { country: 'PAK', admin1: 'Punjab' }),
    };
    const result = await importWith(gtd, await writeCsv(), { places });
    expect(result.byId.get('gtd:201901020001')!.place.admin1).toBe('Nangarhar');
    expect(result.byId.get('gtd:201900000001')!.place.admin1).toBe('Kunar');
  });
});

describe('GTD date helpers', () => {
  it('parses the approxdate patterns seen in GTD files', () => {
    expect(parseApproxDate('January 19-21, 2015')).toEqual({ from: '2015-01-19', to: '2015-01-21' });
    expect(parseApproxDate('December 28 - January 3, 2016')).toEqual({ from: '2015-12-28', to: '2016-01-03' });
    expect(parseApproxDate('Between 02/01/2014 and 02/15/2014')).toEqual({ from: '2014-02-01', to: '2014-02-15' });
    expect(parseApproxDate('June/July 2015')).toEqual({ from: '2015-06-01', to: '2015-07-31' });
    expect(parseApproxDate('February 2016')).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(parseApproxDate('03/07/2017')).toEqual({ from: '2017-03-07', to: '2017-03-07' });
    expect(parseApproxDate('Sept. 4, 2017')).toEqual({ from: '2017-09-04', to: '2017-09-04' });
    expect(parseApproxDate('sometime in spring')).toBeUndefined();
    expect(parseApproxDate('March 21-18, 2019')).toBeUndefined();
  });

  it('reads resolution as an Excel serial day, ISO or US date', () => {
    expect(parseResolution('44197')).toBe('2021-01-01');
    expect(parseResolution('2021-01-01')).toBe('2021-01-01');
    expect(parseResolution('01/31/2021')).toBe('2021-01-31');
    expect(parseResolution('31/01/2021')).toBeUndefined();
  });
});

describe('GTD actor names through the real registry', () => {
  it('resolves the GTD spellings of ISKP and the TTP', async (ctx) => {
    const resolve = await registryResolver();
    if (!resolve) return ctx.skip();
    const result = await importWith(gtd, await writeCsv(), { resolveActor: resolve });
    expect(result.byId.get('gtd:201901050001')!.actors[0]).toMatchObject({ name: 'Khorasan Chapter of the Islamic State', actorId: 'iskp' });
    expect(result.byId.get('gtd:201901050002')!.actors[0]).toMatchObject({ name: 'Tehrik-i-Taliban Pakistan (TTP)', actorId: 'ttp' });
  });
});
