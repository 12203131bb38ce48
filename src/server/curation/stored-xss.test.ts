// Stored XSS: script in every text field and a javascript: source link are stored verbatim (the record is data,
// not markup) and served only as JSON or as downloads, with nosniff and a script-src 'self' policy, so no browser
// runs them from the API. The web app renders them inert (React escapes text; links are http(s) only): see
// web/test/link-safety.test.ts and the curation browser test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbStore, type DuckdbStore } from '../../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../cli/wiring.ts';
import { createApp } from '../app.ts';
import { addTestUsers, anonymousClient, signIn } from '../auth/test-client.ts';
import { hostile as x, hostileRecord } from './hostile-record.ts';

const registry = loadRegistry();
let store: DuckdbStore;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  store = await duckdbStore(':memory:');
  await addTestUsers(store.accounts);
  app = createApp({ store, registry, accounts: store.accounts, options: { log: () => undefined, rateLimitPerMinute: 0, cacheTtlMs: 0 } });
});
afterAll(() => store?.close());

describe('stored XSS', () => {
  it('stores every payload verbatim and serves it only as JSON or as an attachment', async () => {
    const [editor, reviewer] = [await signIn(app, 'editor'), await signIn(app, 'reviewer')];
    const created = await editor.request('/api/records', { method: 'POST', json: { record: hostileRecord(), comment: x(19), note: x(20) } });
    expect(created.status).toBe(201);
    const { record } = (await created.json()) as { record: { id: string; revision: number } };
    await editor.request(`/api/records/${record.id}/transition`, { method: 'POST', json: { to: 'review', baseRevision: 1 } });
    expect((await reviewer.request(`/api/records/${record.id}/transition`, { method: 'POST', json: { to: 'published', baseRevision: 2 } })).status).toBe(200);

    const stored = (await store.get({ statuses: ['published'], visibilities: ['public'] }, record.id))!;
    expect(stored.description).toBe(x(6));
    expect(stored.sources[0]!.url).toBe('javascript:alert(document.cookie)');
    expect(stored.place.locality).toBe(x(4));

    const reader = anonymousClient(app);
    for (const url of [`/api/records/${record.id}`, `/api/records?id=${record.id}`, `/api/records/${record.id}/history`, '/api/facets?facet=admin1&facet=actor', '/api/stats?by=admin1', '/api/map/areas?level=admin1']) {
      const res = await reader.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/json/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    const detail = (await (await reader.request(`/api/records/${record.id}`)).json()) as { record: typeof stored };
    expect(detail.record.media?.title).toBe(x(14));
    for (const [format, type] of [['csv', /^text\/csv/], ['geojson', /^application\/geo\+json/], ['ndjson', /^application\/x-ndjson/]] as const) {
      const res = await reader.request(`/api/export?format=${format}`);
      expect(res.headers.get('content-type'), format).toMatch(type);
      expect(res.headers.get('content-disposition'), format).toMatch(/^attachment;/);
      expect(await res.text()).toContain('javascript:alert(document.cookie)');
    }
    // Nothing record-shaped is ever served as HTML: an unknown API path answers JSON too.
    expect((await reader.request(`/api/records/${encodeURIComponent('<script>')}`)).headers.get('content-type')).toMatch(/^application\/json/);
  });
});
