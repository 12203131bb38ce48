// Every page a reader or an editor sees, checked with axe-core against WCAG 2.1 A and AA in Chromium: the map, a
// record's panel, the table, the charts, the embed, the alias suggestions, the export formats, the embed dialog, a
// facet value left out, the map on a phone, and the editor's
// pages signed in (new record with its errors shown, an edit, a history, the review queue, API tokens). A violation
// fails the test with the rule, the elements it found and how to fix them. Then what axe cannot see, driven from the
// keyboard as a reader would: where focus goes (the filter drawer on a phone, a removed chip, a control busy
// loading or saving, a new editor page), what Escape closes, what the live regions say during playback, the date
// fields, the borders of form controls and the names of the chart figures.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { testPassword } from '../../src/server/auth/test-client.ts';
import { currentKey, distDir, launchBrowser, settled, settledAfterChange, skipReason } from './browser.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';
import { startCurationServer, type CurationServer } from './curation-server.ts';
import { scriptRecordId, webFixtures } from './fixtures.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: unknown, options: unknown): Promise<AxeResults> };
  }
}

/**
 * The WCAG 2.1 A/AA violations axe finds on the page as it is now, one line each with the elements and the fix; or
 * the violations of the `rules` named (best-practice rules such as page-has-heading-one carry no WCAG tag).
 */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  // Injected through DevTools rather than a script tag, so the app's Content-Security-Policy stays as served.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
  const results = await page.evaluate((only) => window.axe!.run(document, { runOnly: only, resultTypes: ['violations'] }), runOnly);
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join(' | ')}`,
  );
}

interface Focus {
  /** The focused element's tag name, lower case. */
  tag: string;
  /** Focus is on the page itself (nothing focused). */
  body: boolean;
  /** Focus is inside the element `within` selects. */
  inside: boolean;
  /** The focused element's name: its aria-label, its label's text or its own text. */
  name: string;
}

/** Where keyboard focus is now. */
function focusAt(page: Page, within = '#filters'): Promise<Focus> {
  return page.evaluate((selector) => {
    const el = document.activeElement;
    const body = !el || el === document.body;
    const name = body ? '' : (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '');
    return { tag: el?.tagName.toLowerCase() ?? '', body, inside: Boolean(el && document.querySelector(selector)?.contains(el)), name: name.trim() };
  }, within);
}

/** Presses `key` `times` times and says where focus was after each press. */
async function focusTrail(page: Page, key: string, times: number, within?: string): Promise<Focus[]> {
  const trail: Focus[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    trail.push(await focusAt(page, within));
  }
  return trail;
}

/** The contrast ratio of two CSS colours (WCAG relative luminance). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const laptop = { width: 1440, height: 900 };
const phone = { width: 390, height: 844 };
const skip = skipReason();

describe.skipIf(Boolean(skip))(`accessibility of the reader's pages (axe-core, WCAG 2.1 AA)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: DemoServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ webRoot: distDir, extra: webFixtures() }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Runs `act` on a new page at `path`, settled, and closes the page whatever happens. */
  const onPage = async (path: string, viewport: { width: number; height: number }, act: (page: Page) => Promise<void>) => {
    // A fixed locale: the date fields' segments (month, day, year) come in its order.
    const page = await browser.newPage({ viewport, locale: 'en-US' });
    try {
      await page.goto(server.url + path);
      await settled(page);
      await act(page);
    } finally {
      await page.close();
    }
  };

  const views: [string, string, { width: number; height: number }, ((page: Page) => Promise<void>)?][] = [
    ['the map', '/', laptop],
    ['a record panel', `/?record=${encodeURIComponent(scriptRecordId)}`, laptop],
    ['the table', '/?tab=table', laptop],
    ['the charts', '/?tab=charts', laptop],
    ['the embed', '/?embed=1', { width: 800, height: 600 }],
    ['the map on a phone', '/', phone],
    ['the filters drawer on a phone', '/', phone, (page) => page.getByRole('button', { name: /^Filters/ }).click()],
    // Kinds with no record in the selection are listed dimmed: still readable.
    ['the kinds with no records', '/?actor=iskp', laptop, (page) => page.getByRole('button', { name: /more kinds? \(no records here\)/ }).click()],
    [
      'the alias suggestions',
      '/',
      laptop,
      async (page) => {
        await page.getByRole('combobox', { name: /actor/i }).fill('Khurasan');
        await page.getByRole('option').first().waitFor();
      },
    ],
    ['the export formats', '/', laptop, (page) => page.getByRole('button', { name: /Export/ }).click()],
    ['the embed dialog', '/', laptop, (page) => page.getByRole('button', { name: 'Embed' }).click()],
    ['a record left out of a facet', '/?actor=iskp&not_country=AFG', laptop],
  ];
  for (const [name, path, viewport, act] of views) {
    it(`${name} (${path}) has no WCAG 2.1 A/AA violation`, () =>
      onPage(path, viewport, async (page) => {
        await act?.(page);
        expect(await violations(page)).toEqual([]);
      }));
  }

  it('the map page has a level-one heading', () =>
    onPage('/', laptop, async (page) => {
      expect(await violations(page, ['page-has-heading-one'])).toEqual([]);
    }));

  it('on a phone, the closed filter drawer is out of the Tab order; on a laptop the filter column is in it', async () => {
    await onPage('/', phone, async (page) => {
      await page.getByRole('button', { name: /^Filters/ }).focus();
      const trail = await focusTrail(page, 'Tab', 12);
      expect(trail.filter((f) => f.inside).map((f) => f.name)).toEqual([]);
    });
    await onPage('/', laptop, async (page) => {
      await page.getByRole('button', { name: /^Export/ }).focus();
      expect((await focusTrail(page, 'Tab', 4)).some((f) => f.inside)).toBe(true);
    });
  });

  it('on a phone, the open filter drawer is a modal dialog: Tab stays in it, Escape closes it and focus goes back', () =>
    onPage('/', phone, async (page) => {
      const filters = page.getByRole('button', { name: /^Filters/ });
      await filters.click();
      await expect.poll(() => focusAt(page)).toMatchObject({ inside: true });
      // Backwards from its first control and forwards from its last, focus never reaches the page behind it.
      const back = await focusTrail(page, 'Shift+Tab', 3);
      await page.locator('#filters').evaluate((drawer) => Array.from(drawer.querySelectorAll<HTMLElement>('button, input, select, a[href]')).at(-1)!.focus());
      const forward = await focusTrail(page, 'Tab', 3);
      expect([...back, ...forward].filter((f) => !f.inside && !f.body).map((f) => f.name)).toEqual([]);
      const dialog = page.getByRole('dialog', { name: 'Filters' });
      expect(await dialog.count()).toBe(1);
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(async () => (await focusAt(page)).name).toMatch(/^Filters/);
    }));

  it('Escape closes the actor suggestions, the Export menu or the Embed dialog, not the record open behind them', () =>
    onPage(`/?record=${encodeURIComponent(scriptRecordId)}`, laptop, async (page) => {
      const record = page.getByTestId('record-panel');
      const suggestions = page.getByRole('listbox', { name: 'Actors' });
      await page.getByRole('combobox', { name: /actor/i }).fill('Khurasan');
      await suggestions.waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => suggestions.count()).toBe(0);
      expect(await record.count(), 'the record after Escape in the suggestions').toBe(1);

      await page.getByRole('button', { name: /^Export/ }).click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('#export-formats').count()).toBe(0);
      expect(await record.count(), 'the record after Escape in the Export menu').toBe(1);

      await page.getByTestId('embed').click();
      await page.getByTestId('embed-dialog').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('embed-dialog').count()).toBe(0);
      expect(await record.count(), 'the record after Escape in the Embed dialog').toBe(1);

      // With nothing else open, Escape closes the record.
      await page.keyboard.press('Escape');
      await expect.poll(() => record.count()).toBe(0);
    }));

  it('"Show more" keeps focus while the next records load', () =>
    onPage('/', laptop, async (page) => {
      await page.locator('.load-more').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.record-items > li').count()).toBe(100);
      await expect.poll(async () => (await focusAt(page)).name).toMatch(/^Show more/);
    }));

  it('"Show more" that brings the last page hands focus to the first record it brought', () =>
    onPage('/?country=IND', laptop, async (page) => {
      const items = page.locator('.record-items > li');
      await expect.poll(() => items.count()).toBe(50);
      await page.locator('.load-more').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.load-more').count()).toBe(0);
      expect(await items.count()).toBeGreaterThan(50);
      const first = await items.nth(50).locator('[data-record-id]').getAttribute('data-record-id');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-record-id'))).toBe(first);
    }));

  it('removing a filter chip moves focus to the next chip, and after the last one to the keyword search', () =>
    onPage('/?country=PAK&actor=iskp', laptop, async (page) => {
      const chips = page.getByRole('region', { name: 'Active filters' }).getByRole('button', { name: /^Remove filter/ });
      expect(await chips.count()).toBe(2);
      await chips.first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => chips.count()).toBe(1);
      const next = await chips.first().getAttribute('aria-label');
      await expect.poll(async () => (await focusAt(page)).name).toBe(next);
      await page.keyboard.press('Enter');
      await expect.poll(() => chips.count()).toBe(0);
      await expect.poll(async () => (await focusAt(page)).name).toBe('Keywords');
    }));

  it('typing a date applies it once it is complete, not at every keystroke of its year', () =>
    onPage('/?actor=iskp', laptop, async (page) => {
      const asked: string[] = [];
      page.on('request', (r) => asked.push(r.url()));
      await page.getByLabel('From').focus();
      // Month, day, then the year digit by digit: 0002, 0020, 0201 and 2019 are each a valid date of the field.
      await page.keyboard.type('06212019', { delay: 80 });
      await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2019-06-21');
      await settled(page);
      expect(asked.filter((u) => /[?&]from=0/.test(u))).toEqual([]);
    }));

  it('timeline playback keeps the live regions quiet while it plays and says the count once when it stops', () =>
    onPage('/?actor=iskp', laptop, async (page) => {
      // Every text a polite or assertive live region takes, in order.
      await page.evaluate(() => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        new MutationObserver((changes) => {
          for (const c of changes) {
            const node = c.target instanceof Element ? c.target : c.target.parentElement;
            const region = node?.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]');
            if (region) said.push(region.textContent ?? '');
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByTestId('play').click();
      for (let step = 0; step < 3; step++) await settledAfterChange(page, await currentKey(page));
      await page.getByTestId('play').click();
      await settled(page);
      await page.waitForTimeout(500);
      const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
      expect(said.filter((t) => /match/.test(t))).toHaveLength(1);
    }));

  it('form controls have borders of 3:1 against what is around them', () =>
    onPage('/', laptop, async (page) => {
      const controls = await page.locator('input[type="date"], .sort-select select, .timeline select, .segmented').evaluateAll((els) =>
        els.map((el) => {
          let around = el.parentElement;
          while (around && getComputedStyle(around).backgroundColor.match(/rgba\(.*, 0\)$/)) around = around.parentElement;
          const style = getComputedStyle(el);
          return { what: el.outerHTML.slice(0, 60), border: style.borderTopColor, inside: style.backgroundColor, around: around ? getComputedStyle(around).backgroundColor : 'rgb(255, 255, 255)' };
        }),
      );
      expect(controls.length).toBeGreaterThan(4);
      const weak = controls.filter((c) => Math.min(contrast(c.border, c.inside), contrast(c.border, c.around)) < 3).map((c) => `${c.what}: ${c.border} on ${c.inside} / ${c.around}`);
      expect(weak).toEqual([]);
    }));

  it('each chart figure is named by its title, and its download buttons say which chart they save', () =>
    onPage('/?tab=charts&actor=iskp', laptop, async (page) => {
      for (const title of ['Records over time, by kind', 'Records by country', 'Records by province', 'Records by target', 'Records by actor']) {
        const figure = page.getByRole('figure', { name: title, exact: true });
        expect(await figure.count(), title).toBe(1);
        expect(await figure.getByRole('button', { name: `Download PNG of “${title}”` }).count(), title).toBe(1);
        expect(await figure.getByRole('button', { name: `Download SVG of “${title}”` }).count(), title).toBe(1);
      }
    }));
});

describe.skipIf(Boolean(skip))(`accessibility of the editor's pages (axe-core, WCAG 2.1 AA)${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: CurationServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startCurationServer({ webRoot: distDir }), launchBrowser()]);
    page = await browser.newPage({ viewport: laptop });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the sign-in form has no WCAG 2.1 A/AA violation', async () => {
    await page.goto(`${server.url}/editor/login?next=%2Feditor`);
    await page.getByLabel('User name').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').first().waitFor();
  });

  const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
    ['the editor home', '/editor'],
    [
      'a new record with its errors shown',
      '/editor/new',
      async (p) => {
        await p.getByTestId('save').click();
        await p.getByRole('alert').first().waitFor();
      },
    ],
    ['an existing record', '/editor/records/fx%3Aairport'],
    ['a record history', '/editor/records/fx%3Aairport/history'],
    ['the review queue', '/editor/review'],
    ['the API tokens', '/editor/tokens'],
    ['the users and the audit log', '/editor/users'],
    // The header of the map, signed in: the user's name and "Sign out" on its dark background.
    ['the map, signed in', '/'],
    [
      'the import page with a report',
      '/editor/import',
      async (p) => {
        await p.getByTestId('import-file').setInputFiles(new URL('../../../shared/data/ucdp_ged/conflict_data_pak.csv', import.meta.url).pathname);
        await p.getByRole('button', { name: 'Import' }).click();
        await p.getByTestId('import-report').waitFor();
      },
    ],
  ];
  for (const [name, path, act] of pages) {
    it(`${name} (${path}) has no WCAG 2.1 A/AA violation`, async () => {
      await page.goto(server.url + path);
      await page.getByTestId('signed-in-as').first().waitFor();
      await page.waitForLoadState('networkidle');
      await act?.(page);
      expect(await violations(page)).toEqual([]);
    });
  }

  /** `expect.poll` with room for a machine busy with other test files (validation waits for typing to pause). */
  const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

  it("the editor's start page has a level-one heading, and a link followed moves focus to the new page's heading", async () => {
    await page.goto(`${server.url}/editor`);
    await page.getByTestId('signed-in-as').first().waitFor();
    expect(await violations(page, ['page-has-heading-one'])).toEqual([]);
    await page.getByRole('link', { name: 'New record' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => focusAt(page)).toMatchObject({ tag: 'h1', name: 'New record' });
  });

  it('removing an actor moves focus to the next one, then to the actor search; a new record saved says so', async () => {
    await page.goto(`${server.url}/editor/new`);
    const search = page.getByTestId('actor-search');
    for (const name of ['Xyzzy Brigade', 'Plugh Front']) {
      await search.fill(name);
      await page.getByRole('option', { name: new RegExp(name) }).first().waitFor();
      await search.press('Enter');
    }
    const rows = page.getByTestId('actor-row');
    await poll(() => rows.count()).toBe(2);
    await rows.first().getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(1);
    await poll(() => focusAt(page, '[data-testid="actor-row"]')).toMatchObject({ inside: true, name: 'Remove' });
    await page.keyboard.press('Enter');
    await poll(() => rows.count()).toBe(0);
    await poll(async () => (await focusAt(page)).name).toBe('Add an actor (any name or alias)');

    await page.getByTestId('description').fill('Accessibility test record.');
    await page.getByTestId('date').fill('2024-05-01');
    await page.getByTestId('place-country').fill('AFG');
    await page.getByTestId('place-precision').selectOption('country');
    await poll(() => page.getByTestId('error-summary').count()).toBe(0);
    await page.getByTestId('save').click();
    await poll(() => page.url()).toMatch(/\/editor\/records\/[0-9A-Z]{26}$/);
    await poll(() => page.getByRole('status').filter({ hasText: /saved/i }).count()).toBe(1);
    await poll(() => focusAt(page)).toMatchObject({ tag: 'h1', name: 'Edit record' });
  });

  it('Save and the workflow buttons keep keyboard focus while busy and after', async () => {
    await page.goto(`${server.url}/editor/records/fx%3Aformula`);
    // An imported record: its facts are the dataset's, the curators' note is ours.
    await page.getByTestId('note').fill('Checked for the accessibility test.');
    await page.getByTestId('save').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('save-message').innerText()).toMatch(/Saved as revision \d+/);
    expect((await focusAt(page)).name).toBe('Save');
    // Unpublishing replaces the buttons (a draft has other moves than a published record).
    await page.getByTestId('move-draft').focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('status').innerText()).toBe('Draft');
    expect((await focusAt(page)).body).toBe(false);
  });

  it('sending back or publishing from the review queue says so and keeps focus in the queue', async () => {
    // Two records waiting: published ones taken back to the drafts and submitted again.
    for (const id of ['fx:plot', 'fx:core']) {
      await page.goto(`${server.url}/editor/records/${encodeURIComponent(id)}`);
      await page.getByTestId('move-draft').click();
      await poll(() => page.getByTestId('status').innerText()).toBe('Draft');
      await page.getByTestId('move-review').click();
      await poll(() => page.getByTestId('status').innerText()).toBe('In review');
    }
    await page.goto(`${server.url}/editor/review`);
    const items = page.getByTestId('queue-item');
    await poll(() => items.count()).toBe(2);
    const next = await items.nth(1).locator('.row-title').innerText();
    await items.first().getByRole('button', { name: 'Send back' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => items.count()).toBe(1);
    await poll(() => page.getByRole('status').filter({ hasText: /sent back/i }).count()).toBe(1);
    await poll(async () => (await focusAt(page)).name).toBe(next);
    await items.first().getByTestId('publish').focus();
    await page.keyboard.press('Enter');
    await poll(() => items.count()).toBe(0);
    await poll(() => page.getByRole('status').filter({ hasText: /published/i }).count()).toBe(1);
    await poll(() => focusAt(page)).toMatchObject({ tag: 'h1', name: 'Review queue' });
  });
});
