// Curating over HTTP: create and edit with field-by-field validation, no lost updates (409 with the other
// change), the review workflow with its roles and the four-eyes setting, revert, history and the review queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbStore, type DuckdbStore } from '../../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../cli/wiring.ts';
import { fixtureRecord, publicFixtures } from '../api-fixture.ts';
import { createApp } from '../app.ts';
import type { PlaceSuggester, ServerOptions } from '../context.ts';
import { addTestUsers, anonymousClient, signIn, type TestClient } from '../auth/test-client.ts';

const registry = loadRegistry();
let store: DuckdbStore;
const places: PlaceSuggester = {
  suggest: (prefix) => (prefix.toLowerCase().startsWith('jala') ? [{ name: 'Jalalabad', country: 'AFG', admin1: 'Nangarhar', lat: 34.43, lon: 70.45, population: 200_331, precision: 'locality' }] : []),
};
const appWith = (options: Partial<ServerOptions> = {}) =>
  createApp({ store, registry, accounts: store.accounts, places, options: { log: () => undefined, rateLimitPerMinute: 0, cacheTtlMs: 60_000, ...options } });
let app: ReturnType<typeof appWith>;
let editor: TestClient, editor2: TestClient, reviewer: TestClient, viewer: TestClient, anonymous: TestClient;

/** A new record as the editor's form sends it. */
const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'attack', date: '2024-03-02', datePrecision: 'day',
  place: { country: 'AFG', admin1: 'Nangarhar', locality: 'Jalalabad', lat: 34.43, lon: 70.45, precision: 'locality' },
  actors: [{ actorId: 'iskp', name: 'ISKP', role: 'perpetrator', attribution: 'claimed' }],
  killed: { best: 5 }, description: 'Bombing at a market in Jalalabad.',
  sources: [{ title: 'Claim on Amaq', publisher: 'Amaq', url: 'https://example.org/amaq', date: '2024-03-02', type: 'group_claim', reliability: 'C' }],
  ...overrides,
});
type Rec = { id: string; revision: number; status: string; killed: { best: number | null }; description: string; provenance: { dataset: string } };
const body = async <T = Record<string, unknown>>(res: Response, status: number): Promise<T> => {
  const text = await res.text();
  expect(res.status, text.slice(0, 400)).toBe(status);
  return JSON.parse(text) as T;
};
const create = async (client: TestClient, overrides: Record<string, unknown> = {}) =>
  (await body<{ record: Rec }>(await client.request('/api/records', { method: 'POST', json: { record: input(overrides) } }), 201)).record;
const move = (client: TestClient, r: { id: string; revision: number }, to: string) =>
  client.request(`/api/records/${r.id}/transition`, { method: 'POST', json: { to, baseRevision: r.revision } });

beforeAll(async () => {
  store = await duckdbStore(':memory:');
  await store.write(publicFixtures(), { by: 'import:fixtures' });
  await addTestUsers(store.accounts);
  app = appWith();
  [editor, editor2, reviewer, viewer] = await Promise.all([signIn(app, 'editor'), signIn(app, 'editor2'), signIn(app, 'reviewer'), signIn(app, 'viewer')]);
  anonymous = anonymousClient(app);
});
afterAll(() => store?.close());

describe('creating and editing', () => {
  it('creates a curated draft with a ULID id, revision 1', async () => {
    const r = await create(editor);
    expect(r.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(r).toMatchObject({ status: 'draft', revision: 1, provenance: { dataset: 'curated' } });
    const history = await body<{ revisions: { by: string; comment: string }[] }>(await editor.request(`/api/records/${r.id}/history`), 200);
    expect(history.revisions).toEqual([expect.objectContaining({ revision: 1, by: 'editor', comment: 'created', changes: null })]);
  });

  it('refuses an invalid record naming every field at fault, and says so without saving', async () => {
    const bad = input({ kind: 'bombing', place: { country: 'AFG', lat: 999, lon: 70, precision: 'locality' }, links: [{ recordId: 'no-such-record', relation: 'related' }] });
    const res = await body<{ error: { code: string; fields: { field: string; message: string }[]; param: string } }>(await editor.request('/api/records', { method: 'POST', json: { record: bad } }), 400);
    expect(res.error.code).toBe('invalid_record');
    expect(res.error.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['kind', 'place.lat']));
    const links = await body<{ error: { fields: { field: string }[] } }>(await editor.request('/api/records', { method: 'POST', json: { record: input({ links: [{ recordId: 'no-such-record', relation: 'related' }], actors: [{ actorId: 'made-up', name: 'X', role: 'perpetrator', attribution: 'claimed' }] }) } }), 400);
    expect(links.error.fields.map((f) => f.field)).toEqual(['links.0.recordId', 'actors.0.actorId']);
    // A code shaped like a country's but no country's.
    const nowhere = await body<{ error: { fields: { field: string; message: string }[] } }>(await editor.request('/api/records', { method: 'POST', json: { record: input({ place: { country: 'XYZ', precision: 'country' }, targetCountry: 'QQQ' }) } }), 400);
    expect(nowhere.error.fields.map((f) => f.field)).toEqual(['place.country', 'targetCountry']);
    expect(nowhere.error.fields[0]!.message).toMatch(/no country has the ISO 3166-1 alpha-3 code "XYZ"/);
    const verdict = await body<{ ok: boolean; fields: { field: string }[] }>(await editor.request('/api/records/validate', { method: 'POST', json: { record: bad } }), 200);
    expect(verdict.ok).toBe(false);
    expect(verdict.fields.map((f) => f.field)).toContain('place.lat');
    expect((await body<{ ok: boolean }>(await editor.request('/api/records/validate', { method: 'POST', json: { record: input() } }), 200)).ok).toBe(true);
    expect((await editor.request('/api/records', { method: 'POST', body: 'not json', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
  });

  it('never loses an update: the second of two editors saving from one revision gets 409 with the first one’s change', async () => {
    const r = await create(editor);
    const first = await body<{ record: Rec }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ killed: { best: 7 } }), baseRevision: 1, comment: 'hospital figures' } }), 200);
    expect(first.record).toMatchObject({ revision: 2, killed: { best: 7 } });
    const conflict = await body<{ error: { code: string; message: string }; current: Rec; theirChanges: { by: string; changes: { field: string; old: unknown; new: unknown }[] }[] }>(
      await editor2.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ description: 'Suicide bombing at a market.' }), baseRevision: 1 } }),
      409,
    );
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.message).toContain('editor');
    expect(conflict.current).toMatchObject({ revision: 2, killed: { best: 7 }, description: 'Bombing at a market in Jalalabad.' });
    expect(conflict.theirChanges).toEqual([expect.objectContaining({ revision: 2, by: 'editor', comment: 'hospital figures', changes: [{ field: 'killed.best', old: 5, new: 7 }] })]);
    // The second editor merges onto the current revision: both changes stand.
    const merged = await body<{ record: Rec }>(await editor2.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: { ...conflict.current, description: 'Suicide bombing at a market.' }, baseRevision: 2 } }), 200);
    expect(merged.record).toMatchObject({ revision: 3, killed: { best: 7 }, description: 'Suicide bombing at a market.' });
  });

  it('keeps the status out of edits (the workflow sets it) and an internal record internal when a form omits visibility', async () => {
    const r = await create(editor, { visibility: 'internal' });
    const saved = await body<{ record: Rec & { visibility: string } }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: { ...input(), status: 'published', description: 'Edited.' }, baseRevision: 1 } }), 200);
    expect(saved.record).toMatchObject({ status: 'draft', visibility: 'internal', description: 'Edited.' });
  });

  it('lets only signed-in editors write, with the right to do it', async () => {
    expect((await anonymous.request('/api/records', { method: 'POST', json: { record: input() } })).status).toBe(401);
    expect((await viewer.request('/api/records', { method: 'POST', json: { record: input() } })).status).toBe(403);
    expect((await viewer.request('/api/review-queue')).status).toBe(403);
  });
});

describe('the review workflow', () => {
  it('draft → review by the editor, published by a reviewer (not the editor), then archived; each a revision', async () => {
    let r = await create(editor);
    r = (await body<{ record: Rec }>(await move(editor, r, 'review'), 200)).record;
    expect(r).toMatchObject({ status: 'review', revision: 2 });
    const queue = await body<{ items: { record: Rec; submittedBy: string; mayPublish: boolean }[] }>(await reviewer.request('/api/review-queue'), 200);
    expect(queue.items.find((i) => i.record.id === r.id)).toMatchObject({ submittedBy: 'editor', mayPublish: true });
    expect((await body<{ error: { code: string } }>(await move(editor, r, 'published'), 403)).error.code).toBe('forbidden');
    expect((await body<{ error: { param: string } }>(await move(editor, r, 'archived'), 400)).error.param).toBe('to');
    expect((await anonymous.request(`/api/records/${r.id}`)).status).toBe(404);
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'published'), 200)).record;
    // The answer cache is cleared by the write: anonymous readers see it at once.
    expect((await anonymous.request(`/api/records/${r.id}`)).status).toBe(200);
    expect((await body<{ total: number }>(await anonymous.request(`/api/records?id=${r.id}`), 200)).total).toBe(1);
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'archived'), 200)).record;
    const history = await body<{ revisions: { revision: number; by: string; comment: string; changes: unknown }[] }>(await editor.request(`/api/records/${r.id}/history`), 200);
    expect(history.revisions.map((h) => [h.revision, h.by, h.comment])).toEqual([[1, 'editor', 'created'], [2, 'editor', 'draft → review'], [3, 'reviewer', 'review → published'], [4, 'reviewer', 'published → archived']]);
    expect(history.revisions[3]!.changes).toEqual([{ field: 'status', old: 'published', new: 'archived' }]);
    // A stale transition is a conflict like any other save.
    expect((await move(reviewer, { id: r.id, revision: 3 }, 'draft')).status).toBe(409);
    // Sent back to draft, the drafts list names who did that, not who submitted it long before.
    await body(await move(reviewer, r, 'draft'), 200);
    const drafts = await body<{ items: { record: Rec; submittedBy: string; comment: string }[] }>(await editor.request('/api/review-queue?status=draft'), 200);
    expect(drafts.items.find((i) => i.record.id === r.id)).toMatchObject({ submittedBy: 'reviewer', comment: 'archived → draft' });
  });

  it('with requireDistinctReviewer, nobody publishes content they wrote', async () => {
    const strict = appWith({ requireDistinctReviewer: true });
    const [author, other] = [await signIn(strict, 'reviewer'), await signIn(strict, 'admin')];
    let r = await create(author);
    r = (await body<{ record: Rec }>(await move(author, r, 'review'), 200)).record;
    const refused = await body<{ error: { message: string } }>(await move(author, r, 'published'), 403);
    expect(refused.error.message).toContain('another reviewer');
    const queue = await body<{ items: { record: Rec; mayPublish: boolean }[] }>(await author.request('/api/review-queue'), 200);
    expect(queue.items.find((i) => i.record.id === r.id)?.mayPublish).toBe(false);
    expect((await move(other, r, 'published')).status).toBe(200);
  });

  it('reverts to any revision as a new revision, keeping the status', async () => {
    let r = await create(editor);
    r = (await body<{ record: Rec }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ killed: { best: 50 } }), baseRevision: 1 } }), 200)).record;
    r = (await body<{ record: Rec }>(await move(editor, r, 'review'), 200)).record;
    const reverted = await body<{ record: Rec; changed: boolean }>(await editor.request(`/api/records/${r.id}/revert`, { method: 'POST', json: { revision: 1, baseRevision: r.revision } }), 200);
    expect(reverted).toMatchObject({ changed: true, record: { revision: 4, status: 'review', killed: { best: 5 } } });
    const history = await body<{ revisions: { comment: string; changes: unknown }[] }>(await editor.request(`/api/records/${r.id}/history`), 200);
    expect(history.revisions.at(-1)).toMatchObject({ comment: 'reverted to revision 1', changes: [{ field: 'killed.best', old: 50, new: 5 }] });
    expect((await editor.request(`/api/records/${r.id}/revert`, { method: 'POST', json: { revision: 99, baseRevision: 4 } })).status).toBe(400);
  });
});

describe('imported records', () => {
  it('take curators\' tags, links, status and note, which survive a re-import; their dataset fields stay the dataset\'s', async () => {
    type Detail = { record: Rec & { tags: string[]; links: { recordId: string }[] }; curation?: { note: string | null; tags: string[] } | null };
    const { record: current } = await body<Detail>(await editor.request('/api/records/fx:core'), 200);
    const refused = await body<{ error: { code: string; fields: { field: string; message: string }[] } }>(
      await editor.request('/api/records/fx:core', { method: 'PUT', json: { record: { ...current, killed: { best: 1 } }, baseRevision: current.revision } }),
      400,
    );
    expect(refused.error.code).toBe('invalid_record');
    expect(refused.error.fields).toEqual([{ field: 'killed.best', message: expect.stringContaining('comes from the dataset fixtures-b') }]);
    const verdict = await body<{ ok: boolean; fields: { field: string }[] }>(await editor.request('/api/records/validate', { method: 'POST', json: { id: 'fx:core', record: { ...current, killed: { best: 1 } } } }), 200);
    expect(verdict).toMatchObject({ ok: false, fields: [{ field: 'killed.best' }] });

    const tagged = await body<Detail>(await editor.request('/api/records/fx:core', {
      method: 'PUT',
      json: { record: { ...current, tags: ['verified'], links: [{ recordId: 'fx:airport', relation: 'related' }] }, baseRevision: current.revision, note: 'INTERNAL-NOTE: source is a local stringer' },
    }), 200);
    const archived = (await body<Detail>(await move(reviewer, tagged.record, 'archived'), 200)).record;
    expect(archived.status).toBe('archived');

    // The dataset is imported again with a corrected figure.
    const changed = publicFixtures().find((r) => r.id === 'fx:core')!;
    await store.write([{ ...changed, killed: { low: null, best: 12, high: null } }], { by: 'import:fixtures-b' });
    const after = await body<Detail>(await editor.request('/api/records/fx:core'), 200);
    expect(after.record).toMatchObject({ killed: { best: 12 }, tags: ['verified'], links: [{ recordId: 'fx:airport' }], status: 'archived' });
    expect(after.curation).toMatchObject({ note: 'INTERNAL-NOTE: source is a local stringer', tags: ['verified'] });
    // Viewers (internal read) see archived records and the note; anonymous readers see neither.
    expect((await body<Detail>(await viewer.request('/api/records/fx:core'), 200)).curation?.note).toContain('INTERNAL-NOTE');
    expect((await anonymous.request('/api/records/fx:core')).status).toBe(404);
    await move(reviewer, after.record, 'published');
    const publicView = await anonymous.request('/api/records/fx:core');
    const text = await publicView.text();
    expect(publicView.status).toBe(200);
    expect(text).not.toContain('INTERNAL-NOTE');
    expect(text).not.toContain('"note"');
    expect(await (await anonymous.request('/api/records/fx:core/history')).text()).not.toContain('note');
    expect((await body<{ total: number }>(await anonymous.request('/api/records?q=stringer'), 200)).total).toBe(0);
  });
});

describe('public change notes', () => {
  it('tell anonymous readers what was corrected on a published record, never what a draft said', async () => {
    type Detail = { record: Rec; changeNotes: { field: string; text: string }[] };
    const today = new Date().toISOString().slice(0, 10);
    let r = await create(editor);
    r = (await body<{ record: Rec }>(await move(editor, r, 'review'), 200)).record;
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'published'), 200)).record;
    expect((await body<Detail>(await anonymous.request(`/api/records/${r.id}`), 200)).changeNotes).toEqual([]);
    r = (await body<{ record: Rec }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ killed: { best: 7 } }), baseRevision: r.revision } }), 200)).record;
    const corrected = await body<Detail>(await anonymous.request(`/api/records/${r.id}`), 200);
    expect(corrected.changeNotes).toEqual([expect.objectContaining({ field: 'casualties', text: `casualties corrected on ${today}: 5 → 7 killed` })]);

    // Back to draft, a wrong figure, then the right one, published again: readers learn 7 → 8 only.
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'draft'), 200)).record;
    r = (await body<{ record: Rec }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ killed: { best: 9999 } }), baseRevision: r.revision, comment: 'unverified: 9999 per a local report' } }), 200)).record;
    expect((await anonymous.request(`/api/records/${r.id}`)).status).toBe(404);
    r = (await body<{ record: Rec }>(await editor.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: input({ killed: { best: 8 } }), baseRevision: r.revision } }), 200)).record;
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'review'), 200)).record;
    r = (await body<{ record: Rec }>(await move(reviewer, r, 'published'), 200)).record;
    const res = await anonymous.request(`/api/records/${r.id}`);
    const text = await res.text();
    expect(JSON.parse(text).changeNotes.map((n: { text: string }) => n.text)).toEqual([
      `casualties corrected on ${today}: 5 → 7 killed`,
      `casualties corrected on ${today}: 7 → 8 killed`,
    ]);
    expect(text).not.toContain('9999');
    // Viewers read published and archived records, never drafts: nor what a record said, or was said of it, as one.
    for (const reader of [anonymous, viewer]) {
      const readerHistory = await (await reader.request(`/api/records/${r.id}/history`)).text();
      expect(readerHistory).not.toContain('9999');
      expect(readerHistory).not.toContain('unverified');
      expect(readerHistory).toContain('review → published');
      expect(await (await reader.request(`/api/records/${r.id}`)).text()).not.toContain('unverified');
    }
    expect(await (await editor.request(`/api/records/${r.id}/history`)).text()).toContain('9999');
    expect(await (await editor.request(`/api/records/${r.id}`)).text()).toContain('unverified');
  });
});

describe('history for readers', () => {
  it('shows anonymous readers which fields changed on published records, never the values, and hides drafts', async () => {
    const published = await body<{ revisions: { fields: string[] | null; changes?: unknown }[] }>(await anonymous.request('/api/records/fx:airport/history'), 200);
    expect(published.revisions.length).toBeGreaterThan(0);
    for (const r of published.revisions) expect(r.changes).toBeUndefined();
    const draft = await create(editor);
    expect((await anonymous.request(`/api/records/${draft.id}/history`)).status).toBe(404);
    expect((await viewer.request(`/api/records/${draft.id}/history`)).status).toBe(404);
  });

  it("never names a draft a published record links to, to a viewer: not in the curators' links, not in the history", async () => {
    const draft = await create(editor, { description: 'A tip about a plot, unconfirmed.' });
    const detail = async (c: TestClient) => body<{ record: Rec & { links: unknown[] }; curation: { links: { recordId: string }[] } }>(await c.request('/api/records/fx:airport'), 200);
    const { record } = await detail(editor);
    await body(await editor.request('/api/records/fx:airport', { method: 'PUT', json: { record: { ...record, links: [{ recordId: draft.id, relation: 'led_to' }] }, baseRevision: record.revision } }), 200);
    expect((await detail(editor)).curation.links).toEqual([{ recordId: draft.id, relation: 'led_to' }]);
    const seen = await detail(viewer);
    expect(seen.record.links).toEqual([]);
    expect(seen.curation.links).toEqual([]);
    const history = await (await viewer.request('/api/records/fx:airport/history')).text();
    expect(history).toContain('"links"');
    expect(history).not.toContain(draft.id);
    expect(await (await editor.request('/api/records/fx:airport/history')).text()).toContain(draft.id);
  });
});

describe('links to records not in the store', () => {
  it('reach those who read everything as stored (an export is a copy), and no one else', async () => {
    // An imported record may link to one of a dataset not imported yet (a same_event link, say).
    await store.write([fixtureRecord({ id: 'fx:dangling', links: [{ recordId: 'later:1', relation: 'same_event' }] })], { by: 'import:fixtures' });
    const exported = async (c: TestClient) => JSON.parse(await (await c.request('/api/export?format=ndjson&id=fx:dangling')).text()) as Rec & { links: unknown[] };
    expect((await exported(editor)).links).toEqual([{ recordId: 'later:1', relation: 'same_event' }]);
    expect((await exported(anonymous)).links).toEqual([]);
    expect((await exported(viewer)).links).toEqual([]);
    const detail = async (c: TestClient) => body<{ record: { links: unknown[] }; linked: unknown[] }>(await c.request('/api/records/fx:dangling'), 200);
    expect(await detail(editor)).toMatchObject({ record: { links: [{ recordId: 'later:1' }] }, linked: [] });
    expect((await detail(anonymous)).record.links).toEqual([]);
  });
});

describe('visibility', () => {
  it("is the editor's to set on a draft and a reviewer's on a published record, as publishing is", async () => {
    const draft = await create(editor, { visibility: 'internal' });
    const public_ = await body<{ record: Rec & { visibility: string } }>(await editor.request(`/api/records/${draft.id}`, { method: 'PUT', json: { record: input({ visibility: 'public' }), baseRevision: draft.revision } }), 200);
    expect(public_.record.visibility).toBe('public');

    const detail = async (c: TestClient) => (await body<{ record: Rec & { visibility: string; links: unknown[] } }>(await c.request('/api/records/fx:formula'), 200)).record;
    const published = await detail(editor);
    expect(published).toMatchObject({ status: 'published', visibility: 'public' });
    const refused = await editor.request('/api/records/fx:formula', { method: 'PUT', json: { record: { ...published, visibility: 'internal' }, baseRevision: published.revision } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden', param: 'record.visibility', message: expect.stringMatching(/^an editor may not change who reads a published record/) } });
    expect((await anonymous.request('/api/records/fx:formula')).status).toBe(200);
    // The same save by a reviewer takes the record off the public map.
    await body(await reviewer.request('/api/records/fx:formula', { method: 'PUT', json: { record: { ...published, visibility: 'internal' }, baseRevision: published.revision } }), 200);
    expect((await anonymous.request('/api/records/fx:formula')).status).toBe(404);
    // Nor may an editor make it public again by reverting to the revision before.
    const internal = await detail(editor);
    const revert = await editor.request('/api/records/fx:formula/revert', { method: 'POST', json: { revision: published.revision, baseRevision: internal.revision } });
    expect(revert.status).toBe(403);
    expect((await anonymous.request('/api/records/fx:formula')).status).toBe(404);
    const back = await detail(reviewer);
    await body(await reviewer.request('/api/records/fx:formula', { method: 'PUT', json: { record: { ...back, visibility: 'public' }, baseRevision: back.revision } }), 200);
  });
});

describe('records stored by earlier versions', () => {
  it('stay editable: a month-precise date kept mid-month, a historical country code', async () => {
    const old = [
      fixtureRecord({ id: 'old:month', date: '2021-03-15', datePrecision: 'month', provenance: { dataset: 'ucdp', licence: 'CC BY 4.0' } }),
      fixtureRecord({ id: 'old:yug', place: { country: 'YUG', precision: 'country' }, provenance: { dataset: 'gtd', licence: 'x' } }),
    ];
    await store.write(old, { by: 'import:earlier' });
    for (const id of ['old:month', 'old:yug']) {
      const { record } = await body<{ record: Rec & { tags: string[] } }>(await editor.request(`/api/records/${id}`), 200);
      await body(await editor.request(`/api/records/${id}`, { method: 'PUT', json: { record: { ...record, tags: [...record.tags, 'verified'] }, baseRevision: record.revision } }), 200);
    }
  });
});

describe('caches', () => {
  it('lets no shared cache keep an answer that depends on who asked', async () => {
    for (const c of [editor, viewer]) {
      const res = await c.request('/api/records?limit=5');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('vary')).toMatch(/Cookie, Authorization/);
    }
    const res = await anonymous.request('/api/records?limit=5');
    expect(res.headers.get('cache-control')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/Cookie, Authorization/);
  });
});

describe('places', () => {
  it('suggests places from the gazetteer with their precision', async () => {
    const res = await body<{ places: { name: string; precision: string }[] }>(await editor.request('/api/places?q=jala'), 200);
    expect(res.places[0]).toMatchObject({ name: 'Jalalabad', precision: 'locality' });
    expect((await editor.request('/api/places?q=')).status).toBe(400);
  });
});
