// The web app in a real browser (Debian's Chromium via playwright-core) against an in-process server on the demo
// data: the map draws, an alias search narrows the records, the brush changes the counts, a record opens with its
// sources, a shared link restores the view, the embed loads — with no console error and no request leaving
// 127.0.0.1. Screenshots of each step go to test-output/web/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { currentKey, distDir, launchBrowser, mapPixels, settled, settledAfterChange, shoot, shownTotal, skipReason, watch, type PageLog } from './browser.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';
import { scriptRecordId, unlocatedRecordId, webFixtures } from './fixtures.ts';

const skip = skipReason();
if (skip) console.warn(`web app browser tests skipped: ${skip}`);

describe.skipIf(Boolean(skip))(`web app in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const log: PageLog = { requests: [], errors: [], warnings: [] };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ webRoot: distDir, extra: webFixtures() }), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    watch(page, log);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the map, the timeline and the facets on first load', async () => {
    await page.goto(server.url);
    await settled(page);
    await page.waitForTimeout(300);
    await shoot(page, '01-first-view');
    // The basemap and the clash-coloured density circles are on the canvas, not a blank or single-colour image.
    const pixels = await mapPixels(page, '#E69F00');
    expect(pixels.colours).toBeGreaterThan(20);
    expect(pixels.targetShare).toBeGreaterThan(0.001);
    expect(await shownTotal(page)).toBeGreaterThan(1000);
    await expect.poll(() => page.locator('.histogram rect[fill]').count()).toBeGreaterThan(50);
    expect(await page.locator('.facet').count()).toBeGreaterThan(5);
  });

  it('"only" on a kind narrows the counts, the timeline and the map to that kind; "All kinds" widens them again', async () => {
    const before = await shownTotal(page);
    const clashes = page.locator('.kinds li:has(input[data-kind="clash"]) .facet-count');
    const clashCount = Number((await clashes.innerText()).replace(/[^0-9]/g, ''));
    expect(clashCount).toBeGreaterThan(0);
    expect(clashCount).toBeLessThan(before);
    const key = await currentKey(page);
    await page.getByRole('button', { name: 'Show only Clash' }).click();
    await settledAfterChange(page, key);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('clash');
    expect(await shownTotal(page)).toBe(clashCount);
    expect(await page.locator('.kinds input[data-kind="clash"]').isChecked()).toBe(true);
    expect(await page.locator('.kinds input[data-kind="attack"]').isChecked()).toBe(false);
    // The page title names the selection (bookmarks and the history list show it).
    expect(await page.title()).toBe('Sitrep — Clash');
    // Every bar of the timeline is a clash bar now (bars are filled with their kind's colour).
    const barColours = () => page.locator('.histogram rect[fill]:not([fill="transparent"])').evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute('fill')))]);
    expect(await barColours()).toEqual(['#E69F00']);
    expect((await mapPixels(page, '#E69F00')).targetShare).toBeGreaterThan(0.001);
    await shoot(page, '01b-only-clashes');

    const narrowed = await currentKey(page);
    await page.getByRole('button', { name: 'Show every kind' }).click();
    await settledAfterChange(page, narrowed);
    expect(new URL(page.url()).searchParams.get('kind')).toBeNull();
    expect(await shownTotal(page)).toBe(before);
    expect((await barColours()).length).toBeGreaterThan(1);
    expect(await page.title()).toBe('Sitrep — all records');
  });

  it('suggests the canonical group for an alias and narrows the records to it', async () => {
    const before = await shownTotal(page);
    const key = await currentKey(page);
    const box = page.getByRole('combobox', { name: /actor/i });
    // Leaving the box and coming straight back, within the moment the list takes to close, keeps it open.
    await box.focus();
    await box.blur();
    await box.fill('ISIS-K');
    await expect.poll(() => page.getByTestId('actor-resolution').innerText().catch(() => '')).toContain('Islamic State Khorasan Province');
    expect(await page.getByTestId('actor-resolution').innerText()).toMatch(/ISIS-K\s*→\s*Islamic State Khorasan Province/);
    await shoot(page, '02-alias-suggestions');
    await box.press('Enter');
    await settledAfterChange(page, key);
    const after = await shownTotal(page);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(new URL(page.url()).searchParams.get('actor')).toBe('iskp');
    await expect.poll(() => page.locator('.chip').first().innerText()).toContain('Islamic State Khorasan Province');
    await expect.poll(() => page.title()).toBe('Sitrep — Islamic State Khorasan Province');
    await shoot(page, '03-alias-filtered');
  });

  it('"Zoom to the selected records" frames the selection the map had left out of view', async () => {
    // The map is somewhere else (over Europe), as a reader who has panned away would have it.
    const mapAt = () => new URL(page.url()).searchParams.get('map')!.split('/').map(Number) as [number, number, number];
    await page.goto(`${server.url}/?actor=iskp&country=PAK&map=4/50/10`);
    await settled(page);
    const key = await currentKey(page);
    await page.getByRole('button', { name: 'Zoom to the selected records' }).click();
    // The Khorasan province's records in Pakistan.
    await expect.poll(() => mapAt()[2], { timeout: 10_000 }).toBeGreaterThan(60);
    const [zoom, lat, lon] = mapAt();
    expect(zoom).toBeGreaterThan(4);
    expect(lat).toBeGreaterThan(24);
    expect(lat).toBeLessThan(38);
    expect(lon).toBeGreaterThan(60);
    expect(lon).toBeLessThan(78);
    await settled(page);
    // Moving the map changes what it draws, not the selection.
    expect(await currentKey(page)).toBe(key);
    expect((await mapPixels(page, '#D55E00')).targetShare + (await mapPixels(page, '#E69F00')).targetShare).toBeGreaterThan(0.0005);
    await shoot(page, '03b-zoomed-to-records');
  });

  it('brushing the timeline sets the date range and changes the counts', async () => {
    const before = await shownTotal(page);
    const key = await currentKey(page);
    const area = await page.getByTestId('brush-area').boundingBox();
    expect(area).not.toBeNull();
    const y = area!.y + area!.height / 2;
    await page.mouse.move(area!.x + area!.width * 0.35, y);
    await page.mouse.down();
    await page.mouse.move(area!.x + area!.width * 0.55, y, { steps: 8 });
    await page.mouse.up();
    await settledAfterChange(page, key);
    const url = new URL(page.url());
    expect(url.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(url.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await shownTotal(page)).not.toBe(before);
    await shoot(page, '04-brushed');
  });

  it('opens a record from the list with its sources as safe links', async () => {
    // Widen back to the whole alias selection so the list has records with sources.
    const key = await currentKey(page);
    await page.getByRole('button', { name: 'Clear the time range' }).click();
    await settledAfterChange(page, key);
    const first = page.locator('.record-summary').first();
    const id = await first.getAttribute('data-record-id');
    await first.click();
    const panel = page.getByTestId('record-panel');
    await expect.poll(() => panel.locator('#record-title').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('record')).toBe(id);
    const sources = panel.getByTestId('sources').locator('li');
    expect(await sources.count()).toBeGreaterThan(0);
    for (const link of await panel.getByTestId('sources').locator('a').all()) {
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    expect(await panel.getByTestId('killed').innerText()).not.toBe('');
    await page.waitForTimeout(700);
    await shoot(page, '05-record-panel');
  });

  it('Share copies a link that restores the same view in a new page; Back undoes the last step', async () => {
    await page.getByTestId('share').click();
    await expect.poll(() => page.locator('.share-status').innerText()).toContain('copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const total = await shownTotal(page);
    const chips = await page.locator('.chip').allInnerTexts();
    const title = await page.locator('#record-title').innerText();

    const other = await context.newPage();
    watch(other, log);
    await other.goto(copied);
    await settled(other);
    await expect.poll(() => other.locator('#record-title').innerText().catch(() => '')).toBe(title);
    expect(await shownTotal(other)).toBe(total);
    expect(await other.locator('.chip').allInnerTexts()).toEqual(chips);
    expect(await other.title()).toBe(await page.title());
    expect(new URL(other.url()).searchParams.get('map')).toBe(new URL(copied).searchParams.get('map'));
    await shoot(other, '06-restored-from-link');
    await other.close();

    // Back closes the record, then restores the brushed range, as the history was made.
    await page.goBack();
    await expect.poll(() => page.getByTestId('record-panel').count()).toBe(0);
  });

  it('the embed page shows map, timeline and legend without the editing chrome', async () => {
    const embed = await context.newPage();
    watch(embed, log);
    await embed.setViewportSize({ width: 800, height: 560 });
    await embed.goto(`${server.url}/?embed=1&actor=ISIS-K`);
    await settled(embed);
    await embed.waitForTimeout(300);
    expect(await embed.locator('.map canvas').count()).toBe(1);
    expect(await embed.locator('.histogram').count()).toBe(1);
    expect(await embed.locator('.map-legend').count()).toBe(1);
    expect(await embed.locator('.sidebar, .app-header, .share-bar').count()).toBe(0);
    const pixels = await mapPixels(embed, '#E69F00');
    expect(pixels.colours).toBeGreaterThan(10);
    await shoot(embed, '07-embed');
    await embed.close();
  });

  it('shows Arabic and Cyrillic text as text: no markup, no script link, ranges as ranges', async () => {
    await page.goto(`${server.url}/?record=${encodeURIComponent(scriptRecordId)}`);
    await settled(page);
    const panel = page.getByTestId('record-panel');
    await expect.poll(() => panel.locator('#record-title').innerText().catch(() => '')).toContain('الموصل');
    expect(await panel.locator('.description').innerText()).toContain('<script>');
    expect(await panel.locator('.description').getAttribute('dir')).toBe('auto');
    expect(await panel.getByTestId('killed').innerText()).toBe('2 (1–4)');
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await panel.getByTestId('sources').innerText()).toContain('بيان الدولة الإسلامية');
    expect(await panel.getByTestId('sources').locator('a').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    await page.waitForTimeout(500);
    await shoot(page, '08-scripts-and-safety');
  });

  it('lists the records that have no location, so nothing filtered in is invisible', async () => {
    await page.goto(`${server.url}/?actor=iskp`);
    await settled(page);
    const { total, located } = (await (await fetch(`${server.url}/api/facets?actor=iskp&facet=kind`)).json()) as { total: number; located: number };
    const unlocated = total - located;
    expect(unlocated).toBeGreaterThan(1);
    const link = page.getByTestId('unlocated-link');
    await expect.poll(() => link.innerText().catch(() => '')).toMatch(new RegExp(`^${unlocated} records have no location`));
    await link.click();
    await expect.poll(() => page.getByTestId('unlocated-list').locator(`[data-record-id="${unlocatedRecordId}"]`).count()).toBe(1);
    await shoot(page, '09-unlocated-list');
    await page.getByTestId('unlocated-list').locator(`[data-record-id="${unlocatedRecordId}"]`).click();
    const facts = page.getByTestId('record-panel').locator('.facts');
    await expect.poll(() => facts.innerText().catch(() => '')).toContain('March 2023 (month)');
    expect(await facts.innerText()).toContain('country only');
  });

  it('the table loads further pages as the reader scrolls and sorts by killed', async () => {
    await page.goto(`${server.url}/?tab=table`);
    await settled(page);
    const body = page.getByTestId('table-body');
    const loaded = () => page.locator('.table-view .panel-head .muted.small').innerText();
    expect(await loaded()).toMatch(/^200 loaded/);
    for (let i = 0; i < 3; i++) {
      await body.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(300);
    }
    await expect.poll(async () => Number((await loaded()).replace(/[^0-9].*$/, '').replace(/,/g, ''))).toBeGreaterThanOrEqual(400);
    // Only the rows in sight are in the page, however many are loaded.
    expect(await body.locator('[role="row"]').count()).toBeLessThan(80);
    await page.getByRole('button', { name: /Sort by killed/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-killed');
    // The deadliest first: the first rows' best estimates descend, and the top one is no small number.
    const firstKilled = async () => (await body.locator('[role="row"] .c-killed').allInnerTexts()).slice(0, 5).map((t) => Number(t.replace(/,/g, '').replace(/[^0-9].*$/, '')));
    // The rows sorted by date stay in sight until the sorted page arrives, which a busy machine may take seconds over.
    await expect.poll(async () => (await firstKilled())[0], { timeout: 10_000 }).toBeGreaterThan(50);
    const killed = await firstKilled();
    expect(killed).toEqual([...killed].sort((a, b) => b - a));
    await shoot(page, '10-table');
  });

  it('charts download as SVG and PNG', async () => {
    await page.goto(`${server.url}/?tab=charts`);
    await settled(page);
    const card = page.locator('[data-chart="records-by-province"]');
    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('records-by-province.svg');
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('Records by province');
    const [png] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('records-by-province.png');
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await shoot(page, '11-charts');
    // Provinces are counted by country and province; across countries each bar says whose province it is.
    await page.goto(`${server.url}/?tab=charts&country=PAK,AFG`);
    await settled(page);
    await expect.poll(() => card.locator('svg text', { hasText: 'Sindh (Pakistan)' }).count()).toBe(1);
    // Long names rich in wide letters ("Azad Jammu & Kashmir (Pakistan)") start inside the chart, not off its edge.
    const starts = await card.locator('svg text[text-anchor="end"]').evaluateAll((nodes) => nodes.map((n) => (n as SVGTextElement).getBBox().x));
    expect(starts.length).toBeGreaterThan(3);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(0);
    // Every label ends before its bar begins, whatever its script: Iraq's provinces include an Arabic-script one.
    // Left-out values lengthen the caption past the chart's width; they change none of Iraq's records.
    await page.goto(`${server.url}/?tab=charts&country=IRQ&not_kind=protest,other,media&not_tactic=arson,sabotage&not_target=health,education,journalists`);
    await settled(page);
    await expect.poll(() => card.locator('svg text', { hasText: /[\u0600-\u06ff]/ }).count()).toBeGreaterThan(0);
    const overlaps = await card.locator('svg g').evaluateAll((rows) =>
      rows.flatMap((g) => {
        const [label, track] = [g.querySelector('text')!.getBoundingClientRect(), g.querySelector('rect')!.getBoundingClientRect()];
        return label.right > track.left + 1 ? [g.querySelector('text')!.textContent] : [];
      }),
    );
    expect(overlaps).toEqual([]);
    // The caption names the selection and the source: wrapped, never cut at the chart's edge.
    const clipped = await card.locator('svg').evaluate((svg) =>
      [...svg.querySelectorAll('text')].filter((t) => t.getBBox().x + t.getBBox().width > svg.viewBox.baseVal.width + 1).map((t) => t.textContent),
    );
    expect(clipped).toEqual([]);

    // One kind: the chart over time counts what the server counts for that kind, from a timeline asked without it.
    const asked = log.requests.length;
    await page.goto(`${server.url}/?tab=charts&kind=clash`);
    await settled(page);
    const clashes = (await (await fetch(`${server.url}/api/records?kind=clash&limit=1`)).json()) as { total: number };
    const label = await page.locator('[data-chart="records-over-time"] svg').getAttribute('aria-label');
    expect(Number(/, ([\d,]+) records$/.exec(label ?? '')?.[1]?.replace(/,/g, ''))).toBe(clashes.total);
    expect(clashes.total).toBeGreaterThan(0);
    const timelines = log.requests.slice(asked).filter((u) => u.includes('/api/timeline'));
    expect(timelines.length).toBeGreaterThan(0);
    expect(timelines.filter((u) => new URL(u).searchParams.has('kind'))).toEqual([]);
  });

  it('shades countries and provinces by their counts, and the brush works from the keyboard', async () => {
    await page.goto(`${server.url}/?mode=shade&map=5/30.5/69`);
    await settled(page);
    await page.waitForTimeout(300);
    const pixels = await mapPixels(page, '#d95f0e');
    expect(pixels.targetShare + (await mapPixels(page, '#fe9929')).targetShare).toBeGreaterThan(0.02);
    await shoot(page, '12-shade-provinces');
    const key = await currentKey(page);
    await page.locator('.brush-focus').focus();
    await page.keyboard.press('ArrowLeft');
    await settledAfterChange(page, key);
    expect(new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('Play moves a window forward through time, step by step, until paused', async () => {
    await page.goto(`${server.url}/?actor=iskp`);
    await settled(page);
    await page.getByRole('combobox', { name: /window/i }).selectOption('3 months');
    await page.getByRole('combobox', { name: /speed/i }).selectOption('4');
    const starts: string[] = [];
    await page.getByTestId('play').click();
    await expect
      .poll(
        () => {
          const from = new URL(page.url()).searchParams.get('from');
          if (from && !starts.includes(from)) starts.push(from);
          return starts.length;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toBeGreaterThanOrEqual(3);
    await page.getByTestId('play').click();
    expect([...starts].sort()).toEqual(starts);
    const url = new URL(page.url());
    // A three-month window: from the first of a month to the last day two months later.
    expect(url.searchParams.get('from')).toMatch(/-01$/);
    await shoot(page, '13-playing');
  });

  it('a link naming a province in another case lists it once, ticked, with its count', async () => {
    const linked = await context.newPage();
    watch(linked, log);
    await linked.goto(`${server.url}/?country=PAK&admin1=punjab%20province`);
    await settled(linked);
    const punjab = linked.locator('.facet:has(h3:text-is("Province")) li', { hasText: /punjab province/i });
    await expect.poll(() => punjab.count()).toBe(1);
    expect(await punjab.locator('input').isChecked()).toBe(true);
    const total = await shownTotal(linked);
    expect(total).toBeGreaterThan(0);
    expect(Number((await punjab.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''))).toBe(total);
    await linked.close();
  });

  it('tells the same-named provinces of two countries apart, in the facet, the filter and the chip', async () => {
    const linked = await context.newPage();
    watch(linked, log);
    await linked.goto(`${server.url}/?country=LKA,SLE`);
    await settled(linked);
    const provinces = linked.locator('.facet:has(h3:text-is("Province")) li');
    const lanka = provinces.filter({ hasText: 'Northern province (Sri Lanka)' });
    await expect.poll(() => lanka.count()).toBe(1);
    expect(await provinces.filter({ hasText: 'Northern province (Sierra Leone)' }).count()).toBe(1);
    const count = Number((await lanka.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''));
    await lanka.locator('input').check();
    await expect.poll(() => new URL(linked.url()).searchParams.get('admin1')).toBe('LKA:Northern province');
    await expect.poll(() => shownTotal(linked)).toBe(count);
    expect(await linked.locator('.chip', { hasText: 'Northern province (Sri Lanka)' }).count()).toBe(1);
    // A name alone (a typed link) is every country's province of that name: one ticked row with their sum.
    await linked.goto(`${server.url}/?admin1=Northern%20province`);
    await settled(linked);
    const both = provinces.filter({ hasText: /^Northern province\d/ });
    await expect.poll(() => both.count()).toBe(1);
    expect(await both.locator('input').isChecked()).toBe(true);
    expect(Number((await both.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''))).toBe(await shownTotal(linked));
    expect(await shownTotal(linked)).toBeGreaterThan(count);
    await linked.close();
  });

  it('names a dataset as its publisher does, in the facet, the chip, the credits and the record', async () => {
    const linked = await context.newPage();
    watch(linked, log);
    await linked.goto(`${server.url}/?dataset=ucdp`);
    await settled(linked);
    const ucdp = linked.locator('.facet:has(h3:text-is("Dataset")) li', { hasText: 'UCDP GED' });
    await expect.poll(() => ucdp.count()).toBe(1);
    expect(await ucdp.locator('input').isChecked()).toBe(true);
    expect(Number((await ucdp.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''))).toBe(await shownTotal(linked));
    expect(await linked.locator('.chip').allInnerTexts()).toEqual([expect.stringMatching(/Dataset:\s*UCDP GED/)]);
    expect(await linked.locator('.credits strong').allInnerTexts()).toEqual(expect.arrayContaining(['UCDP GED', 'Sitrep ISKP list']));
    await linked.locator('.record-summary').first().click();
    await expect.poll(() => linked.locator('.provenance strong').innerText().catch(() => '')).toBe('UCDP GED');
    await linked.close();
  });

  it('a period with no end reads the same in the page title, the chip and the timeline', async () => {
    const view = await context.newPage();
    watch(view, log);
    await view.goto(`${server.url}/?actor=ISIS-K&kind=plot,arrest&not_country=AFG&from=2021-08-15`);
    await settled(view);
    await expect.poll(() => view.locator('.chip', { hasText: 'since 15 August 2021' }).count()).toBe(1);
    expect(await view.locator('.timeline-range').innerText()).toContain('since 15 August 2021');
    expect(await view.title()).toContain('since 15 August 2021');
    await view.goto(`${server.url}/?from=2019-01-01&to=2019-12-31`);
    await settled(view);
    await expect.poll(() => view.locator('.chip', { hasText: '1 January – 31 December 2019' }).count()).toBe(1);
    expect(await view.title()).toContain('1 January – 31 December 2019');
    await view.close();
  });

  it('a selection of one record shows its day on the timeline and its month on the chart, as a bar among dated empty ones', async () => {
    const view = await context.newPage();
    watch(view, log);
    // The demo's one Shining Path record (UCDP GED sample): a clash on 7 April 1990.
    await view.goto(`${server.url}/?actor=shining-path`);
    await settled(view);
    expect(await shownTotal(view)).toBe(1);
    const labels = await view.locator('.histogram .axis text').allTextContents();
    expect(labels).toContain('7 Apr');
    expect(labels.some((l) => l.endsWith('1990'))).toBe(true);
    const widths = await view.locator('.histogram rect[fill]:not([fill="transparent"])').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    const plot = (await view.getByTestId('brush-area').boundingBox())!.width;
    expect(widths).toHaveLength(1);
    expect(widths[0]!).toBeLessThan(plot / 5);
    // The chart for a report likewise: its month under the bar, and a count axis of whole numbers.
    await view.goto(`${server.url}/?actor=shining-path&tab=charts`);
    const chart = view.locator('[data-chart="records-over-time"] svg');
    await expect.poll(() => chart.locator('text').allTextContents(), { timeout: 15_000 }).toContain('Apr 1990');
    const counts = (await chart.locator('text[text-anchor="end"]').allTextContents()).map(Number);
    expect(counts).toEqual([0, 1]);
    await view.close();
  });

  it('"not" on a facet value leaves its records out, says so, and the chip brings them back', async () => {
    const view = await context.newPage();
    watch(view, log);
    await view.goto(`${server.url}/?actor=iskp`);
    await settled(view);
    const all = await shownTotal(view);
    const pakistan = view.locator('.facet:has(h3:text-is("Country")) li', { hasText: 'Pakistan' });
    const inPakistan = Number((await pakistan.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''));
    expect(inPakistan).toBeGreaterThan(0);
    expect(inPakistan).toBeLessThan(all);
    const key = await currentKey(view);
    await view.getByRole('button', { name: 'Not Pakistan (leave out)' }).click();
    await settledAfterChange(view, key);
    expect(await shownTotal(view)).toBe(all - inPakistan);
    expect(new URL(view.url()).searchParams.get('not_country')).toBe('PAK');
    // Still listed, with its count, struck out and marked as left out; the chip and the title say it.
    expect(Number((await pakistan.locator('.facet-count').innerText()).replace(/[^0-9]/g, ''))).toBe(inPakistan);
    expect(await view.getByRole('button', { name: 'Not Pakistan (leave out)' }).getAttribute('aria-pressed')).toBe('true');
    expect(await pakistan.locator('input').isChecked()).toBe(false);
    await expect.poll(() => view.locator('.chip', { hasText: 'not Pakistan' }).count()).toBe(1);
    expect(await view.title()).toContain('not Pakistan');
    await shoot(view, '14-left-out');
    const left = await currentKey(view);
    await view.getByRole('button', { name: 'Remove filter Country not Pakistan' }).click();
    await settledAfterChange(view, left);
    expect(await shownTotal(view)).toBe(all);

    // A link leaving out a kind shows that kind unticked; "All kinds" brings it back.
    await view.goto(`${server.url}/?not_kind=clash`);
    await settled(view);
    expect(await view.locator('.kinds input[data-kind="clash"]').isChecked()).toBe(false);
    expect(await view.locator('.kinds input[data-kind="attack"]').isChecked()).toBe(true);
    const clashes = Number((await view.locator('.kinds li:has(input[data-kind="clash"]) .facet-count').innerText()).replace(/[^0-9]/g, ''));
    const withoutClashes = await shownTotal(view);
    const noClash = await currentKey(view);
    await view.getByRole('button', { name: 'Show every kind' }).click();
    await settledAfterChange(view, noClash);
    expect(await shownTotal(view)).toBe(withoutClashes + clashes);
    expect(new URL(view.url()).searchParams.get('not_kind')).toBeNull();

    // A value left out that no record has under the other filters says 0, not a dash.
    await view.goto(`${server.url}/?actor=ISIS-K&kind=plot,arrest&not_country=AFG&from=2021-08-15`);
    await settled(view);
    const afghanistan = view.locator('.facet:has(h3:text-is("Country")) li', { hasText: 'Afghanistan' });
    await expect.poll(() => afghanistan.locator('.facet-count').innerText()).toBe('0');
    // The alias in the link is one row, ticked, named and counted as the actor it resolves to.
    const actors = view.locator('.facet:has(h3:text-is("Actor")) li');
    const iskp = actors.filter({ hasText: 'Islamic State Khorasan Province' });
    expect(await iskp.count()).toBe(1);
    expect(await iskp.locator('input').isChecked()).toBe(true);
    expect(await iskp.locator('.facet-count').innerText()).toBe(String(await shownTotal(view)));
    expect(await actors.filter({ hasText: 'ISIS-K' }).count()).toBe(0);
    await view.close();
  });

  it('from the keyboard, a record opens with focus on its title, and Escape brings focus back to it in the list', async () => {
    await page.goto(`${server.url}/?actor=iskp`);
    await settled(page);
    const entry = page.locator('.record-summary').nth(2);
    const id = await entry.getAttribute('data-record-id');
    await entry.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-title');
    expect(new URL(page.url()).searchParams.get('record')).toBe(id);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-record-id'))).toBe(id);
    expect(new URL(page.url()).searchParams.get('record')).toBeNull();
  });

  it("the header's menu and dialog: Escape gives focus back, the Embed dialog's buttons are readable", async () => {
    await page.goto(`${server.url}/?actor=iskp`);
    await settled(page);
    const exportButton = page.getByRole('button', { name: 'Export' });
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/CSV/);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Export/);

    await page.getByTestId('embed').click();
    const dialog = page.getByTestId('embed-dialog');
    // Each button's text differs from what it is drawn on (the dialog opens inside the dark header).
    const colours = await dialog.locator('.button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const style = getComputedStyle(b);
        const background = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(b.closest('dialog')!).backgroundColor : style.backgroundColor;
        return { text: b.textContent, colour: style.color, background };
      }),
    );
    expect(colours).toHaveLength(3);
    for (const c of colours) expect(c.colour, c.text ?? '').not.toBe(c.background);
    await shoot(page, '15-embed-dialog');
    await page.keyboard.press('Escape');
  });

  it('on a phone, the filters drawer takes focus, shows the count, and closes with its button or Escape', async () => {
    const phone = await context.newPage();
    watch(phone, log);
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/?actor=iskp`);
    await settled(phone);
    const filters = phone.getByRole('button', { name: /^Filters/ });
    await filters.click();
    const close = phone.locator('.drawer-close');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.className)).toContain('drawer-close');
    expect(await close.innerText()).toBe(`Show ${await phone.getByTestId('total').first().innerText()} records`);
    await shoot(phone, '16-phone-drawer');
    await phone.keyboard.press('Escape');
    await expect.poll(() => filters.getAttribute('aria-expanded')).toBe('false');
    expect(await phone.evaluate(() => document.activeElement?.textContent)).toMatch(/^Filters/);
    await filters.click();
    await close.click();
    await expect.poll(() => filters.getAttribute('aria-expanded')).toBe('false');
    await phone.close();
  });

  it('logged no console error and sent no request beyond 127.0.0.1', () => {
    expect(log.errors).toEqual([]);
    const outside = log.requests.filter((u) => !u.startsWith(`${server.url}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(10);
  });

  // After the log check: the 400s an invalid address gets are console errors of their own.
  it('an address with an invalid filter says what is wrong in the filters too, instead of waiting for counts', async () => {
    await page.goto(`${server.url}/?from=2021-02-30`);
    const sidebar = page.locator('#filters');
    await expect.poll(() => sidebar.getByRole('alert').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/^Could not count the records: .*from.*2021-02-30/);
    expect(await sidebar.getByText('updating').count()).toBe(0);
  });
});
