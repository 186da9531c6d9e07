/**
 * Everything the engine recognises from the command line it recognises inside Excel: the same
 * workbooks through the exceljs host (a real .xlsx, read back) and through the Office.js host
 * (the fake Excel) give the same Analysis — table, rows, deadlines, issues and change set.
 */
import ExcelJS from 'exceljs';
import { analyzeSheet } from '../../src/engine/analyze';
import type { Analysis } from '../../src/engine/model';
import { createExcelPlanHost } from '../../src/hosts/excel';
import { readWorkbook } from '../../src/hosts/xlsx';
import { engineWording } from '../../src/i18n/engine';
import { createFakeExcel } from '../../src/testing/fake-excel';
import { districtPlan, toFakeSeed, type PlanWorkbook } from '../../src/testing/plans';
import { xlsxBuffer } from '../../src/testing/plans/xlsx';
import { congThuongPlan, huyenPlan, khoaHocPlan, taiNguyenPlan, trackedPlan } from '../fixtures/plans';
import { planWorkbook } from './xlsx/fixtures/plan-tnmt';

const AS_OF = '2024-06-01';

async function viaXlsx(fixture: PlanWorkbook, sheet: string, lang: 'vi' | 'en'): Promise<Analysis> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await xlsxBuffer(fixture)) as unknown as ExcelJS.Buffer);
  const read = readWorkbook(workbook);
  const found = read.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  const result = analyzeSheet(found.grid, { asOf: AS_OF, wording: engineWording(lang), settings: read.state.settings });
  if (!result.ok) throw new Error(result.failure.message);
  return result.analysis;
}

async function viaExcel(fixture: PlanWorkbook, sheet: string, lang: 'vi' | 'en'): Promise<Analysis> {
  // The fake takes values, merges, hidden rows, dates and formulas; xlsx-only styling is left out.
  const excel = createFakeExcel({ ...toFakeSeed(fixture), activeSheet: sheet });
  const outcome = await createExcelPlanHost(excel.run).inspect({ asOf: AS_OF, lang });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.analysis;
}

const cases: [string, PlanWorkbook, string][] = [
  ['numbered four-column-group layout', congThuongPlan, 'Phụ lục'],
  ['district layout on the second sheet', huyenPlan, 'Phụ lục'],
  ['technology department layout', khoaHocPlan, 'Sheet1'],
  ['layout with a hidden row', taiNguyenPlan, 'PL nhiệm vụ'],
  ['plan with its own progress columns', trackedPlan, 'Theo dõi'],
  ['two-row header, dates, formula, error value', planWorkbook(), 'Phụ lục'],
  ['the same in the 1904 date system', planWorkbook({ date1904: true }), 'Phụ lục'],
  ['a generated 400-task appendix', districtPlan(400, { userFormatting: false }).workbook, 'Phụ lục KH'],
];

describe('the same workbook through the command line host and the Excel host', () => {
  test.each(cases)('%s: identical analysis', async (_name, fixture, sheet) => {
    const [cli, excel] = await Promise.all([viaXlsx(fixture, sheet, 'vi'), viaExcel(fixture, sheet, 'vi')]);
    expect(cli.summary.tasks).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(excel))).toEqual(JSON.parse(JSON.stringify(cli)));
  });

  test('in English too', async () => {
    const fixture = planWorkbook();
    const [cli, excel] = await Promise.all([viaXlsx(fixture, 'Phụ lục', 'en'), viaExcel(fixture, 'Phụ lục', 'en')]);
    expect(excel.tasks.flatMap((t) => t.issues.map((i) => i.message))).toEqual(cli.tasks.flatMap((t) => t.issues.map((i) => i.message)));
    expect(JSON.parse(JSON.stringify(excel))).toEqual(JSON.parse(JSON.stringify(cli)));
  });
});
