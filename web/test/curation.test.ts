// Curation in a real browser (Debian's Chromium via playwright-core): an editor signs in, creates a record with a
// place from the offline gazetteer, an actor found by alias, a source and a link, and submits it; a reviewer
// publishes it from the review queue; an anonymous reader finds it on the map; the editor corrects its
// casualties, the history shows the diff and readers see the correction note. Also: two editors on one record
// (the second is shown the first one's change and keeps their own), and a record full of script rendered inert.
// Screenshots of each step go to test-output/curation/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fullScope } from '../../src/core/filter.ts';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { recordSchema } from '../../src/core/record.ts';
import { hostileRecord } from '../../src/server/curation/hostile-record.ts';
import { storedZip } from '../../src/sources/importer-test-helpers.ts';
import { testPassword } from '../../src/server/auth/test-client.ts';
import { distDir, launchBrowser, mapPixels, settled, shownTotal, skipReason, watch, type PageLog } from './browser.ts';
import { startCurationServer, type CurationServer } from './curation-server.ts';

const skip = skipReason();
const shots = join(import.meta.dirname, '..', '..', 'test-output', 'curation');
const shoot = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
};
const marker = 'CURATION-BROWSER-TEST';
const today = new Date().toISOString().slice(0, 10);
/** `expect.poll` with room for a machine busy with other test files (validation waits for typing to pause). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 100 });

describe.skipIf(Boolean(skip))(`curation in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let server: CurationServer;
  let browser: Browser;
  let editor: Page;
  let id = '';
  const log: PageLog = { requests: [], errors: [], warnings: [] };

  const pageFor = async (viewport = { width: 1280, height: 900 }) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    watch(page, log);
    return page;
  };
  const signIn = async (page: Page, name: string, next: string) => {
    await page.goto(`${server.url}/editor/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('User name').fill(name);
    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByTestId('signed-in-as').first().innerText().catch(() => '')).toContain(name);
  };
  const saveEnabled = (page: Page) => poll(() => page.getByTestId('save').isEnabled()).toBe(true);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startCurationServer({ webRoot: distDir }), launchBrowser()]);
    editor = await pageFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an editor signs in and creates a record: gazetteer place, actor by alias, source, link; validated as typed', async () => {
    await editor.goto(`${server.url}/editor/new`);
    await poll(() => editor.getByRole('heading', { name: 'Sign in to edit' }).count()).toBe(1);
    await shoot(editor, '01-sign-in');
    await editor.getByLabel('User name').fill('editor');
    await editor.getByLabel('Password').fill(testPassword);
    await editor.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => editor.getByRole('heading', { name: 'New record' }).count()).toBe(1);

    await editor.getByTestId('description').fill(`${marker}: bombing at a market in Jalalabad.`);
    await editor.getByTestId('date').fill('2024-03-02');
    // Validation as you type: the place has no precision yet, in the record model's own words.
    await poll(() => editor.getByTestId('error-summary').innerText().catch(() => '')).toContain('place.precision');
    await shoot(editor, '02-validation-as-you-type');

    await editor.getByTestId('place-search').fill('Jalalabad');
    await editor.getByTestId('place-suggestions').getByRole('option').first().waitFor();
    await shoot(editor, '03-gazetteer-suggestions');
    // The most populous "Jalalabad" is a Kyrgyz province; the one meant is the town in Nangarhar.
    await editor.getByTestId('place-suggestions').getByRole('option', { name: /Nangarhar, AFG/ }).click();
    expect(await editor.getByTestId('place-locality').inputValue()).toMatch(/^Jal[aā]l[aā]b[aā]d$/);
    expect(await editor.getByTestId('place-country').inputValue()).toBe('AFG');
    expect(await editor.getByTestId('place-precision').inputValue()).toBe('locality');
    expect(Number(await editor.getByTestId('place-lat').inputValue())).toBeCloseTo(34.43, 1);

    // Actors and links are picked from the keyboard: the first suggestion is highlighted, Enter takes it.
    await editor.getByTestId('actor-search').fill('ISIS-K');
    await editor.getByRole('option', { name: /Islamic State Khorasan Province/ }).first().waitFor();
    await editor.getByTestId('actor-search').press('Enter');
    expect(await editor.getByTestId('actor-row').innerText()).toContain('iskp');
    // A registry actor is "attributed" until the editor says otherwise: no claim is recorded by default.
    expect(await editor.getByTestId('actor-row').getByLabel('Tied by').inputValue()).toBe('attributed');
    await editor.getByTestId('killed-best').fill('5');
    await editor.getByTestId('target-country').fill('swe');

    await editor.getByTestId('add-source').click();
    await editor.getByTestId('source-title').fill('Claim of responsibility');
    await editor.getByTestId('source-publisher').fill('Amaq');
    await editor.getByTestId('source-url').fill('https://example.org/amaq/2024-03-02');
    await editor.getByTestId('source-date').fill('2024-03-02');
    await editor.getByTestId('source-type').selectOption('group_claim');
    await editor.getByTestId('source-reliability').selectOption('C');

    await editor.getByTestId('link-search').fill('Abbey Gate');
    await editor.getByTestId('link-suggestion').first().waitFor();
    await editor.getByTestId('link-search').press('ArrowDown');
    await editor.getByTestId('link-search').press('ArrowUp');
    await editor.getByTestId('link-search').press('Enter');
    expect(await editor.getByTestId('link-row').innerText()).toContain('fx:airport');

    await poll(() => editor.getByTestId('error-summary').count()).toBe(0);
    await shoot(editor, '04-filled-form');
    await saveEnabled(editor);
    await editor.getByTestId('save').click();
    await poll(() => editor.url()).toMatch(/\/editor\/records\/[0-9A-Z]{26}$/);
    id = editor.url().split('/').pop()!;
    await poll(() => editor.getByTestId('status').innerText()).toBe('Draft');
    await editor.getByTestId('move-review').click();
    await poll(() => editor.getByTestId('status').innerText()).toBe('In review');
    expect(await editor.getByTestId('move-published').count()).toBe(0);
    await shoot(editor, '05-submitted-for-review');

    const stored = (await server.store.get({ statuses: ['review'], visibilities: ['public'] }, id))!;
    expect(stored).toMatchObject({ provenance: { dataset: 'curated' }, killed: { best: 5 }, targetCountry: 'SWE', place: { country: 'AFG', admin1: 'Nangarhar', precision: 'locality' }, links: [{ recordId: 'fx:airport' }] });
    expect(stored.sources[0]).toMatchObject({ title: 'Claim of responsibility', publisher: 'Amaq', url: 'https://example.org/amaq/2024-03-02', type: 'group_claim', reliability: 'C' });
  });

  it('asks before leaving a form whose changes are not saved, and stays when told to', async () => {
    await editor.goto(`${server.url}/editor/new`);
    await editor.getByTestId('description').fill('Half-written record.');
    const asked: string[] = [];
    editor.once('dialog', (d) => (asked.push(d.message()), void d.dismiss()));
    await editor.getByRole('link', { name: 'Review queue' }).click();
    await poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/not saved/);
    expect(new URL(editor.url()).pathname).toBe('/editor/new');
    expect(await editor.getByTestId('description').inputValue()).toBe('Half-written record.');
    editor.once('dialog', (d) => void d.accept());
    await editor.getByRole('link', { name: 'Review queue' }).click();
    await poll(() => new URL(editor.url()).pathname).toBe('/editor/review');
  });

  it('a reviewer publishes it from the review queue', async () => {
    const reviewer = await pageFor();
    await signIn(reviewer, 'reviewer', '/editor/review');
    const item = reviewer.locator(`[data-testid="queue-item"][data-record-id="${id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('submitted by editor');
    await shoot(reviewer, '06-review-queue');
    await item.getByTestId('publish').click();
    await poll(() => item.count()).toBe(0);
    expect((await server.store.get({ statuses: ['published'], visibilities: ['public'] }, id))?.status).toBe('published');
    await reviewer.context().close();
  });

  it('an anonymous reader finds it on the map', async () => {
    const reader = await pageFor();
    await reader.goto(`${server.url}/?q=${marker}`);
    await settled(reader);
    expect(await shownTotal(reader)).toBe(1);
    const row = reader.locator(`.record-summary[data-record-id="${id}"]`);
    await row.waitFor();
    // The attack's colour is on the map where Jalalabad is.
    await poll(async () => (await mapPixels(reader, '#D55E00')).targetShare).toBeGreaterThan(0);
    await shoot(reader, '07-anonymous-finds-it-on-the-map');
    await row.click();
    const panel = reader.getByTestId('record-panel');
    await poll(() => panel.innerText().catch(() => '')).toContain(marker);
    expect(await panel.getByTestId('sources').locator('a').getAttribute('href')).toBe('https://example.org/amaq/2024-03-02');
    expect(await reader.getByTestId('sign-in').count()).toBe(1);
    await reader.waitForTimeout(500);
    await shoot(reader, '08-anonymous-record-panel');
    await reader.context().close();
  });

  it('the editor corrects the casualties; the history shows the diff and readers see the correction', async () => {
    await editor.goto(`${server.url}/editor/records/${id}`);
    await editor.getByTestId('killed-best').fill('7');
    await editor.getByTestId('comment').fill('hospital figures');
    await saveEnabled(editor);
    await editor.getByTestId('save').click();
    await poll(() => editor.getByTestId('save-message').innerText().catch(() => '')).toMatch(/Saved as revision \d+/);
    await editor.getByRole('link', { name: 'History' }).click();
    const row = editor.getByTestId('history').locator('tr[data-field="killed.best"]').first();
    await row.waitFor();
    expect(await row.locator('td.old').innerText()).toBe('5');
    expect(await row.locator('td.new').innerText()).toBe('7');
    expect(await editor.getByTestId('history').innerText()).toContain('hospital figures');
    await shoot(editor, '09-history-diff');

    const reader = await pageFor();
    await reader.goto(`${server.url}/?record=${id}`);
    const notes = reader.getByTestId('change-notes');
    await notes.waitFor();
    expect(await notes.innerText()).toBe(`casualties corrected on ${today}: 5 → 7 killed`);
    expect(await reader.getByTestId('killed').innerText()).toContain('7');
    await reader.waitForTimeout(500);
    await shoot(reader, '10-public-change-note');
    await reader.context().close();
  });

  it('two editors on one record: the second is shown the first one’s change and keeps their own', async () => {
    const other = await pageFor();
    await signIn(other, 'editor2', `/editor/records/${id}`);
    await editor.goto(`${server.url}/editor/records/${id}`);
    await other.getByTestId('description').waitFor();
    await editor.getByTestId('killed-best').fill('8');
    // The first editor also changes the curators' note; the second never touches it, and must not put it back.
    await editor.getByTestId('note').fill('Casualty figure checked against the hospital list.');
    await saveEnabled(editor);
    await editor.getByTestId('save').click();
    await poll(() => editor.getByTestId('save-message').innerText().catch(() => '')).toMatch(/Saved/);

    await other.getByTestId('description').fill(`${marker}: suicide bombing at a market in Jalalabad.`);
    await saveEnabled(other);
    await other.getByTestId('save').click();
    const conflict = other.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('editor');
    expect(await conflict.locator('tr[data-field="killed.best"] td.new').innerText()).toBe('8');
    await shoot(other, '11-conflict');
    await other.getByTestId('keep-mine').click();
    expect(await other.getByTestId('killed-best').inputValue()).toBe('8');
    await saveEnabled(other);
    await other.getByTestId('save').click();
    // The whole outcome, so a failure says what the page showed instead (a failure, another conflict).
    const outcome = async () =>
      [await other.getByTestId('save-message').innerText().catch(() => ''), await other.getByRole('alert').allInnerTexts(), `conflicts: ${await other.getByTestId('conflict').count()}`].join(' | ');
    await poll(outcome).toMatch(/^Saved as revision \d+\.(?: \| ){2}conflicts: 0$/);
    const stored = (await server.store.get({ statuses: ['published'], visibilities: ['public'] }, id))!;
    expect(stored.killed.best).toBe(8);
    expect(stored.description).toContain('suicide bombing');
    expect((await server.store.getCuration(id))?.note).toBe('Casualty figure checked against the hospital list.');
    await other.context().close();
  });

  it('renders a record full of script inert: text shown as text, no script run, links only http(s)', async () => {
    const record = recordSchema.parse({ ...hostileRecord(), id: '01HOSTILE0000000000000000X', provenance: { dataset: 'curated' }, status: 'published' });
    await server.store.saveRecord(record, { by: 'editor', baseRevision: 0 });
    const reader = await pageFor();
    const dialogs: string[] = [];
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.goto(`${server.url}/?record=${record.id}`);
    const panel = reader.getByTestId('record-panel');
    await poll(() => panel.innerText().catch(() => '')).toContain('<script>alert(6)</script>');
    await reader.waitForTimeout(800);
    await shoot(reader, '12-hostile-record-inert');
    expect(dialogs).toEqual([]);
    expect(await panel.locator('script, img, iframe, object').count()).toBe(0);
    const hrefs = await panel.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href, href).toMatch(/^(https?:\/\/|\/|#)/);
    expect(await panel.getByTestId('sources').innerText()).toContain('javascript:alert(document.cookie)');
    await reader.context().close();
  });

  it('places a record by dropping a pin, and asks how precise the pin is', async () => {
    await editor.goto(`${server.url}/editor/new`);
    await editor.getByTestId('toggle-pin').click();
    const map = editor.getByTestId('pin-map');
    await poll(() => map.getAttribute('data-loaded')).toBe('true');
    const box = (await map.boundingBox())!;
    await editor.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await poll(() => editor.getByTestId('place-lat').inputValue()).not.toBe('');
    expect(Number(await editor.getByTestId('place-lon').inputValue())).toBeGreaterThan(45);
    expect(await editor.getByTestId('place-precision').inputValue()).toBe('');
    await editor.getByTestId('description').fill('Pin test.');
    await poll(() => editor.getByTestId('error-summary').innerText().catch(() => '')).toContain('place.precision');
    await editor.getByTestId('place-precision').selectOption('exact');
    await editor.getByTestId('date').fill('2024-05-01');
    await poll(() => editor.getByTestId('error-summary').count()).toBe(0);
    await shoot(editor, '13-pin-dropped');
  });

  it('an embed shows what anonymous readers see, also to an editor signed in on the same site', async () => {
    const page = await pageFor();
    await signIn(page, 'editor', '/editor');
    const apiRequests: Request[] = [];
    page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/api/') && apiRequests.push(r)));
    const cookiesSent = async () => (await Promise.all(apiRequests.splice(0).map(async (r) => (await r.allHeaders()).cookie))).filter(Boolean);
    // The explorer itself reads as the editor (so the check below can fail)…
    await page.goto(`${server.url}/`);
    await settled(page);
    expect((await cookiesSent()).length).toBeGreaterThan(0);
    // …the embed as nobody: a news page of the same site framing it shows no draft to a signed-in reader.
    await page.goto(`${server.url}/?embed=1`);
    await settled(page);
    expect(apiRequests.length).toBeGreaterThan(0);
    expect(await cookiesSent()).toEqual([]);
  });

  it('a reviewer imports a dataset file and sees what it did; a file of unknown layout changes nothing', async () => {
    const pakistan = new URL('../../../shared/data/ucdp_ged/conflict_data_pak.csv', import.meta.url).pathname;
    // The rows of the file, read independently: every CSV record but the header and UCDP's HXL tag row.
    const rows = parse(readFileSync(pakistan), { bom: true }).length - 2;
    const page = await pageFor();
    await signIn(page, 'reviewer', '/editor/import');
    await page.getByTestId('import-file').setInputFiles(pakistan);
    // Sent at 1 MB/s, as over a slow link: the page says how much of the file has gone (a large file would
    // otherwise show nothing for minutes).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1_000_000 });
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByTestId('import-progress').innerText().catch(() => '')).toMatch(/^Sending the file: \d+ (kB|MB) of 3 MB \(([1-9]|[1-9]\d)%\)…$/);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await poll(() => page.getByTestId('import-inserted').innerText().catch(() => '')).toBe(rows.toLocaleString('en'));
    expect(await page.getByTestId('import-read').innerText()).toBe(rows.toLocaleString('en'));
    expect(await page.getByTestId('import-rejected').innerText()).toBe('0');
    expect(await server.store.count(fullScope, { dataset: ['ucdp'] })).toBe(rows);
    expect(await page.getByTestId('import-map-link').getAttribute('href')).toBe('/?dataset=ucdp');
    // The import log below names it: who, which file, what it did.
    const logged = () => page.getByTestId('import-log').locator('tbody tr').first().locator('td').allInnerTexts();
    await poll(async () => (await logged()).slice(1)).toEqual(['reviewer', 'conflict_data_pak.csv', 'ucdp', rows.toLocaleString('en'), rows.toLocaleString('en'), '0', '0', '0']);
    await shoot(page, '14-import-report');

    const before = await server.store.count(fullScope, {});
    await page.getByTestId('import-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') });
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByTestId('import-error').innerText().catch(() => '')).toMatch(/^Nothing was imported: cannot tell the format of notes\.csv/);
    // Told it is ACLED, the server reads it as ACLED and says what is missing.
    expect(await page.getByTestId('import-format').locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['Detect from the file', 'acled', 'ucdp', 'mapped']));
    await page.getByTestId('import-format').selectOption('acled');
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByTestId('import-error').innerText().catch(() => '')).toMatch(/^Nothing was imported: notes\.csv line 1: not an ACLED export: missing column\(s\) event_id_cnty/);
    expect(await server.store.count(fullScope, {})).toBe(before);
    // Failed imports leave no entry in the log.
    expect(await page.getByTestId('import-log').locator('tbody tr').count()).toBe((await server.store.imports()).length);
    expect((await logged())[2]).toBe('conflict_data_pak.csv');

    // An editor may not import: no link, and the page says why.
    const other = await pageFor();
    await signIn(other, 'editor', '/editor/import');
    expect(await other.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(await other.getByText('Importing files is for reviewers and administrators').count()).toBe(1);
  });

  it('a reviewer imports a workbook whose events are on its second sheet, named on the page', async () => {
    // Invented rows in ACLED's layout (the importer's fixture; its later rows are wrong on purpose, so not those).
    const fixture = readFileSync(new URL('../../src/sources/acled/fixtures/acled-current.csv', import.meta.url), 'utf8');
    const table = parse(fixture.split('\n').slice(0, 10).join('\n')) as string[][];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('About').addRow(['Invented events in the layout of an ACLED export.']);
    const events = workbook.addWorksheet('Events');
    for (const row of table) events.addRow(row);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const page = await pageFor();
    await signIn(page, 'reviewer', '/editor/import');
    // The sheet is asked for workbooks only.
    expect(await page.getByTestId('import-sheet').count()).toBe(0);
    await page.getByTestId('import-file').setInputFiles({ name: 'events.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByTestId('import-error').innerText().catch(() => '')).toMatch(/^Nothing was imported: cannot tell the format of events\.xlsx/);
    await page.getByTestId('import-sheet').fill('Events');
    await page.getByRole('button', { name: 'Import' }).click();
    // Two of its rows are one event told twice (ACLED's monadic layout), merged into one record.
    await poll(() => page.getByTestId('import-inserted').innerText().catch(() => '')).toBe(String(table.length - 2));
    expect(await server.store.count(fullScope, { dataset: ['acled'] })).toBe(table.length - 2);

    // The same workbook in a zip, as downloads come: the page asks for the sheet of the workbooks in it.
    await page.getByTestId('import-file').setInputFiles({ name: 'download.zip', mimeType: 'application/zip', buffer: storedZip({ 'README.txt': 'Invented.', 'events.xlsx': buffer }) });
    await poll(() => page.locator('label', { has: page.getByTestId('import-sheet') }).innerText()).toMatch(/^Sheet of the workbooks in the zip/);
    await page.getByRole('button', { name: 'Import' }).click();
    await poll(() => page.getByTestId('import-report').innerText().catch(() => '')).toMatch(/^download\.zip:events\.xlsx \(acled/);
    expect(await page.getByTestId('import-unchanged').innerText()).toBe(String(table.length - 2));
  });

  it('an administrator adds a user, changes their role and disables them; the audit log shows each step', async () => {
    const page = await pageFor();
    await signIn(page, 'admin', '/editor/users');
    await page.getByTestId('new-user-name').fill('Carol');
    await page.getByTestId('new-user-role').selectOption('editor');
    // Refused (too short a password): the reason is shown and what was typed stays.
    await page.getByTestId('new-user-password').fill('short');
    await page.getByRole('button', { name: 'Add user' }).click();
    await poll(() => page.getByRole('alert').innerText().catch(() => '')).toMatch(/password is too short/);
    expect(await page.getByTestId('new-user-name').inputValue()).toBe('Carol');
    expect(await server.store.accounts.findUser('carol')).toBeUndefined();
    await page.getByTestId('new-user-password').fill(testPassword);
    await page.getByRole('button', { name: 'Add user' }).click();
    await poll(() => page.getByRole('status').innerText().catch(() => '')).toBe('Added carol (editor).');
    await page.getByLabel('Role of carol').selectOption('reviewer');
    await poll(() => server.store.accounts.findUser('carol').then((u) => u?.role)).toBe('reviewer');
    await page.getByTestId('user-carol').getByRole('button', { name: 'Disable' }).click();
    await poll(() => page.getByTestId('user-carol').innerText()).toContain('disabled');
    expect((await server.store.accounts.findUser('carol'))?.disabled).toBe(true);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'carol', password: testPassword }) });
    expect(login.status).toBe(401);
    // A new password, typed in the row (never shown), ends the user's sessions.
    await page.getByTestId('user-carol').getByRole('button', { name: 'Set password' }).click();
    await page.getByLabel('New password for carol').fill(`${testPassword} 2`);
    await page.getByTestId('user-carol').getByRole('button', { name: 'Save' }).click();
    await poll(() => page.getByRole('status').innerText().catch(() => '')).toBe('carol has a new password; their sessions ended.');
    await poll(() => page.getByTestId('audit-log').innerText()).toContain('password_reset');
    const audit = await page.getByTestId('audit-log').innerText();
    for (const action of ['user_added', 'role_changed', 'user_disabled', 'password_reset']) expect(audit).toMatch(new RegExp(`admin.*\\t${action}\\tcarol`));
    await shoot(page, '15-users');

    // Others are told who manages accounts, and have no link to the page.
    const other = await pageFor();
    await signIn(other, 'reviewer', '/editor/users');
    expect(await other.getByText('Accounts are managed by administrators.').count()).toBe(1);
    expect(await other.getByRole('link', { name: 'Users' }).count()).toBe(0);
  });

  it('made no request beyond the server and logged no error', () => {
    const outside = log.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(outside).toEqual([]);
    // A 409 and the 400s of validation as you type are answers, not errors of the page.
    expect(log.errors.filter((e) => !/status of (400|409)/.test(e))).toEqual([]);
  });
});
