/**
 * The use cases over an in-memory WorkbookPort: what is refused and when (before or after the
 * analysis, before anything is written), the report's day worked out with one analysis, and a
 * write that waits until the caller applies it.
 */
import { analyzeSheet, type AnalyzeOptions } from '../../src/engine/analyze';
import type { ChangeSet, Grid } from '../../src/engine/model';
import { emptyWorkbookState, type WorkbookState } from '../../src/engine/settings';
import { prepareCheck, prepareReport, runCheck, runReport, type SheetSnapshot, type WorkbookPort } from '../../src/usecases';
import { toGrid, type PlanSheet } from '../../src/testing/plans';
import { engineWording } from '../../src/i18n/engine';
import { congThuongPlan } from '../fixtures/plans';
import { PLAN_2024 } from '../report/plan-fixture';

const AS_OF = '2024-06-01';

interface MemoryWorkbook extends WorkbookPort {
  applied: ChangeSet[];
  reads: { forWriting: boolean }[];
}

function memoryWorkbook(grid: Grid, extra: Partial<Omit<SheetSnapshot, 'grid'>> = {}): MemoryWorkbook {
  const applied: ChangeSet[] = [];
  const reads: { forWriting: boolean }[] = [];
  return {
    applied,
    reads,
    async readSheet(intent) {
      reads.push(intent);
      const state: WorkbookState = emptyWorkbookState();
      const sheet: SheetSnapshot = {
        sheetName: grid.sheetName,
        grid,
        state,
        stateProblem: null,
        protection: { sheet: false, structure: false },
        sheetNames: [grid.sheetName],
        ...extra,
      };
      return { ok: true, sheet };
    },
    async apply(changes) {
      applied.push(changes);
      return { skipped: [] };
    },
  };
}

/** The engine, counting its calls and keeping their options. */
function countingEngine() {
  const calls: AnalyzeOptions[] = [];
  const analyze = (grid: Grid, options: AnalyzeOptions) => {
    calls.push(options);
    return analyzeSheet(grid, options);
  };
  return { analyze, calls };
}

const appendix = () => toGrid(congThuongPlan.sheets[0]);

describe('runCheck', () => {
  test('reads for writing, analyses once, applies the analysis’ change set once', async () => {
    const workbook = memoryWorkbook(appendix());
    const engine = countingEngine();
    const steps: string[] = [];
    const result = await runCheck({ workbook, analyze: engine.analyze }, { asOf: AS_OF, lang: 'vi', write: true, onStep: (s) => steps.push(s) });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(workbook.reads).toEqual([{ forWriting: true }]);
    expect(engine.calls).toHaveLength(1);
    // The change set, with the record of the columns this check created (taking it back
    // removes only those).
    const created = ['status', 'doneDate', 'result', 'dueDate', 'check'];
    expect(workbook.applied).toEqual([{ ...result.analysis.changes, state: { ...emptyWorkbookState(), tracking: { 'Phụ lục': { created } } } }]);
    expect(steps).toEqual(['analyse', 'write']);
    expect(result.applied).toEqual({ skipped: [] });
  });

  test('without write: nothing applied, and the read says so', async () => {
    const workbook = memoryWorkbook(appendix());
    const result = await runCheck({ workbook }, { asOf: AS_OF, lang: 'vi', write: false });
    expect(result.ok && result.applied).toBeNull();
    expect(workbook.reads).toEqual([{ forWriting: false }]);
    expect(workbook.applied).toEqual([]);
  });

  test('a protected sheet is refused before the analysis when writing, and analysed when not', async () => {
    const engine = countingEngine();
    const locked = memoryWorkbook(appendix(), { protection: { sheet: true, structure: false } });
    expect(await runCheck({ workbook: locked, analyze: engine.analyze }, { asOf: AS_OF, lang: 'vi', write: true })).toEqual({
      ok: false,
      refusal: { code: 'protected-sheet', sheet: 'Phụ lục' },
    });
    expect(engine.calls).toHaveLength(0);
    expect((await runCheck({ workbook: locked, analyze: engine.analyze }, { asOf: AS_OF, lang: 'vi', write: false })).ok).toBe(true);
    expect(locked.applied).toEqual([]);
  });

  test('the engine’s failure is the refusal, in its own words', async () => {
    const grid = toGrid({ name: 'Ghi chép', rows: [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024'], ['Nâng cao chỉ số hài lòng.']] });
    const result = await runCheck({ workbook: memoryWorkbook(grid) }, { asOf: AS_OF, lang: 'en', write: true });
    expect(result).toEqual({ ok: false, refusal: { code: 'no-table', message: expect.stringMatching(/^No appendix task table found on sheet “Ghi chép”/) } });
  });

  test('a port that finds no sheet: its refusal, unchanged', async () => {
    const workbook: WorkbookPort = {
      readSheet: async () => ({ ok: false, refusal: { code: 'no-such-sheet', wanted: 'PL', sheetNames: ['A', 'B'] } }),
      apply: async () => ({ skipped: [] }),
    };
    expect(await runCheck({ workbook }, { asOf: AS_OF, lang: 'vi', write: true })).toEqual({ ok: false, refusal: { code: 'no-such-sheet', wanted: 'PL', sheetNames: ['A', 'B'] } });
  });

  test('--plan-year overrides the stored setting; the sheet’s stored correction is used', async () => {
    const workbook = memoryWorkbook(appendix(), { state: { ...emptyWorkbookState(), corrections: { 'Phụ lục': { I: 'note' } } } });
    const result = await runCheck({ workbook }, { asOf: AS_OF, lang: 'vi', planYear: 2031, write: false });
    if (!result.ok) throw new Error('refused');
    expect([result.analysis.planYear, result.analysis.planYearSource]).toEqual([2031, 'setting']);
    expect(result.analysis.table.corrected).toContain('note');
  });

  test('prepareCheck leaves the write pending until the caller applies it', async () => {
    const workbook = memoryWorkbook(appendix());
    const prepared = await prepareCheck({ workbook }, { asOf: AS_OF, lang: 'vi', write: true });
    if (!prepared.ok || prepared.write.state !== 'ready') throw new Error('not ready');
    expect(workbook.applied).toEqual([]);
    await prepared.write.apply();
    expect(workbook.applied).toEqual([{ ...prepared.analysis.changes, state: expect.anything() }]);
  });
});

describe('runReport', () => {
  const plan2024 = () => toGrid(PLAN_2024 as PlanSheet);

  test('no year, no day: the period’s cut-off in the plan’s year, with one analysis', async () => {
    const engine = countingEngine();
    const result = await runReport({ workbook: memoryWorkbook(plan2024()), analyze: engine.analyze }, { period: 'Q1', lang: 'vi', today: '2026-11-22', write: false });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(engine.calls).toHaveLength(1);
    expect([result.year, result.asOf, result.analysis.asOf]).toEqual([2024, '2024-03-14', '2024-03-14']);
    // The same as an analysis run on that day from the start.
    const direct = analyzeSheet(plan2024(), { asOf: '2024-03-14', wording: engineWording('vi'), settings: emptyWorkbookState().settings });
    expect(JSON.parse(JSON.stringify(result.analysis))).toEqual(JSON.parse(JSON.stringify(direct.ok && direct.analysis)));
    expect(result.report.model.asOf).toBe('2024-03-14');
    expect(result.report.model.madeOn).toBe('2026-11-22');
  });

  test('a plan that names no year: today’s year stands in', async () => {
    const grid = toGrid({
      name: 'PL',
      rows: [
        ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH'],
        [],
        ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian hoàn thành'],
        ['1', 'Rà soát thủ tục hành chính', 'Báo cáo', 'Văn phòng', 'Quý II'],
        ['2', 'Tập huấn nghiệp vụ', 'Hội nghị', 'Phòng Tổ chức', 'Tháng 9'],
      ],
    });
    const result = await runReport({ workbook: memoryWorkbook(grid) }, { period: 'H1', lang: 'vi', today: '2025-11-22', write: false });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect([result.analysis.planYearSource, result.year, result.asOf]).toEqual(['asOf', 2025, '2025-06-14']);
  });

  test('--year and --as-of are taken as given', async () => {
    const engine = countingEngine();
    const byYear = await runReport({ workbook: memoryWorkbook(plan2024()), analyze: engine.analyze }, { period: 'Q2', year: 2025, lang: 'vi', write: false });
    expect(byYear.ok && [byYear.year, byYear.asOf]).toEqual([2025, '2025-06-14']);
    const byDay = await runReport({ workbook: memoryWorkbook(plan2024()), analyze: engine.analyze }, { period: 'Q2', asOf: '2024-07-01', lang: 'vi', write: false });
    expect(byDay.ok && [byDay.year, byDay.asOf]).toEqual([2024, '2024-07-01']);
    expect(engine.calls.map((c) => [c.asOf, c.asOfForPlanYear])).toEqual([
      ['2025-06-14', undefined],
      ['2024-07-01', undefined],
    ]);
  });

  test('writes the report’s change set: the tracking block plus the report sheet', async () => {
    const workbook = memoryWorkbook(plan2024());
    const result = await runReport({ workbook }, { period: 'Q1', lang: 'vi', write: true });
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    expect(workbook.applied).toEqual([{ ...result.report.changes, state: expect.anything() }]);
    expect(result.report.changes.sheets.map((s) => s.name)).toEqual(['BC Quý I-2024']);
    expect(result.replaces).toBe(false);
  });

  test('a report sheet is refused before the analysis', async () => {
    const engine = countingEngine();
    const grid = toGrid({ name: 'BC Quý I-2024', rows: [[], ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024']] });
    expect(await runReport({ workbook: memoryWorkbook(grid), analyze: engine.analyze }, { period: 'Q1', lang: 'vi', write: false })).toEqual({
      ok: false,
      refusal: { code: 'report-sheet', sheet: 'BC Quý I-2024' },
    });
    expect(engine.calls).toHaveLength(0);
  });

  test('refusals to write come after the report is built, in order: own name, protection, confirmation', async () => {
    const own = toGrid({ ...(PLAN_2024 as PlanSheet), name: 'BC Quý I-2024' });
    const ownName = await prepareReport({ workbook: memoryWorkbook(own, { protection: { sheet: true, structure: true } }) }, { period: 'Q1', lang: 'vi', write: true });
    expect(ownName.ok && ownName.write).toEqual({ state: 'refused', refusal: { code: 'report-on-own-sheet', sheet: 'BC Quý I-2024' } });
    // Built all the same: the command line still prints the numbers.
    expect(ownName.ok && ownName.report.model.total.total).toBe(15);

    const locked = await prepareReport({ workbook: memoryWorkbook(plan2024(), { protection: { sheet: true, structure: false } }) }, { period: 'Q1', lang: 'vi', write: true });
    expect(locked.ok && locked.write).toEqual({ state: 'refused', refusal: { code: 'protected-sheet', sheet: 'Phụ lục' } });

    const structure = await runReport({ workbook: memoryWorkbook(plan2024(), { protection: { sheet: false, structure: true } }) }, { period: 'Q1', lang: 'vi', write: true });
    expect(structure).toEqual({ ok: false, refusal: { code: 'protected-workbook' } });
  });

  test('an existing sheet of the report’s name: replaced after confirmation, kept when declined, asked only then', async () => {
    const existing = { sheetNames: ['Phụ lục', 'bc quý i-2024'] };
    const declined = memoryWorkbook(plan2024(), existing);
    const no = jest.fn(async () => false);
    expect(await runReport({ workbook: declined }, { period: 'Q1', lang: 'vi', write: true, confirmReplace: no })).toEqual({
      ok: false,
      refusal: { code: 'report-cancelled', sheet: 'BC Quý I-2024' },
    });
    expect(no).toHaveBeenCalledWith('BC Quý I-2024');
    expect(declined.applied).toEqual([]);

    const accepted = memoryWorkbook(plan2024(), existing);
    const yes = jest.fn(async () => true);
    const result = await runReport({ workbook: accepted }, { period: 'Q1', lang: 'vi', write: true, confirmReplace: yes });
    expect(result.ok && result.replaces).toBe(true);
    expect(accepted.applied).toHaveLength(1);

    const fresh = jest.fn(async () => true);
    await runReport({ workbook: memoryWorkbook(plan2024()) }, { period: 'Q1', lang: 'vi', write: true, confirmReplace: fresh });
    expect(fresh).not.toHaveBeenCalled();
  });
});
