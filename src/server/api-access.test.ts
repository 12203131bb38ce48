// Only published, public records leave the building: a draft and an internal record written through the store
// must change nothing in any endpoint's output or counts. Every endpoint is asked the same questions before and
// after they are written, and the answers must be identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../core/event-store.ts';
import { fullScope } from '../core/filter.ts';
import { duckdbStore } from '../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../cli/wiring.ts';
import { loadImportContext } from '../cli/import-context.ts';
import { runImport } from '../cli/run-import.ts';
import { hiddenFixtures, loadApiData, secretMarkers } from './api-fixture.ts';
import { createApp, type SitrepApp } from './app.ts';

/** Every endpoint, with filters that would select the hidden records if the scope were not applied. */
const urls = [
  '/api/records?limit=1000&sort=-killed',
  '/api/records?actor=ISIS-K&limit=1000',
  '/api/records?country=AFG&from=2021-08-26&to=2021-08-27&limit=1000',
  '/api/records?q=secret&limit=10',
  '/api/records?status=draft&limit=10',
  '/api/records?visibility=internal&limit=10',
  '/api/records?status=draft,published&visibility=internal,public&limit=1',
  '/api/records?dataset=hidden-dataset&limit=10',
  '/api/records/fx:trial',
  '/api/records/fx:airport',
  '/api/facets?facet=kind&facet=country&facet=admin1&facet=actor&facet=target&facet=tactic&facet=attribution&facet=dataset&facet=status&facet=visibility&facet=year&top=200',
  '/api/facets?facet=kind&status=draft',
  '/api/timeline?bucket=day&from=2021-08-01&to=2021-08-31',
  '/api/timeline?bucket=year',
  '/api/map?zoom=1',
  '/api/map?zoom=12&bbox=69,34,70,35',
  '/api/map?zoom=3&bbox=170,-40,-170,-30',
  '/api/map/areas?level=country',
  '/api/map/areas?level=admin1',
  '/api/stats?by=kind&by=country&measure=count,killed,wounded',
  '/api/stats?by=dataset&by=tactic',
  '/api/stats',
  '/api/export?format=csv&country=AFG',
  '/api/export?format=ndjson&actor=ISIS-K',
  '/api/export?format=geojson&kind=designation',
  '/api/actors?q=ISIS-K',
  '/api/actors',
  '/api/actors/iskp',
  '/api/actors/islamic-state',
  '/api/datasets',
];

let store: EventStore;
let app: SitrepApp;
const registry = loadRegistry();

async function answers(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const url of urls) {
    const res = await app.request(url);
    const body = await res.text();
    expect(res.status, `${url}: ${body.slice(0, 200)}`).toBe(200);
    out.set(url, body);
  }
  return out;
}

beforeAll(async () => {
  store = await duckdbStore(':memory:');
  const context = await loadImportContext(registry, {});
  await loadApiData(store, (path) => runImport(store, path, context));
  app = createApp({ store, registry, options: { log: () => undefined, rateLimitPerMinute: 0, cacheTtlMs: 0, today: () => '2025-06-01' } });
});
afterAll(() => store.close());

describe('access scope', () => {
  it('hides drafts and internal records from every endpoint, count and facet', async () => {
    const before = await answers();
    const written = await store.write(hiddenFixtures(), { by: 'editor' });
    expect(written.inserted).toBe(2);
    expect(await store.count(fullScope, { id: ['fx:draft', 'fx:internal'] })).toBe(2);
    const after = await answers();
    for (const url of urls) {
      const body = after.get(url)!;
      for (const marker of secretMarkers) expect(body.includes(marker), `${url} shows ${marker}`).toBe(false);
      expect(body, url).toBe(before.get(url));
    }
    for (const id of ['fx:draft', 'fx:internal']) {
      const res = await app.request(`/api/records/${id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('SECRET');
    }
  });

  it('sends what the scope resolver allows, and nothing decides it but the resolver', async () => {
    // The authentication layer will replace only `resolveScope`; this shows that is enough.
    const editorApp = createApp({ store, registry, options: { log: () => undefined, rateLimitPerMinute: 0, cacheTtlMs: 0, resolveScope: () => fullScope } });
    const res = await editorApp.request('/api/records?status=draft&limit=10');
    const page = (await res.json()) as { records: { id: string }[] };
    expect(page.records.map((r) => r.id)).toEqual(['fx:draft']);
    const anonymous = (await (await app.request('/api/records?status=draft&limit=10')).json()) as { total: number };
    expect(anonymous.total).toBe(0);
  });
});
