import {
  nextPeriod,
  periodDueNext,
  reviewCutOff,
  periodTitleWords,
  PERIOD_IDS,
  periodWords,
  reportSheetName,
  resolvePeriod,
  safeSheetName,
  upcomingWindow,
} from '../../src/report/periods';
import { DEFAULT_PERIODS, settingsSchema, type PeriodDef } from '../../src/engine/settings';

describe('official periods (report.md table)', () => {
  test.each([
    // period, year, from, to, due — read off report.md's table
    ['Q1', 2024, '2023-12-15', '2024-03-14', '2024-03-20'],
    ['Q2', 2024, '2024-03-15', '2024-06-14', '2024-06-20'],
    ['H1', 2024, '2023-12-15', '2024-06-14', '2024-06-20'],
    ['Q3', 2024, '2024-06-15', '2024-09-14', '2024-09-20'],
    ['Q4', 2024, '2024-09-15', '2024-12-14', '2024-12-20'],
    ['Y', 2024, '2023-12-15', '2024-12-14', '2024-12-20'],
    ['Q1', 2025, '2024-12-15', '2025-03-14', '2025-03-20'],
    ['Y', 2000, '1999-12-15', '2000-12-14', '2000-12-20'],
  ] as const)('%s %i runs %s – %s, due %s', (id, year, from, to, due) => {
    expect(resolvePeriod(id, year)).toEqual({ id, year, from, to, due });
  });

  test('the period table is a setting: a province with its own dates is followed', () => {
    const custom: PeriodDef[] = DEFAULT_PERIODS.map((p) =>
      p.id === 'Q1' ? { id: 'Q1', from: { month: 1, day: 1, prevYear: false }, to: { month: 2, day: 29 }, due: { month: 3, day: 5 } } : p,
    );
    // 2024 is a leap year: 29/02 exists.
    expect(resolvePeriod('Q1', 2024, custom)).toMatchObject({ from: '2024-01-01', to: '2024-02-29', due: '2024-03-05' });
    // 2023 has no 29/02: the month's last day, not 01/03.
    expect(resolvePeriod('Q1', 2023, custom)).toMatchObject({ to: '2023-02-28' });
    // Other periods are untouched.
    expect(resolvePeriod('Q2', 2024, custom)).toMatchObject({ from: '2024-03-15', to: '2024-06-14' });
  });

  test('a user table missing a period falls back to the official dates for it', () => {
    const partial = settingsSchema.parse({ periods: DEFAULT_PERIODS.filter((p) => p.id !== 'H1') }).periods;
    expect(resolvePeriod('H1', 2024, partial)).toMatchObject({ from: '2023-12-15', to: '2024-06-14' });
  });
});

describe('next period and the "due in the next period" window', () => {
  test.each([
    ['Q1', 2024, 'Q2', 2024],
    ['Q2', 2024, 'Q3', 2024],
    ['H1', 2024, 'Q3', 2024],
    ['Q3', 2024, 'Q4', 2024],
    ['Q4', 2024, 'Q1', 2025],
    ['Y', 2024, 'Q1', 2025],
  ] as const)('after %s %i comes %s %i', (id, year, nextId, nextYear) => {
    expect(nextPeriod(resolvePeriod(id, year))).toMatchObject({ id: nextId, year: nextYear });
  });

  test('with D the cut-off day, the window is the next period exactly', () => {
    const q1 = resolvePeriod('Q1', 2024);
    expect(upcomingWindow(q1, q1.to)).toEqual({ from: '2024-03-15', to: '2024-06-14' });
    const y = resolvePeriod('Y', 2024);
    expect(upcomingWindow(y, y.to)).toEqual({ from: '2024-12-15', to: '2025-03-14' });
  });

  test('with an earlier D the window starts the day after D (no gap before the next period)', () => {
    const q1 = resolvePeriod('Q1', 2024);
    expect(upcomingWindow(q1, '2024-02-28')).toEqual({ from: '2024-02-29', to: '2024-06-14' });
  });
});

describe('periodDueNext: the task pane default', () => {
  test.each([
    ['2024-01-10', 'Q1', 2024],
    ['2024-03-20', 'Q1', 2024], // due today: still this one
    ['2024-03-21', 'H1', 2024], // Q2 and H1 both due 20/06: the half-year report wins
    ['2024-06-20', 'H1', 2024],
    ['2024-06-21', 'Q3', 2024],
    ['2024-09-21', 'Y', 2024], // Q4 and Y both due 20/12: the year report wins
    ['2024-12-21', 'Q1', 2025],
    ['2024-12-31', 'Q1', 2025],
  ] as const)('on %s: %s %i', (today, id, year) => {
    expect(periodDueNext(today)).toEqual({ id, year });
  });
});

describe('reviewCutOff: the as-of day the pane offers beside "Hôm nay"', () => {
  test.each([
    // today, plan year, period, year, cut-off
    ['2024-10-15', 2024, 'Y', 2024, '2024-12-14'], // the year report is due next (20/12)
    ['2024-05-02', 2024, 'H1', 2024, '2024-06-14'],
    ['2024-01-10', 2024, 'Q1', 2024, '2024-03-14'],
    ['2024-12-21', 2024, 'Y', 2024, '2024-12-14'], // next report is Q1 2025: a 2024 plan keeps its year
    ['2024-12-21', 2025, 'Q1', 2025, '2025-03-14'], // a 2025 plan is reviewed for its first quarter
    ['2026-03-18', 2024, 'Y', 2024, '2024-12-14'], // a past plan, opened today
    ['2024-05-02', null, 'H1', 2024, '2024-06-14'],
  ] as const)('on %s, a %s plan: %s %i, %s', (today, planYear, id, year, day) => {
    expect(reviewCutOff(today, planYear)).toEqual({ id, year, day });
  });

  test('a province\'s own table moves the cut-off', () => {
    const periods: PeriodDef[] = DEFAULT_PERIODS.map((p) => (p.id === 'Q3' ? { ...p, to: { month: 9, day: 30 } } : p));
    expect(reviewCutOff('2024-07-01', 2024, periods).day).toBe('2024-09-30');
  });
});

describe('words and sheet names', () => {
  test('Vietnamese titles and running text', () => {
    expect(periodTitleWords('Q1', 2024, 'vi')).toBe('QUÝ I NĂM 2024');
    expect(periodTitleWords('Q3', 2024, 'vi')).toBe('QUÝ III NĂM 2024');
    expect(periodTitleWords('H1', 2024, 'vi')).toBe('6 THÁNG ĐẦU NĂM 2024');
    expect(periodTitleWords('Y', 2024, 'vi')).toBe('NĂM 2024');
    expect(periodWords('Q4', 2025, 'vi')).toBe('quý IV năm 2025');
    expect(periodTitleWords('Q2', 2024, 'en')).toBe('SECOND QUARTER OF 2024');
    expect(periodTitleWords('H1', 2024, 'en')).toBe('FIRST HALF OF 2024');
  });

  test('sheet names follow report.md', () => {
    expect(reportSheetName('Q1', 2024, 'vi')).toBe('BC Quý I-2024');
    expect(reportSheetName('H1', 2024, 'vi')).toBe('BC 6 tháng-2024');
    expect(reportSheetName('Y', 2024, 'vi')).toBe('BC Năm-2024');
    expect(reportSheetName('Q4', 2024, 'en')).toBe('Report Q4-2024');
  });

  test('every period, both languages: a legal, distinct, NFC Excel sheet name', () => {
    for (const lang of ['vi', 'en'] as const) {
      const names = PERIOD_IDS.map((id) => reportSheetName(id, 2024, lang));
      expect(new Set(names).size).toBe(PERIOD_IDS.length);
      for (const n of names) {
        expect(Array.from(n).length).toBeLessThanOrEqual(31);
        expect(n).not.toMatch(/[:\\/?*[\]]/);
        expect(n).toBe(n.normalize('NFC'));
        expect(n).not.toMatch(/^'|'$/);
      }
    }
  });

  test('safeSheetName strips what Excel refuses and cuts at 31 characters', () => {
    expect(safeSheetName('BC: Quý I/2024 [nháp]?*')).toBe('BC- Quý I-2024 -nháp---');
    expect(Array.from(safeSheetName('Báo cáo kết quả cải cách hành chính quý I năm 2024')).length).toBe(31);
    expect(safeSheetName("'x'")).toBe('x');
  });
});
