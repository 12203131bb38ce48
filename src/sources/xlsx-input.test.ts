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

const dir = mkdtempSync(join(tmpdir(), 'sitrep-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  it('gives rows after a gap the line of their row number, for rejections a person can find in Excel', async () => {
    const path = join(dir, 'gaps.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.getRow(1).values = ['a', 'b'];
    // A cell with a line break takes two lines of CSV: the gap after it is one line shorter.
    sheet.getRow(2).values = ['1', 'x\ny'];
    sheet.getRow(7).values = ['2', 'y'];
    await workbook.xlsx.writeFile(path);
    const [input] = await openTextInputs(path);
    const rows: [number, string[]][] = [];
    for await (const { line, cells } of csvRows(input!)) rows.push([line, cells]);
    expect(rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x\ny']],
      [7, ['2', 'y']],
    ]);
  });

  it('refuses a file that is not a workbook, or a workbook cut short, naming the file', async () => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'event_id_cnty,event_date\nAFG1,2021-01-01\n');
    await expect(openTextInputs(text)).rejects.toThrow(SourceError);
    await expect(openTextInputs(text)).rejects.toThrow(/^text\.xlsx: not a readable \.xlsx workbook .*save it as CSV/);

    const whole = join(dir, 'whole.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    for (let i = 0; i < 2000; i++) sheet.addRow([`row ${i}`, i, `text ${i * 7919}`]);
    await workbook.xlsx.writeFile(whole);
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(readFileSync(whole).length / 2)));
    await expect(openTextInputs(cut)).rejects.toThrow(/^cut\.xlsx: not a readable \.xlsx workbook/);
  });
});
