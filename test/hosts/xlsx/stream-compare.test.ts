/**
 * The streaming reader against the exceljs read (read.ts): for every workbook the other tests
 * build, the bundled sample, a generated plan, the copies the command line writes and a set of
 * hand-written parts, both readers give the same sheets, active sheet, date system, stored state
 * and, sheet by sheet, exactly the same Grid.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readWorkbook } from '../../../src/hosts/xlsx/read';
import { readWorkbookStream } from '../../../src/hosts/xlsx/stream';
import { STATE_SHEET_NAME } from '../../../src/engine/settings';
import { syntheticPlan } from '../../../src/testing/plans';
import { buildWorkbook, writeXlsxStream, xlsxBuffer } from '../../../src/testing/plans/xlsx';
import { congThuongPlan, huyenPlan, khoaHocPlan, proseOnly, taiNguyenPlan, trackedPlan } from '../../fixtures/plans';
import { runCli, tempDir } from '../../cli/helpers';
import { PLAN_2024 } from '../../report/plan-fixture';
import { APPENDIX_SHEET, planWorkbook } from './fixtures/plan-tnmt';
import { rawWorkbook, stylesWith } from './stream-workbook';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('cchc-stream-compare-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function exceljsRead(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return readWorkbook(workbook);
}

/** Both readers on the same bytes: everything read.ts's WorkbookRead holds must be equal. */
async function expectSameAsExceljs(bytes: Buffer): Promise<void> {
  const expected = await exceljsRead(bytes);
  const actual = await readWorkbookStream(bytes);
  expect(actual.sheets.map((s) => [s.name, s.visibility])).toStrictEqual(expected.sheets.map((s) => [s.name, s.visibility]));
  expect(actual.activeIndex).toBe(expected.activeIndex);
  expect(actual.date1904).toBe(expected.date1904);
  expect(actual.state).toStrictEqual(expected.state);
  expect(actual.stateProblem).toStrictEqual(expected.stateProblem);
  for (let i = 0; i < expected.sheets.length; i++) {
    const { grid: streamed, hiddenCols } = await actual.sheets[i].read();
    // Font names (for telling TCVN3/VNI cells) are read by the exceljs path only so far; legacy text
    // is still found by its characters. The hidden columns and validated ranges (where the
    // tracking block may not go) are read by the streaming path only. Everything else must be the same.
    const { fonts: _fonts, ...expectedGrid } = expected.sheets[i].grid;
    // The page setup and row heights only the streaming reader gives (the copy's printout,
    // test/cli/printable-copy.test.ts).
    const { hiddenCols: gridHidden, validatedRanges: _validated, page: _page, rowHeights: _heights, ...grid } = streamed;
    expect(gridHidden ?? []).toStrictEqual(hiddenCols);
    expect(grid).toStrictEqual(expectedGrid);
  }
}

describe('the same grids as the exceljs read', () => {
  test.each([
    ['cong-thuong', congThuongPlan],
    ['huyen', huyenPlan],
    ['tai-nguyen', taiNguyenPlan],
    ['khoa-hoc', khoaHocPlan],
    ['tracked', trackedPlan],
    ['prose-only', proseOnly],
  ])('the %s plan fixture', async (_name, fixture) => {
    await expectSameAsExceljs(await xlsxBuffer(fixture));
  });

  test('the TN&MT plan: dates, formulas, errors, merges, hidden rows, links, styles; both date systems; either active sheet', async () => {
    await expectSameAsExceljs(await xlsxBuffer(planWorkbook()));
    await expectSameAsExceljs(await xlsxBuffer(planWorkbook({ date1904: true })));
    await expectSameAsExceljs(await xlsxBuffer({ ...planWorkbook(), activeSheet: 'Hướng dẫn' }));
  });

  test('rich text, decomposed Unicode, hyperlinks, booleans, formula results and errors', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Phụ lục');
    ws.getCell('A1').value = 'Văn phòng Sở'.normalize('NFD');
    ws.getCell('B1').value = { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'số 12/KH-SNV' }] };
    ws.getCell('C1').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
    ws.getCell('D1').value = true;
    ws.getCell('D2').value = false;
    ws.getCell('E1').value = { formula: 'A1&"x"', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('F1').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    ws.getCell('G1').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
    ws.getCell('H1').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('I1').value = { text: 'Phụ lục', hyperlink: "#'Phụ lục'!A1" };
    ws.getCell('J1').value = { formula: 'B1&""', result: 'Kế hoạch' } as ExcelJS.CellFormulaValue;
    ws.getCell('K3').value = new Date(Date.UTC(2024, 5, 30, 12, 30));
    ws.getCell('L3').value = -12.5e-3;
    ws.getCell('M3').value = 'a < b & "c" \'d\'';
    ws.getRow(5).hidden = true;
    ws.getColumn('N').hidden = true;
    await expectSameAsExceljs(Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  test('the stored state in the very hidden sheet, readable or not', async () => {
    const good = buildWorkbook(planWorkbook());
    const state = { version: 1, corrections: { [APPENDIX_SHEET]: { E: 'lead' } }, settings: { planYear: 2024 } };
    good.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' }).getCell('A1').value = JSON.stringify(state);
    await expectSameAsExceljs(Buffer.from(await good.xlsx.writeBuffer()));
    const bad = buildWorkbook(planWorkbook());
    bad.addWorksheet(STATE_SHEET_NAME, { state: 'veryHidden' }).getCell('A1').value = '{"version": 7';
    await expectSameAsExceljs(Buffer.from(await bad.xlsx.writeBuffer()));
  });

  test('the bundled sample plan', async () => {
    await expectSameAsExceljs(await fs.readFile(path.join('assets', 'sample', 'ke-hoach-cchc-2024.xlsx')));
  });

  test('a generated plan written by exceljs’s streaming writer (shared strings, styles, many merges)', async () => {
    const file = path.join(dir, 'synthetic.xlsx');
    await writeXlsxStream(syntheticPlan(3000).sheet, file);
    await expectSameAsExceljs(await fs.readFile(file));
  });

  test('the copies the command line writes: validate --out and report --out', async () => {
    await fs.writeFile(path.join(dir, 'plan.xlsx'), await xlsxBuffer(planWorkbook()));
    const validated = await runCli(['validate', 'plan.xlsx', '--as-of', '2024-07-15', '--out', 'plan-checked.xlsx'], { cwd: dir });
    expect(validated.code).toBeLessThan(2);
    await expectSameAsExceljs(await fs.readFile(path.join(dir, 'plan-checked.xlsx')));
    await fs.writeFile(path.join(dir, 'report.xlsx'), await xlsxBuffer({ sheets: [PLAN_2024] }));
    const reported = await runCli(['report', 'report.xlsx', '--period', 'Q1', '--year', '2024', '--out', 'report-q1.xlsx'], { cwd: dir });
    expect(reported.code).toBeLessThan(2);
    await expectSameAsExceljs(await fs.readFile(path.join(dir, 'report-q1.xlsx')));
  });
});

describe('hand-written parts read as exceljs reads them', () => {
  test('shared strings: plain, rich runs, phonetic runs left out, escapes, empty items', async () => {
    await expectSameAsExceljs(
      rawWorkbook({
        sheets: [
          {
            name: 'Phụ lục',
            body:
              '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
              '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row></sheetData>',
          },
        ],
        sharedStrings:
          '<si><t>Kế hoạch</t></si>' +
          '<si><r><rPr><b/></rPr><t xml:space="preserve">Văn phòng </t></r><r><t>Sở</t></r></si>' +
          '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>' +
          '<si><t>Tab_x0009_here</t></si>' +
          '<si/>' +
          '<si><t></t></si>' +
          `<si><t>${'Văn bản'.normalize('NFD')} &amp; &lt;phụ lục&gt;</t></si>`,
      }),
    );
  });

  test('numbers, booleans, errors, text results, shared formulas, styled and unstyled empty cells', async () => {
    await expectSameAsExceljs(
      rawWorkbook({
        sheets: [
          {
            name: 'S',
            body:
              '<sheetData>' +
              '<row r="1"><c r="A1"><v>1.5</v></c><c r="B1" t="n"><v>-2E3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>' +
              '<c r="E1" t="e"><v>#REF!</v></c><c r="F1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G1"><f>1+1</f><v>2</v></c>' +
              '<c r="H1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="I1" t="b"><f>TRUE()</f><v>1</v></c><c r="J1"><f>NOW()</f></c></row>' +
              '<row r="2"><c r="A2"><f t="shared" ref="A2:C2" si="0">A1*2</f><v>3</v></c><c r="B2"><f t="shared" si="0"/><v>-4000</v></c>' +
              '<c r="C2" s="1"/><c r="D2"/><c r="E2" s="0"/><c r="F2" t="s"/></row>' +
              '<row r="4" s="1" customFormat="1"><c r="A4" s="1"/><c r="B4" s="1"/></row>' +
              '<row r="3"><c r="C3" t="inlineStr"><is><t>nội dung</t></is></c><c r="D3" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t>b</t></r></is></c></row>' +
              '<row r="6"><c r="A6"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>' +
              '<row r="7"><c r="A&#66;7"><v>8</v></c><c r=\'C7\' t=\'n\'><v>9</v></c></row>' +
              '</sheetData>',
          },
        ],
        styles: stylesWith([0, 3]),
      }),
    );
  });

  test('date formats: built-in and custom, escaped, quoted, bracketed, style 0, time fractions', async () => {
    // cellXfs: 0 → 14 (a date, but index 0 is never looked up), 1 → 14, 2 → 164 dd/mm/yyyy,
    // 3 → 165 escaped, 4 → 166 quoted text only, 5 → 167 [h]:mm, 6 → 2 (0.00), 7 → 22, 8 → 46,
    // 9 → 168 [Red]0.00, 10 → 27 (locale-dependent: no code).
    const styles = stylesWith([14, 14, 164, 165, 166, 167, 2, 22, 46, 168, 27], {
      164: 'dd/mm/yyyy',
      165: 'dd\\/mm\\/yyyy',
      166: '"Ngày "0',
      167: '[h]:mm',
      168: '[Red]0.00',
    });
    const cells = Array.from({ length: 11 }, (_, s) => `<c r="${String.fromCharCode(65 + s)}1" s="${s}"><v>45473.123456789123</v></c>`).join('');
    const whole = Array.from({ length: 11 }, (_, s) => `<c r="${String.fromCharCode(65 + s)}2" s="${s}"><v>45473</v></c>`).join('');
    // exceljs goes through a Date rounded to the millisecond: a serial that is not a whole number
    // of milliseconds comes back rounded, one too large for a Date comes back null.
    const formula =
      '<c r="A3" s="2"><f>TODAY()</f><v>45382</v></c><c r="B3" s="2"><v>0</v></c><c r="C3" s="2"><v>2958465.99999</v></c>' +
      '<c r="D3" s="2"><v>45473.123456789123</v></c><c r="E3" s="2"><v>1E+20</v></c><c r="F3" s="2"><v>-1.5</v></c><c r="G3" s="2"><v>x</v></c>';
    const sheet = { name: 'Dates', body: `<sheetData><row r="1">${cells}</row><row r="2">${whole}</row><row r="3">${formula}</row></sheetData>` };
    await expectSameAsExceljs(rawWorkbook({ sheets: [sheet], styles }));
    await expectSameAsExceljs(rawWorkbook({ sheets: [sheet], styles, workbookHead: '<workbookPr date1904="1"/>' }));
  });

  test('hidden rows, merges (reversed, single-cell, over values), rows out of order and repeated, active tab', async () => {
    const sheet = {
      name: 'Phụ lục',
      body:
        '<sheetData>' +
        '<row r="3" hidden="1"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c></row>' +
        '<row r="7" hidden="true"/><row r="9" hidden="0"><c r="B9"><v>5</v></c></row>' +
        '<row r="12"><c r="A12"><v>1</v></c></row><row r="12"><c r="B12"><v>2</v></c></row>' +
        '</sheetData><mergeCells count="4"><mergeCell ref="A1:C2"/><mergeCell ref="E5:D4"/><mergeCell ref="F1:F1"/><mergeCell ref="H20:I21"/></mergeCells>',
    };
    await expectSameAsExceljs(
      rawWorkbook({
        sheets: [{ name: 'Hướng dẫn', body: '<sheetData/>' }, sheet, { name: 'Ẩn', body: '<sheetData/>', state: 'hidden' }],
        workbookHead: '<bookViews><workbookView activeTab="1"/></bookViews>',
      }),
    );
  });
});

describe('any workbook exceljs writes', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Văn phòng Sở', 'Văn phòng Sở'.normalize('NFD'), ' Quý I/2024 ', 'a & b < c > "d" \'e\'', 'dòng 1\ndòng 2', 'x_x0041_y', '#REF!', ''),
  );
  const value = fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: text, weight: 3 },
    { arbitrary: fc.integer({ min: -1e6, max: 1e6 }), weight: 2 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!'), weight: 1 },
  );
  const cell = fc.record({
    value,
    numFmt: fc.constantFrom(undefined, undefined, 'dd/mm/yyyy', '0.00', '[h]:mm', '"Ngày" 0', 'mmm-yy', '@'),
    formula: fc.boolean(),
  });
  const sheet = fc.record({
    cells: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
    merges: fc.array(fc.tuple(fc.nat(9), fc.nat(7), fc.nat(2), fc.nat(2)), { maxLength: 4 }),
    hidden: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 3 }),
  });

  test('random cells, formats, formulas, merges and hidden rows read the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 2 }), fc.boolean(), async (sheets, date1904) => {
        const workbook = new ExcelJS.Workbook();
        workbook.properties.date1904 = date1904;
        sheets.forEach((spec, i) => {
          const ws = workbook.addWorksheet(`Trang ${i + 1}`);
          spec.cells.forEach((line, r) =>
            line.forEach((c, col) => {
              const cellRef = ws.getCell(r + 1, col + 1);
              const v = c.value;
              const stored = typeof v === 'string' && v.startsWith('#') && !v.includes(' ') && v.length < 9 && v !== '' ? { error: v } : v;
              // exceljs reads a formula whose result is 0 or FALSE as empty (stream.test.ts).
              const formula = c.formula && v !== null && v !== 0 && v !== false;
              if (formula) cellRef.value = { formula: 'A1', result: stored } as ExcelJS.CellFormulaValue;
              else if (stored !== null) cellRef.value = stored as ExcelJS.CellValue;
              // A formula's non-number result under a date format is where the readers differ on
              // purpose (stream.test.ts): exceljs loses it.
              const dateFormat = c.numFmt === 'dd/mm/yyyy' || c.numFmt === '[h]:mm' || c.numFmt === 'mmm-yy';
              if (c.numFmt && !(dateFormat && formula && typeof v !== 'number')) cellRef.numFmt = c.numFmt;
            }),
          );
          const taken = new Set<string>();
          for (const [top, left, height, width] of spec.merges) {
            const cells: string[] = [];
            for (let r = top; r <= top + height; r++) for (let c = left; c <= left + width; c++) cells.push(`${r}:${c}`);
            if (cells.length < 2 || cells.some((k) => taken.has(k))) continue;
            cells.forEach((k) => taken.add(k));
            ws.mergeCells(top + 1, left + 1, top + height + 1, left + width + 1);
          }
          for (const r of spec.hidden) ws.getRow(r).hidden = true;
        });
        await expectSameAsExceljs(Buffer.from(await workbook.xlsx.writeBuffer()));
      }),
      { numRuns: 40 },
    );
  });
});
