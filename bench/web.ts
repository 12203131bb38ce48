/**
 * The web app benchmark (issue #5): headless Chromium against a running Sitrep server (2,000,000 synthetic
 * records in the integration run) measures
 *  1. the first complete view — map, timeline, facets and record list all drawn for the first time (the page
 *     reports it through `window.__sitrep.firstView`, see web/src/state/ready.ts), in fresh browser contexts;
 *  2. each filter change until every panel shows it: a kind toggle ("only" one kind), a timeline brush, and an
 *     alias search (Enter on "ISIS-K", "Daesh"…), each the median of several distinct changes (distinct, so the
 *     app's own answer cache never serves one), timed from the moment the reader's action reaches the page (the
 *     release of the click or drag, the Enter key: its event's time stamp), as browsers time interactions.
 * Targets are reported, not asserted: first view < 4 s, filter-change median < 600 ms.
 *
 * `npx tsx bench/web.ts [records] [store.duckdb]` builds (or opens) a synthetic store, serves web/dist on it and
 * runs the benchmark; `benchWeb(baseUrl)` runs it against a server someone else started.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { loadRegistry, openStore } from '../src/cli/wiring.ts';
import { startServer } from '../src/cli/serve-command.ts';
import { syntheticRecords } from './synthetic.ts';

declare global {
  interface Window {
    __sitrep?: { key: string; settled(): boolean; settledAfter(key: string): Promise<number>; firstView: Promise<number> };
    __settling?: Promise<number>;
    __inputAt?: number;
    __markInput?: (e: Event) => void;
  }
}

export interface WebBenchOptions {
  /** Fresh page loads for the first view. Default 3. */
  loads?: number;
  /** Distinct changes per kind of filter change. Default 5. */
  changes?: number;
  chromiumPath?: string;
  log?: (line: string) => void;
  /**
   * A second server on the same store, with an answer cache of its own: after the browser's run, each change's API
   * requests are sent to it again, together, without a browser — the server's share alone, measured in the same run.
   */
  replayUrl?: string;
}

export interface WebBenchResult {
  name: string;
  firstViewMs: number[];
  /** When the last API answer of the first view arrived (ms since navigation). */
  firstViewApiMs: number[];
  firstViewMedianMs: number;
  /** Each change: total milliseconds and the part spent waiting for the API. */
  kindToggle: Timing[];
  brush: Timing[];
  aliasSearch: Timing[];
  medians: { kindToggle: number; brush: number; aliasSearch: number };
  /** Medians of the API wait within each change. */
  apiMedians: { kindToggle: number; brush: number; aliasSearch: number };
  /** Medians of the same requests sent again without a browser (with `replayUrl`). */
  replayMedians?: { kindToggle: number; brush: number; aliasSearch: number };
  target: string;
  pass: boolean;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function launch(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
}

const show = (t: Pick<Timing, 'ms' | 'apiMs'> & { driverMs?: number }) => `${t.ms.toFixed(0)} ms (API ${t.apiMs.toFixed(0)} ms${t.driverMs !== undefined ? `; driver ${t.driverMs.toFixed(0)} ms before it, not counted` : ''})`;

const settled = (page: Page) => page.waitForFunction(() => window.__sitrep?.settled() === true, null, { timeout: 60_000, polling: 100 });

interface Timing {
  /** From the reader's action (the release of the click or drag, the Enter key) to every panel showing its result. */
  ms: number;
  /** Before the action reached the page: the driver's own time (locating, moving the mouse), not counted. */
  driverMs: number;
  /** Of which: from the action to the last API answer arriving (the server's share, plus the network). */
  apiMs: number;
  /** The API requests of the change (path and query). */
  requests: string[];
}

/** The page's API requests in flight; `quiet()` resolves once there are none. */
const inFlight = new WeakMap<Page, { count: number }>();
function trackRequests(page: Page) {
  const state = { count: 0 };
  inFlight.set(page, state);
  const isApi = (r: Request) => r.url().includes('/api/');
  page.on('request', (r) => void (isApi(r) && state.count++));
  const done = (r: Request) => void (isApi(r) && state.count--);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Runs `act`, then waits until the filter has changed and every panel shows it. It starts once the page has no API
 * request in flight (the list of unlocated records is counted just after a view settles), as a person's next
 * click would, so one change's follow-up work is not billed to the next.
 */
async function timeChange(page: Page, act: () => Promise<void>): Promise<Timing> {
  const state = inFlight.get(page);
  while (state && state.count > 0) await page.waitForTimeout(20);
  const t0 = await page.evaluate(() => {
    // The resource timing buffer holds 250 entries by default; each change starts it afresh.
    performance.clearResourceTimings();
    // Listened for from before the action, so the page itself records when it settles. (Polling on animation
    // frames instead would make the browser draw frames, which without a GPU take the CPU being measured.)
    const timeout = new Promise<number>((_, reject) => setTimeout(() => reject(new Error('the page did not settle within 60 s')), 60_000));
    window.__settling = Promise.race([window.__sitrep!.settledAfter(window.__sitrep!.key), timeout]);
    // The change starts when the reader's action reaches the page (its event's time stamp), not when the driver is
    // asked for it: Playwright's locating and moving before a click is no part of the app's answer.
    window.__inputAt = undefined;
    window.__markInput = (e: Event) => void (window.__inputAt ??= e.timeStamp);
    for (const type of ['pointerup', 'keydown']) window.addEventListener(type, window.__markInput, { capture: true });
    return performance.now();
  });
  await act();
  return page.evaluate(async (start) => {
    const end = await window.__settling!;
    for (const type of ['pointerup', 'keydown']) window.removeEventListener(type, window.__markInput!, { capture: true });
    const from = window.__inputAt ?? start;
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime >= start && e.startTime < end) as PerformanceResourceTiming[];
    return {
      ms: end - from,
      driverMs: from - start,
      apiMs: Math.max(0, ...api.map((e) => e.responseEnd - from)),
      requests: api.map((e) => new URL(e.name).pathname + new URL(e.name).search),
    };
  }, t0);
}

/** Each change's requests sent again to `replayUrl`, together, as the page sent them: milliseconds per change. */
async function replay(replayUrl: string, changes: Timing[]): Promise<number[]> {
  const out: number[] = [];
  for (const change of changes) {
    const t = performance.now();
    await Promise.all(change.requests.map(async (path) => (await fetch(replayUrl + path)).arrayBuffer()));
    out.push(performance.now() - t);
  }
  return out;
}

/** The benchmark against `baseUrl` (a server with the web app built). */
export async function benchWeb(baseUrl: string, options: WebBenchOptions = {}): Promise<WebBenchResult> {
  const { loads = 3, changes = 5, chromiumPath = '/usr/bin/chromium', log = () => undefined } = options;
  const browser = await launch(chromiumPath);
  try {
    const firstViewMs: number[] = [];
    const firstViewApiMs: number[] = [];
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(baseUrl);
      // Resolved with performance.now() at the first settled moment: milliseconds since navigation started.
      const first = await page.evaluate(async () => {
        const ms = await window.__sitrep!.firstView;
        const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime < ms) as PerformanceResourceTiming[];
        return { ms, apiMs: Math.max(0, ...api.map((e) => e.responseEnd)) };
      });
      firstViewMs.push(first.ms);
      firstViewApiMs.push(first.apiMs);
      log(`first view ${i + 1}: ${show(first)}`);
      await context.close();
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    trackRequests(page);
    await page.goto(baseUrl);
    await settled(page);
    // Timings of a page that lists nothing would flatter it (a store whose id index had lost its records once
    // answered every records page empty while its counts were right).
    if (!(await page.locator('.record-items > li').count())) throw new Error('the records list is empty: the store cannot list its records');

    const kindToggle: Timing[] = [];
    const kinds = await page.locator('.kinds input[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')!));
    for (const kind of kinds.slice(0, changes)) {
      kindToggle.push(await timeChange(page, () => page.locator(`.kinds li:has(input[data-kind="${kind}"]) .only-button`).click({ force: true })));
      log(`kind only ${kind}: ${show(kindToggle.at(-1)!)}`);
    }
    await timeChange(page, () => page.getByRole('button', { name: 'Show every kind' }).click());

    const brush: Timing[] = [];
    for (let i = 0; i < changes; i++) {
      const box = (await page.getByTestId('brush-area').boundingBox())!;
      const y = box.y + box.height / 2;
      const [a, b] = [0.08 + i * 0.13, 0.3 + i * 0.13];
      // The drag itself is the reader's gesture; the change is timed from letting go, when the brush commits.
      await page.mouse.move(box.x + box.width * a, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * b, y, { steps: 4 });
      brush.push(await timeChange(page, () => page.mouse.up()));
      log(`brush ${a.toFixed(2)}–${b.toFixed(2)}: ${show(brush.at(-1)!)}`);
    }
    await timeChange(page, () => page.getByRole('button', { name: 'Clear the time range' }).click());

    const aliasSearch: Timing[] = [];
    const box = page.getByRole('combobox', { name: /actor/i });
    for (const alias of ['ISIS-K', 'Daesh', 'TTP', 'Shabaab', 'JNIM', 'ISWAP', 'Taliban'].slice(0, changes)) {
      await box.fill(alias);
      await page.locator('[role="option"]').first().waitFor();
      aliasSearch.push(await timeChange(page, () => box.press('Enter')));
      log(`alias ${alias}: ${show(aliasSearch.at(-1)!)}`);
      await timeChange(page, () => page.locator('.chip button').first().click());
    }
    await context.close();

    const of = (ts: Timing[], f: 'ms' | 'apiMs') => median(ts.map((t) => t[f]));
    const medians = { kindToggle: of(kindToggle, 'ms'), brush: of(brush, 'ms'), aliasSearch: of(aliasSearch, 'ms') };
    const apiMedians = { kindToggle: of(kindToggle, 'apiMs'), brush: of(brush, 'apiMs'), aliasSearch: of(aliasSearch, 'apiMs') };
    let replayMedians: WebBenchResult['replayMedians'];
    if (options.replayUrl) {
      const [k, b, a] = [await replay(options.replayUrl, kindToggle), await replay(options.replayUrl, brush), await replay(options.replayUrl, aliasSearch)];
      replayMedians = { kindToggle: median(k), brush: median(b), aliasSearch: median(a) };
      log(`the same requests without a browser (medians): kind toggle ${median(k).toFixed(0)} ms, brush ${median(b).toFixed(0)} ms, alias search ${median(a).toFixed(0)} ms`);
    }
    const firstViewMedianMs = median(firstViewMs);
    return {
      name: 'web app in headless Chromium',
      firstViewMs,
      firstViewApiMs,
      firstViewMedianMs,
      kindToggle,
      brush,
      aliasSearch,
      medians,
      apiMedians,
      ...(replayMedians ? { replayMedians } : {}),
      target: 'first view < 4000 ms; filter change median < 600 ms',
      pass: firstViewMedianMs < 4000 && Object.values(medians).every((m) => m < 600),
    };
  } finally {
    await browser.close();
  }
}

/** Builds a synthetic store of `count` records at `path` unless the file exists. */
async function syntheticStore(path: string, count: number) {
  const fresh = !existsSync(path);
  // Opened as `sitrep serve` opens it: its memory limit, and reads that stop when the browser cancels them.
  const store = await openStore({ db: path }, { create: true });
  if (fresh) {
    const t = performance.now();
    await store.write(syntheticRecords(count), { by: 'bench' });
    console.error(`built ${count.toLocaleString('en')} synthetic records in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  return store;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 2_000_000);
  const dir = process.argv[3] ? null : mkdtempSync(join(tmpdir(), 'sitrep-bench-web-'));
  const store = await syntheticStore(process.argv[3] ?? join(dir!, 'store.duckdb'), count);
  const server = await startServer(store, loadRegistry(), '127.0.0.1', 0, {
    webRoot: join(import.meta.dirname, '..', 'web', 'dist'),
    rateLimitPerMinute: 0,
    log: () => undefined,
  });
  // The replay's server: the same store, its own answer cache, as the browser's server had it before the changes.
  const replayServer = await startServer(store, loadRegistry(), '127.0.0.1', 0, { rateLimitPerMinute: 0, log: () => undefined });
  let code = 0;
  try {
    console.log(JSON.stringify(await benchWeb(server.url, { log: (l) => console.error(l), replayUrl: replayServer.url }), null, 2));
  } catch (e) {
    console.error(e);
    code = 1;
  }
  // The store is only read here, so it is not closed: a query still finishing would make closing wait for it.
  // Exiting releases the file.
  await server.close(100);
  await replayServer.close(100);
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exit(code);
}
