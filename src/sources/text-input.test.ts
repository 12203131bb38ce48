import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { acled } from './acled/acled-format.ts';
import { importWith, storedZip } from './importer-test-helpers.ts';
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

describe('encodings told by the first characters beyond ASCII', () => {
  // Past the first MiB, which decides the encoding of most files (a GTD export's accents may come later).
  const plain = 'place,n\n' + 'Kabul,1\n'.repeat(160_000);
  const lastRow = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const [input] = await openTextInputs(path);
    let last: string[] = [];
    for await (const { cells } of csvRows(input!)) last = cells;
    return { last, encoding: input!.encoding };
  };

  it('reads latin-1 that first shows after a MiB of ASCII as latin-1, not as broken UTF-8', async () => {
    const file = Buffer.concat([Buffer.from(plain), Buffer.from('Bogot\xe1 \x93centro\x94,2\n', 'latin1')]);
    expect(await lastRow('late-latin1.csv', file)).toEqual({ last: ['Bogotá “centro”', '2'], encoding: 'windows-1252' });
  });

  it('keeps UTF-8 that first shows after a MiB of ASCII, and still refuses a file that mixes the two', async () => {
    expect(await lastRow('late-utf8.csv', Buffer.from(plain + 'Bogotá,2\n'))).toEqual({ last: ['Bogotá', '2'], encoding: 'utf-8' });
    const mixed = Buffer.concat([Buffer.from(plain + 'Bogotá,2\n' + 'Kabul,1\n'.repeat(10_000)), Buffer.from('Bogot\xe1,3\n', 'latin1')]);
    await expect(lastRow('mixed.csv', mixed)).rejects.toThrow(/invalid UTF-8 after byte \d+; the file mixes encodings/);
  });
});

describe('archives', () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;

  it.skipIf(!existsSync('/proc/self/fd'))('reads every member of a zip and leaves no file open behind it, read whole or in part', async () => {
    const path = join(dir, 'two.zip');
    writeFileSync(path, storedZip({ 'a.csv': 'x,y\n1,2\n', 'notes/b.csv': 'x,y\n3,4\n', '__MACOSX/._a.csv': 'junk' }));
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      const inputs = await openTextInputs(path);
      expect(inputs.map((input) => input.fileName)).toEqual(['two.zip:a.csv', 'two.zip:notes/b.csv']);
      // The first member read whole, the second only as far as its head (read when it was opened).
      let text = '';
      for await (const chunk of inputs[0]!.chunks()) text += chunk;
      expect(text).toBe('x,y\n1,2\n');
      expect(inputs[1]!.head).toBe('x,y\n3,4\n');
    }
    // Streams close a tick after they end.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it("leaves out the documentation a dataset's download bundles with its data, and says when there is nothing else", async () => {
    const path = join(dir, 'download.zip');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100)]);
    writeFileSync(path, storedZip({ 'README.txt': 'Events of 2024.\n', 'docs/Codebook.pdf': pdf, 'LICENSE': 'CC BY 4.0\n', 'events.csv': 'x,y\n1,2\n', 'events.txt': 'x\ty\n1\t2\n' }));
    expect((await openTextInputs(path)).map((input) => input.fileName)).toEqual(['download.zip:events.csv', 'download.zip:events.txt']);
    const docs = join(dir, 'docs.zip');
    writeFileSync(docs, storedZip({ 'README.md': '# Events\n', 'codebook.pdf': pdf }));
    await expect(openTextInputs(docs)).rejects.toThrow(/^docs\.zip: the zip archive holds only documentation \(README\.md, codebook\.pdf\), no data file$/);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('reads a workbook in a zip from a temporary file deleted once open, whose space closing the input frees', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Events').addRows([['x', 'y'], ['Kabul', 2], ['Herat', 3]]);
    const path = join(dir, 'book.zip');
    writeFileSync(path, storedZip({ 'README.txt': 'Invented.', 'events.xlsx': Buffer.from(await book.xlsx.writeBuffer()), 'more.csv': 'x,y\n1,2\n' }));
    const before = openFiles();
    const unpacked = () => readdirSync(tmpdir()).filter((f) => f.startsWith('sitrep-workbook-')).length;
    const [workbook, csv] = await openTextInputs(path);
    expect([workbook!.fileName, workbook!.encoding, csv!.fileName]).toEqual(['book.zip:events.xlsx', 'xlsx', 'book.zip:more.csv']);
    // Nothing is left in the temporary folder, even were the process killed now: the input holds the file open.
    expect(unpacked()).toBe(0);
    const rows: [number, string[]][] = [];
    for await (const { line, cells } of csvRows(workbook!)) rows.push([line, cells]);
    expect(rows).toEqual([[1, ['x', 'y']], [2, ['Kabul', '2']], [3, ['Herat', '3']]]);
    expect(openFiles()).toBe(before + 1);
    workbook!.close!();
    csv!.close?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });

  it('says so when a workbook in a zip cannot be unpacked, with the way round it', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Events').addRows([['x', 'y'], ['Kabul', 2]]);
    const path = join(dir, 'unpack.zip');
    writeFileSync(path, storedZip({ 'events.xlsx': Buffer.from(await book.xlsx.writeBuffer()) }));
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = notAFolder;
    try {
      await expect(openTextInputs(path)).rejects.toThrow(/^unpack\.zip:events\.xlsx: cannot unpack the workbook into .*not-a-folder \(ENOTDIR.*\); unpack the archive and import the \.xlsx file itself$/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it.skipIf(!existsSync('/proc/self/fd'))('leaves no file open behind a gzip file read in part', async () => {
    const path = join(dir, 'long.csv.gz');
    // Longer than the first MiB the encoding is told from, so that reading it stops half-way.
    writeFileSync(path, gzipSync('x,y\n' + '1,2\n'.repeat(500_000)));
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      const [input] = await openTextInputs(path);
      for await (const chunk of input!.chunks()) {
        expect(chunk.startsWith('x,y\n')).toBe(true);
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openFiles()).toBeLessThanOrEqual(before);
  });
});

describe('how far reading is', () => {
  /** The fraction the input tells after each chunk read. */
  async function fractions(path: string): Promise<number[]> {
    const [input] = await openTextInputs(path);
    const seen: number[] = [];
    for await (const _ of input!.chunks()) seen.push(input!.fraction!()!);
    return seen;
  }
  // Numbers that do not repeat, so that the gzip file too is read in several chunks.
  const text = 'x,y\n' + Array.from({ length: 100_000 }, (_, i) => `${(i * 7919) % 100_003},${(i * 104_729) % 99_991}\n`).join('');

  it.each([
    ['plain.csv', Buffer.from(text)],
    ['packed.csv.gz', gzipSync(text)],
    ['packed.zip', storedZip({ 'inside.csv': text })],
  ])('tells the share of %s read so far, from 0 to 1', async (name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const seen = await fractions(path);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(0.5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeCloseTo(1, 5);
  });
});
