/**
 * The as-of cell through the Office.js host over the fake Excel: the check writes =TODAY() or
 * the fixed day, readAsOf tells which, setAsOf changes it in place — each in 2 syncs whatever
 * the row count — and a sheet never checked is neither read nor written.
 */
import { createExcelPlanHost } from '../../../src/hosts/excel';
import { a1 } from '../../../src/engine/a1';
import { isoToSerial } from '../../../src/engine/dates';
import { createFakeExcel, type FakeExcel } from '../../../src/testing/fake-excel';
import { districtPlan, DISTRICT_SHEET, toFakeSeed } from '../../../src/testing/plans';
import { congThuongPlan } from '../../fixtures/plans';

const SHEET = 'Phụ lục';

async function checked(excel: FakeExcel, request: { asOf: string; fixAsOf?: boolean }) {
  const outcome = await createExcelPlanHost(excel.run).check({ lang: 'vi', ...request });
  if (!outcome.ok) throw new Error(outcome.message);
  const cell = outcome.analysis.tracking.asOfCell!;
  return { analysis: outcome.analysis, address: a1(cell.row, cell.col) };
}

describe('the as-of cell through the Office.js host', () => {
  test('a sheet never checked has none: readAsOf is null, setAsOf writes nothing', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const host = createExcelPlanHost(excel.run);
    const before = excel.dump();
    expect(await host.readAsOf()).toBeNull();
    expect(await host.setAsOf({ mode: 'fixed', day: '2024-10-15' })).toBe(false);
    expect(excel.dump()).toEqual(before);
  });

  test('checked live, the cell holds =TODAY(); set to a day it holds that day, set back it is live again', async () => {
    const excel = createFakeExcel(toFakeSeed(congThuongPlan));
    const host = createExcelPlanHost(excel.run);
    const { address } = await checked(excel, { asOf: '2024-06-01' });
    expect(await host.readAsOf()).toEqual({ mode: 'live' });

    expect(await host.setAsOf({ mode: 'fixed', day: '2024-10-15' })).toBe(true);
    const fixed = excel.dumpSheet(SHEET).cells[address];
    expect([fixed.value, fixed.formula, fixed.numberFormat]).toEqual([isoToSerial('2024-10-15'), null, 'dd/mm/yyyy']);
    expect(await host.readAsOf()).toEqual({ mode: 'fixed', day: '2024-10-15' });

    expect(await host.setAsOf({ mode: 'live' })).toBe(true);
    expect(excel.dumpSheet(SHEET).cells[address].formula).toBe('=TODAY()');
    expect(await host.readAsOf()).toEqual({ mode: 'live' });
  });

  test('a check with a fixed day writes that day (1904 date system too), a check without it goes back to live', async () => {
    const excel = createFakeExcel({ ...toFakeSeed(congThuongPlan), date1904: true });
    const host = createExcelPlanHost(excel.run);
    const { address } = await checked(excel, { asOf: '2024-12-14', fixAsOf: true });
    expect(excel.dumpSheet(SHEET).cells[address].value).toBe(isoToSerial('2024-12-14', true));
    expect(await host.readAsOf()).toEqual({ mode: 'fixed', day: '2024-12-14' });
    await checked(excel, { asOf: '2024-06-01' });
    expect(await host.readAsOf()).toEqual({ mode: 'live' });
  });

  test('reading and setting take 2 syncs each, for 100 rows as for 20,000', async () => {
    const counts: number[][] = [];
    for (const rows of [100, 20_000]) {
      const excel = createFakeExcel(toFakeSeed(districtPlan(rows).workbook));
      excel.state.activeSheet = DISTRICT_SHEET;
      await checked(excel, { asOf: '2024-06-01' });
      const host = createExcelPlanHost(excel.run);
      excel.resetStats();
      await host.readAsOf();
      const read = excel.stats.syncs;
      excel.resetStats();
      await host.setAsOf({ mode: 'fixed', day: '2024-09-14' });
      counts.push([read, excel.stats.syncs]);
    }
    expect(counts).toEqual([
      [2, 2],
      [2, 2],
    ]);
  });
});
