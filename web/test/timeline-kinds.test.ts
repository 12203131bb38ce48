/**
 * The timeline panel narrows the kind-free timeline to the selected kinds itself (web/src/model/timeline-kinds.ts)
 * instead of asking the server again. That is right only if it gives exactly what the server answers for the
 * same kind filter: checked here on the demo data, for every bucket size, with and without other filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineResponse } from '../src/api/types.ts';
import { onlyKinds } from '../src/model/timeline-kinds.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';

describe('a timeline narrowed to kinds in the browser', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ webRoot: new URL('../dist', import.meta.url).pathname });
  });
  afterAll(() => server?.close());

  const timeline = async (query: string) => (await (await fetch(`${server.url}/api/timeline?${query}`)).json()) as TimelineResponse;

  it('equals the server’s timeline for the same kind filter', async () => {
    const cases: [string, string[]][] = [
      ['', ['attack']],
      ['', ['clash', 'plot']],
      ['country=PAK', ['attack', 'arrest']],
      ['actor=ISIS-K&from=2019-01-01', ['attack']],
      ['', ['designation', 'leadership']],
    ];
    for (const bucket of ['day', 'week', 'month', 'year']) {
      for (const [filter, kinds] of cases) {
        const base = [filter, `bucket=${bucket}`].filter(Boolean).join('&');
        const narrowed = onlyKinds(await timeline(base), kinds);
        expect(narrowed, `${base} kind=${kinds}`).toEqual(await timeline(`${base}&kind=${kinds.join(',')}`));
      }
    }
    // Not vacuous: the demo data has attacks, and they are fewer than all records.
    const all = await timeline('bucket=year');
    const attacks = onlyKinds(all, ['attack']);
    expect(attacks.total).toBeGreaterThan(0);
    expect(attacks.total).toBeLessThan(all.total);
  });
});
