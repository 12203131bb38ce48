/**
 * Records for the API tests, beside the real datasets they import: a few hand-made ones that exercise what
 * the imported data may lack (links, a month-precise plot, a spreadsheet formula in a description) and the two
 * that must never leave the building — a draft and an internal record.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../core/errors.ts';
import type { EventStore } from '../core/event-store.ts';
import { recordSchema, type EventRecord, type EventRecordInput } from '../core/record.ts';

/** A valid record with defaults; tests override what they are about. */
export function fixtureRecord(overrides: Partial<EventRecordInput> & { id: string }): EventRecord {
  return recordSchema.parse({
    kind: 'attack',
    date: '2021-08-26',
    datePrecision: 'day',
    place: { country: 'AFG', admin1: 'Kabul', locality: 'Kabul', lat: 34.56, lon: 69.21, precision: 'locality' },
    actors: [{ actorId: 'iskp', name: 'Islamic State Khorasan Province', role: 'perpetrator', attribution: 'claimed' }],
    killed: { best: 3 },
    description: 'Fixture record.',
    provenance: { dataset: 'fixtures', datasetVersion: '1', licence: 'CC0', attribution: 'Sitrep tests', importedAt: '2025-01-01T00:00:00.000Z' },
    ...overrides,
  });
}

/** Published, public fixtures. */
export function publicFixtures(): EventRecord[] {
  return [
    fixtureRecord({
      id: 'fx:airport', description: 'Suicide bombing at the Abbey Gate of Kabul airport during the evacuation.', killed: { low: 170, best: 183, high: 190 },
      targets: ['civilians', 'security_forces'], tactics: ['suicide', 'firearms'],
    }),
    fixtureRecord({
      id: 'fx:plot', kind: 'plot', date: '2023-07-01', datePrecision: 'month', killed: {}, targets: ['worship'],
      place: { country: 'DEU', admin1: 'Nordrhein-Westfalen', precision: 'admin1' },
      actors: [{ actorId: 'iskp', name: 'Wilayat Khurasan', role: 'perpetrator', attribution: 'suspected' }],
      description: 'German police disrupt a cell of Central Asian nationals said to be planning attacks.',
    }),
    fixtureRecord({
      id: 'fx:trial', kind: 'legal', date: '2024-03-15', killed: {}, legal: { jurisdiction: 'DEU', stage: 'trial', outcome: null },
      place: { country: 'DEU', admin1: 'Nordrhein-Westfalen', locality: 'Düsseldorf', lat: 51.22, lon: 6.78, precision: 'locality' },
      links: [{ recordId: 'fx:plot', relation: 'led_to' }, { recordId: 'fx:draft', relation: 'related' }, { recordId: 'fx:internal', relation: 'related' }],
      description: 'Trial of the members of the cell opens in Düsseldorf.',
    }),
    fixtureRecord({
      id: 'fx:formula', kind: 'media', date: '2022-01-10', killed: {}, place: { country: 'AFG', precision: 'country' },
      description: '=HYPERLINK("http://evil.example/x","click me")',
    }),
    fixtureRecord({
      id: 'fx:core', kind: 'clash', date: '2019-11-02', place: { country: 'SYR', admin1: 'Deir ez-Zor', lat: 35.33, lon: 40.14, precision: 'admin1' },
      actors: [{ actorId: 'islamic-state', name: 'Islamic State', role: 'side_b', attribution: 'attributed' }],
      description: 'Clashes near Deir ez-Zor.', provenance: { dataset: 'fixtures-b', licence: 'CC0', attribution: 'Sitrep tests' },
    }),
  ];
}

/** Text that appears only in the hidden records: any of it in a response is a leak. */
export const secretMarkers = ['SECRET-DRAFT', 'SECRET-INTERNAL', 'fx:draft', 'fx:internal', 'hidden-dataset', 'NZL', 'Secret Cell'];

/** A draft and an internal record, shaped to move every count, facet, map cell and sum if they leaked. */
export function hiddenFixtures(): EventRecord[] {
  const hidden = { importedAt: '2030-01-01T00:00:00.000Z', licence: 'secret', attribution: 'Secret Cell' };
  return [
    fixtureRecord({
      id: 'fx:draft', status: 'draft', kind: 'designation', date: '2021-08-27', killed: { best: 999 }, wounded: { best: 999 },
      place: { country: 'NZL', admin1: 'Auckland', locality: 'Auckland', lat: -36.85, lon: 174.76, precision: 'locality' },
      description: 'SECRET-DRAFT under review.', tactics: ['vbied'], targets: ['diplomatic'],
      provenance: { dataset: 'hidden-dataset', datasetVersion: 'secret', ...hidden },
    }),
    fixtureRecord({
      id: 'fx:internal', visibility: 'internal', killed: { best: 500 },
      actors: [{ actorId: 'iskp', name: 'Secret Cell', role: 'perpetrator', attribution: 'suspected' }],
      description: 'SECRET-INTERNAL note.', provenance: { dataset: 'fixtures', datasetVersion: '2', ...hidden },
    }),
  ];
}

const sharedData = new URL('../../../shared/data/', import.meta.url);
/** The real sample files the API tests load when present (`../shared/data`, outside the repository). */
export const sampleFiles = {
  ucdp: fileURLToPath(new URL('ucdp_ged/conflict_data_pak.csv', sharedData)),
  curated: fileURLToPath(new URL('curated/iskp-activity.csv', sharedData)),
};

/**
 * Loads the test data into `store`: the real sample files through `importFile` (the test passes `runImport`,
 * which the server may not import), skipping a file that is absent or that no importer reads yet, then the
 * public fixtures and one edit, so history has two revisions. Returns the files imported.
 */
export async function loadApiData(store: EventStore, importFile: (path: string) => Promise<unknown>): Promise<string[]> {
  const imported: string[] = [];
  for (const path of Object.values(sampleFiles)) {
    if (!existsSync(path)) continue;
    try {
      await importFile(path);
      imported.push(path);
    } catch (e) {
      // "cannot tell the format": the importer for this file has not landed yet.
      if (e instanceof UserError && e.param === '--format') continue;
      throw e;
    }
  }
  const fixtures = publicFixtures();
  await store.write(fixtures, { by: 'import:fixtures' });
  const airport = fixtures.find((r) => r.id === 'fx:airport')!;
  await store.write([{ ...airport, killed: { ...airport.killed, best: 185 } }], { by: 'editor', comment: 'casualties updated' });
  return imported;
}
