import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvRows, type CsvOptions } from './text-rows.ts';
import { SourceError, type TextInput } from './source-format.ts';

/** `text` as an input that arrives in chunks of `size` characters (every boundary a file read may fall on). */
function inputOf(text: string, size = text.length || 1): TextInput {
  return {
    fileName: 'f.csv',
    encoding: 'utf-8',
    head: text.slice(0, 1000),
    async *chunks() {
      for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
    },
  };
}

async function rows(text: string, size?: number, options?: CsvOptions) {
  const out: [number, string[]][] = [];
  for await (const { line, cells } of csvRows(inputOf(text, size), options)) out.push([line, cells]);
  return out;
}

async function errorOf(text: string, options?: CsvOptions): Promise<SourceError> {
  try {
    await rows(text, undefined, options);
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('CSV rows', () => {
  const tricky =
    'id,notes,n\r\n' +
    '1,"a, b",3\r\n' +
    '\r\n' +
    '2,"line one\nline two\r\nline three",4\n' +
    '3,"she said ""no""",\n' +
    '4,,,extra\n' +
    '5\n' +
    '6,"",""""';

  it('reads quoted delimiters, line breaks and quotes, CRLF, blank lines and ragged rows, numbering the line each row starts on', async () => {
    expect(await rows(tricky)).toEqual([
      [1, ['id', 'notes', 'n']],
      [2, ['1', 'a, b', '3']],
      [4, ['2', 'line one\nline two\r\nline three', '4']],
      [7, ['3', 'she said "no"', '']],
      [8, ['4', '', '', 'extra']],
      [9, ['5']],
      [10, ['6', '', '"']],
    ]);
  });

  it('reads the same rows whatever the chunk boundaries', async () => {
    const whole = await rows(tricky);
    for (const size of [1, 2, 3, 5, 7, 11]) expect(await rows(tricky, size), `chunks of ${size}`).toEqual(whole);
  });

  it('reads tab-separated text and keeps a lone carriage return inside a field', async () => {
    expect(await rows('a\tb\r\nc\rd\t"e\tf"\n', 4, { delimiter: '\t' })).toEqual([
      [1, ['a', 'b']],
      [2, ['c\rd', 'e\tf']],
    ]);
  });

  // csv-parse is told both line ends: left to guess, it takes the first one it meets, even inside a quoted field.
  it('agrees with csv-parse on random files', async () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pieces = ['a', 'Kabul', 'ISKP', ' ', ',', '"', '\n', '\r\n', 'é', '—', '0.5', 'Wilāyat Khurāsān (Islamic State)'];
    const field = () => {
      const text = Array.from({ length: Math.floor(random() * 4) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      return /[",\r\n]/.test(text) || random() < 0.2 ? `"${text.replaceAll('"', '""')}"` : text;
    };
    for (let file = 0; file < 40; file++) {
      const lines = Array.from({ length: 1 + Math.floor(random() * 30) }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, field).join(','));
      const text = lines.join(random() < 0.5 ? '\n' : '\r\n') + (random() < 0.5 ? '\n' : '');
      const expected = (parse(text, { relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n'] }) as string[][]).filter(
        (record) => !(record.length === 1 && record[0] === ''),
      );
      // Ragged rows throughout, so a short last row is no sign of a cut.
      const got = (await rows(text, 1 + Math.floor(random() * 50), { shortRows: true })).map(([, cells]) => cells);
      expect(got, text).toEqual(expected);
    }
  });

  it('refuses broken quoting, naming the line and what to fix', async () => {
    const cases: [string, number, RegExp][] = [
      ['a,b\n1,x"y\n', 2, /a quote inside unquoted field 2; quote the whole field/],
      ['a,b\n1,"x" y\n', 2, /unexpected " " after the closing quote of field 2/],
      ['a,b\n1,2\n3,"never\nclosed\n', 3, /a quoted field opened on line 3 is never closed/],
    ];
    for (const [text, line, reason] of cases) {
      const e = await errorOf(text);
      expect(e.message, text).toMatch(reason);
      expect(e.message).toMatch(/^f\.csv line \d+: unreadable CSV/);
      expect(e.message).toContain(`line ${line}:`);
    }
  });

  it('refuses a file cut off in the middle of its last row, unless rows may be short', async () => {
    for (const text of ['id,a,b\n1,x,y\n2,x', 'id,a,b\r\n1,x,y\r\n2']) {
      const e = await errorOf(text);
      expect(e.message, text).toMatch(/^f\.csv line 3: the file ends in the middle of a row \([12] of 3 cells, and no line break after it\): it was cut off/);
    }
    // A short last row that ends its line, a full one without a line break, and short rows where they are allowed.
    expect(await rows('id,a,b\n1,x,y\n2,x\n')).toEqual([[1, ['id', 'a', 'b']], [2, ['1', 'x', 'y']], [3, ['2', 'x']]]);
    expect(await rows('id,a,b\n1,x,y')).toEqual([[1, ['id', 'a', 'b']], [2, ['1', 'x', 'y']]]);
    expect(await rows('id,a,b\n1,x', undefined, { shortRows: true })).toEqual([[1, ['id', 'a', 'b']], [2, ['1', 'x']]]);
  });

  it('refuses a row longer than the limit instead of reading the rest of the file into it', async () => {
    for (const text of [`a,b\n1,"${'x'.repeat(5000)}`, `a,b\n1,${'x'.repeat(5000)}\n`, `a,b\n${'x,'.repeat(2500)}\n`]) {
      const e = await errorOf(text, { maxRowChars: 2048 });
      expect(e.message).toMatch(/line 2: a row is longer than .* MB, the most one row may hold: a quote that is never closed .*, or a field really holds that much text \(shorten it\)$/);
    }
  });
});
