// The authorization matrix: every read endpoint × {anonymous, viewer, editor, reviewer, admin} × records in every
// state {draft, review, published-public, published-internal, archived}, and every write endpoint × role × state.
//
// Reads are checked differentially: for each role, the same requests are made to a store holding all five records
// and to a store holding only the records that role may see. The answers must be byte-identical (statuses too):
// a record a role may not see then cannot appear, and cannot move any count, sum, facet, map cell, bucket or
// export line for that role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/record.ts';
import { scopeForRole, type Role } from '../../core/roles.ts';
import { duckdbStore, type DuckdbStore } from '../../store/duckdb/duckdb-store.ts';
import { loadRegistry } from '../../cli/wiring.ts';
import { fixtureRecord, publicFixtures } from '../api-fixture.ts';
import { createApp } from '../app.ts';
import type { LogLine } from '../context.ts';
import { addTestUsers, anonymousClient, signIn, testPassword, type TestClient } from './test-client.ts';

const registry = loadRegistry();
const states = ['draft', 'review', 'public', 'internal', 'archived'] as const;
type State = (typeof states)[number];
const who = ['anonymous', 'viewer', 'editor', 'reviewer', 'admin'] as const;
type Who = (typeof who)[number];

/** What each caller may read. */
const allowed: Record<Who, readonly State[]> = {
  anonymous: ['public'],
  viewer: ['public', 'internal', 'archived'],
  editor: states,
  reviewer: states,
  admin: states,
};

/** One record per state, each shaped to move every count if it leaked: its own country, place, kind, year, dataset, tactic, target and casualties. */
function stateRecords(): Record<State, EventRecord> {
  const shape = (state: State, i: number, overrides: Partial<Parameters<typeof fixtureRecord>[0]>) =>
    fixtureRecord({
      id: `mx:${state}`,
      kind: (['designation', 'media', 'legal', 'claim', 'leadership'] as const)[i],
      date: `203${i}-0${i + 1}-1${i}`,
      place: { country: ['NZL', 'ISL', 'NOR', 'CHL', 'ZAF'][i]!, admin1: `Region ${state}`, locality: `Town ${state}`, lat: -40 + i * 20, lon: 170 - i * 50, precision: 'locality' },
      killed: { best: 1000 * (i + 1) }, wounded: { best: 100 * (i + 1) },
      tactics: [(['vbied', 'drone', 'arson', 'sabotage', 'mortar'] as const)[i]!],
      targets: [(['diplomatic', 'journalists', 'health', 'education', 'transport'] as const)[i]!],
      actors: [{ actorId: 'iskp', name: `Cell ${state}`, role: 'perpetrator', attribution: 'suspected' }],
      description: `MX-${state.toUpperCase()}-MARKER record.`,
      provenance: { dataset: `mx-${state}`, datasetVersion: `v-${state}`, licence: 'CC0', attribution: `Matrix ${state}`, importedAt: '2025-01-01T00:00:00.000Z' },
      ...overrides,
    });
  return {
    draft: shape('draft', 0, { status: 'draft' }),
    review: shape('review', 1, { status: 'review' }),
    public: shape('public', 2, { links: states.filter((s) => s !== 'public').map((s) => ({ recordId: `mx:${s}`, relation: 'related' as const })) }),
    internal: shape('internal', 3, { visibility: 'internal' }),
    archived: shape('archived', 4, { status: 'archived' }),
  };
}

const ids = states.map((s) => `mx:${s}`);
const readUrls = [
  '/api/records?limit=1000&sort=-killed',
  '/api/records?limit=1000&status=draft,review,published,archived&visibility=public,internal',
  '/api/records?q=MX&limit=100',
  '/api/records?country=NZL,ISL,NOR,CHL,ZAF&limit=100',
  '/api/records?actor=ISIS-K&limit=1000',
  '/api/records?from=2030-01-01&limit=100',
  ...ids.map((id) => `/api/records/${id}`),
  ...ids.map((id) => `/api/records/${id}/history`),
  '/api/records/fx:airport',
  '/api/facets?facet=kind&facet=country&facet=admin1&facet=actor&facet=target&facet=tactic&facet=attribution&facet=dataset&facet=status&facet=visibility&facet=year&top=200',
  '/api/timeline?bucket=year',
  '/api/timeline?bucket=day&from=2030-01-01&to=2035-12-31',
  '/api/map?zoom=1',
  '/api/map?zoom=12&bbox=-180,-90,180,90',
  '/api/map/areas?level=country',
  '/api/map/areas?level=admin1',
  '/api/stats?by=kind&by=country',
  '/api/stats?by=dataset&by=tactic&by=year',
  '/api/stats',
  '/api/export?format=csv',
  '/api/export?format=ndjson',
  '/api/export?format=geojson',
  '/api/actors?q=ISIS-K',
  '/api/actors',
  '/api/actors/iskp',
  '/api/datasets',
  '/api/review-queue',
  '/api/review-queue?status=draft',
];

interface Backend {
  store: DuckdbStore;
  app: ReturnType<typeof createApp>;
}
const logs: LogLine[] = [];

async function backend(records: EventRecord[]): Promise<Backend> {
  const store = await duckdbStore(':memory:');
  await store.write([...publicFixtures(), ...records], { by: 'import:matrix' });
  await addTestUsers(store.accounts);
  const app = createApp({ store, registry, accounts: store.accounts, options: { log: (l) => logs.push(l), rateLimitPerMinute: 0, cacheTtlMs: 0, today: () => '2025-06-01' } });
  return { store, app };
}

const client = (b: Backend, as: Who): Promise<TestClient> => (as === 'anonymous' ? Promise.resolve(anonymousClient(b.app)) : signIn(b.app, as));
// Revision times differ between two stores written a moment apart; everything else must be equal.
const normalise = (body: string) => body.replace(/"(at|submittedAt)":"[^"]+"/g, '"$1":"…"');

async function answers(b: Backend, as: Who): Promise<Map<string, string>> {
  const c = await client(b, as);
  const out = new Map<string, string>();
  for (const url of readUrls) {
    const res = await c.request(url, { headers: { 'X-Request-Id': 'matrix' } });
    out.set(url, `${res.status} ${normalise(await res.text())}`);
  }
  return out;
}

describe('the read matrix', () => {
  let all: Backend;
  const only = new Map<string, Backend>();
  beforeAll(async () => {
    const records = stateRecords();
    all = await backend(Object.values(records));
    for (const set of new Set(Object.values(allowed).map((s) => s.join(',')))) {
      only.set(set, await backend(set.split(',').map((s) => records[s as State])));
    }
  });
  afterAll(async () => {
    await all?.store.close();
    for (const b of only.values()) await b.store.close();
  });

  for (const as of who) {
    it(`${as}: reads ${allowed[as].join(', ')} — and the rest changes no answer`, async () => {
      const mine = only.get(allowed[as].join(','))!;
      const [got, expected] = [await answers(all, as), await answers(mine, as)];
      for (const url of readUrls) expect(got.get(url), `${as} ${url}`).toBe(expected.get(url));
      const everything = [...got.values()].join('\n');
      for (const state of states) {
        const marker = `MX-${state.toUpperCase()}-MARKER`;
        expect(everything.includes(marker), `${as} sees ${state}`).toBe(allowed[as].includes(state));
      }
      const list = JSON.parse(got.get(readUrls[0]!)!.slice(4)) as { total: number };
      expect(list.total).toBe(publicFixtures().length + allowed[as].length);
    });
  }
});

describe('the write matrix', () => {
  type Attempt = { name: string; state: State; run: (c: TestClient, r: EventRecord) => Promise<Response> };
  const edit = (c: TestClient, r: EventRecord) => c.request(`/api/records/${r.id}`, { method: 'PUT', json: { record: { ...r, description: `${r.description} Edited.` }, baseRevision: r.revision } });
  const move = (to: string) => (c: TestClient, r: EventRecord) => c.request(`/api/records/${r.id}/transition`, { method: 'POST', json: { to, baseRevision: r.revision } });
  const revert = (c: TestClient, r: EventRecord) => c.request(`/api/records/${r.id}/revert`, { method: 'POST', json: { revision: 1, baseRevision: r.revision } });
  const attempts: Attempt[] = [
    ...states.map((state) => ({ name: 'edit', state, run: edit })),
    ...states.map((state) => ({ name: 'revert', state, run: revert })),
    { name: 'submit', state: 'draft', run: move('review') },
    { name: 'publish', state: 'review', run: move('published') },
    { name: 'withdraw', state: 'review', run: move('draft') },
    { name: 'archive', state: 'public', run: move('archived') },
    { name: 'unpublish', state: 'internal', run: move('draft') },
    { name: 'restore', state: 'archived', run: move('draft') },
  ];
  // The imported fixtures are the datasets' (curators may not edit their fields): edits are made on curated copies.
  const curated = (r: EventRecord): EventRecord => ({ ...r, provenance: { ...r.provenance, dataset: 'curated' } });
  const reviewerOnly = new Set(['publish', 'archive', 'unpublish', 'restore']);
  const expected = (as: Who, a: Attempt): number => {
    if (as === 'anonymous') return 401;
    if (as === 'viewer') return 403;
    if (as === 'editor' && reviewerOnly.has(a.name)) return 403;
    return 200;
  };

  for (const as of who) {
    it(`${as}: may ${as === 'anonymous' || as === 'viewer' ? 'write nothing' : as === 'editor' ? 'edit, revert, submit and withdraw' : 'do every move'}`, async () => {
      const b = await backend(Object.values(stateRecords()).map(curated));
      try {
        const c = await client(b, as);
        const create = await c.request('/api/records', { method: 'POST', json: { record: { kind: 'plot', date: '2024-01-01', datePrecision: 'day', place: { country: 'DEU', precision: 'country' } } } });
        expect(create.status, `${as} create`).toBe(as === 'anonymous' ? 401 : as === 'viewer' ? 403 : 201);
        for (const a of attempts) {
          const r = (await b.store.get({ statuses: ['draft', 'review', 'published', 'archived'], visibilities: ['public', 'internal'] }, `mx:${a.state}`))!;
          const res = await a.run(c, r);
          expect(res.status, `${as} ${a.name} ${a.state}: ${(await res.clone().text()).slice(0, 200)}`).toBe(expected(as, a));
          // Refusals say nothing about the record: the same answer whether or not the caller could see it.
          if (res.status === 401 || res.status === 403) expect(await res.text()).not.toContain('MX-');
          if (res.status === 200) await b.store.saveRecord(r, { by: 'reset', baseRevision: (await b.store.get({ statuses: ['draft', 'review', 'published', 'archived'], visibilities: ['public', 'internal'] }, r.id))!.revision });
        }
      } finally {
        await b.store.close();
      }
    });
  }

  it('refuses every write made with the session cookie but without the CSRF token (403)', async () => {
    const b = await backend(Object.values(stateRecords()).map(curated));
    try {
      const admin = await signIn(b.app, 'admin');
      const r = (await b.store.get({ statuses: ['draft'], visibilities: ['public'] }, 'mx:draft'))!;
      const writes: [string, string, unknown][] = [
        ['POST', '/api/records', { record: { kind: 'plot', date: '2024-01-01', datePrecision: 'day', place: { precision: 'unknown' } } }],
        ['PUT', `/api/records/${r.id}`, { record: r, baseRevision: r.revision }],
        ['POST', `/api/records/${r.id}/transition`, { to: 'review', baseRevision: r.revision }],
        ['POST', `/api/records/${r.id}/revert`, { revision: 1, baseRevision: r.revision }],
        ['POST', '/api/records/validate', { record: r }],
        ['POST', '/api/auth/tokens', { name: 'x', scope: 'read' }],
        ['DELETE', '/api/auth/tokens/anything', undefined],
        ['POST', '/api/users', { name: 'mallory', role: 'admin', password: 'x'.repeat(12) }],
        ['PATCH', '/api/users/editor', { role: 'admin' }],
        ['POST', '/api/auth/logout', undefined],
      ];
      for (const [method, url, json] of writes) {
        const res = await admin.request(url, { method, csrf: false, ...(json !== undefined ? { json } : {}) });
        expect(res.status, `${method} ${url}`).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
      }
      expect((await b.store.get({ statuses: ['draft'], visibilities: ['public'] }, 'mx:draft'))!.revision).toBe(r.revision);
      expect((await b.store.accounts.findUser('editor'))!.role).toBe('editor');
      expect(await b.store.accounts.findUser('mallory')).toBeUndefined();
    } finally {
      await b.store.close();
    }
  });

  it('never wrote a password to the request log', () => {
    expect(logs.length).toBeGreaterThan(100);
    expect(JSON.stringify(logs)).not.toContain(testPassword);
  });
});

// `allowed` above is the product's promise (docs/curation.md); it must be what src/core/roles.ts grants, so a
// change there that widens a scope fails here even before the matrix runs.
it('grants each role exactly the states of the matrix', () => {
  const recordState: Record<State, { status: string; visibility: string }> = {
    draft: { status: 'draft', visibility: 'public' },
    review: { status: 'review', visibility: 'public' },
    public: { status: 'published', visibility: 'public' },
    internal: { status: 'published', visibility: 'internal' },
    archived: { status: 'archived', visibility: 'public' },
  };
  for (const as of who) {
    const scope = scopeForRole(as === 'anonymous' ? undefined : (as as Role));
    const readable = states.filter((st) => scope.statuses.includes(recordState[st].status as never) && scope.visibilities.includes(recordState[st].visibility as never));
    expect(readable, as).toEqual([...allowed[as]]);
  }
});
