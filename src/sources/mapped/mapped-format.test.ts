import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/record.ts';
import type { ImportContext, PlaceLookup, Rejection } from '../source-format.ts';
import { openTextInputs } from '../text-input.ts';
import { checkedItems } from '../checked-items.ts';
import { mapped } from './mapped-format.ts';
import { loadMappingFile, type Mapping } from './mapping-schema.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-mapped-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const gazetteer: Record<string, ReturnType<PlaceLookup['geocode']>> = {
  'Jalalabad|AFG': { lat: 34.4265, lon: 70.4515, country: 'AFG', admin1: 'Nangarhar', precision: 'locality' },
  'Kabul|AFG': { lat: 34.5281, lon: 69.1723, country: 'AFG', admin1: 'Kabul', precision: 'locality' },
  'Vienna|AUT': { lat: 48.2085, lon: 16.3721, country: 'AUT', admin1: 'Vienna', precision: 'locality' },
};
const places: PlaceLookup = {
  geocode: (name, country) => gazetteer[`${name}|${country}`],
  admin1At: (lon, lat) => (Math.abs(lon - 71.578) < 0.01 && Math.abs(lat - 34.008) < 0.01 ? { country: 'PAK', admin1: 'Khyber Pakhtunkhwa' } : undefined),
};
const actors: Record<string, string> = { iskp: 'iskp', ttp: 'ttp' };

async function run(path: string, mapping: Mapping): Promise<{ records: EventRecord[]; rejections: Rejection[] }> {
  const context: ImportContext = {
    resolveActor: (name) => actors[name.toLowerCase()],
    places,
    importedAt: '2025-01-15T10:00:00.000Z',
    options: { mapping, mappingFile: 'test mapping' },
  };
  const out = { records: [] as EventRecord[], rejections: [] as Rejection[] };
  for (const input of await openTextInputs(path, { encoding: mapping.encoding })) {
    for await (const item of checkedItems(mapped, input, context)) {
      if (item.ok) out.records.push(item.record);
      else if (item.problems) throw new Error(`line ${item.rejection.line}: ${JSON.stringify(item.problems)}`);
      else out.rejections.push(item.rejection);
    }
  }
  return out;
}

describe('mapped importer', () => {
  it('is never detected: it runs only with a mapping', () => {
    expect(mapped.detect({ fileName: 'x.csv', head: 'date,type\n' })).toBe(false);
  });

  for (const file of ['incidents.mapping.yaml', 'incidents.mapping.json']) {
    it(`imports a table with a ${file.split('.').pop()!.toUpperCase()} mapping`, async () => {
      const { records, rejections } = await run(join(fixtures, 'incidents.csv'), loadMappingFile(join(fixtures, file)));
      expect(records).toHaveLength(4);
      const [mosque, checkpoint, plot, padded] = records as [EventRecord, EventRecord, EventRecord, EventRecord];

      expect(mosque.id).toMatch(/^test-incidents:[0-9a-f]{40}$/);
      expect(mosque).toMatchObject({
        kind: 'attack', subtype: 'Suicide bombing', date: '2019-05-14', datePrecision: 'day',
        place: { country: 'AFG', locality: 'Jalalabad', admin1: 'Nangarhar', lat: 34.4265, lon: 70.4515, precision: 'locality' },
        actors: [{ name: 'ISKP', actorId: 'iskp', role: 'perpetrator', attribution: 'claimed' }],
        killed: { best: 12 }, wounded: { low: 30, best: 30 },
        targets: ['civilians', 'worship'], tactics: ['suicide', 'ied'],
        description: 'A bomb exploded at a mosque.',
        sources: [{ url: 'https://example.org/a', title: 'https://example.org/a' }, { title: 'Synthetic incidents table', type: 'dataset' }],
        provenance: { dataset: 'test-incidents', datasetVersion: '1', licence: 'CC0', attribution: 'Synthetic test data' },
      });
      expect(mosque.tags).toEqual(['wounded: 30+']);

      // Coordinates from the file: admin-1 comes from the boundaries, the precision from the mapping's default.
      expect(checkpoint).toMatchObject({
        date: '2020-06-03', place: { country: 'PAK', admin1: 'Khyber Pakhtunkhwa', lat: 34.008, lon: 71.578, precision: 'locality' },
        actors: [{ actorId: 'ttp', attribution: 'unknown' }], killed: { best: 5 }, wounded: { best: null }, targets: ['security_forces'],
      });
      expect(plot).toMatchObject({
        kind: 'plot', place: { country: 'AUT', lat: 48.2085 },
        actors: [{ actorId: 'iskp', attribution: 'suspected' }, { actorId: 'ttp', attribution: 'suspected' }],
      });
      // Six-field rows are padded rather than rejected.
      expect(padded).toMatchObject({ date: '2021-05-01', place: { locality: 'Kabul', country: 'AFG' }, actors: [], description: '' });

      expect(rejections.map((r) => [r.line, r.column, r.value])).toEqual([
        [4, 'event date', '2021-02-30'],
        [6, 'Country', 'Atlantis'],
        [7, 'Lat', '95'],
        [9, 'id', padded.provenance.originalId],
      ]);
      expect(rejections.every((r) => r.file === 'incidents.csv')).toBe(true);
      expect(rejections[0]!.reason).toBe('2021-02-30 is not a real day (format "yyyy-MM-dd")');
      expect(rejections[1]!.reason).toMatch(/not a country/);
      expect(rejections[2]!.reason).toMatch(/impossible value: expected a latitude from -90 to 90/);
      expect(rejections[3]!.reason).toMatch(/the same id as line 8/);
    });
  }

  it('gives the same ids whichever mapping syntax is used', async () => {
    const a = await run(join(fixtures, 'incidents.csv'), loadMappingFile(join(fixtures, 'incidents.mapping.yaml')));
    const b = await run(join(fixtures, 'incidents.csv'), loadMappingFile(join(fixtures, 'incidents.mapping.json')));
    expect(a.records.map((r) => r.id)).toEqual(b.records.map((r) => r.id));
  });

  it('names the missing columns and the header when the table does not fit the mapping', async () => {
    const path = join(tmp, 'other.csv');
    writeFileSync(path, 'when;where\n2020-01-01;Kabul\n');
    await expect(run(path, loadMappingFile(join(fixtures, 'incidents.mapping.yaml')))).rejects.toThrow(
      /other\.csv line 1: the header lacks "event date", "Category", .* named in the mapping; the header has "when", "where"/,
    );
  });

  it('refuses to run without a mapping', async () => {
    const [input] = await openTextInputs(join(fixtures, 'incidents.csv'));
    const context: ImportContext = { resolveActor: () => undefined, importedAt: '2025-01-01T00:00:00Z', options: {} };
    await expect(mapped.read(input!, context)[Symbol.asyncIterator]().next()).rejects.toThrow(/needs a mapping: pass --mapping FILE/);
  });

  it('reads an XLSX workbook with a mapping (date cells included)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('events');
    sheet.addRow(['ref', 'day', 'where', 'who', 'dead']);
    sheet.addRow(['A-1', new Date(Date.UTC(2022, 8, 5)), 'Kabul, Afghanistan', 'ISKP', 6]);
    sheet.addRow(['A-2', new Date(Date.UTC(2023, 0, 9)), 'Vienna, Austria', 'unknown', '3+']);
    const path = join(tmp, 'events.xlsx');
    await workbook.xlsx.writeFile(path);
    const mapping = loadMappingFile(join(fixtures, 'incidents.mapping.yaml'));
    const { records, rejections } = await run(path, {
      ...mapping, // its delimiter is ";", which a workbook ignores
      id: 'ref',
      columns: {
        day: { to: 'date', formats: ['yyyy-MM-dd'] },
        where: { to: 'place', parse: 'locality, country-name' },
        who: { to: 'actors', parse: 'actor-list', attribution: 'attributed' },
        dead: { to: 'killed', parse: 'count' },
      },
      defaults: { kind: 'attack' },
    });
    expect(rejections).toEqual([]);
    expect(records.map((r) => [r.id, r.date, r.place.country, r.place.lat, r.killed.best, r.actors.map((a) => a.actorId)])).toEqual([
      ['test-incidents:A-1', '2022-09-05', 'AFG', 34.5281, 6, ['iskp']],
      ['test-incidents:A-2', '2023-01-09', 'AUT', 48.2085, 3, []],
    ]);
  });
});
