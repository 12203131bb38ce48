/**
 * Workbooks as their CSV text. They are written here with exceljs, an independent implementation of the format
 * (inline and shared strings, rich text, styles that make numbers dates, the 1904 date system), and read back by
 * our reader (`xlsx-input.ts`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from './source-format.ts';
import { openTextInputs } from './text-input.ts';
import { csvRows } from './text-rows.ts';
import { storedZip } from './importer-test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** A workbook written by hand: one sheet (its XML), and `parts` more with their relationships (`rels`). */
const oneSheet = (sheet: string, parts: Record<string, string> = {}, rels = '') =>
  storedZip({
    'xl/workbook.xml': '<workbook><sheets><sheet name="a" r:id="r1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels': `<Relationships>${rel('r1', 'worksheet', 'worksheets/sheet1.xml')}${rels}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
    ...parts,
  });

async function textOf(path: string): Promise<string> {
  const [input] = await openTextInputs(path);
  let text = '';
  for await (const chunk of input!.chunks()) text += chunk;
  return text;
}

describe('an xlsx workbook read as CSV', () => {
  it('writes the first sheet row by row, cells as a person sees them, each row on the line of its row number', async () => {
    const path = join(dir, 'inline.xlsx');
    // The streaming writer without shared strings writes text inline (`t="str"`, rich text as `inlineStr`).
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['name', 'when', 'n', 'flag', 'id']).commit();
    sheet.addRow(['a, "b"', new Date(Date.UTC(2021, 2, 5)), 34.516667000000005, true, 201901010001]).commit();
    // Row 3 is left out (an empty row); row 4 has a formula, an error, rich text with markup characters.
    const row = sheet.getRow(4);
    row.values = ['after a gap', { formula: 'A1', result: 'name' } as ExcelJS.CellFormulaValue, { error: '#N/A' } as ExcelJS.CellErrorValue, { richText: [{ text: 'rich ' }, { text: 'text & <more>' }] }];
    row.commit();
    sheet.getRow(5).values = [null, null, -0.1 + 0.3];
    sheet.getRow(5).commit();
    await sheet.commit();
    workbook.addWorksheet('Notes').addRow(['not read']).commit();
    await workbook.commit();

    expect(await textOf(path)).toBe('name,when,n,flag,id\n"a, ""b""",2021-03-05,34.516667,TRUE,201901010001\n\nafter a gap,name,,rich text & <more>\n,,0.2\n');
  });

  it('reads shared strings, custom date formats with their time and the 1904 date system', async () => {
    const path = join(dir, 'shared.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['note', 'when', 'day']);
    sheet.addRow(['one\ntwo', new Date(Date.UTC(2021, 2, 5, 14, 30)), new Date(Date.UTC(1999, 11, 31))]);
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.addRow([{ richText: [{ text: 'Wilayat ' }, { text: 'Khurasan' }] }, 45000, 'x']);
    await workbook.xlsx.writeFile(path);
    expect(readFileSync(path).includes('sharedStrings.xml')).toBe(true);

    expect(await textOf(path)).toBe('note,when,day\n"one\ntwo",2021-03-05T14:30:00,1999-12-31\nWilayat Khurasan,45000,x\n');
  });

  it('reads workbooks laid out as other tools write them: prefixed elements, parts found through relationships', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const path = join(dir, 'sdk.xlsx');
    writeFileSync(
      path,
      storedZip({
        '_rels/.rels': `<Relationships>${rel('R1', 'officeDocument', '/book/main.xml')}</Relationships>`,
        'book/main.xml': `<x:workbook ${ns}><x:workbookPr/><x:sheets><x:sheet name="Data" sheetId="2" r:id="rB"/><x:sheet name="Notes" sheetId="1" r:id="rA"/></x:sheets></x:workbook>`,
        'book/_rels/main.xml.rels': `<Relationships>${rel('rA', 'worksheet', 'sheets/notes.xml')}${rel('rB', 'worksheet', 'sheets/data.xml')}${rel('rS', 'sharedStrings', 'SharedStrings.xml')}${rel('rT', 'styles', 'styles.xml')}</Relationships>`,
        'book/SharedStrings.xml': `<x:sst ${ns}><x:si><x:t>name</x:t></x:si><x:si><x:r><x:t>Caf&#233; </x:t></x:r><x:r><x:t>&amp; bar</x:t></x:r><x:rPh><x:t>かな</x:t></x:rPh></x:si><x:si><x:t>a_x000D_b _x005F_x000D_</x:t></x:si></x:sst>`,
        'book/styles.xml': `<x:styleSheet ${ns}><x:numFmts><x:numFmt numFmtId="170" formatCode="d/m/yyyy;@"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>`,
        'book/sheets/notes.xml': `<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>not read</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
        'book/sheets/data.xml':
          `<x:worksheet ${ns}><x:sheetData>` +
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>when</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>iso</x:t></x:is></x:c></x:row>' +
          '<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>44260</x:v></x:c><x:c t="d"><x:v>2021-03-05T00:00:00Z</x:v></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="C3"><x:f>1/0</x:f></x:c></x:row>' +
          '</x:sheetData></x:worksheet>',
      }),
    );
    expect(await textOf(path)).toBe('name,when,iso\nCafé & bar,2021-03-05,2021-03-05\n"a\rb _x000D_",,\n');
  });

  it('gives every row the line of its row number, after gaps and after cells with line breaks, for rejections a person can find in Excel', async () => {
    const path = join(dir, 'gaps.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.getRow(1).values = ['a', 'b'];
    sheet.getRow(2).values = ['1', 'x\ny'];
    sheet.getRow(3).values = ['2', 'z'];
    sheet.getRow(7).values = ['3', 'y'];
    await workbook.xlsx.writeFile(path);
    const [input] = await openTextInputs(path);
    const rows: [number, string[]][] = [];
    for await (const { line, cells } of csvRows(input!)) rows.push([line, cells]);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [3, ['2', 'z']],
      [7, ['3', 'y']],
    ]);
    // Its text is the same table as CSV (the cell with a line break takes two lines of it).
    expect(await textOf(path)).toBe('a,b\n1,"x\ny"\n2,z\n\n\n3,y\n');
  });

  it('reads the sheet asked for, by name (case aside) or number, and names the sheets there are when it has no such one', async () => {
    const path = join(dir, 'sheets.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Read me').addRow(['These are the events of 2024.']);
    workbook.addWorksheet('Events').addRow(['id', 'place']);
    workbook.getWorksheet('Events')!.addRow([1, 'Kabul']);
    await workbook.xlsx.writeFile(path);
    const rowsOf = async (sheet?: string) => {
      const [input] = await openTextInputs(path, { sheet });
      const rows: string[][] = [];
      for await (const { cells } of csvRows(input!)) rows.push(cells);
      return rows;
    };
    expect(await rowsOf()).toEqual([['These are the events of 2024.']]);
    expect(await rowsOf('events')).toEqual([['id', 'place'], ['1', 'Kabul']]);
    expect(await rowsOf('2')).toEqual([['id', 'place'], ['1', 'Kabul']]);
    await expect(openTextInputs(path, { sheet: 'Data' })).rejects.toThrow(/^sheets\.xlsx: the workbook has no sheet "Data"; its sheets are "Read me", "Events" \(name one, or give its number from 1\)$/);
    await expect(openTextInputs(path, { sheet: '3' })).rejects.toThrow(/has no sheet "3"/);
  });

  it('tells how far through the sheet reading is, from 0 to 1', async () => {
    const path = join(dir, 'long.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (let i = 0; i < 20_000; i++) sheet.addRow([`row ${i}`, i, i / 7]);
    await workbook.xlsx.writeFile(path);
    const [input] = await openTextInputs(path);
    const seen: number[] = [];
    for await (const _ of input!.chunks()) seen.push(input!.fraction!()!);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[0]).toBeLessThan(0.5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBeCloseTo(1, 5);
  });

  it('refuses a workbook whose strings alone unpack to more text than the caller accepts, before reading them', async () => {
    const path = join(dir, 'strings.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (let i = 0; i < 100; i++) sheet.addRow([`a string of its own, number ${i}`]);
    await workbook.xlsx.writeFile(path);
    await expect(openTextInputs(path, { maxTextLength: 1000 })).rejects.toThrow(/^strings\.xlsx: the file unpacks to more than 1,000 characters of text/);
    expect((await openTextInputs(path, { maxTextLength: 100_000 })).length).toBe(1);
  });

  it('refuses a file that is not a workbook, or a workbook cut short, naming the file', async () => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'event_id_cnty,event_date\nAFG1,2021-01-01\n');
    await expect(openTextInputs(text)).rejects.toThrow(SourceError);
    await expect(openTextInputs(text)).rejects.toThrow(/^text\.xlsx: not a readable \.xlsx workbook .*save it as CSV/);
    // Excel saves a workbook with a password as an OLE2 compound file, as old .xls workbooks were.
    const locked = join(dir, 'locked.xlsx');
    writeFileSync(locked, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]));
    await expect(openTextInputs(locked)).rejects.toThrow(/^locked\.xlsx: an encrypted \(password-protected\) or old-format \(\.xls\) workbook; .*remove the password/);

    const whole = join(dir, 'whole.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (let i = 0; i < 2000; i++) sheet.addRow([`row ${i}`, i, `text ${i * 7919}`]);
    await workbook.xlsx.writeFile(whole);
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(readFileSync(whole).length / 2)));
    await expect(openTextInputs(cut)).rejects.toThrow(/^cut\.xlsx: not a readable \.xlsx workbook/);

    // A row that never ends (a damaged or hostile sheet) is refused once it is longer than any real row can be.
    const endless = join(dir, 'endless.xlsx');
    writeFileSync(endless, oneSheet(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>${'x'.repeat(65 * 2 ** 20)}`));
    await expect(openTextInputs(endless)).rejects.toThrow(/^endless\.xlsx: cannot read the workbook near row 1 \(a <row> element longer than 64 MiB\)/);
    // So is a part read whole (styles, here) that unpacks to more than any real one.
    const styled = join(dir, 'styled.xlsx');
    const row = '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>';
    writeFileSync(styled, oneSheet(row, { 'xl/styles.xml': `<styleSheet>${' '.repeat(65 * 2 ** 20)}</styleSheet>` }, rel('r2', 'styles', 'styles.xml')));
    await expect(openTextInputs(styled)).rejects.toThrow(/^styled\.xlsx: cannot read the workbook near row 1 \(its part xl\/styles\.xml unpacks to more than 64 MiB\)/);
  });
});
