/**
 * The roll-up written into the open workbook by the Office.js host, over the fake Excel: every
 * consolidated sheet, its formulas and links, in a constant number of syncs whatever the number
 * of units, each request under Excel's 5 MB; existing sheets replaced only after asking.
 */
import { createExcelPlanHost } from '../../src/hosts/excel';
import { openWorkbookBytes } from '../../src/hosts/xlsx/open-bytes';
import type { FileRead } from '../../src/report/rollup';
import { createFakeExcel, PAYLOAD_LIMIT_BYTES } from '../../src/testing/fake-excel';
import { districtPlan, type PlanWorkbook } from '../../src/testing/plans';
import { xlsxBuffer } from '../../src/testing/plans/xlsx';
import { consolidate, unitReport } from '../../src/usecases';
import { PLAN_2024 } from '../report/plan-fixture';
import { COMMUNE, LEGACY_DISTRICT } from './units-fixture';

async function read(file: string, plan: PlanWorkbook): Promise<FileRead> {
  const workbook = await openWorkbookBytes(new Uint8Array(await xlsxBuffer(plan)));
  const result = await unitReport({ workbook }, { period: 'Q1', lang: 'vi', today: '2024-03-18', sha256: file.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a') });
  if (!result.ok) throw new Error(`${file} refused`);
  return { file, ok: true, unit: result.unit };
}

function seed() {
  return { sheets: [{ name: 'Trang tính 1', rows: [['Sổ tổng hợp của Sở Nội vụ']] }] };
}

async function sheetsOf(plans: [string, PlanWorkbook][]) {
  const files = [];
  for (const [file, plan] of plans) files.push(await read(file, plan));
  return consolidate(files, { period: 'Q1', lang: 'vi', madeOn: '2024-03-18' });
}

test('three units: every sheet written with its values, formulas and links; the user’s sheet untouched', async () => {
  const rollup = await sheetsOf([
    ['so-nn.xlsx', { sheets: [PLAN_2024] }],
    ['an-binh.xlsx', { sheets: [COMMUNE] }],
    ['song-may.xlsx', { sheets: [LEGACY_DISTRICT] }],
  ]);
  const excel = createFakeExcel(seed());
  const before = excel.dumpSheet('Trang tính 1');
  const confirmReplace = jest.fn(async () => true);
  const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang: 'vi', confirmReplace });
  expect(outcome).toEqual({ ok: true, written: rollup.sheets.map((s) => s.name), replaced: [] });
  expect(confirmReplace).not.toHaveBeenCalled();
  expect(excel.dump().sheets.map((s) => s.name)).toEqual(['Trang tính 1', ...rollup.sheets.map((s) => s.name)]);
  expect(excel.dumpSheet('Trang tính 1')).toEqual(before);

  const summary = excel.dumpSheet('Tổng hợp');
  const cells = Object.values(summary.cells);
  for (const u of rollup.json.units) expect(cells.map((c) => c.value)).toContain(u.unit);
  // Totals and rates are formulas; each unit's name links to its detail sheet.
  expect(cells.filter((c) => c.formula?.startsWith('=SUM(')).length).toBeGreaterThanOrEqual(3 + 8);
  expect(cells.filter((c) => c.formula?.includes('RANK(')).length).toBe(3);
  const links = cells.filter((c) => c.hyperlink).map((c) => c.hyperlink!.documentReference);
  expect(links).toEqual(rollup.model.units.map((u) => `'${u.sheetName}'!A1`));
  // The first consolidated sheet is shown.
  expect(excel.dump().activeSheet).toBe('Tổng hợp');
});

test('syncs stay the same from 3 to 30 units, each request under 5 MB', async () => {
  const syncsFor = async (units: number) => {
    const plans: [string, PlanWorkbook][] = [];
    for (let i = 0; i < units; i++) {
      const plan = districtPlan(40 + ((i * 37) % 161), { userFormatting: false });
      plan.sheet.rows[0] = [`ỦY BAN NHÂN DÂN XÃ SỐ ${i + 1}`];
      plans.push([`xa-${i + 1}.xlsx`, plan.workbook]);
    }
    const rollup = await sheetsOf(plans);
    const excel = createFakeExcel(seed());
    let reported: { readSyncs: number; writeSyncs: number } | null = null;
    const host = createExcelPlanHost(excel.run, { onSyncs: (info) => (reported = info) });
    excel.resetStats();
    const outcome = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', confirmReplace: async () => true });
    expect(outcome.ok).toBe(true);
    expect(excel.maxRequestBytes()).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(reported).toEqual({ operation: 'sheets', readSyncs: 1, writeSyncs: excel.stats.syncs - 1 });
    return excel.stats.syncs;
  };
  const few = await syncsFor(3);
  const many = await syncsFor(30);
  // One read, the writes in one request, one to show the summary.
  expect(few).toBe(3);
  expect(many).toBe(few);
}, 120_000);

test('sheets of the same names are replaced only after asking; refusing writes nothing', async () => {
  const rollup = await sheetsOf([['so-nn.xlsx', { sheets: [PLAN_2024] }]]);
  const excel = createFakeExcel({ sheets: [...seed().sheets, { name: 'Tổng hợp', rows: [['số liệu cũ']] }] });
  const before = excel.dump();
  const host = createExcelPlanHost(excel.run);
  const no = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', confirmReplace: async () => false });
  expect(no).toEqual({ ok: false, cancelled: true, message: 'Đã giữ nguyên các trang “Tổng hợp”; chưa ghi trang tổng hợp nào.' });
  expect(excel.dump()).toEqual(before);
  const asked = jest.fn(async () => true);
  const yes = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', confirmReplace: asked });
  expect(asked).toHaveBeenCalledWith(['Tổng hợp']);
  expect(yes).toMatchObject({ ok: true, replaced: ['Tổng hợp'] });
  expect(excel.dump().sheets.map((s) => s.name).slice(0, 2)).toEqual(['Trang tính 1', 'Tổng hợp']);
  expect(Object.values(excel.dumpSheet('Tổng hợp').cells).map((c) => c.value)).not.toContain('số liệu cũ');
});

test('a protected workbook: one sentence, nothing written', async () => {
  const rollup = await sheetsOf([['so-nn.xlsx', { sheets: [PLAN_2024] }]]);
  const excel = createFakeExcel({ ...seed(), structureProtected: true });
  const before = excel.dump();
  const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang: 'en', confirmReplace: async () => true });
  expect(outcome).toEqual({ ok: false, message: 'Excel refused to write because the sheet or the workbook is protected: unprotect it and try again. Nothing was written.' });
  expect(excel.dump()).toEqual(before);
});
