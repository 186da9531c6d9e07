import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook } from '../../../src/testing/plans/xlsx';
import { openWorkbook, readWorkbook } from '../../../src/hosts/xlsx/read';
import { parseA1Range } from '../../../src/engine/a1';
import { ChangeSetError } from '../../../src/hosts/change-set-error';
import { applyChangeSet } from '../../../src/hosts/xlsx/apply';
import { writeWorkbookAtomically, WorkbookWriteError } from '../../../src/hosts/xlsx/write';
import type { ChangeSet } from '../../../src/engine/model';
import { APPENDIX_SHEET, planWorkbook, SERIAL_2024_06_30 } from './fixtures/plan-tnmt';
import { reportSheetModel, STATUS_CHOICES, TAG, trackingChanges } from './fixtures/tracking-changes';
import { sheetRelsText, sheetXml, snapshotRange, workbookXml } from './helpers';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-apply-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const USER_RANGE = 'A1:I32';

/** The fixture plus what real users add: a note, their own validation and highlight rule, an
 * internal link on the guide sheet. */
async function userPlanFile(name: string): Promise<string> {
  const workbook = buildWorkbook(planWorkbook());
  const ws = workbook.getWorksheet(APPENDIX_SHEET)!;
  ws.getCell('C10').note = 'Phối hợp với Sở Tư pháp';
  ws.getCell('H10').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Kinh phí thường xuyên,Kinh phí không thường xuyên"'] };
  ws.addConditionalFormatting({
    ref: 'G9:G30',
    rules: [{ type: 'expression', priority: 1, formulae: ['ISNUMBER(SEARCH("2023",G9))'], style: { font: { color: { argb: 'FF7030A0' } } } }],
  });
  workbook.getWorksheet('Hướng dẫn')!.getCell('A3').value = { text: 'Mọi vướng mắc liên hệ Văn phòng Sở để được hướng dẫn.', hyperlink: "#'Phụ lục'!A6" };
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function applyAndWrite(input: string, output: string, changes: ChangeSet) {
  const workbook = await openWorkbook(input);
  const report = applyChangeSet(workbook, changes);
  await writeWorkbookAtomically(workbook, output);
  return report;
}

function ruleList(sheet: Record<string, unknown>) {
  const blocks = (sheet.conditionalFormatting ?? []) as { '@_sqref': string; cfRule: Record<string, unknown>[] }[];
  return blocks.flatMap((b) => b.cfRule.map((r) => ({ sqref: b['@_sqref'], priority: Number(r['@_priority']), stopIfTrue: r['@_stopIfTrue'], formula: String(r.formula) })));
}

describe('applying a tracking change set', () => {
  test('the user cells are identical — value, style, note, merges, widths, hidden rows — and the block is written', async () => {
    const input = await userPlanFile('user.xlsx');
    const output = path.join(dir, 'user-checked.xlsx');
    const before = await snapshotRange(input, APPENDIX_SHEET, USER_RANGE);
    const inputBytes = await fs.readFile(input);
    await applyAndWrite(input, output, trackingChanges({ 12: 'Thiếu đơn vị chủ trì' }, { 10: 45473 }));
    expect(await fs.readFile(input)).toEqual(inputBytes);
    const after = await snapshotRange(output, APPENDIX_SHEET, USER_RANGE);
    expect(after.cells).toHaveLength(32 * 9);
    expect(after).toEqual(before);

    const read = await openWorkbook(output);
    const ws = read.getWorksheet(APPENDIX_SHEET)!;
    expect(ws.getCell('J6').value).toBe('Tình trạng');
    expect(ws.getCell('N6').value).toBe('Kiểm tra');
    expect(ws.getCell('N12').value).toBe('Thiếu đơn vị chủ trì');
    expect(ws.getCell('J6').font.bold).toBe(true);
    expect(ws.getCell('J6').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('M10').numFmt).toBe('dd/mm/yyyy');
    // A date written as a serial reads back as that calendar day.
    const grid = readWorkbook(read).sheets[1].grid;
    expect(grid.values[9][12]).toBe(SERIAL_2024_06_30);
    expect(ws.getColumn('J').width).toBe(16);
    expect(ws.getColumn('N').width).toBe(40);
    expect(ws.getColumn('C').width).toBe(42);

    const xml = await sheetXml(output, APPENDIX_SHEET);
    const validations = ((xml.dataValidations as { dataValidation: Record<string, string>[] }).dataValidation).map((v) => ({ sqref: v['@_sqref'], type: v['@_type'], formula: String(v.formula1) }));
    expect(validations).toEqual(expect.arrayContaining([
      { sqref: 'J9:J30', type: 'list', formula: `"${STATUS_CHOICES.join(',')}"` },
      { sqref: 'H10', type: 'list', formula: '"Kinh phí thường xuyên,Kinh phí không thường xuyên"' },
    ]));
    const rules = ruleList(xml).sort((a, b) => a.priority - b.priority);
    expect(rules.map((r) => r.priority)).toEqual([1, 2, 3]);
    expect(rules[0]).toMatchObject({ sqref: 'A9:N30', stopIfTrue: '1' });
    expect(rules[0].formula).toContain(TAG);
    expect(rules[1].stopIfTrue).toBeUndefined();
    expect(rules[2]).toMatchObject({ sqref: 'G9:G30', formula: 'ISNUMBER(SEARCH("2023",G9))' });
  });

  test('checking again updates the block in place: no second rule set, no second validation, same user cells', async () => {
    const input = await userPlanFile('again.xlsx');
    const first = path.join(dir, 'again-1.xlsx');
    const second = path.join(dir, 'again-2.xlsx');
    await applyAndWrite(input, first, trackingChanges({ 12: 'Thiếu đơn vị chủ trì', 23: 'Ô chủ trì chứa lỗi #REF!' }));
    // The user picks a status in the drop-down between the two checks.
    const edited = await openWorkbook(first);
    edited.getWorksheet(APPENDIX_SHEET)!.getCell('J10').value = 'Hoàn thành';
    await edited.xlsx.writeFile(first);
    await applyAndWrite(first, second, trackingChanges({ 12: 'Thiếu đơn vị chủ trì' }));

    const xml = await sheetXml(second, APPENDIX_SHEET);
    const rules = ruleList(xml);
    expect(rules.filter((r) => r.formula.includes(TAG))).toHaveLength(2);
    expect(rules).toHaveLength(3);
    expect(rules.find((r) => !r.formula.includes(TAG))!.priority).toBe(3);
    const statusValidations = ((xml.dataValidations as { dataValidation: Record<string, string>[] }).dataValidation).filter((v) => String(v.formula1).includes('Hoàn thành'));
    expect(statusValidations.map((v) => v['@_sqref'])).toEqual(['J9:J30']);
    const ws = (await openWorkbook(second)).getWorksheet(APPENDIX_SHEET)!;
    expect(ws.getCell('J10').value).toBe('Hoàn thành');
    expect(ws.getCell('N23').value).toBeNull();
    expect(ws.getCell('N12').value).toBe('Thiếu đơn vị chủ trì');
    expect(await snapshotRange(second, APPENDIX_SHEET, USER_RANGE)).toEqual(await snapshotRange(input, APPENDIX_SHEET, USER_RANGE));
  });

  test('null leaves a cell, "" clears it, text that looks like a formula stays text, a merge follower is never written', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Phụ lục');
    ws.getCell('A1').value = 'giữ nguyên';
    ws.getCell('B1').value = 'xóa';
    ws.getCell('D1').value = 'ô gộp';
    ws.mergeCells('D1:E1');
    applyChangeSet(workbook, {
      sheet: 'Phụ lục',
      writes: [{ range: parseA1Range('A1:E1'), values: [[null, '', '=SUM(A1:A3)', null, 'không được ghi']] }],
      formats: [], validations: [], conditionalFormats: { tag: TAG, rules: [] }, sheets: [],
    });
    const file = path.join(dir, 'writes.xlsx');
    await writeWorkbookAtomically(workbook, file);
    const back = (await openWorkbook(file)).getWorksheet('Phụ lục')!;
    expect(back.getCell('A1').value).toBe('giữ nguyên');
    expect(back.getCell('B1').value).toBeNull();
    expect(back.getCell('C1').value).toBe('=SUM(A1:A3)');
    expect(back.getCell('C1').formula).toBeUndefined();
    expect(back.getCell('D1').value).toBe('ô gộp');
  });

  test('formatting one cell never changes another cell that shared its style', async () => {
    const input = path.join(dir, 'shared-style.xlsx');
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet('Phụ lục');
    const style: Partial<ExcelJS.Style> = { font: { name: 'Times New Roman', size: 12 }, alignment: { wrapText: true } };
    for (const address of ['J6', 'K6', 'A6']) {
      ws.getCell(address).value = address;
      ws.getCell(address).style = style as ExcelJS.Style;
    }
    await source.xlsx.writeFile(input);
    const workbook = await openWorkbook(input);
    const sheet = workbook.getWorksheet('Phụ lục')!;
    const untouched = JSON.stringify([sheet.getCell('K6').style, sheet.getCell('A6').style]);
    expect(sheet.getCell('K6').style).toBe(sheet.getCell('J6').style); // exceljs shares it
    applyChangeSet(workbook, {
      sheet: 'Phụ lục', writes: [],
      formats: [{ range: parseA1Range('J6'), bold: true, fill: '#FFC7CE', numberFormat: '@' }],
      validations: [], conditionalFormats: { tag: TAG, rules: [] }, sheets: [],
    });
    expect(sheet.getCell('J6').font).toEqual({ name: 'Times New Roman', size: 12, bold: true });
    expect(sheet.getCell('J6').numFmt).toBe('@');
    expect(JSON.stringify([sheet.getCell('K6').style, sheet.getCell('A6').style])).toBe(untouched);
    expect(sheet.getCell('K6').font).toEqual({ name: 'Times New Roman', size: 12 });
  });

  test('a change set for a sheet that does not exist is refused before anything is written', async () => {
    const workbook = buildWorkbook(planWorkbook());
    expect(() => applyChangeSet(workbook, { ...trackingChanges(), sheet: 'Không có' })).toThrow(ChangeSetError);
  });
});

describe('sheet names', () => {
  test('a report sheet named like an old one but for case replaces it, as in Excel (one sheet per name)', () => {
    const workbook = buildWorkbook(planWorkbook());
    workbook.addWorksheet('bc quý i-2024');
    applyChangeSet(workbook, { ...trackingChanges(), sheets: [reportSheetModel()] });
    expect(workbook.worksheets.map((ws) => ws.name).filter((name) => name.toLowerCase() === 'bc quý i-2024')).toEqual(['BC Quý I-2024']);
  });
});

describe("the user's own conditional formats of kinds exceljs does not know", () => {
  test('duplicate-value and begins-with rules survive the copy, valid and after ours', async () => {
    const base = await userPlanFile('cf-kinds.xlsx');
    // Excel writes these; exceljs cannot, so they are put into the file's XML directly.
    const zip = await JSZip.loadAsync(await fs.readFile(base));
    const part = 'xl/worksheets/sheet2.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml).toContain('<conditionalFormatting');
    const extra =
      '<conditionalFormatting sqref="C10:C30"><cfRule type="duplicateValues" dxfId="0" priority="2"/></conditionalFormatting>' +
      '<conditionalFormatting sqref="G9:G30"><cfRule type="beginsWith" dxfId="0" priority="3" operator="beginsWith" text="Quý"><formula>LEFT(G9,LEN("Quý"))="Quý"</formula></cfRule></conditionalFormatting>';
    zip.file(part, xml.replace('<conditionalFormatting', `${extra}<conditionalFormatting`));
    const input = path.join(dir, 'cf-kinds-in.xlsx');
    await fs.writeFile(input, await zip.generateAsync({ type: 'nodebuffer' }));
    const output = path.join(dir, 'cf-kinds-out.xlsx');
    await applyAndWrite(input, output, trackingChanges());

    const rules = ruleList(await sheetXml(output, APPENDIX_SHEET)).sort((a, b) => a.priority - b.priority);
    expect(rules.map((r) => r.priority)).toEqual([1, 2, 3, 4, 5]);
    expect(rules.slice(0, 2).every((r) => r.formula.includes(TAG))).toBe(true);
    const raw = await (await JSZip.loadAsync(await fs.readFile(output))).file(part)!.async('string');
    expect(raw).toMatch(/<conditionalFormatting sqref="C10:C30"><cfRule type="duplicateValues" dxfId="\d+" priority="\d"\/><\/conditionalFormatting>/);
    expect(raw).toMatch(/<cfRule type="beginsWith" dxfId="\d+" priority="\d" operator="beginsWith" text="Quý"><formula>LEFT\(G9,LEN\(&quot;Quý&quot;\)\)=&quot;Quý&quot;<\/formula><\/cfRule>/);
    expect(raw).not.toMatch(/<conditionalFormatting[^>]*><\/conditionalFormatting>/);
  });
});

describe('building a sheet from a SheetModel', () => {
  test('values, formula, internal link, fonts, merges, widths, A4 landscape with print titles, margins and page numbers; the chart is reported as skipped', async () => {
    const input = await userPlanFile('report-in.xlsx');
    const output = path.join(dir, 'report-out.xlsx');
    const applied = await applyAndWrite(input, output, { ...trackingChanges(), sheets: [reportSheetModel()] });
    expect(applied.skipped).toEqual(['chart on BC Quý I-2024']);

    const workbook = await openWorkbook(output);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', APPENDIX_SHEET, 'BC Quý I-2024']);
    const ws = workbook.getWorksheet('BC Quý I-2024')!;
    expect(ws.getCell('A1').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC QUÝ I NĂM 2024');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman', underline: true });
    expect(ws.getCell('B6').formula).toBe('SUM(B4:B5)');
    expect(ws.getCell('A9').value).toBe('=không phải công thức');
    // A HYPERLINK formula with its text: LibreOffice clips hyperlinked cells to one line.
    expect(ws.getCell('A8').value).toEqual({ formula: "HYPERLINK(\"#'Phụ lục'!C12\",\"Dòng 12: Kiểm tra việc thi hành pháp luật về khoáng sản\")", result: 'Dòng 12: Kiểm tra việc thi hành pháp luật về khoáng sản' });
    expect(ws.getCell('B4').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getColumn('A').width).toBe(50);
    expect(ws.getRow(8).height).toBe(31.5);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toEqual({ left: 1.181, right: 0.591, top: 0.787, bottom: 0.787, header: 0.394, footer: 0.394 });
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P' });
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toEqual(['A1']);

    const xml = await sheetXml(output, 'BC Quý I-2024');
    expect(xml.hyperlinks).toBeUndefined();
    const names = (await workbookXml(output)).definedNames as { definedName: ({ '#text': string; '@_name': string })[] };
    expect(names.definedName.map((d) => [d['@_name'], d['#text']])).toContainEqual(['_xlnm.Print_Titles', "'BC Quý I-2024'!$3:$3"]);
    // The user's own internal link on another sheet is kept as an internal link.
    const guide = await sheetXml(output, 'Hướng dẫn');
    expect((guide.hyperlinks as { hyperlink: Record<string, string>[] }).hyperlink).toEqual([{ '@_ref': 'A3', '@_location': "'Phụ lục'!A6" }]);
    expect(await sheetRelsText(output, 1)).not.toContain('Phụ lục');
  });

  test('a sheet of the same name is replaced where it stood in the tab order', async () => {
    const workbook = buildWorkbook(planWorkbook());
    workbook.addWorksheet('BC Quý I-2024').getCell('Z99').value = 'bản cũ';
    workbook.addWorksheet('Ghi chú');
    applyChangeSet(workbook, { ...trackingChanges(), sheets: [reportSheetModel()] });
    const file = path.join(dir, 'replace.xlsx');
    await writeWorkbookAtomically(workbook, file);
    const back = await openWorkbook(file);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', APPENDIX_SHEET, 'BC Quý I-2024', 'Ghi chú']);
    expect(back.getWorksheet('BC Quý I-2024')!.getCell('Z99').value).toBeNull();
  });
});

describe('writing atomically', () => {
  test('an unwritable destination leaves no file behind', async () => {
    const workbook = buildWorkbook(planWorkbook());
    const target = path.join(dir, 'no-such-folder', 'out.xlsx');
    await expect(writeWorkbookAtomically(workbook, target)).rejects.toMatchObject({ code: 'no-directory' });
    await expect(fs.access(path.dirname(target))).rejects.toThrow();
  });

  test('a failure half way through keeps the previous file intact and removes the partial temp file', async () => {
    const target = path.join(dir, 'keep.xlsx');
    await fs.writeFile(target, 'bản trước');
    const workbook = buildWorkbook(planWorkbook());
    workbook.xlsx.writeFile = async (file: string) => {
      await fs.writeFile(file, 'PK\u0003\u0004 một nửa');
      throw new Error('disk full');
    };
    const error = await writeWorkbookAtomically(workbook, target).catch((e) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect(error.code).toBe('write-failed');
    expect(await fs.readFile(target, 'utf8')).toBe('bản trước');
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a directory as the target is refused', async () => {
    const workbook = buildWorkbook(planWorkbook());
    await expect(writeWorkbookAtomically(workbook, dir)).rejects.toMatchObject({ code: 'is-directory' });
  });
});
