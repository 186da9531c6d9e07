/**
 * One lock for the task pane and the ribbon: a ribbon click while the pane is checking must not
 * start a second, interleaved write (both would find no rules or names of ours and both add theirs).
 * And the last Excel error is kept, code and debug info, for the support information.
 */
import { createExcelPlanHost, ErrorLog, WorkbookLock, type ExcelRun } from '../../../src/hosts/excel';
import { CF_TAG } from '../../../src/engine/tracking';
import { createFakeExcel, type FakeWorkbookSeed } from '../../../src/testing/fake-excel';
import { congThuongPlan } from '../../fixtures/plans';

const AS_OF = '2024-06-01';

async function twoChecksAtOnce(lock?: WorkbookLock) {
  const excel = createFakeExcel(congThuongPlan as FakeWorkbookSeed);
  const pane = createExcelPlanHost(excel.run, { lock });
  const ribbonRun: ExcelRun = (batch) => excel.run({ delayForCellEdit: true }, batch);
  const ribbon = createExcelPlanHost(ribbonRun, { lock });
  const [a, b] = await Promise.all([pane.check({ asOf: AS_OF, lang: 'en' }), ribbon.check({ asOf: AS_OF, lang: 'en' })]);
  const tagged = excel.dumpSheet('Phụ lục').conditionalFormats.filter((c) => (c.formula ?? '').includes(CF_TAG));
  return { a, b, tagged: tagged.length, rules: a.ok ? a.analysis.changes.conditionalFormats.rules.length : -1 };
}

describe('the workbook lock', () => {
  test('without it, two checks at once collide (the bug it prevents): both found no as-of name, the second fails adding it', async () => {
    const { a, b } = await twoChecksAtOnce();
    expect(a.ok).toBe(true);
    expect(b.ok ? '' : b.message).toMatch(/^Excel reported an error \(ItemAlreadyExists\): A resource with the same name or identifier already exists\./);
  });

  test('with one lock shared by the pane and the ribbon, the second check waits: one set of rules', async () => {
    const lock = new WorkbookLock();
    const seen: boolean[] = [];
    lock.subscribe((busy) => seen.push(busy));
    const { a, b, tagged, rules } = await twoChecksAtOnce(lock);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(tagged).toBe(rules);
    expect(lock.busy).toBe(false);
    expect(seen).toEqual([true, false]);
  });

  test('watch(owner) tells when that owner’s batches run or wait, not anyone else’s', async () => {
    const lock = new WorkbookLock();
    const ribbon: boolean[] = [];
    lock.watch('ribbon', (busy) => ribbon.push(busy));
    let release = () => {};
    const pane = lock.run(() => new Promise<void>((resolve) => (release = resolve)), 'pane');
    await Promise.resolve();
    const first = lock.run(async () => 1, 'ribbon');
    const second = lock.run(async () => 2, 'ribbon');
    // Waiting behind the pane's batch counts: the ribbon's click is queued, not lost.
    expect(ribbon).toEqual([false, true]);
    release();
    await expect(Promise.all([pane, first, second])).resolves.toEqual([undefined, 1, 2]);
    await Promise.resolve();
    expect(ribbon).toEqual([false, true, false]);
    expect(lock.busy).toBe(false);
  });

  test('a batch that fails releases the lock for the next one', async () => {
    const lock = new WorkbookLock();
    const failing = lock.run(async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(lock.run(async () => 42)).resolves.toBe(42);
    expect(lock.busy).toBe(false);
  });
});

test('the last Excel error is kept with its Office.js code and debug info', async () => {
  const excel = createFakeExcel(congThuongPlan as FakeWorkbookSeed);
  const errors = new ErrorLog();
  const host = createExcelPlanHost(excel.run, { errors });
  expect(errors.last).toBeNull();
  excel.failSync(3, 'GeneralException', 'There was an internal error while processing the request.');
  const outcome = await host.check({ asOf: AS_OF, lang: 'en' });
  expect(outcome.ok).toBe(false);
  expect(errors.last).toMatchObject({ code: 'GeneralException', message: 'There was an internal error while processing the request.' });
  expect(JSON.parse(errors.last!.debugInfo!)).toMatchObject({ code: 'GeneralException' });
  expect(errors.last!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
});
