/**
 * Helpers for driving the web app in Debian's Chromium with playwright-core: launching it offline, recording
 * every request and console message, waiting for the page to settle, and sampling what the map drew.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

declare global {
  /** What web/src/state/ready.ts exposes to tests and benchmarks. */
  interface Window {
    __sitrep?: { key: string; changes: number; settled(): boolean; firstView: Promise<number> };
  }
}

export const chromiumPath = '/usr/bin/chromium';
export const distDir = join(import.meta.dirname, '..', 'dist');
export const shotsDir = join(import.meta.dirname, '..', '..', 'test-output', 'web');

/** Why the browser tests cannot run here, or '' when they can. */
export function skipReason(): string {
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (install it: apt-get install -y chromium)`;
  if (!existsSync(join(distDir, 'index.html'))) return 'web/dist is not built (run: npx vite build --config web/vite.config.ts)';
  return '';
}

/** Headless Chromium with no background traffic, WebGL through SwiftShader. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
}

export interface PageLog {
  requests: string[];
  errors: string[];
  warnings: string[];
}

/** Records every request URL and every console error or warning of `page`. */
export function watch(page: Page, log: PageLog = { requests: [], errors: [], warnings: [] }): PageLog {
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    else if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  return log;
}

/** Waits until every panel shows the current filter (see web/src/state/ready.ts). */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__sitrep?.settled() === true, null, { timeout, polling: 50 });
}

/** Waits for the filter to change from `key`, then for the page to settle. */
export async function settledAfterChange(page: Page, key: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((k) => window.__sitrep !== undefined && window.__sitrep.key !== k, key, { timeout, polling: 20 });
  await settled(page, timeout);
}

/** The current filter key. */
export function currentKey(page: Page): Promise<string> {
  return page.evaluate(() => window.__sitrep?.key ?? '');
}

/** Saves a screenshot under test-output/web/. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`) });
}

export interface PixelStats {
  pixels: number;
  /** Distinct colours, quantised to 4 bits a channel. */
  colours: number;
  /** Share of pixels close to `target`. */
  targetShare: number;
}

/**
 * What the map drew: a screenshot of the map element decoded in the page itself (no PNG library needed), with the
 * number of distinct colours and the share of pixels near `target` (a kind's colour).
 */
export async function mapPixels(page: Page, target: string): Promise<PixelStats> {
  const png = await page.locator('.map canvas').first().screenshot();
  return page.evaluate(
    async ({ b64, hex }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const [tr, tg, tb] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
      const colours = new Set<number>();
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 60) near++;
      }
      return { pixels: data.length / 4, colours: colours.size, targetShare: near / (data.length / 4) };
    },
    { b64: png.toString('base64'), hex: target },
  );
}

/** The record total the page shows. */
export async function shownTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('total').first().innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}
