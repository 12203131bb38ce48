// Every page a reader or an editor sees, checked with axe-core against WCAG 2.1 A and AA in Chromium: the map, a
// record's panel, the table, the charts, the embed, the alias suggestions, the export formats, the embed dialog, a
// facet value left out, the map on a phone, and the editor's
// pages signed in (new record with its errors shown, an edit, a history, the review queue, API tokens). A violation
// fails the test with the rule, the elements it found and how to fix them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { testPassword } from '../../src/server/auth/test-client.ts';
import { distDir, launchBrowser, settled, skipReason } from './browser.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';
import { startCurationServer, type CurationServer } from './curation-server.ts';
import { scriptRecordId, webFixtures } from './fixtures.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

declare global {
  interface Window {
    axe?: { run(context: unknown, options: unknown): Promise<AxeResults> };
  }
}

/** The WCAG 2.1 A/AA violations axe finds on the page as it is now, one line each with the elements and the fix. */
async function violations(page: Page): Promise<string[]> {
  // Injected through DevTools rather than a script tag, so the app's Content-Security-Policy stays as served.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    window.axe!.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`).join(' | ')}`,
  );
}

const laptop = { width: 1440, height: 900 };
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

  const views: [string, string, { width: number; height: number }, ((page: Page) => Promise<void>)?][] = [
    ['the map', '/', laptop],
    ['a record panel', `/?record=${encodeURIComponent(scriptRecordId)}`, laptop],
    ['the table', '/?tab=table', laptop],
    ['the charts', '/?tab=charts', laptop],
    ['the embed', '/?embed=1', { width: 800, height: 600 }],
    ['the map on a phone', '/', { width: 390, height: 844 }],
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
    it(`${name} (${path}) has no WCAG 2.1 A/AA violation`, async () => {
      const page = await browser.newPage({ viewport });
      try {
        await page.goto(server.url + path);
        await settled(page);
        await act?.(page);
        expect(await violations(page)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
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
});
