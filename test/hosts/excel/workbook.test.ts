/**
 * The rest of the Office.js host: what it reads (merges, hidden rows, the 1904 date system, the
 * stored state), the state it saves in the very hidden sheet, select(), and the report sheet.
 */
import { createExcelPlanHost, readActiveSheet } from '../../../src/hosts/excel';
import { STATE_SHEET_NAME, defaultSettings } from '../../../src/engine/settings';
import { createFakeExcel } from '../../../src/testing/fake-excel';
import { toFakeSeed, toGrid } from '../../../src/testing/plans';
import { congThuongPlan, taiNguyenPlan, khoaHocPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';

describe('reading the active sheet', () => {
  test.each([
    ['merged titles and sections', congThuongPlan],
    ['a hidden row', taiNguyenPlan],
    ['no merges', khoaHocPlan],
  ])('%s: the grid holds what the fixture says, merges and hidden rows included', async (_n, fixture) => {
    const excel = createFakeExcel(toFakeSeed(fixture));
    const read = await excel.run((ctx) => readActiveSheet(ctx, { withConditionalFormats: false }));
    const expected = toGrid(fixture.sheets[0]);
    expect(read.grid.sheetName).toBe(expected.sheetName);
    expect(read.grid.hiddenRows).toEqual(expected.hiddenRows);
    const rect = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(read.grid.merges.map(rect).sort()).toEqual(expected.merges.map(rect).sort());
    // Same cells, Excel's "" for empty against the fixture's ragged rows.
    const at = (g: typeof expected, r: number, c: number) => {
      const v = g.values[r - g.origin.row]?.[c - g.origin.col];
      return v === null || v === undefined ? '' : v;
    };
    const rows = Math.max(expected.values.length, read.grid.origin.row + read.grid.values.length);
    for (let r = 0; r < rows; r++) for (let c = 0; c < 12; c++) expect([r, c, at(read.grid, r, c)]).toEqual([r, c, at(expected, r, c)]);
    expect(read.syncs).toBe(2);
  });

  test('the 1904 date system is detected without writing anything', async () => {
    const seed = toFakeSeed(khoaHocPlan);
    const plain = createFakeExcel(seed);
    const mac = createFakeExcel({ ...seed, date1904: true });
    const read = (excel: ReturnType<typeof createFakeExcel>) => excel.run((ctx) => readActiveSheet(ctx, { withConditionalFormats: false }));
    expect((await read(plain)).grid.date1904).toBe(false);
    expect((await read(mac)).grid.date1904).toBe(true);
    expect(mac.dump()).toEqual(createFakeExcel({ ...seed, date1904: true }).dump());
  });

  test('a blank sheet reads as an empty grid', async () => {
    const excel = createFakeExcel({ sheets: [{ name: 'Trống', rows: [] }] });
    const read = await excel.run((ctx) => readActiveSheet(ctx, { withConditionalFormats: true }));
    expect(read.grid.values).toEqual([]);
  });
});

describe('stored state', () => {
  test('settings and corrections go to A1 of a very hidden sheet as text, and come back', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const host = createExcelPlanHost(excel.run);
    expect(await host.loadState()).toEqual({ version: 1, corrections: {}, settings: defaultSettings(), tracking: {} });

    await host.saveSettings({ ...defaultSettings(), dueSoonDays: 14, extraDeliverables: ['Bản tin'] });
    await host.saveCorrection('Phụ lục', { I: 'note' });
    const state = await host.loadState();
    expect(state.settings.dueSoonDays).toBe(14);
    expect(state.settings.extraDeliverables).toEqual(['Bản tin']);
    expect(state.corrections).toEqual({ 'Phụ lục': { I: 'note' } });

    const sheet = excel.dumpSheet(STATE_SHEET_NAME);
    expect(sheet.visibility).toBe('VeryHidden');
    expect(sheet.cells.A1.numberFormat).toBe('@');
    expect(JSON.parse(String(sheet.cells.A1.value))).toEqual(state);
    expect(excel.dump().activeSheet).toBe('Phụ lục');
  });

  test('check() applies the stored correction for the sheet', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const host = createExcelPlanHost(excel.run);
    await host.saveCorrection('Phụ lục', { I: 'note' });
    const outcome = await host.check({ asOf: AS_OF, lang: 'vi' });
    expect(outcome.ok && outcome.analysis.table.columns.note).toBe(8);
    expect(outcome.ok && outcome.analysis.table.corrected).toContain('note');
  });

  test('damaged stored state gives the defaults, not a failure', async () => {
    const seed = toFakeSeed(congThuongPlan);
    seed.sheets.push({ name: STATE_SHEET_NAME, rows: [['{ không phải JSON']], visibility: 'VeryHidden' });
    const excel = createFakeExcel(seed);
    const host = createExcelPlanHost(excel.run);
    expect((await host.loadState()).settings).toEqual(defaultSettings());
    expect((await host.check({ asOf: AS_OF, lang: 'vi' })).ok).toBe(true);
  });
});

describe('select()', () => {
  test('activates the sheet and selects the cell', async () => {
    const seed = toFakeSeed(congThuongPlan);
    seed.sheets.push({ name: 'Ghi chép', rows: [['x']] });
    seed.activeSheet = 'Ghi chép';
    const excel = createFakeExcel(seed);
    await createExcelPlanHost(excel.run).select('Phụ lục', 'C12');
    expect(excel.dump().activeSheet).toBe('Phụ lục');
    expect(excel.dump().selection).toEqual({ sheet: 'Phụ lục', address: 'C12' });
  });

  test('a sheet that is not there is a clear error', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    await expect(createExcelPlanHost(excel.run).select('Không có', 'A1')).rejects.toThrow('Không có trang tính “Không có”. / There is no sheet “Không có”.');
  });
});

describe('buildReport()', () => {
  const request = (confirm: boolean | (() => boolean) = true) => ({
    period: 'Q2' as const,
    year: 2024,
    lang: 'vi' as const,
    confirmReplace: jest.fn(async () => (typeof confirm === 'function' ? confirm() : confirm)),
  });

  test('builds the report sheet: the document\'s parts, values, formulas, links back, merges, print setup, chart', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const req = request();
    const outcome = await createExcelPlanHost(excel.run).buildReport(req);
    expect(outcome).toEqual({ ok: true, sheetName: 'BC Quý II-2024', replaced: false });
    expect(req.confirmReplace).not.toHaveBeenCalled();
    const sheet = excel.dumpSheet('BC Quý II-2024');
    const texts = Object.values(sheet.cells).map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý II năm 2024', 'Nơi nhận:']));
    const times = Object.values(sheet.cells).filter((c) => c.value !== '');
    expect(times.every((c) => c.style.fontName === 'Times New Roman')).toBe(true);
    const formulas = Object.values(sheet.cells).filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThan(5);
    expect(formulas.every((c) => c.formula!.startsWith('=') && !/^=[-+]/.test(c.formula!))).toBe(true);
    const links = Object.values(sheet.cells).filter((c) => c.hyperlink);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((c) => /^'Phụ lục'!A?[A-Z]\d+$/.test(c.hyperlink!.documentReference!))).toBe(true);
    expect(sheet.merges.length).toBeGreaterThan(0);
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: null, zoom: { horizontalFitToPages: 1 } });
    expect(sheet.pageLayout.margins.left).toBeCloseTo(85.04);
    expect(sheet.pageLayout.headersFooters.defaultForAllPages.centerHeader).toContain('&P');
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: 'BarStacked', seriesBy: 'Columns' });
    // The report is written after the tracking block: the appendix has it too.
    expect(Object.keys(excel.dumpSheet('Phụ lục').cells)).toContain('N5');
  });

  test('the document\'s details typed in the pane go into the sheet: governing agency, place, signer, recipients', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const document = { governingAgency: 'UBND tỉnh Nam Hà', place: 'Nam Hà', docSymbol: 'SCT', signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', signerName: 'Phạm Văn Đức', recipients: ['Sở Nội vụ'] };
    const outcome = await createExcelPlanHost(excel.run).buildReport({ ...request(), document });
    expect(outcome).toMatchObject({ ok: true });
    const texts = Object.values(excel.dumpSheet('BC Quý II-2024').cells).map((c) => c.value);
    expect(texts).toEqual(expect.arrayContaining(['UBND TỈNH NAM HÀ', 'Số: …/BC-SCT', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Phạm Văn Đức', '- Sở Nội vụ;', '- Lưu: VT.']));
    expect(texts.some((v) => typeof v === 'string' && v.startsWith('Nam Hà, ngày … tháng … năm '))).toBe(true);
  });

  test('an existing report sheet is replaced only after confirmation, in its place', async () => {
    const seed = toFakeSeed(congThuongPlan);
    seed.sheets.push({ name: 'BC Quý II-2024', rows: [['bản cũ']] }, { name: 'Sau cùng', rows: [['y']] });
    const excel = createFakeExcel(seed);
    const host = createExcelPlanHost(excel.run);
    const before = excel.dump();

    const refused = request(false);
    expect(await host.buildReport(refused)).toEqual({ ok: false, cancelled: true, message: 'Đã hủy: trang tính “BC Quý II-2024” được giữ nguyên.' });
    expect(refused.confirmReplace).toHaveBeenCalledWith('BC Quý II-2024');
    expect(excel.dump()).toEqual(before);

    expect(await host.buildReport(request(true))).toEqual({ ok: true, sheetName: 'BC Quý II-2024', replaced: true });
    expect(excel.dump().sheets.filter((s) => s.visibility !== 'VeryHidden').map((s) => s.name)).toEqual(['Phụ lục', 'BC Quý II-2024', 'Sau cùng']);
    expect(Object.values(excel.dumpSheet('BC Quý II-2024').cells).map((c) => c.value)).not.toContain('bản cũ');
    expect(excel.dumpSheet('Sau cùng')).toEqual(before.sheets[2]);
  });

  test('a workbook whose structure is protected: refused before anything is written', async () => {
    const excel = createFakeExcel({ ...toFakeSeed(congThuongPlan), structureProtected: true });
    const before = excel.dump();
    const outcome = await createExcelPlanHost(excel.run).buildReport({ ...request(), lang: 'en' });
    expect(outcome).toEqual({ ok: false, message: 'Excel refused to write because the sheet or the workbook is protected: unprotect it and try again. Nothing was written.' });
    expect(excel.dump()).toEqual(before);
  });
});
