import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/record.ts';
import { importedAt, importWith } from '../importer-test-helpers.ts';
import type { ImportContext } from '../source-format.ts';
import { openTextInputs } from '../text-input.ts';
import { gdeltEvents } from './gdelt-events.ts';
import { cameoMeaning } from './gdelt-cameo.ts';

// The shared sample files sit beside the repository (`../shared/data`).
const data = new URL('../../../../shared/data/gdelt/spark-gdelt', import.meta.url).pathname;
const events = `${data}/events.csv`;
const eventsT = `${data}/eventsT.csv`;
const events1 = `${data}/events1.csv`;
const mentions = `${data}/mentions.csv`;
const registryFile = join(import.meta.dirname, '../../../data/actors.json');
const registryModule = join(import.meta.dirname, '../../core/actor-registry.ts');
const hasRegistry = existsSync(registryFile) && existsSync(registryModule);

/** The real pipeline minus the store: open, detect, read, validate every record. */
const importFile = (path: string, given: Partial<ImportContext> = {}) => importWith(gdeltEvents, path, given);
const context: ImportContext = { resolveActor: () => undefined, importedAt, options: {} };

/** The raw rows, split independently; the event code is field 26 and the root code field 28 in every layout. */
const rawRows = (path: string) => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t'));
const wanted = (code: string, codes = ['14', '18', '19', '20', '173']) => codes.some((c) => code.startsWith(c));

describe.skipIf(!existsSync(events) || !existsSync(eventsT) || !existsSync(events1))('GDELT sample files', () => {
  it('imports only the default CAMEO codes from the 2.0 files and matches the raw rows', async () => {
    for (const path of [events, eventsT]) {
      const raw = rawRows(path).filter((f) => wanted(f[26]!));
      let skipped = 0;
      const { records, rejections, invalid } = await importFile(path, { skipped: () => skipped++ });
      expect({ rejections, invalid }).toEqual({ rejections: [], invalid: [] });
      // Every other row is counted as read and left out, so the summary adds up to the file.
      expect(skipped).toBe(rawRows(path).length - raw.length);
      expect(records.map((r) => r.id)).toEqual(raw.map((f) => `gdelt:${f[0]}`));
      expect(records.map((r) => r.date)).toEqual(raw.map((f) => `${f[1]!.slice(0, 4)}-${f[1]!.slice(4, 6)}-${f[1]!.slice(6)}`));
      expect(records.map((r) => r.sources[0]!.url)).toEqual(raw.map((f) => f[60]));
      expect(records.map((r) => [r.place.lat, r.place.lon])).toEqual(raw.map((f) => [Number(f[56]), Number(f[57])]));
      for (const r of records) {
        expect(r).toMatchObject({ status: 'review', visibility: 'public', datePrecision: 'day', killed: { best: null }, provenance: { dataset: 'gdelt', datasetVersion: '2.0' } });
      }
    }
    // Counted by hand from the files: 4 fights and 1 arrest; 3 fights, 4 assaults and 1 arrest.
    expect((await importFile(events)).records.map((r) => r.kind)).toEqual(['clash', 'clash', 'arrest', 'clash', 'clash']);
    expect(countKinds((await importFile(eventsT)).records)).toEqual({ clash: 3, attack: 4, arrest: 1 });
  });

  it('maps one 2.0 row field by field', async () => {
    const r = (await importFile(events)).records.find((x) => x.id === 'gdelt:913097130')!;
    expect(r).toMatchObject({
      kind: 'clash', subtype: 'CAMEO 193: fighting with small arms and light weapons', date: '2020-03-18', tactics: ['firearms'],
      place: { country: 'ZAF', admin1: 'Limpopo', locality: 'Kruger National Park', lat: -23.8333, lon: 31.5, precision: 'locality' },
      actors: [
        { name: 'SOUTH AFRICAN', role: 'side_a', attribution: 'suspected' },
        { name: 'GUNMEN', role: 'side_b', attribution: 'suspected' },
      ],
      sources: [
        { title: 'bbc.co.uk', url: 'https://www.bbc.co.uk/news/world-africa-51942957', type: 'media' },
        { title: 'GDELT 2.0 Event Database', type: 'dataset' },
      ],
      provenance: { dataset: 'gdelt', originalId: '913097130', licence: 'GDELT – free and open', attribution: 'The GDELT Project (gdeltproject.org)' },
    });
    expect(r.tags).toEqual(expect.arrayContaining(['gdelt:event=193', 'gdelt:root=19', 'gdelt:root-event', 'gdelt:actor2=UAF', 'gdelt:mentions=4']));
    expect(r.description).toMatch(/^Machine-coded GDELT event: fighting with small arms/);
  });

  it('tells 1.0 rows of 57 and 58 fields apart, line by line', async () => {
    const raw = rawRows(events1).filter((f) => wanted(f[26]!));
    const { records, rejections, invalid } = await importFile(events1);
    expect({ rejections, invalid }).toEqual({ rejections: [], invalid: [] });
    expect(records.map((r) => r.id)).toEqual(raw.map((f) => `gdelt1:${f[0]}`));
    expect(records.every((r) => r.provenance.dataset === 'gdelt1' && r.provenance.datasetVersion === '1.0')).toBe(true);
    // The 57-field backfile has no SOURCEURL: only the dataset is cited.
    const backfile = raw.filter((f) => f.length === 57).map((f) => `gdelt1:${f[0]}`);
    expect(backfile.length).toBeGreaterThan(0);
    for (const r of records) expect(r.sources.length).toBe(backfile.includes(r.id) ? 1 : 2);
    expect(records.find((r) => r.id === 'gdelt1:4')!.place).toMatchObject({ country: 'USA', admin1: 'Texas', locality: 'Dallas', lat: 32.7831, lon: -96.8067 });
    // A 1.0 daily row may name an outlet instead of a URL.
    expect(records.find((r) => r.id === 'gdelt1:253488868')!.sources[0]).toMatchObject({ title: 'BBC Monitoring', url: null });
  });

  it('imports the codes the user chooses instead of the defaults', async () => {
    const codes = ['04', '173'];
    const raw = rawRows(events).filter((f) => wanted(f[26]!, codes));
    const { records } = await importFile(events, { options: { gdeltRootCodes: codes } });
    expect(records.map((r) => r.id)).toEqual(raw.map((f) => `gdelt:${f[0]}`));
    expect(countKinds(records)).toEqual({ other: raw.length - 1, arrest: 1 });
    await expect(importFile(events, { options: { gdeltRootCodes: ['x'] } })).rejects.toThrow(/not a CAMEO code/);
  });

  it.skipIf(!hasRegistry)('resolves GDELT actor names through the registry', async () => {
    const { createActorRegistry, registryFileSchema } = await import(registryModule);
    const registry = createActorRegistry(registryFileSchema.parse(JSON.parse(readFileSync(registryFile, 'utf8'))));
    const { records } = await importFile(eventsT, { resolveActor: (name, c) => registry.resolve(name, c)?.id });
    const alQaeda = records.flatMap((r) => r.actors).filter((a) => a.name === 'AL QAEDA');
    expect(alQaeda).toHaveLength(2);
    expect(alQaeda.every((a) => a.actorId === 'al-qaeda' && a.role === 'perpetrator')).toBe(true);
  });
});

describe.skipIf(!existsSync(events))('GDELT detection and damaged files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gdelt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines = readFileSync(events, 'utf8').split('\n').filter(Boolean);
  const kruger = lines.find((l) => l.startsWith('913097130\t'))!.split('\t');
  const variant = (changes: Record<number, string>) => kruger.map((v, i) => changes[i] ?? v).join('\t');

  it('detects event files only', async () => {
    for (const path of [events, eventsT, events1]) expect(gdeltEvents.detect((await openTextInputs(path))[0]!)).toBe(true);
    expect(gdeltEvents.detect({ fileName: 'mentions.csv', head: readFileSync(mentions, 'utf8').slice(0, 4000) })).toBe(false);
    expect(gdeltEvents.detect({ fileName: 'x.csv', head: 'id,kind,subtype,date\n' })).toBe(false);
    expect(gdeltEvents.detect({ fileName: 'x.tsv', head: variant({ 1: '2020-03-18' }) })).toBe(false);
  });

  it('rejects impossible dates, coordinates and cut rows with line and column', async () => {
    const path = join(dir, 'bad.export.CSV');
    writeFileSync(path, [variant({}), variant({ 0: '1', 1: '20150230' }), variant({ 0: '2', 56: '999' }), kruger.slice(0, 40).join('\t'), '', variant({ 0: '3' })].join('\n'));
    const { records, rejections, invalid } = await importFile(path);
    expect(invalid).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['gdelt:913097130', 'gdelt:3']);
    expect(rejections.map(({ line, column, value }) => ({ line, column, value }))).toEqual([
      { line: 2, column: 'SQLDATE', value: '20150230' },
      { line: 3, column: 'ActionGeo_Lat', value: '999' },
      { line: 4, column: undefined, value: undefined },
    ]);
    expect(rejections[2]!.reason).toMatch(/40 tab-separated fields/);
  });

  it('throws a SourceError for a mentions file read as events', async () => {
    const [input] = await openTextInputs(mentions);
    await expect((async () => { for await (const _ of gdeltEvents.read(input!, context)); })()).rejects.toThrow(/not a GDELT event file.*16/);
  });

  it('reads a gzip copy like the plain file, and marks translingual files', async () => {
    const gz = join(dir, '20150218230000.translation.export.CSV.gz');
    writeFileSync(gz, gzipSync(readFileSync(events)));
    const [plain, packed] = [await importFile(events), await importFile(gz)];
    expect(packed.records.map((r) => r.id)).toEqual(plain.records.map((r) => r.id));
    expect(packed.records[0]!.provenance.datasetVersion).toBe('2.0 translingual');
  });
});

function countKinds(records: EventRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[r.kind] = (out[r.kind] ?? 0) + 1;
  return out;
}

describe('CAMEO codes', () => {
  it('gives bombings the tactics ACLED and GTD give them: a suicide or car bombing is an IED too', () => {
    expect(cameoMeaning('1831', '18').tactics).toEqual(['suicide', 'ied']);
    expect(cameoMeaning('1832', '18').tactics).toEqual(['vbied', 'ied']);
    expect(cameoMeaning('183', '18').tactics).toEqual(['ied']);
  });
});
