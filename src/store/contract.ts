/**
 * The EventStore contract: one suite every backend runs (`runStoreContract('duckdb', () => duckdbStore(':memory:'))`),
 * so a second backend is correct when it passes the same tests.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { ConflictError, RecordNotFoundError } from '../core/errors.ts';
import { CurationError } from '../core/curation.ts';
import { fullScope, publicScope } from '../core/filter.ts';
import { recordSchema, type EventRecord, type EventRecordInput } from '../core/record.ts';

/** A valid record with sensible defaults; tests override what they are about. */
export function sampleRecord(overrides: Partial<EventRecordInput> & { id: string }): EventRecord {
  return recordSchema.parse({
    kind: 'attack',
    date: '2021-03-10',
    datePrecision: 'day',
    place: { country: 'AFG', admin1: 'Kabul', locality: 'Kabul', lat: 34.53, lon: 69.17, precision: 'locality' },
    actors: [{ actorId: 'iskp', name: 'ISKP', role: 'perpetrator', attribution: 'claimed' }],
    killed: { best: 5 },
    description: 'A test record.',
    provenance: { dataset: 'test', datasetVersion: '1', licence: 'CC0', attribution: 'Sitrep tests' },
    ...overrides,
  });
}

const records = (): EventRecord[] => [
  sampleRecord({ id: 't:1' }),
  sampleRecord({
    id: 't:2', kind: 'plot', date: '2021-03-01', dateEnd: '2021-03-31', datePrecision: 'month', targets: ['civilians'], tactics: ['ied'],
    place: { country: 'DEU', admin1: 'Nordrhein-Westfalen', precision: 'admin1' }, killed: {},
    actors: [{ actorId: 'iskp', name: 'Wilayat Khurasan', role: 'perpetrator', attribution: 'suspected' }],
    description: 'Plot against a cathedral disrupted.',
  }),
  sampleRecord({ id: 't:3', kind: 'clash', date: '2019-06-01', place: { country: 'FJI', lat: -17.0, lon: 179.9, precision: 'exact' }, killed: { low: 1, best: 2, high: 4 },
    actors: [{ actorId: 'islamic-state', name: 'IS', role: 'side_b', attribution: 'attributed' }, { name: 'Mystery Front', role: 'side_a', attribution: 'attributed' }] }),
  sampleRecord({ id: 't:4', kind: 'attack', date: '2020-01-01', datePrecision: 'year', place: { country: 'PAK', admin1: 'Balochistan', lat: 30.2, lon: 67.0, precision: 'admin1' }, killed: { best: 10 }, wounded: { best: 3 } }),
  sampleRecord({ id: 't:draft', status: 'draft', description: 'Ongoing investigation, not for release.' }),
  sampleRecord({ id: 't:internal', visibility: 'internal', description: 'Internal note.', actors: [{ name: 'Secret Cell', role: 'perpetrator', attribution: 'suspected' }] }),
];

export function runStoreContract(name: string, open: () => Promise<EventStore>) {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
      await store.write(records(), { by: 'test' });
    });
    afterEach(() => store?.close());

    it('round-trips records exactly, with revision 1', async () => {
      for (const r of records()) expect(await store.get(fullScope, r.id)).toEqual({ ...r, revision: 1 });
    });

    it('stores text holding half a surrogate pair (a "\\ud800" in a JSON file) with U+FFFD in its place', async () => {
      const broken = sampleRecord({ id: 's:surrogate', description: 'before \ud800 after 😀', sources: [{ title: '\udc00', type: 'media' }] });
      expect(await store.write([broken], { by: 'test' })).toMatchObject({ inserted: 1 });
      expect(await store.get(fullScope, 's:surrogate')).toMatchObject({ description: 'before \ufffd after 😀', sources: [{ title: '\ufffd' }] });
      expect((await store.query(fullScope, { q: 'after', id: ['s:surrogate'] }, { limit: 1 })).records).toHaveLength(1);
    });

    it('is idempotent on id and keeps every revision with what changed', async () => {
      expect(await store.write(records(), { by: 'test' })).toEqual({ inserted: 0, updated: 0, unchanged: 6, archived: 0 });
      const changed = sampleRecord({ id: 't:1', killed: { best: 7 } });
      expect(await store.write([changed], { by: 'editor', comment: 'casualties corrected' })).toMatchObject({ updated: 1 });
      expect((await store.get(fullScope, 't:1'))!.revision).toBe(2);
      const history = await store.history(fullScope, 't:1');
      expect(history.map((h) => [h.revision, h.by])).toEqual([[1, 'test'], [2, 'editor']]);
      expect(history[1]!.changes).toEqual([{ field: 'killed.best', old: 5, new: 7 }]);
      expect(history[1]!.comment).toBe('casualties corrected');
      expect(await store.count(fullScope, {})).toBe(6);
    });

    it('keeps the last of duplicate ids in one write', async () => {
      await store.write([sampleRecord({ id: 't:9', killed: { best: 1 } }), sampleRecord({ id: 't:9', killed: { best: 2 } })], { by: 'test' });
      expect((await store.get(fullScope, 't:9'))!.killed.best).toBe(2);
      expect(await store.count(fullScope, { id: ['t:9'] })).toBe(1);
    });

    it('commits nothing when the write is aborted before commit', async () => {
      const attempt = store.write([sampleRecord({ id: 't:new' }), sampleRecord({ id: 't:1', killed: { best: 99 } })], {
        by: 'test',
        beforeCommit: () => {
          throw new Error('too many rejected rows');
        },
      });
      await expect(attempt).rejects.toThrow('too many rejected rows');
      expect(await store.get(fullScope, 't:new')).toBeUndefined();
      expect((await store.get(fullScope, 't:1'))!.killed.best).toBe(5);
      expect(await store.history(fullScope, 't:1')).toHaveLength(1);
    });

    it('tells how far a write into the store is, from 0 to 1 and never back, through the diffs of changed records too', async () => {
      const many = (killed: number) => Array.from({ length: 5_000 }, (_, i) => sampleRecord({ id: `p:${i}`, killed: { best: killed } }));
      for (const [killed, summary] of [[1, { inserted: 5_000 }], [2, { updated: 5_000 }]] as const) {
        const told: number[] = [];
        expect(await store.write(many(killed), { by: 'test', onWriting: (fraction) => told.push(fraction) })).toMatchObject(summary);
        expect(told[0]).toBe(0);
        expect(told.at(-1)).toBe(1);
        expect(told).toEqual([...told].sort((a, b) => a - b));
      }
      expect((await store.get(fullScope, 'p:4999'))?.killed.best).toBe(2);
    });

    it('archives what a full re-import no longer contains', async () => {
      const summary = await store.write(records().filter((r) => r.id !== 't:3'), { by: 'import', syncDataset: 'test' });
      expect(summary.archived).toBe(1);
      expect((await store.get(fullScope, 't:3'))!.status).toBe('archived');
      expect((await store.history(fullScope, 't:3')).at(-1)!.changes).toEqual([{ field: 'status', old: 'published', new: 'archived' }]);
    });

    it('logs every committed import with its file and counts, and none that failed; the last one dates its datasets', async () => {
      const file = (name: string, read: number) => () => ({ file: name, format: 'sitrep-ndjson', datasets: ['test'], read, skipped: 0, rejected: 1, unresolvedActors: 2, seconds: 0.5 });
      expect(await store.imports()).toEqual([]);
      expect((await store.datasets(fullScope)).find((d) => d.dataset === 'test')!.lastImport).toBeNull();
      await store.write(records(), { by: 'import:a', importedFile: file('a.ndjson', 7) });
      const failed = store.write([sampleRecord({ id: 't:new' })], { by: 'import:b', importedFile: file('b.ndjson', 1), beforeCommit: () => { throw new Error('too many rejected rows'); } });
      await expect(failed).rejects.toThrow('too many rejected rows');
      await store.write([sampleRecord({ id: 't:other', provenance: { dataset: 'other' } })], { by: 'import:c', importedFile: () => ({ ...file('c.ndjson', 1)(), datasets: ['other'] }) });
      const log = await store.imports();
      expect(log.map((e) => [e.file, e.by, e.datasets])).toEqual([['c.ndjson', 'import:c', ['other']], ['a.ndjson', 'import:a', ['test']]]);
      expect(log[1]).toMatchObject({ format: 'sitrep-ndjson', read: 7, skipped: 0, rejected: 1, unresolvedActors: 2, inserted: 0, updated: 0, unchanged: 6, archived: 0, seconds: 0.5 });
      expect(Date.parse(log[0]!.at)).toBeGreaterThanOrEqual(Date.parse(log[1]!.at));
      expect(new Date(log[0]!.at).toISOString()).toBe(log[0]!.at);
      // An import that changed nothing still dates the dataset: the data was checked against that file then.
      expect((await store.datasets(fullScope)).find((d) => d.dataset === 'test')!.lastImport).toBe(log[1]!.at);
      expect((await store.imports({ dataset: 'test' })).map((e) => e.file)).toEqual(['a.ndjson']);
      expect(await store.imports({ limit: 1 })).toHaveLength(1);
      // Writes that are not imports (a curator's save, a script's write) are not in the log.
      await store.write([sampleRecord({ id: 't:1', killed: { best: 8 } })], { by: 'editor' });
      expect(await store.imports()).toHaveLength(2);
    });

    it('saves a curated record from a base revision and refuses a stale save with the current record', async () => {
      const draft = sampleRecord({ id: '01J00000000000000000000000', status: 'draft', provenance: { dataset: 'curated' } });
      const created = await store.saveRecord(draft, { by: 'erin', comment: 'new', baseRevision: 0 });
      expect(created).toEqual({ ...draft, revision: 1 });
      await expect(store.saveRecord(draft, { by: 'erin', baseRevision: 0 })).rejects.toThrow(ConflictError);

      // Two editors open revision 1; the first save wins, the second is refused and told what is there now.
      const first = await store.saveRecord({ ...draft, killed: { low: null, best: 7, high: null } }, { by: 'erin', baseRevision: 1 });
      expect(first.revision).toBe(2);
      const second = store.saveRecord({ ...draft, description: 'Another wording.' }, { by: 'omar', baseRevision: 1 });
      const error = await second.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toMatchObject({ revision: 2, killed: { best: 7 }, description: 'A test record.' });
      expect((await store.get(fullScope, draft.id))!.description).toBe('A test record.');
      const history = await store.history(fullScope, draft.id);
      expect(history.map((h) => [h.revision, h.by, h.comment])).toEqual([[1, 'erin', 'new'], [2, 'erin', null]]);
      expect(history[1]!.changes).toEqual([{ field: 'killed.best', old: 5, new: 7 }]);

      // Saving what is already there adds no revision.
      expect((await store.saveRecord(first, { by: 'omar', baseRevision: 2 })).revision).toBe(2);
      await expect(store.saveRecord(sampleRecord({ id: 'nope' }), { by: 'x', baseRevision: 3 })).rejects.toThrow(RecordNotFoundError);
    });

    it('lets exactly one of two concurrent saves from the same revision through', async () => {
      const base = await store.saveRecord(sampleRecord({ id: '01J00000000000000000000001', provenance: { dataset: 'curated' } }), { by: 'erin', baseRevision: 0 });
      const results = await Promise.allSettled([
        store.saveRecord({ ...base, killed: { low: null, best: 8, high: null } }, { by: 'a', baseRevision: base.revision }),
        store.saveRecord({ ...base, killed: { low: null, best: 9, high: null } }, { by: 'b', baseRevision: base.revision }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConflictError);
      expect((await store.history(fullScope, base.id)).length).toBe(2);
    });

    it('keeps what curators added to an imported record across a re-import, and takes the dataset\'s changes', async () => {
      const imported = (await store.get(fullScope, 't:1'))!;
      const curated = await store.saveRecord(
        { ...imported, tags: ['verified'], links: [{ recordId: 't:2', relation: 'related' }], status: 'archived' },
        { by: 'erin', baseRevision: 1, note: 'checked against the court file' },
      );
      expect(curated).toMatchObject({ tags: ['verified'], links: [{ recordId: 't:2', relation: 'related' }], status: 'archived', revision: 2 });
      // The dataset's own fields are not the curator's to change.
      const refused = await store.saveRecord({ ...curated, killed: { low: null, best: 99, high: null } }, { by: 'erin', baseRevision: 2 }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(CurationError);
      expect((refused as CurationError).problems.map((p) => p.field)).toEqual(['killed.best']);

      // The dataset is re-imported with a corrected casualty figure and a tag of its own.
      const reimport = records().map((r) => (r.id === 't:1' ? sampleRecord({ id: 't:1', killed: { best: 6 }, tags: ['from-dataset'] }) : r));
      expect(await store.write(reimport, { by: 'import:test', syncDataset: 'test' })).toEqual({ inserted: 0, updated: 1, unchanged: 5, archived: 0 });
      const after = (await store.get(fullScope, 't:1'))!;
      expect(after).toMatchObject({ killed: { best: 6 }, tags: ['from-dataset', 'verified'], links: [{ recordId: 't:2', relation: 'related' }], status: 'archived', revision: 3 });
      expect((await store.history(fullScope, 't:1')).at(-1)).toMatchObject({
        by: 'import:test',
        changes: [{ field: 'killed.best', old: 5, new: 6 }, { field: 'tags', old: ['verified'], new: ['from-dataset', 'verified'] }],
      });
      // Searching finds the curator's tag; an unchanged re-import changes nothing.
      expect((await store.query(fullScope, { q: 'verified' })).records.map((r) => r.id)).toEqual(['t:1']);
      expect(await store.write(reimport, { by: 'import:test', syncDataset: 'test' })).toMatchObject({ updated: 0, unchanged: 6 });
      expect(await store.getCuration('t:1')).toEqual({ tags: ['verified'], links: [{ recordId: 't:2', relation: 'related' }], status: 'archived', visibility: null, note: 'checked against the court file' });

      // The dataset's tag cannot be removed; the curator's can, and a changed note is a revision of its own.
      await expect(store.saveRecord({ ...after, tags: ['verified'] }, { by: 'erin', baseRevision: 3 })).rejects.toThrow(/from-dataset/);
      const untagged = await store.saveRecord({ ...after, tags: ['from-dataset'] }, { by: 'erin', baseRevision: 3 });
      expect(untagged.tags).toEqual(['from-dataset']);
      const noted = await store.saveRecord(untagged, { by: 'erin', baseRevision: 4, note: 'second look' });
      expect(noted.revision).toBe(5);
      expect((await store.history(fullScope, 't:1')).at(-1)!.changes).toEqual([{ field: 'note', old: 'checked against the court file', new: 'second look' }]);
      expect(await store.getCuration('t:2')).toBeUndefined();
      // Notes are internal: never searched.
      expect(await store.count(fullScope, { q: 'second look' })).toBe(0);
    });

    const ids = async (filter: Parameters<EventStore['query']>[1], scope = fullScope) =>
      (await store.query(scope, filter, { limit: 100, sort: 'date' })).records.map((r) => r.id).sort();

    it('filters by every parameter', async () => {
      expect(await ids({ kind: ['plot', 'clash'] })).toEqual(['t:2', 't:3']);
      expect(await ids({ actorIds: ['islamic-state'] })).toEqual(['t:3']);
      expect(await ids({ actorNames: ['mystery front'] })).toEqual(['t:3']);
      expect(await ids({ actorIds: [], actorNames: [] })).toEqual([]);
      expect(await ids({ country: ['DEU', 'FJI'] })).toEqual(['t:2', 't:3']);
      expect(await ids({ admin1: ['balochistan'] })).toEqual(['t:4']);
      expect(await ids({ target: ['civilians'] })).toEqual(['t:2']);
      expect(await ids({ tactic: ['ied'] })).toEqual(['t:2']);
      expect(await ids({ attribution: ['suspected'] })).toEqual(['t:2', 't:internal']);
      expect(await ids({ dataset: ['other'] })).toEqual([]);
      expect(await ids({ min_killed: 5 })).toEqual(['t:1', 't:4', 't:draft', 't:internal']);
      expect(await ids({ q: 'cathedral' })).toEqual(['t:2']);
      expect(await ids({ q: 'khurasan plot' })).toEqual(['t:2']);
      // A word with a leading minus leaves out the records that have it.
      expect(await ids({ q: '-cathedral' })).toEqual(['t:1', 't:3', 't:4', 't:draft', 't:internal']);
      expect(await ids({ q: 'record -test -khurasan' })).toEqual([]);
      expect(await ids({ q: 'plot -khurasan' })).toEqual([]);
      expect(await ids({ q: 'Kabul -investigation' })).toEqual(['t:1', 't:internal']);
      // A word with no letters or digits is looked for as written, not ignored (which matched every record).
      expect(await ids({ q: '🚀' })).toEqual([]);
      expect(await ids({ q: '#' })).toEqual([]);
      expect(await ids({ status: ['draft'] })).toEqual(['t:draft']);
      expect(await ids({ visibility: ['internal'] })).toEqual(['t:internal']);
    });

    it('leaves out the records with any excluded value, and keeps those with no value at all', async () => {
      expect(await ids({ not_kind: ['attack'] })).toEqual(['t:2', 't:3']);
      expect(await ids({ not_country: ['AFG'] })).toEqual(['t:2', 't:3', 't:4']);
      expect(await ids({ not_country: ['AFG', 'PAK'] })).toEqual(['t:2', 't:3']);
      // t:3 has no province: it is not in Kabul, so it stays.
      expect(await ids({ not_admin1: ['KABUL'] })).toEqual(['t:2', 't:3', 't:4']);
      expect(await ids({ not_target: ['civilians'] })).toEqual(['t:1', 't:3', 't:4', 't:draft', 't:internal']);
      expect(await ids({ not_tactic: ['ied'] })).toEqual(['t:1', 't:3', 't:4', 't:draft', 't:internal']);
      expect(await ids({ not_attribution: ['suspected'] })).toEqual(['t:1', 't:3', 't:4', 't:draft']);
      expect(await ids({ not_dataset: ['test'] })).toEqual([]);
      expect(await ids({ notActorIds: ['iskp'] })).toEqual(['t:3', 't:internal']);
      expect(await ids({ notActorNames: ['mystery front'] })).toEqual(['t:1', 't:2', 't:4', 't:draft', 't:internal']);
      // "ISKP abroad": the actor, anywhere but Afghanistan.
      expect(await ids({ actorIds: ['iskp'], not_country: ['AFG'] })).toEqual(['t:2', 't:4']);
      // A facet is counted without its own exclusion too, so the excluded value is listed with its count.
      const { country, kind } = await store.facets(fullScope, { not_country: ['AFG'] }, ['country', 'kind']);
      expect(country!.values).toContainEqual({ value: 'AFG', count: 3 });
      expect(kind!.values.reduce((sum, v) => sum + v.count, 0)).toBe(3);
    });

    it("treats a province's spellings as one province in filters, facets, statistics and map areas", async () => {
      // UCDP writes "Balochistan province"; t:4 says "Balochistan".
      await store.write([sampleRecord({ id: 't:ucdp', place: { country: 'PAK', admin1: 'Balochistan Province', precision: 'admin1' }, killed: { best: 1 } })], { by: 'test' });
      for (const spelling of ['Balochistan', 'balochistan province', 'BALOCHISTAN']) expect(await ids({ admin1: [spelling] })).toEqual(['t:4', 't:ucdp']);
      expect(await ids({ not_admin1: ['Balochistan province'], country: ['PAK'] })).toEqual([]);
      const { admin1 } = await store.facets(publicScope, {}, ['admin1']);
      expect(admin1!.values.filter((v) => /balochistan/i.test(v.value))).toEqual([{ value: 'PAK:Balochistan', count: 2 }]);
      const byProvince = await store.stats(publicScope, { country: ['PAK'] }, ['admin1'], ['count', 'killed']);
      expect(byProvince).toEqual([{ country: 'PAK', admin1: 'Balochistan', count: 2, killed: 11 }]);
      expect(await store.areas(publicScope, { country: ['PAK'] }, 'admin1')).toEqual([{ country: 'PAK', admin1: 'Balochistan', count: 2, killed: 11 }]);
      // Provinces of the same name in two countries are two provinces.
      await store.write([sampleRecord({ id: 't:punjab-in', place: { country: 'IND', admin1: 'Punjab', precision: 'admin1' } }), sampleRecord({ id: 't:punjab-pk', place: { country: 'PAK', admin1: 'Punjab', precision: 'admin1' } })], { by: 'test' });
      expect(await store.stats(fullScope, { admin1: ['Punjab'] }, ['admin1'], ['count'])).toEqual([
        { country: 'IND', admin1: 'Punjab', count: 1 },
        { country: 'PAK', admin1: 'Punjab', count: 1 },
      ]);
      // Facets count them apart, each with its country, and a province written with its country is that one only.
      const punjabs = (await store.facets(fullScope, {}, ['admin1'])).admin1!.values.filter((v) => /punjab/i.test(v.value));
      expect(punjabs).toEqual([{ value: 'IND:Punjab', count: 1 }, { value: 'PAK:Punjab', count: 1 }]);
      expect(await ids({ admin1: ['PAK:punjab province'] })).toEqual(['t:punjab-pk']);
      expect(await ids({ admin1: ['PAK:Punjab', 'IND:Punjab'] })).toEqual(['t:punjab-in', 't:punjab-pk']);
      expect(await ids({ admin1: ['Punjab'], not_admin1: ['IND:Punjab'] })).toEqual(['t:punjab-pk']);
      expect(await ids({ admin1: ['IND:Balochistan'] })).toEqual([]);
      expect(await ids({ admin1: ['pak:Punjab'] })).toEqual(['t:punjab-pk']);
      // A province of a record with no country is its own row, which selects that record only.
      await store.write([sampleRecord({ id: 't:punjab-nowhere', place: { admin1: 'Punjab', precision: 'admin1' } })], { by: 'test' });
      expect((await store.facets(fullScope, { id: ['t:punjab-nowhere', 't:punjab-pk'] }, ['admin1'])).admin1!.values).toEqual([{ value: ':Punjab', count: 1 }, { value: 'PAK:Punjab', count: 1 }]);
      expect(await ids({ admin1: [':Punjab'] })).toEqual(['t:punjab-nowhere']);
      expect(await ids({ admin1: ['Punjab'] })).toEqual(['t:punjab-in', 't:punjab-nowhere', 't:punjab-pk']);
    });

    it('matches date ranges by overlap, never pinning an imprecise date to a day', async () => {
      expect(await ids({ from: '2021-03-15', to: '2021-03-20' })).toEqual(['t:2']);
      expect(await ids({ from: '2020-06-01', to: '2020-06-30' })).toEqual(['t:4']);
      expect(await ids({ to: '2019-12-31' })).toEqual(['t:3']);
    });

    it('filters by bounding box, across the antimeridian too', async () => {
      expect(await ids({ bbox: [60, 20, 75, 40] })).toEqual(['t:1', 't:4', 't:draft', 't:internal']);
      expect(await ids({ bbox: [170, -30, -170, 0] })).toEqual(['t:3']);
    });

    it('counts the matching records and those of them with coordinates', async () => {
      expect(await store.totals(publicScope, {})).toEqual({ total: 4, located: 3 });
      expect(await store.totals(publicScope, { kind: ['plot'] })).toEqual({ total: 1, located: 0 });
      expect(await store.totals(fullScope, {})).toEqual({ total: 6, located: 5 });
    });

    it('never shows drafts or internal records outside their scope', async () => {
      const hidden = { id: ['t:draft', 't:internal'] };
      expect(await ids(hidden, publicScope)).toEqual([]);
      expect(await store.count(publicScope, {})).toBe(4);
      expect(await store.get(publicScope, 't:draft')).toBeUndefined();
      expect(await store.history(publicScope, 't:internal')).toEqual([]);
      expect(await ids({ status: ['draft'] }, publicScope)).toEqual([]);
      const { kind: kinds } = await store.facets(publicScope, {}, ['kind']);
      expect(kinds!.values.reduce((s, v) => s + v.count, 0)).toBe(4);
      const tl = await store.timeline(publicScope, {}, 'year');
      expect(tl.buckets.reduce((s, b) => s + b.total, 0) + tl.spanning.total).toBe(4);
      expect((await store.stats(publicScope, {}, []))[0]).toEqual({ count: 4, killed: 17, wounded: 3 });
      expect((await store.map(publicScope, {}, { zoom: 10 })).total).toBe(3);
      const areas = await store.areas(publicScope, {}, 'country');
      expect(areas.reduce((s, a) => s + a.count, 0)).toBe(4);
      // Germany's one record has no known death toll: unknown, not 0.
      expect(areas.find((a) => a.country === 'DEU')).toEqual({ country: 'DEU', count: 1, killed: null });
      expect((await store.datasets(publicScope))[0]!.records).toBe(4);
      expect((await store.unresolvedActors(publicScope)).map((u) => u.name)).toEqual(['Mystery Front']);
      expect(await store.unresolvedActors(publicScope, { country: ['FJI'] })).toEqual([{ name: 'Mystery Front', dataset: 'test', records: 1 }]);
      expect(await store.unresolvedActors(publicScope, { country: ['PAK'] })).toEqual([]);
      expect((await store.unresolvedActors(fullScope, {})).map((u) => u.name).sort()).toEqual(['Mystery Front', 'Secret Cell']);
      expect((await store.actorCounts(publicScope)).get('iskp')).toBe(3);
      const streamed = [];
      for await (const r of store.stream(publicScope, {})) streamed.push(r.id);
      expect(streamed.sort()).toEqual(['t:1', 't:2', 't:3', 't:4']);
    });

    it('pages with a cursor through every record exactly once', async () => {
      for (const sort of ['date', '-date', 'killed', '-killed'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.query(fullScope, {}, { sort, limit: 2, ...(cursor ? { cursor } : {}) });
          seen.push(...page.records.map((r) => r.id));
          cursor = page.next ?? undefined;
        } while (cursor);
        expect(seen).toHaveLength(await store.count(fullScope, {}));
        if (sort === 'date' || sort === '-date') {
          // In order: by date, then id, across page boundaries that fall inside a run of equal dates.
          const ordered = records().sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1)).map((r) => r.id);
          expect(seen).toEqual(sort === 'date' ? ordered : ordered.reverse());
        }
        expect(seen.sort()).toEqual(records().map((r) => r.id).sort());
      }
      await expect(store.query(fullScope, {}, { cursor: 'garbage' })).rejects.toThrow(/cursor/);
    });

    it('computes each facet without its own filter, with top N and other', async () => {
      const f = await store.facets(fullScope, { kind: ['plot'], country: ['DEU'] }, ['kind'], 1);
      expect(f.kind!.values).toEqual([{ value: 'plot', count: 1 }]);
      const all = await store.facets(fullScope, { kind: ['plot'] }, ['kind'], 1);
      expect(all).toEqual({ kind: { values: [{ value: 'attack', count: 4 }], other: 2 } });
      expect((await store.facets(fullScope, { kind: ['plot'] }, ['actor'])).actor!.values).toEqual([{ value: 'iskp', count: 1 }]);
      // Asked together, each facet is still counted without its own filter and with the others' filters.
      const together = await store.facets(fullScope, { kind: ['plot'], country: ['DEU'] }, ['kind', 'country', 'actor', 'target', 'dataset'], 5);
      expect(together.kind).toEqual((await store.facets(fullScope, { country: ['DEU'] }, ['kind'], 5)).kind);
      expect(together.country).toEqual((await store.facets(fullScope, { kind: ['plot'] }, ['country'], 5)).country);
      expect(together.actor).toEqual({ values: [{ value: 'iskp', count: 1 }], other: 0 });
      expect(together.target).toEqual({ values: [{ value: 'civilians', count: 1 }], other: 0 });
      expect(together.dataset).toEqual({ values: [{ value: 'test', count: 1 }], other: 0 });
      // Countries unknown to a record are not a value; multi-valued lists count each member.
      const countries = (await store.facets(fullScope, {}, ['country', 'actor'])).country!;
      expect(countries.values.reduce((s, v) => s + v.count, 0) + countries.other).toBe(6);
    });

    it('counts a month-precise record once in its month and sets wider ones apart', async () => {
      const months = await store.timeline(fullScope, {}, 'month');
      expect(months.buckets.find((b) => b.start === '2021-03-01')).toMatchObject({ total: 4, kinds: { attack: 3, plot: 1 } });
      // The year-precise record is set apart, with the year it may fall in.
      expect(months.spanning).toEqual({ total: 1, kinds: { attack: 1 }, ranges: [{ from: '2020-01-01', to: '2020-12-31', total: 1, kinds: { attack: 1 } }] });
      const days = await store.timeline(fullScope, { id: ['t:2'] }, 'day');
      expect(days.buckets).toEqual([]);
      expect(days.spanning).toMatchObject({ total: 1, ranges: [{ from: '2021-03-01', to: '2021-03-31', total: 1 }] });
      expect((await store.timeline(fullScope, {}, 'year')).spanning).toEqual({ total: 0, kinds: {}, ranges: [] });
    });

    it('groups statistics by any dimension, crossing list dimensions', async () => {
      const byYear = await store.stats(publicScope, {}, ['year']);
      expect(byYear).toEqual([
        { year: '2019', count: 1, killed: 2, wounded: null },
        { year: '2020', count: 1, killed: 10, wounded: 3 },
        { year: '2021', count: 2, killed: 5, wounded: null },
      ]);
      const byActorMonth = await store.stats(publicScope, { kind: ['attack', 'plot'] }, ['actor', 'month'], ['count']);
      expect(byActorMonth).toEqual([
        { actor: 'iskp', month: '2021-03', count: 2 },
        { actor: 'iskp', month: null, count: 1 },
      ]);
      // How many records a sum is over: t:2 has no known toll and no wounded, t:1 and t:3 no wounded.
      expect(await store.stats(publicScope, {}, [], ['count', 'killed', 'killed_known', 'wounded', 'wounded_known'])).toEqual([
        { count: 4, killed: 17, killed_known: 3, wounded: 3, wounded_known: 1 },
      ]);
      // A record that may fall in either of two years has no year, as it has no month and no timeline bar.
      await store.write([sampleRecord({ id: 'y:span', date: '2020-12-28', dateEnd: '2021-01-03' })], { by: 'test' });
      expect(await store.stats(fullScope, { id: ['y:span', 't:4'] }, ['year'], ['count'])).toEqual([
        { year: '2020', count: 1 },
        { year: null, count: 1 },
      ]);
      // Two actors and two targets are four rows; a record with no target counts once, under none.
      await store.write([sampleRecord({ id: 'x:cross', targets: ['government', 'civilians'],
        actors: [{ actorId: 'islamic-state', name: 'IS', role: 'perpetrator', attribution: 'claimed' }, { actorId: 'iskp', name: 'ISKP', role: 'perpetrator', attribution: 'claimed' }] })], { by: 'test' });
      expect(await store.stats(publicScope, { id: ['x:cross', 't:1'] }, ['actor', 'target'], ['count', 'killed'])).toEqual([
        { actor: 'iskp', target: 'civilians', count: 1, killed: 5 },
        { actor: 'iskp', target: 'government', count: 1, killed: 5 },
        { actor: 'iskp', target: null, count: 1, killed: 5 },
        { actor: 'islamic-state', target: 'civilians', count: 1, killed: 5 },
        { actor: 'islamic-state', target: 'government', count: 1, killed: 5 },
      ]);
    });

    it('aggregates the map into cells at low zoom and never returns more than asked', async () => {
      const many = Array.from({ length: 300 }, (_, i) => sampleRecord({ id: `m:${i}`, place: { country: 'AFG', lat: 30 + (i % 30) / 3, lon: 60 + i / 30, precision: 'exact' } }));
      await store.write(many, { by: 'test' });
      const world = await store.map(fullScope, {}, { zoom: 2, maxFeatures: 100 });
      expect(world.mode).toBe('cells');
      if (world.mode !== 'cells') return;
      expect(world.cells.length).toBeLessThanOrEqual(100);
      expect(world.cells.reduce((s, c) => s + c.count, 0)).toBe(world.total);
      // Each cell sits at the mean of its records, so the cells' weighted mean is the mean of every record.
      const located = [...many, ...records()].filter((r) => r.place.lon != null);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(world.total).toBe(located.length);
      expect(mean(world.cells.flatMap((c) => Array(c.count).fill(c.lon)))).toBeCloseTo(mean(located.map((r) => r.place.lon!)), 3);
      expect(mean(world.cells.flatMap((c) => Array(c.count).fill(c.lat)))).toBeCloseTo(mean(located.map((r) => r.place.lat!)), 3);
      const close = await store.map(fullScope, { bbox: [69, 34, 70, 35] }, { zoom: 12, maxFeatures: 100 });
      expect(close.mode).toBe('points');
    });
  });
}
