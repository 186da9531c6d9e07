/**
 * The roll-up written into the open workbook by the Office.js host, over the fake Excel: every
 * consolidated sheet, its formulas and links, in a constant number of syncs whatever the number
 * of units, each request under Excel's 5 MB; existing sheets replaced only after asking.
 */
import { parseWorkbookState } from '../../src/engine/settings';
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

/** The roll-up record stored in the fake workbook's state sheet. */
function recordOf(excel: ReturnType<typeof createFakeExcel>) {
  const a1 = excel.dumpSheet('CCHC_State').cells.A1?.value;
  return parseWorkbookState(typeof a1 === 'string' ? a1 : null).state.rollup;
}

/** A person typing into a cell, as Excel would take it. */
async function type(excel: ReturnType<typeof createFakeExcel>, sheet: string, address: string, value: string | number) {
  await excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await ctx.sync();
  });
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
  const confirm = jest.fn(async () => true);
  const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang: 'vi', madeOn: '2024-03-18', confirm });
  expect(outcome).toEqual({ ok: true, written: rollup.sheets.map((s) => s.name), replaced: [], removed: [] });
  expect(confirm).not.toHaveBeenCalled();
  // The add-in's very hidden state sheet records the roll-up's sheets.
  expect(excel.dump().sheets.map((s) => s.name)).toEqual(['Trang tính 1', ...rollup.sheets.map((s) => s.name), 'CCHC_State']);
  expect(recordOf(excel)?.sheets.map((s) => s.name)).toEqual(rollup.sheets.map((s) => s.name));
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
    const outcome = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', madeOn: '2024-03-18', confirm: async () => true });
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
  const no = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', madeOn: '2024-03-18', confirm: async () => false });
  expect(no).toEqual({ ok: false, cancelled: true, message: 'Đã giữ nguyên các trang “Tổng hợp”; chưa ghi trang tổng hợp nào.' });
  expect(excel.dump()).toEqual(before);
  const asked = jest.fn(async () => true);
  const yes = await host.writeSheets!({ sheets: rollup.sheets, lang: 'vi', madeOn: '2024-03-18', confirm: asked });
  expect(asked).toHaveBeenCalledWith({ replace: ['Tổng hợp'], remove: [] });
  expect(yes).toMatchObject({ ok: true, replaced: ['Tổng hợp'] });
  expect(excel.dump().sheets.map((s) => s.name).slice(0, 2)).toEqual(['Trang tính 1', 'Tổng hợp']);
  expect(Object.values(excel.dumpSheet('Tổng hợp').cells).map((c) => c.value)).not.toContain('số liệu cũ');
});

test('a protected workbook: one sentence, nothing written', async () => {
  const rollup = await sheetsOf([['so-nn.xlsx', { sheets: [PLAN_2024] }]]);
  const excel = createFakeExcel({ ...seed(), structureProtected: true });
  const before = excel.dump();
  const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang: 'en', madeOn: '2024-03-18', confirm: async () => true });
  expect(outcome).toEqual({ ok: false, message: 'Excel refused to write because the sheet or the workbook is protected: unprotect it and try again. Nothing was written.' });
  expect(excel.dump()).toEqual(before);
});

describe('a roll-up again in the same workbook', () => {
  const three: [string, PlanWorkbook][] = [
    ['so-nn.xlsx', { sheets: [PLAN_2024] }],
    ['an-binh.xlsx', { sheets: [COMMUNE] }],
    ['song-may.xlsx', { sheets: [LEGACY_DISTRICT] }],
  ];
  const one: [string, PlanWorkbook][] = [['an-binh.xlsx', { sheets: [COMMUNE] }]];
  const details = (names: string[]) => names.filter((n) => /^\d+\. /.test(n));

  /** The three units' roll-up written into a workbook that also holds two sheets of the user's,
   * one named like a detail sheet. */
  async function firstRun() {
    const first = await sheetsOf(three);
    const excel = createFakeExcel({ sheets: [...seed().sheets, { name: '4. Ghi chú', rows: [['ghi chú của người dùng']] }] });
    const host = createExcelPlanHost(excel.run);
    const outcome = await host.writeSheets!({ sheets: first.sheets, lang: 'vi', madeOn: '2024-03-18', confirm: async () => true });
    expect(outcome.ok).toBe(true);
    expect(details(first.sheets.map((s) => s.name))).toHaveLength(3);
    return { excel, first };
  }

  test('fewer units: the earlier detail sheets the tool wrote are removed without asking; the user’s sheets stay', async () => {
    const { excel, first } = await firstRun();
    const userSheets = ['Trang tính 1', '4. Ghi chú'].map((n) => excel.dumpSheet(n));
    const second = await sheetsOf(one);
    const confirm = jest.fn(async () => true);
    let syncs: unknown = null;
    const host = createExcelPlanHost(excel.run, { onSyncs: (info) => (syncs = info) });
    excel.resetStats();
    const outcome = await host.writeSheets!({ sheets: second.sheets, lang: 'vi', madeOn: '2024-06-18', confirm });
    expect(confirm).not.toHaveBeenCalled();
    const stale = first.sheets.map((s) => s.name).filter((n) => !second.sheets.some((s) => s.name === n));
    // The commune alone is line 1 now: all three earlier detail sheets go.
    expect(stale).toEqual(details(first.sheets.map((s) => s.name)));
    const kept = second.sheets.map((s) => s.name).filter((n) => first.sheets.some((s) => s.name === n));
    expect(kept).toEqual(['Tổng hợp', 'Theo lĩnh vực', 'Quá hạn', 'Chất lượng dữ liệu', 'Danh sách tệp']);
    expect(outcome).toEqual({ ok: true, written: second.sheets.map((s) => s.name), replaced: kept, removed: stale });
    const names = excel.dump().sheets.map((s) => s.name);
    expect(names).toEqual(['Trang tính 1', '4. Ghi chú', ...second.sheets.map((s) => s.name), 'CCHC_State']);
    expect(details(names)).toEqual(['4. Ghi chú', ...details(second.sheets.map((s) => s.name))]);
    expect(['Trang tính 1', '4. Ghi chú'].map((n) => excel.dumpSheet(n))).toEqual(userSheets);
    // The record now lists the second roll-up's sheets only.
    expect(recordOf(excel)).toMatchObject({ madeOn: '2024-06-18', sheets: second.sheets.map((s) => expect.objectContaining({ name: s.name })) });
    // Tabs and record, the sheets read back, the writes, the summary shown.
    expect(syncs).toEqual({ operation: 'sheets', readSyncs: 3, writeSyncs: 2 });
    expect(excel.stats.syncs).toBe(5);
  });

  test('an earlier detail sheet edited since: asked before it is removed; "no" leaves the workbook as it was', async () => {
    const { excel, first } = await firstRun();
    const second = await sheetsOf(one);
    const stale = first.sheets.map((s) => s.name).filter((n) => !second.sheets.some((s) => s.name === n));
    await type(excel, stale[1], 'B30', 'Đã đối chiếu với đơn vị ngày 20/3');
    const before = excel.dump();
    const host = createExcelPlanHost(excel.run);
    const no = jest.fn(async () => false);
    const refused = await host.writeSheets!({ sheets: second.sheets, lang: 'vi', madeOn: '2024-06-18', confirm: no });
    expect(no).toHaveBeenCalledWith({ replace: [], remove: [stale[1]] });
    expect(refused).toEqual({ ok: false, cancelled: true, message: `Đã giữ nguyên các trang “${stale[1]}”; chưa ghi trang tổng hợp nào.` });
    expect(excel.dump()).toEqual(before);

    const yes = await host.writeSheets!({ sheets: second.sheets, lang: 'vi', madeOn: '2024-06-18', confirm: async () => true });
    expect(yes).toMatchObject({ ok: true, removed: stale });
    expect(excel.dump().sheets.map((s) => s.name)).not.toContain(stale[1]);
  });

  test('a consolidated sheet edited since is replaced only after asking; one left as written is not asked about', async () => {
    const { excel, first } = await firstRun();
    await type(excel, 'Tổng hợp', 'C9', 12);
    const asked = jest.fn(async () => true);
    // The same three units again: nothing to remove, every sheet replaced.
    const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: first.sheets, lang: 'vi', madeOn: '2024-03-19', confirm: asked });
    expect(asked).toHaveBeenCalledWith({ replace: ['Tổng hợp'], remove: [] });
    expect(outcome).toMatchObject({ ok: true, replaced: first.sheets.map((s) => s.name), removed: [] });
    // Written again as the tool left it: a third run asks nothing.
    const third = jest.fn(async () => true);
    await createExcelPlanHost(excel.run).writeSheets!({ sheets: first.sheets, lang: 'vi', madeOn: '2024-03-20', confirm: third });
    expect(third).not.toHaveBeenCalled();
  });

  test('a sheet the record lists but the user renamed is the user’s: never removed', async () => {
    const { excel, first } = await firstRun();
    const second = await sheetsOf(one);
    const stale = first.sheets.map((s) => s.name).filter((n) => !second.sheets.some((s) => s.name === n));
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(stale[0]).name = 'Bản lưu quý I';
      await ctx.sync();
    });
    const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: second.sheets, lang: 'vi', madeOn: '2024-06-18', confirm: async () => true });
    expect(outcome).toMatchObject({ ok: true, removed: stale.slice(1) });
    expect(excel.dump().sheets.map((s) => s.name)).toContain('Bản lưu quý I');
  });
});

test('a damaged state is left as it is: nothing recorded, nothing removed, the sheets of the same names asked about', async () => {
  const rollup = await sheetsOf([['so-nn.xlsx', { sheets: [PLAN_2024] }]]);
  const excel = createFakeExcel({
    sheets: [...seed().sheets, { name: 'Tổng hợp', rows: [['số liệu cũ']] }, { name: '2. UBND XÃ CŨ', rows: [['chi tiết cũ']] }, { name: 'CCHC_State', rows: [['{ không phải JSON']], visibility: 'VeryHidden' }],
  });
  const asked = jest.fn(async () => true);
  const outcome = await createExcelPlanHost(excel.run).writeSheets!({ sheets: rollup.sheets, lang: 'vi', madeOn: '2024-03-18', confirm: asked });
  expect(asked).toHaveBeenCalledWith({ replace: ['Tổng hợp'], remove: [] });
  expect(outcome).toMatchObject({ ok: true, removed: [] });
  expect(excel.dump().sheets.map((s) => s.name)).toContain('2. UBND XÃ CŨ');
  expect(excel.dumpSheet('CCHC_State').cells.A1?.value).toBe('{ không phải JSON');
});
