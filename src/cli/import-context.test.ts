import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.ts';
import { loadImportContext, offlinePlaces, type ImportContextOptions } from './import-context.ts';
import { projectRoot } from './settings.ts';
import { loadRegistry } from './wiring.ts';

const registry = loadRegistry();
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-context-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const iskpMapping = join(projectRoot, 'data/mappings/iskp-activity.yaml');

describe('import context', () => {
  it('reads --mapping into the options and makes it imply --format mapped and the mapping\'s encoding', async () => {
    const opts: ImportContextOptions = { mapping: iskpMapping };
    const context = await loadImportContext(registry, opts);
    expect(opts).toMatchObject({ format: 'mapped', encoding: 'utf-8' });
    expect(context.options).toMatchObject({ mapping: { dataset: 'iskp-list', id: 'id' }, mappingFile: 'iskp-activity.yaml' });
    expect(context.resolveActor('Wilayat Khurasan', { dataset: 'iskp-list' })).toBe('iskp');
    // --encoding on the command line wins over the mapping's.
    const latin: ImportContextOptions = { mapping: iskpMapping, encoding: 'windows-1252' };
    await loadImportContext(registry, latin);
    expect(latin.encoding).toBe('windows-1252');
  });

  it('refuses a mapping with another format, and the mapped format without a mapping', async () => {
    await expect(loadImportContext(registry, { mapping: iskpMapping, format: 'ucdp' })).rejects.toThrow(/--mapping works with --format mapped, not --format ucdp/);
    await expect(loadImportContext(registry, { format: 'mapped' })).rejects.toThrow(/--format mapped needs --mapping FILE/);
  });

  it('turns a bad mapping file into a user error naming the key', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, 'dataset: x\nlicence: CC0\nid: ref\ncolumns:\n  dead: { to: killed, parse: cnt }\n');
    const e = await loadImportContext(registry, { mapping: bad }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(/^mapping bad\.yaml: columns\.dead\.parse: Invalid option: expected one of .*; fix the mapping file/);
  });

  it('passes --gdelt-codes on as gdeltRootCodes', async () => {
    expect((await loadImportContext(registry, { gdeltCodes: '18,19' })).options).toEqual({ gdeltRootCodes: '18,19' });
  });

  it('geocodes offline, understanding "locality, region" names, and finds admin-1 for coordinates', () => {
    const places = offlinePlaces();
    if (!places) return; // data/geo not built
    expect(places.geocode('Kabul', 'AFG')).toMatchObject({ country: 'AFG', precision: 'locality' });
    expect(places.geocode('Austin, Texas', 'USA')).toMatchObject({ admin1: 'Texas', precision: 'locality' });
    expect(places.geocode('Nowhere Such Place', 'AFG')).toBeUndefined();
    // With no country given, the region decides, and a place is never drawn in the wrong country.
    expect(places.geocode('Ala, Italia', undefined)).toMatchObject({ country: 'ITA', precision: 'locality' });
    expect(places.geocode('Chimtal District, Afghanistam', undefined)).toMatchObject({ country: 'AFG' });
    expect(places.geocode('Kirkuk, Kurdistan', undefined)).toBeUndefined();
    expect(places.geocode('Tarragona, Philippinas', undefined)).toBeUndefined();
    expect(places.admin1At(71.578, 34.008)).toEqual({ country: 'PAK', admin1: 'Khyber Pakhtunkhwa' });
    expect(offlinePlaces(tmp)).toBeUndefined();
  }, 60_000);

  it('reports a bad mapping from the command line in one line, exit code 2, nothing written', () => {
    const bad = join(tmp, 'bad2.json');
    writeFileSync(bad, JSON.stringify({ dataset: 'x', licence: 'CC0', id: 'ref', columns: { when: { to: 'date', formats: ['dd/MM'] } } }));
    const csv = join(tmp, 't.csv');
    writeFileSync(csv, 'ref,when\n1,2020-01-01\n');
    const r = spawnSync(process.execPath, [join(projectRoot, 'bin/sitrep.js'), 'import', csv, '--mapping', bad, '--db', join(tmp, 'x.duckdb')], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('sitrep: mapping bad2.json: columns.when.formats.0: expected a date format with a four-digit year yyyy, e.g. "MMMM d yyyy"; fix the mapping file (examples in data/mappings/)\n');
  }, 60_000);
});
