/**
 * The report built the way the product builds it: a plan grid → analyzeSheet → buildReport.
 * Every expected class, count and day count below is worked out by hand from the table in
 * plan-fixture.ts (D = the period's "data to" day).
 */
import { analyzeSheet } from '../../src/engine/analyze';
import type { Analysis } from '../../src/engine/model';
import { engineWording } from '../../src/i18n/engine';
import { buildReport, reportJson, TASK_CLASSES, type PeriodId, type TaskClass } from '../../src/report';
import { reportJsonSchema } from '../../src/contract/report-json';
import { toGrid } from '../../src/testing/plans';
import { parseA1Range } from '../../src/engine/a1';
import { cellAddress, SheetEvaluator } from './formula-eval';
import { ALIASES, APPENDIX_SHEET, PLAN_2024 } from './plan-fixture';

function analyse(asOf: string): Analysis {
  const result = analyzeSheet(toGrid(PLAN_2024), { asOf, wording: engineWording('vi'), settings: { unitAliases: ALIASES } });
  if (!result.ok) throw new Error(`analyzeSheet failed: ${result.failure.message}`);
  return result.analysis;
}

function report(period: PeriodId, opts: { aliases?: boolean; asOf?: string } = {}) {
  const analysis = analyse(opts.asOf ?? '2024-11-22');
  return buildReport(analysis, {
    period,
    year: 2024,
    asOf: opts.asOf,
    lang: 'vi',
    madeOn: '2024-11-22',
    settings: { unitAliases: opts.aliases === false ? [] : ALIASES },
  });
}

/** Excel row of each task T1…T15. */
const ROW = { T1: 9, T2: 10, T3: 11, T4: 13, T5: 14, T6: 15, T7: 16, T8: 18, T9: 19, T10: 20, T11: 22, T12: 23, T13: 24, T14: 26, T15: 27 } as const;
type T = keyof typeof ROW;

// Classes by hand. Q1: D = 14/03/2024; Q2 and H1: 14/06/2024; Q3: 14/09/2024; Q4 and Y: 14/12/2024.
const Q1: Record<T, TaskClass> = {
  T1: 'doneOnTime', // done 25/01 ≤ 31/01
  T2: 'doneLate', // done 05/03 > 29/02
  T3: 'inProgress', // due 31/03 ≥ D
  T4: 'inProgress', // recurring, due 31/12
  T5: 'overdue', // due 29/02 < D, blank status
  T6: 'notDue', // due 30/06, unknown status
  T7: 'notFixed', // event
  T8: 'inProgress', // milestones, final due 31/12
  T9: 'notFixed', // reference, done only on 10/05 (after D)
  T10: 'notDue', // due 30/09, blank
  T11: 'inProgress', // done 28/06, after D: under way on D, due 30/06 ≥ D
  T12: 'notDue', // due 31/12, blank
  T13: 'notFixed', // unparsed
  T14: 'inProgress', // due 30/09
  T15: 'doneOnTime', // done, no done-date
};
const Q2: Record<T, TaskClass> = { ...Q1, T3: 'overdue', T9: 'doneOnTime' /* done 10/05 ≤ D, no due */ };
const Q3: Record<T, TaskClass> = { ...Q2, T6: 'overdue', T11: 'doneOnTime' /* 28/06 ≤ 30/06 */ };
const Q4: Record<T, TaskClass> = { ...Q3, T10: 'overdue', T14: 'overdue' };
const BY_PERIOD: Record<PeriodId, Record<T, TaskClass>> = { Q1, Q2, H1: Q2, Q3, Q4, Y: Q4 };

// Totals by hand (doneOnTime, doneLate, inProgress, overdue, notDue, notFixed).
const TOTALS: Record<PeriodId, [number, number, number, number, number, number]> = {
  Q1: [2, 1, 5, 1, 3, 3],
  Q2: [3, 1, 4, 2, 3, 2],
  H1: [3, 1, 4, 2, 3, 2],
  Q3: [4, 1, 3, 3, 2, 2],
  Q4: [4, 1, 2, 5, 1, 2],
  Y: [4, 1, 2, 5, 1, 2],
};

// Overdue lists by hand: [task, days late], most late first, ties in plan order.
const OVERDUE: Record<PeriodId, [T, number][]> = {
  Q1: [['T5', 14]], // 29/02 → 14/03
  Q2: [['T5', 106], ['T3', 75]], // 29/02 → 14/06 = 31+30+31+14; 31/03 → 14/06 = 30+31+14
  H1: [['T5', 106], ['T3', 75]],
  Q3: [['T5', 198], ['T3', 167], ['T6', 76]], // + 92 (15/06 → 14/09); 30/06 → 14/09 = 31+31+14
  Q4: [['T5', 289], ['T3', 258], ['T6', 167], ['T10', 75], ['T14', 75]], // + 91; 30/09 → 14/12 = 31+30+14
  Y: [['T5', 289], ['T3', 258], ['T6', 167], ['T10', 75], ['T14', 75]],
};

// Due in the next period by hand: [task, days left].
const UPCOMING: Record<PeriodId, [T, number][]> = {
  Q1: [['T3', 17]], // window 15/03–14/06/2024: 31/03 only (T6, T11 due 30/06)
  Q2: [['T6', 16], ['T11', 16]], // window 15/06–14/09: the two 30/06 tasks
  H1: [['T6', 16], ['T11', 16]],
  Q3: [['T10', 16], ['T14', 16]], // window 15/09–14/12: the two 30/09 tasks
  Q4: [['T4', 17], ['T8', 17], ['T12', 17]], // window 15/12/2024–14/03/2025: the 31/12 tasks
  Y: [['T4', 17], ['T8', 17], ['T12', 17]],
};

const PERIODS: PeriodId[] = ['Q1', 'Q2', 'H1', 'Q3', 'Q4', 'Y'];

describe.each(PERIODS)('period %s 2024 through analyzeSheet', (period) => {
  const { model, sheet } = report(period);

  test('every task in exactly one class, as worked out by hand', () => {
    const byRow = new Map(model.tasks.map((t) => [t.row, t.cls]));
    expect(model.tasks).toHaveLength(15);
    for (const [task, row] of Object.entries(ROW) as [T, number][]) expect([task, byRow.get(row)]).toEqual([task, BY_PERIOD[period][task]]);
  });

  test('totals', () => {
    const [doneOnTime, doneLate, inProgress, overdue, notDue, notFixed] = TOTALS[period];
    expect(model.total).toEqual({ total: 15, doneOnTime, doneLate, done: doneOnTime + doneLate, inProgress, overdue, notDue, notFixed });
  });

  test('overdue list, most late first', () => {
    expect(model.overdue.map((t) => [t.row, t.daysLate])).toEqual(OVERDUE[period].map(([t, days]) => [ROW[t], days]));
  });

  test('due in the next period', () => {
    expect(model.upcoming.map((t) => [t.row, t.daysLeft])).toEqual(UPCOMING[period].map(([t, days]) => [ROW[t], days]));
  });

  test('the sheet\'s formulas evaluate to the same totals', () => {
    const ev = new SheetEvaluator(sheet);
    const totalsRow = sheet.cells.find((c) => c.value === 'Tổng cộng')!.row + 1;
    const [doneOnTime, doneLate, inProgress, overdue, notDue, notFixed] = TOTALS[period];
    expect(['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => ev.value(`${c}${totalsRow}`))).toEqual([
      doneOnTime, doneLate, inProgress, overdue, notDue, notFixed, 15, doneOnTime + doneLate,
    ]);
    expect(ev.value(`K${totalsRow}`)).toBeCloseTo((doneOnTime + doneLate) / 15);
    // Each area row's formulas agree with the model's counts for that area.
    for (const s of model.bySection) {
      const r = sheet.cells.find((c) => c.col === 1 && c.value === s.title)!.row + 1;
      expect([ev.value(`I${r}`), ev.value(`J${r}`)]).toEqual([s.counts.total, s.counts.done]);
    }
  });

  test('JSON matches the contract', () => {
    const json = reportJson(model, 'ke-hoach-2024.xlsx');
    expect(reportJsonSchema.parse(json)).toEqual(json);
    expect(json.total.total).toBe(15);
  });
});

describe('by reform area and by lead unit (hand counts)', () => {
  const counts = (doneOnTime: number, doneLate: number, inProgress: number, overdue: number, notDue: number, notFixed: number) => ({
    total: doneOnTime + doneLate + inProgress + overdue + notDue + notFixed,
    doneOnTime, doneLate, done: doneOnTime + doneLate, inProgress, overdue, notDue, notFixed,
  });

  test('Q1 by area, in plan order', () => {
    expect(report('Q1').model.bySection.map((s) => [s.section, s.title, s.counts])).toEqual([
      ['I', 'CẢI CÁCH THỂ CHẾ', counts(1, 1, 1, 0, 0, 0)], // T1 T2 T3
      ['II', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', counts(0, 0, 1, 1, 1, 1)], // T4 T5 T6 T7
      ['III', 'CẢI CÁCH TỔ CHỨC BỘ MÁY', counts(0, 0, 1, 0, 1, 1)], // T8 T10 T9
      ['IV', 'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', counts(0, 0, 1, 0, 1, 1)], // T11 T12 T13
      ['V', 'CẢI CÁCH TÀI CHÍNH CÔNG', counts(1, 0, 1, 0, 0, 0)], // T15 T14
    ]);
  });

  test('Q4 by area', () => {
    expect(report('Q4').model.bySection.map((s) => s.counts)).toEqual([
      counts(1, 1, 0, 1, 0, 0), // T1 T2 T3
      counts(0, 0, 1, 2, 0, 1), // T4; T5 T6; T7
      counts(1, 0, 1, 1, 0, 0), // T9; T8; T10
      counts(1, 0, 0, 0, 1, 1), // T11; T12; T13
      counts(1, 0, 0, 1, 0, 0), // T15; T14
    ]);
  });

  test('Q1 by lead unit: aliases and case merge, two-unit cells count twice, no lead last', () => {
    const { model } = report('Q1');
    expect(model.byLead.map((u) => [u.lead, u.counts])).toEqual([
      ['Thanh tra Sở', counts(1, 0, 0, 0, 0, 0)], // T1
      ['Văn phòng Sở', counts(0, 1, 3, 1, 1, 1)], // T2; T3 T4 T11; T5; T12; T7
      ['Chi cục Thủy lợi', counts(0, 0, 0, 1, 0, 0)], // T5
      ['Trung tâm Khuyến nông', counts(0, 0, 0, 0, 1, 0)], // T6
      ['Phòng Tổ chức cán bộ', counts(0, 0, 2, 0, 0, 2)], // T8 T11; T9 T13
      ['Phòng Kế hoạch - Tài chính', counts(1, 0, 1, 0, 0, 0)], // T15; T14
      [null, counts(0, 0, 0, 0, 1, 0)], // T10
    ]);
    // 15 tasks, two of them (T5, T11) with two units.
    expect(model.byLead.reduce((n, u) => n + u.counts.total, 0)).toBe(17);
    expect(model.leadTotalsExceedPlan).toBe(true);
    const vp = model.byLead[1];
    expect(vp.spellings).toEqual(expect.arrayContaining(['Văn phòng Sở', 'văn phòng sở', 'Văn phòng']));
  });

  test('without the alias list, "Văn phòng" stays apart but "văn phòng  sở" still merges', () => {
    const byLead = new Map(report('Q1', { aliases: false }).model.byLead.map((u) => [u.lead, u.counts.total]));
    expect(byLead.get('Văn phòng Sở')).toBe(6); // T2 T3 T5 T7 T11 T12
    expect(byLead.get('Văn phòng')).toBe(1); // T4
  });

  test('the by-lead table\'s formulas total 17 and the note is under it', () => {
    const { sheet } = report('Q1');
    const ev = new SheetEvaluator(sheet);
    const totalsRows = sheet.cells.filter((c) => c.value === 'Tổng cộng').map((c) => c.row + 1);
    expect(totalsRows).toHaveLength(2);
    expect(ev.value(`I${totalsRows[0]}`)).toBe(15);
    expect(ev.value(`I${totalsRows[1]}`)).toBe(17);
    expect(String(sheet.cells.find((c) => cellAddress(c) === `A${totalsRows[1] + 1}`)?.value)).toMatch(/^Ghi chú/);
  });
});

describe('data quality, links, words', () => {
  const { model, sheet } = report('Q1');

  test('rows whose lead or deadline failed validation, with codes and reasons', () => {
    const rows = model.dataQuality.map((q) => q.row);
    expect(rows).toEqual([ROW.T7, ROW.T9, ROW.T10, ROW.T13]);
    const codes = new Map(model.dataQuality.map((q) => [q.row, q.codes]));
    expect(codes.get(ROW.T7)).toContain('deadline-not-fixed');
    expect(codes.get(ROW.T9)).toContain('deadline-not-fixed');
    expect(codes.get(ROW.T10)).toContain('lead-missing');
    expect(codes.get(ROW.T13)).toContain('deadline-unparsed');
    for (const q of model.dataQuality) {
      expect(q.reasons).toHaveLength(q.codes.length);
      for (const r of q.reasons) expect(r.length).toBeGreaterThan(5);
    }
  });

  test('list cells link back to the task\'s row in the appendix', () => {
    const overdueCell = sheet.cells.find((c) => c.value === 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực thủy lợi');
    const { top, left } = parseA1Range(`B${ROW.T5}`);
    expect(overdueCell?.link).toEqual({ sheet: APPENDIX_SHEET, row: top, col: left });
  });

  test('title block names the agency, the period and its dates', () => {
    const text = sheet.cells.map((c) => String(c.value ?? '')).join('\n');
    expect(text).toContain('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
    expect(text).toContain('Số: …/BC-SNN');
    expect(text).toContain('BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính quý I năm 2024');
    expect(text).toContain('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
    expect(text).toContain('20/03/2024');
    expect(sheet.name).toBe('BC Quý I-2024');
  });

  test('English report of the half-year', () => {
    const en = buildReport(analyse('2024-06-14'), { period: 'H1', year: 2024, lang: 'en', madeOn: '2024-06-18' });
    const text = en.sheet.cells.map((c) => String(c.value ?? '')).join('\n');
    expect(text).toContain('REPORT\nResults of administrative reform work: first half of 2024');
    expect(text).toContain('(Data from 15/12/2023 to 14/06/2024)');
    expect(en.sheet.name).toBe('Report H1-2024');
    for (const cls of TASK_CLASSES) expect(text).not.toContain(`${cls}`);
  });

  test('an as-of date inside the period reclassifies: Q1 judged on 01/02/2024', () => {
    const { model: early } = report('Q1', { asOf: '2024-02-01' });
    // T1 done 25/01 ≤ D; T2 (due 29/02) done only on 05/03 → under way on D; T5 not yet due.
    const byRow = new Map(early.tasks.map((t) => [t.row, t.cls]));
    expect(byRow.get(ROW.T1)).toBe('doneOnTime');
    expect(byRow.get(ROW.T2)).toBe('inProgress');
    expect(byRow.get(ROW.T5)).toBe('notDue');
    expect(early.overdue).toEqual([]);
    // The window runs from 02/02 to the end of Q2 2024: T2, T5 (29/02), T3 (31/03), then T6, T11 are 30/06 — outside.
    expect(early.upcoming.map((t) => t.row)).toEqual([ROW.T2, ROW.T5, ROW.T3]);
  });
});
