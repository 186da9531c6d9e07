/**
 * The support information: read over the fake Excel (nothing written), with the sheet's size and
 * merged areas counted in blocks under Excel's 512, the newest ExcelApi set, and the last error.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ADDIN_VERSION, ErrorLog, collectSupportInfo, createExcelPlanHost, supportLines, supportText } from '../../../src/hosts/excel';
import { syntheticPlan, toFakeSeed } from '../../../src/testing/plans';
import { createFakeExcel } from '../../../src/testing/fake-excel';

const plan = syntheticPlan(760).sheet;
const seed = toFakeSeed({ sheets: [plan] });
const mergedAreas = plan.merges?.length ?? 0;
const office = { host: 'Excel', platform: 'OfficeOnline', version: '16.0.18025.40510' };
const now = () => new Date('2024-05-15T08:30:00Z');

test('collects Office, API sets, the sheet with its merged areas and the last error; writes nothing', async () => {
  const excel = createFakeExcel(seed, { supportedExcelApi: '1.17' });
  const errors = new ErrorLog();
  const before = excel.dump();
  excel.failSync(1, 'GeneralException', 'There was an internal error while processing the request.');
  await createExcelPlanHost(excel.run, { errors, isSetSupported: excel.isSetSupported }).inspect({ asOf: '2024-05-15', lang: 'vi' });
  const info = await collectSupportInfo({ run: excel.run, isSetSupported: excel.isSetSupported, office, errors, userAgent: 'Mozilla/5.0 (test)', now });
  expect(info).toMatchObject({
    addinVersion: ADDIN_VERSION,
    office,
    excelApi: '1.17',
    sheet: { name: 'Phụ lục', usedRange: `A1:I${plan.rows.length}`, rows: plan.rows.length, columns: 9, mergedAreas: mergedAreas },
    sheetError: null,
    lastError: { code: 'GeneralException', message: 'There was an internal error while processing the request.' },
    collectedAt: '2024-05-15T08:30:00.000Z',
  });
  expect(info.otherSets.map((s) => s.name)).toEqual(['SharedRuntime', 'DialogApi', 'RibbonApi']);
  expect(excel.stats.maxMergedAreas).toBeLessThanOrEqual(512);
  expect(excel.dump()).toEqual(before);

  const vi = supportText(info, 'vi');
  expect(vi.split('\n')[0]).toBe('Thông tin hỗ trợ — Kiểm tra kế hoạch CCHC');
  expect(vi).toContain(`Trang tính: Phụ lục — A1:I${plan.rows.length} (${plan.rows.length} dòng × 9 cột), ${mergedAreas} vùng gộp`);
  expect(vi).toContain('ExcelApi: 1.17 (cần 1.13)');
  expect(vi).toContain('Lỗi gần nhất: 2');
  expect(vi).toContain('debugInfo: {"code":"GeneralException"');
  expect(vi).toBe(vi.normalize('NFC'));
  const en = supportLines(info, 'en');
  expect(en.map((l) => l.label)).toEqual(['Add-in version', 'Office', 'ExcelApi', 'SharedRuntime 1.1', 'DialogApi 1.1', 'RibbonApi 1.1', 'Sheet', 'Last error', 'debugInfo', 'Browser', 'Collected at']);
});

test('an old Excel and a sheet that cannot be read are said, not thrown', async () => {
  const excel = createFakeExcel(seed, { supportedExcelApi: '1.8' });
  excel.startCellEdit();
  const info = await collectSupportInfo({ run: excel.run, isSetSupported: excel.isSetSupported, office: null, errors: new ErrorLog(), userAgent: 'x', now });
  expect(info.excelApi).toBe('1.8');
  expect(info.sheet).toBeNull();
  expect(info.sheetError).toMatch(/^InvalidOperation: .*cell-edit mode/);
  const en = supportText(info, 'en');
  expect(en).toContain('ExcelApi: 1.8 (needs 1.13)');
  expect(en).toContain('Office: unknown');
  expect(en).toContain('Last error: none');
});

test('the add-in version shown is the manifest’s', () => {
  const manifest = fs.readFileSync(path.resolve(__dirname, '../../../manifest.xml'), 'utf8');
  expect(/<Version>([^<]+)<\/Version>/.exec(manifest)?.[1]).toBe(ADDIN_VERSION);
});
