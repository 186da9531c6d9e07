/**
 * The Office.js host's check() over the fake Excel: the tracking block and highlights land where
 * the change set says and nowhere else, a second run replaces rather than adds, syncs do not
 * grow with rows, oversized sheets are read and written in pieces under 5 MB, and every refusal
 * (protected sheet, Excel error, old Excel) is one clear sentence with nothing written.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { a1, columnLetter, parseA1Range } from '../../../src/engine/a1';
import { isoToSerial } from '../../../src/engine/dates';
import { CF_TAG, doneListFormula, helperFormula } from '../../../src/engine/tracking';
import type { Analysis } from '../../../src/engine/model';
import { createFakeExcel, PAYLOAD_LIMIT_BYTES, type FakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { districtPlan, DISTRICT_SHEET, toFakeSeed } from '../../../src/testing/plans';
import { congThuongPlan, khoaHocPlan, taiNguyenPlan, trackedPlan } from '../../fixtures/plans';
import { ownedCells, ownedColumns, userView } from './helpers';

const AS_OF = '2024-06-01';

function withUserFormatting(seed: FakeWorkbookSeed): FakeWorkbookSeed {
  // The fixtures are plain grids; give the appendix the things a real one carries.
  const copy: FakeWorkbookSeed = JSON.parse(JSON.stringify(seed));
  const sheet = copy.sheets[0];
  sheet.styles = { A1: { bold: true, fontSize: 14 }, B7: { fill: '#FFFF00' }, 'A5:I5': { bold: true, borderBottom: true } };
  sheet.comments = { C7: 'Xem lại với Văn phòng Sở' };
  sheet.conditionalFormats = [{ appliesTo: 'F6:F30', formula: '=LEN($F6)=0', fill: '#F8CBAD', fontColor: '#000000' }];
  sheet.numberFormats = { 'H7:H30': '@' };
  sheet.columnWidths = { B: 160, C: 200 };
  return copy;
}

async function check(excel: FakeExcel, lang: 'vi' | 'en' = 'vi') {
  const host = createExcelPlanHost(excel.run);
  return host.check({ asOf: AS_OF, lang });
}

function analysisOf(outcome: Awaited<ReturnType<typeof check>>): Analysis {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.analysis;
}

describe('check(): the tracking block and highlights', () => {
  test.each([
    ['four-level numbered layout', congThuongPlan],
    ['technology department layout', khoaHocPlan],
    ['layout with a hidden row', taiNguyenPlan],
  ])('%s: the change set is written, and every cell of the user is unchanged, value and format', async (_name, fixture) => {
    const seed = withUserFormatting(toFakeSeed(fixture));
    const excel = createFakeExcel(seed);
    const sheetName = seed.sheets[0].name;
    const before = excel.dumpSheet(sheetName);
    const analysis = analysisOf(await check(excel));
    const after = excel.dumpSheet(sheetName);

    const owned = ownedCells(analysis.changes);
    const cols = ownedColumns(analysis.changes);
    expect(userView(after, owned, cols, CF_TAG)).toEqual(userView(before, owned, cols, CF_TAG));

    // Hạn chót holds each task's due date as a date serial; Kiểm tra names its problems.
    const col = analysis.tracking.columns;
    const letter = (c: number) => String.fromCharCode(65 + c);
    for (const t of analysis.tasks) {
      const due = after.cells[`${letter(col.dueDate)}${t.row + 1}`];
      if (t.deadline.due) expect(due.value).toBe(isoToSerial(t.deadline.due, false));
      else expect(due?.value ?? '').toBe('');
      expect(due?.numberFormat).toBe('dd/mm/yyyy');
    }
    const withIssue = analysis.tasks.find((t) => t.issues.some((i) => i.code === 'lead-missing'));
    if (withIssue) expect(String(after.cells[`${letter(col.check)}${withIssue.row + 1}`].value)).toMatch(/chủ trì/i);
    // The status drop-down, as a warning so other wordings stay allowed.
    const status = after.validations.find((v) => v.address.startsWith(letter(col.status)));
    expect(status?.rule).toEqual({ list: { inCellDropDown: true, source: 'Chưa thực hiện,Đang thực hiện,Hoàn thành' } });
    expect(status?.errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    // Our rules first, in the change set's order; the user's rule after them.
    const rules = after.conditionalFormats;
    const ours = analysis.changes.conditionalFormats.rules.length;
    expect(rules.slice(0, ours).map((r) => r.formula)).toEqual(analysis.changes.conditionalFormats.rules.map((r) => r.formula));
    expect(rules.slice(0, ours).map((r) => [r.fill, r.fontColor, r.stopIfTrue])).toEqual(analysis.changes.conditionalFormats.rules.map((r) => [r.fill, r.fontColor, r.stopIfTrue]));
    expect(rules[ours]).toMatchObject({ formula: '=LEN($F6)=0', fill: '#F8CBAD' });
  });

  test('a second run leaves one tracking block and one set of rules, and keeps the user’s own rule', async () => {
    const excel = createFakeExcel(withUserFormatting(toFakeSeed(congThuongPlan)));
    const first = analysisOf(await check(excel));
    const afterFirst = excel.dumpSheet('Phụ lục');
    // Staff fill in a status between the runs.
    const statusCell = `${String.fromCharCode(65 + first.tracking.columns.status)}7`;
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange(statusCell).values = [['Hoàn thành']];
      await ctx.sync();
    });
    const second = analysisOf(await check(excel));
    const afterSecond = excel.dumpSheet('Phụ lục');

    expect(second.tracking.reused).toBe(true);
    expect(second.tracking.columns).toEqual(first.tracking.columns);
    const tagged = afterSecond.conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG));
    expect(tagged).toHaveLength(first.changes.conditionalFormats.rules.length);
    expect(afterSecond.conditionalFormats.filter((c) => !(c.formula ?? '').includes(CF_TAG))).toEqual(afterFirst.conditionalFormats.filter((c) => !(c.formula ?? '').includes(CF_TAG)));
    expect(afterSecond.conditionalFormats).toHaveLength(afterFirst.conditionalFormats.length);
    // No second block: nothing right of the first block (its hidden helper column included).
    const lastCol = Math.max(...Object.values(first.tracking.columns), first.tracking.helper ?? -1);
    const beyond = Object.keys(afterSecond.cells).filter((a) => a.charCodeAt(0) - 65 > lastCol && /^[A-Z]\d/.test(a));
    expect(beyond).toEqual([]);
    expect(afterSecond.cells[statusCell].value).toBe('Hoàn thành');
    expect(afterSecond.validations).toEqual(afterFirst.validations);
  });

  test('the as-of cell (=TODAY()), the hidden helper column and the sheet\'s two names are written as the file writers write them, once', async () => {
    const excel = createFakeExcel(withUserFormatting(toFakeSeed(congThuongPlan)));
    const first = analysisOf(await check(excel));
    const afterFirst = excel.dumpSheet('Phụ lục');
    const { asOfCell, helper, columns } = first.tracking;
    const at = (row: number, col: number) => afterFirst.cells[a1(row, col)];
    expect(at(asOfCell!.row, asOfCell!.col)).toMatchObject({ formula: '=TODAY()', numberFormat: 'dd/mm/yyyy' });
    expect(at(asOfCell!.row, asOfCell!.col - 1).value).toBe('Tính đến ngày');
    const headerRow = first.table.headerRows[first.table.headerRows.length - 1];
    expect(at(headerRow, helper!).value).toBe('Mã tình trạng');
    expect(afterFirst.hiddenColumns).toEqual([columnLetter(helper!)]);
    for (let row = first.table.firstRow; row <= first.table.lastRow; row++) {
      expect(at(row, helper!).formula).toBe(helperFormula(a1(row, columns.status, 'col')));
    }
    expect(afterFirst.names).toEqual([
      { name: 'CCHC_AsOf', refersTo: `='Phụ lục'!${a1(asOfCell!.row, asOfCell!.col, 'both')}` },
      { name: 'CCHC_Done', refersTo: doneListFormula() },
    ]);
    // The highlights read the as-of cell through its name.
    expect(afterFirst.conditionalFormats.some((c) => (c.formula ?? '').includes('<CCHC_AsOf'))).toBe(true);
    // Checked again: the names are replaced, not added twice; the sheet is the same.
    analysisOf(await check(excel));
    expect(excel.dumpSheet('Phụ lục')).toEqual(afterFirst);
  });

  test('an existing progress block of the plan is reused, its user values untouched', async () => {
    const excel = createFakeExcel(toFakeSeed(trackedPlan));
    const before = excel.dumpSheet('Theo dõi');
    const analysis = analysisOf(await check(excel));
    const after = excel.dumpSheet('Theo dõi');
    expect(analysis.tracking.reused).toBe(true);
    for (const a of ['G4', 'G5', 'H4', 'H7']) expect(after.cells[a]).toEqual(before.cells[a]);
  });

  test('inspect() analyses and writes nothing', async () => {
    const excel = createFakeExcel(withUserFormatting(toFakeSeed(congThuongPlan)));
    const before = excel.dump();
    const outcome = await createExcelPlanHost(excel.run).inspect({ asOf: AS_OF, lang: 'en' });
    expect(outcome.ok).toBe(true);
    expect(excel.dump()).toEqual(before);
    expect(excel.stats.requests.every((r) => r.requestBytes < 5_000)).toBe(true);
  });

  test('a sheet without an appendix gives the engine’s sentence and nothing is written', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Kế hoạch', rows: [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], ['I. MỤC TIÊU'], ['Nâng cao chỉ số hài lòng của người dân.']] }] });
    const before = excel.dump();
    const outcome = await check(excel);
    expect(outcome).toEqual({ ok: false, message: expect.stringMatching(/Không tìm thấy bảng phụ lục/) });
    expect(excel.dump()).toEqual(before);
  });
});

describe('check(): syncs and payload', () => {
  test('100 and 20,000 rows take the same number of syncs (read 2, write 1)', async () => {
    const counts: number[] = [];
    const bytes: number[] = [];
    for (const rows of [100, 20_000]) {
      const excel = createFakeExcel(toFakeSeed(districtPlan(rows).workbook));
      const analysis = analysisOf(await check(excel));
      expect(analysis.summary.tasks).toBe(rows);
      counts.push(excel.stats.syncs);
      bytes.push(excel.stats.requests.reduce((n, r) => n + r.responseBytes, 0));
      expect(excel.maxRequestBytes()).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(excel.maxResponseBytes()).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
    expect(counts).toEqual([3, 3]);
    // The premise: 20,000 rows of this plan are ~3 MB of values, under one sync's budget.
    expect(bytes[1]).toBeGreaterThan(2_000_000);
    expect(bytes[1]).toBeLessThan(4_500_000);
  }, 60_000);

  test('a sheet whose values pass 5 MB is read in pieces, each under the limit, and checked', async () => {
    const excel = createFakeExcel(toFakeSeed(districtPlan(20_000, { long: true }).workbook));
    const analysis = analysisOf(await check(excel));
    expect(analysis.summary.tasks).toBe(20_000);
    const totalRead = excel.stats.requests.reduce((n, r) => n + r.responseBytes, 0);
    expect(totalRead).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.requests.every((r) => r.failed === null)).toBe(true);
    expect(excel.maxResponseBytes()).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // 2 read syncs + one per further 4.5 MB of values, 1 write sync.
    expect(excel.stats.syncs).toBe(4);
    const last = excel.dumpSheet(DISTRICT_SHEET);
    const dueCol = String.fromCharCode(65 + analysis.tracking.columns.dueDate);
    const lastTask = analysis.tasks[analysis.tasks.length - 1];
    expect(last.cells[`${dueCol}${lastTask.row + 1}`]?.value ?? '').toBe(lastTask.deadline.due ? isoToSerial(lastTask.deadline.due, false) : '');
  }, 60_000);

  test('with a small limit, reads and writes are both split into several syncs and give the same sheet', async () => {
    const seed = toFakeSeed(districtPlan(3_000).workbook);
    const whole = createFakeExcel(seed);
    analysisOf(await check(whole));
    // Same logic at a smaller scale: Excel refusing anything over 150 kB, our budget 120 kB.
    const pieces = createFakeExcel(seed, { payloadLimitBytes: 150_000 });
    let writes = 0;
    const host = createExcelPlanHost(pieces.run, { budgetBytes: 120_000, onSyncs: (info) => (writes = info.writeSyncs) });
    const outcome = await host.check({ asOf: AS_OF, lang: 'vi' });
    expect(outcome.ok).toBe(true);
    expect(pieces.stats.requests.every((r) => r.failed === null && r.requestBytes <= 150_000 && r.responseBytes <= 150_000)).toBe(true);
    expect(writes).toBeGreaterThan(1);
    expect(pieces.stats.syncs).toBeGreaterThan(whole.stats.syncs);
    expect(pieces.dumpSheet(DISTRICT_SHEET)).toEqual(whole.dumpSheet(DISTRICT_SHEET));
  }, 60_000);
});

describe('check(): refusals write nothing', () => {
  test('a protected sheet: one clear sentence, no write sent, the workbook unchanged', async () => {
    const seed = withUserFormatting(toFakeSeed(congThuongPlan));
    seed.sheets[0].protected = true;
    const excel = createFakeExcel(seed);
    const before = excel.dump();
    const vi = await check(excel, 'vi');
    expect(vi).toEqual({ ok: false, message: 'Trang tính “Phụ lục” đang được bảo vệ: hãy bỏ bảo vệ trang tính (Xem lại › Bỏ bảo vệ trang tính) rồi kiểm tra lại. Chưa có gì được ghi.' });
    const en = await check(excel, 'en');
    expect(en.ok ? '' : en.message).toMatch(/^Sheet “Phụ lục” is protected: .*Nothing was written\.$/);
    expect(excel.dump()).toEqual(before);
    expect(excel.stats.requests.every((r) => r.requestBytes < 5_000)).toBe(true);
  });

  test('an Excel error on the write sync: a clear sentence, nothing written', async () => {
    const excel = createFakeExcel(withUserFormatting(toFakeSeed(congThuongPlan)));
    const before = excel.dump();
    // Read takes two syncs; the third (the write) fails as Excel would when busy.
    excel.failSync(3, 'GeneralException', 'There was an internal error while processing the request.');
    const outcome = await check(excel, 'vi');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toBe(
      'Excel báo lỗi (GeneralException): There was an internal error while processing the request. Có thể một phần khối theo dõi đã được ghi trước khi lỗi xảy ra: hãy khắc phục rồi bấm Kiểm tra lại để hoàn tất.',
    );
    expect(excel.dump()).toEqual(before);
    // Checking again once Excel is fine completes the block.
    expect((await check(excel)).ok).toBe(true);
  });

  test('an error while reading: nothing written, and said so', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    excel.failSync(1, 'InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    const outcome = await check(excel, 'en');
    expect(outcome).toEqual({ ok: false, message: 'Excel is editing a cell: press Enter or Esc and try again. Nothing was written.' });
  });

  test('an Excel older than ExcelApi 1.13: said in Vietnamese and English, no call made', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan), { supportedExcelApi: '1.8' });
    const host = createExcelPlanHost(excel.run, { isSetSupported: excel.isSetSupported });
    const vi = await host.check({ asOf: AS_OF, lang: 'vi' });
    const en = await host.inspect({ asOf: AS_OF, lang: 'en' });
    expect(vi.ok ? '' : vi.message).toMatch(/^Phiên bản Excel này chưa hỗ trợ ExcelApi 1\.13, nên không đọc được ô gộp/);
    expect(en.ok ? '' : en.message).toMatch(/^This version of Excel does not support ExcelApi 1\.13.*Nothing was written\.$/);
    expect(excel.stats.syncs).toBe(0);
  });

  test('text the engine writes stays text even when Excel would parse it', async () => {
    // A hand-made change set through the executor: a formula-looking, a date-looking and a
    // dash-led text (a list of outputs) must land as text, not as a formula or a date.
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const analyze = () => ({
      ok: true as const,
      analysis: {
        tracking: { columns: {}, reused: false },
        changes: {
          sheet: 'Phụ lục',
          writes: [{ range: parseA1Range('K7:M7'), values: [['=SUM(A1:A3)', '01/03/2024', '- Công văn - Quyết định']] }],
          formats: [],
          validations: [],
          conditionalFormats: { tag: CF_TAG, rules: [] },
          sheets: [],
        },
      } as unknown as Analysis,
    });
    const host = createExcelPlanHost(excel.run, { analyze });
    expect((await host.check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
    const cells = excel.dumpSheet('Phụ lục').cells;
    expect([cells.K7.value, cells.L7.value, cells.M7.value]).toEqual(['=SUM(A1:A3)', '01/03/2024', '- Công văn - Quyết định']);
    expect([cells.K7.formula, cells.L7.formula, cells.M7.formula]).toEqual([null, null, null]);
    expect(cells.K7.numberFormat).toBe('@');
  });

  test('a change set that does not fit its addresses is refused before anything is sent', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const before = excel.dump();
    const analyze = () => ({
      ok: true as const,
      analysis: {
        tracking: { columns: {}, reused: false },
        changes: { sheet: 'Phụ lục', writes: [{ range: parseA1Range('K7:K9'), values: [['a'], ['b']] }], formats: [], validations: [], conditionalFormats: { tag: CF_TAG, rules: [] }, sheets: [] },
      } as unknown as Analysis,
    });
    const outcome = await createExcelPlanHost(excel.run, { analyze }).check({ asOf: AS_OF, lang: 'en' });
    expect(outcome.ok ? '' : outcome.message).toBe('The add-in produced an invalid change (values: K7:K9 needs 3×1 values); this is a bug in the add-in, please report it. Nothing was written.');
    expect(excel.dump()).toEqual(before);
    expect(excel.stats.syncs).toBe(2);
  });
});
