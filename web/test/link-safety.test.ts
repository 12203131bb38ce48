// The web app renders stored text inert: React escapes every text node, so the only ways in are raw-HTML props
// and link targets. No component sets raw HTML, and a record's URL becomes a link only when it is http(s).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isWebUrl } from '../src/model/format.ts';

const srcDir = join(import.meta.dirname, '..', 'src');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(tsx?|jsx?)$/.test(name) ? [full] : [];
  });
}

describe('link safety', () => {
  it('makes links only of http(s) URLs', () => {
    for (const url of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example', '', null, undefined]) {
      expect(isWebUrl(url), String(url)).toBe(false);
    }
    for (const url of ['https://example.org/a', 'http://example.org/b?x=<script>']) expect(isWebUrl(url)).toBe(true);
  });

  it('sets no raw HTML anywhere, and every link to a record URL is guarded by isWebUrl', () => {
    for (const file of files(srcDir)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/);
      for (const m of text.matchAll(/href=\{([^}]*\.url[^}]*)\}/g)) {
        expect(text, `${file}: href={${m[1]}} without isWebUrl`).toContain('isWebUrl(');
      }
    }
  });
});
