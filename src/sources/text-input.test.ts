import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acled } from './acled/acled-format.ts';
import { importWith } from './importer-test-helpers.ts';
import { openTextInputs } from './text-input.ts';
import { csvRows } from './text-rows.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-text-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const [input] = await openTextInputs(path);
  const out: [number, string[]][] = [];
  for await (const { line, cells } of csvRows(input!)) out.push([line, cells]);
  return out;
}

describe('line ends as files have them', () => {
  it('reads the lone carriage returns of classic Mac exports as line ends, and leaves CRLF files alone', async () => {
    expect(await rowsOf('mac.csv', 'a,b\r1,"x\ry"\r2,z\r')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [4, ['2', 'z']],
    ]);
    expect(await rowsOf('windows.csv', 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\r\ny']],
      [4, ['2', 'z']],
    ]);
  });

  it('imports an ACLED file saved with Mac line ends exactly like the original', async () => {
    const fixture = join(import.meta.dirname, 'acled', 'fixtures', 'acled-current.csv');
    const mac = join(dir, 'acled-mac.csv');
    writeFileSync(mac, readFileSync(fixture, 'utf8').replaceAll('\n', '\r'));
    const [original, saved] = await Promise.all([importWith(acled, fixture), importWith(acled, mac)]);
    expect(saved.records.length).toBeGreaterThan(5);
    expect(saved.records).toEqual(original.records);
    expect(saved.rejections.map(({ file: _f, ...r }) => r)).toEqual(original.rejections.map(({ file: _f, ...r }) => r));
  });
});
