import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const url = process.argv[2]!; const out = process.argv[3]!; const w = Number(process.argv[4] ?? 390), h = Number(process.argv[5] ?? 844);
const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1, hasTouch: w < 600, isMobile: w < 600 });
await page.goto(url); await page.waitForTimeout(4000);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
