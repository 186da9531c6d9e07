/**
 * Each step of resolve.ts on its own, fed with what the scanner really gives for a realistic
 * cell. Expected values worked out by hand from docs/deadlines.md.
 */
import type { Atom } from '../../../src/engine/deadlines/atoms';
import { lex, type Lexed } from '../../../src/engine/deadlines/normalize';
import {
  dropRemarkSpans,
  dutiesOf,
  foldReportQuarters,
  gather,
  type Gathered,
  remarksOf,
  resolve,
  shapeOf,
  stepsOf,
  type TokenRange,
  undated,
} from '../../../src/engine/deadlines/resolve';
import { scan } from '../../../src/engine/deadlines/scanner';
import { fillYears, type Span, windowsOf } from '../../../src/engine/deadlines/windows';
import type { Deadline, Recurrence } from '../../../src/engine/model';
import { date, deadlineOf, event, type Expect, milestones, recurring, reference, unparsed } from './helpers';

interface Read {
  lexed: Lexed;
  atoms: Atom[];
  remarks: TokenRange[];
}

function read(text: string): Read {
  const lexed = lex(text);
  const atoms = scan(lexed, 'parse');
  return { lexed, atoms, remarks: remarksOf(lexed.tokens, atoms) };
}

function gathered(text: string): Gathered {
  const r = read(text);
  const g = gather(r.atoms, r.remarks);
  if (!g) throw new Error(`no atoms for ${text}`);
  return g;
}

/** The windows of a cell, with its years filled from `fallback`. */
function spansOf(text: string, fallback = 2024): { lexed: Lexed; remarks: TokenRange[]; g: Gathered; spans: Span[] } {
  const r = read(text);
  const g = gather(r.atoms, r.remarks) as Gathered;
  const spans = windowsOf(g.tes, fillYears(g.tes, fallback));
  if (!spans) throw new Error(`impossible date in ${text}`);
  return { lexed: r.lexed, remarks: r.remarks, g, spans };
}

/** The user's words a token range covers. */
function words(lexed: Lexed, range: TokenRange): string {
  return lexed.clean.slice(lexed.tokens[range.from].start, lexed.tokens[range.to - 1].end);
}

function windows(spans: readonly Span[]): [string | null, string][] {
  return spans.map((s) => [s.start, s.due]);
}

describe('step 1: remarksOf', () => {
  it.each<[string, string[]]>([
    ['Trước ngày 15/12/2025 (báo cáo năm)', ['(báo cáo năm)']],
    ['Năm 2024 (Quý IV) và (ghi chú', ['(Quý IV)', '(ghi chú']],
    ['Quý I/2024 (xem (phụ lục) kèm theo)', ['(xem (phụ lục) kèm theo)']],
    ['Năm 2024\n(Định kỳ hàng quý)', ['(Định kỳ hàng quý)']],
    // No date before the parenthesis: not a remark.
    ['Hoàn thành (Quý II/2024)', []],
    ['(Thường xuyên) Quý II/2024 (báo cáo năm)', ['(báo cáo năm)']],
    ['(Quý II/2024) báo cáo', []],
    // A year-less quarter in a list of reports is no date.
    ['Báo cáo quý I (6 tháng, năm)', []],
    ['Quý I/2024', []],
  ])('%j → %j', (text, expected) => {
    const { lexed, remarks } = read(text);
    expect(remarks.map((r) => words(lexed, r))).toEqual(expected);
  });
});

describe('step 2: gather', () => {
  it('sorts duties by where they are written and keeps the cues', () => {
    const g = gathered('Tháng 6/2024 và hàng quý (báo cáo năm 2025), khi có yêu cầu');
    expect(g.tes.map((t) => [t.spec, t.year])).toEqual([[{ u: 'month', m: 6 }, 2024]]);
    expect([...g.every]).toEqual(['quarter']);
    expect([...g.remarkEvery]).toEqual(['year']);
    expect(g.recurYear).toBe(2025);
    expect(g.onDemand).toBe(true);
    expect(g.allReportish).toBe(false);
  });

  it('keeps the first offset of an event', () => {
    const g = gathered('Trong vòng 30 ngày sau khi có quyết định');
    expect(g.tes).toEqual([]);
    expect(g.sawEvent).toBe(true);
    expect(g.offset).toEqual({ amount: 30, unit: 'day' });
  });

  it('notes references and ongoing work, and where the ongoing work is', () => {
    expect(gathered('Theo Kế hoạch số 12/KH-UBND').sawReference).toBe(true);
    const outside = gathered('Quý II/2024 và tổ chức thực hiện');
    expect(outside.lastOngoing).toBe(5);
    expect(outside.ongoingInRemark).toBe(false);
    const inside = gathered('Quý II/2024 (và tổ chức thực hiện)');
    expect(inside.lastOngoing).toBe(6);
    expect(inside.ongoingInRemark).toBe(true);
  });

  it('marks a list of reports', () => {
    expect(gathered('Báo cáo quý I, 6 tháng, 9 tháng, năm').allReportish).toBe(true);
  });

  it('gives null for an impossible date, even in a remark', () => {
    for (const text of ['Quý V/2024', 'Quý II/2024 (Quý V)', 'Tháng 13/2024']) {
      const r = read(text);
      expect(gather(r.atoms, r.remarks)).toBeNull();
    }
  });
});

describe('step 3: foldReportQuarters', () => {
  it('turns the year-less quarter of a list of reports into the quarterly report', () => {
    const g = foldReportQuarters(gathered('Báo cáo quý I, 6 tháng, 9 tháng, năm'));
    expect(g.tes).toEqual([]);
    expect([...g.every].sort()).toEqual(['half', 'quarter', 'year']);
  });

  it('leaves a dated quarter alone', () => {
    const g = gathered('Quý I/2024, báo cáo năm');
    expect(foldReportQuarters(g)).toBe(g);
    expect(g.tes).toHaveLength(1);
  });
});

describe('step 4: undated', () => {
  it.each<[string, number, Expect]>([
    ['Hàng quý', 2024, recurring('2024-12-31', ['quarter'])],
    ['Thường xuyên, khi có yêu cầu', 2025, recurring('2025-12-31', ['continuous'], true)],
    ['Hàng quý', Number.NaN, unparsed],
    ['Khi có yêu cầu', 2024, event(null, true)],
    ['Trong vòng 30 ngày sau khi có quyết định', 2024, event({ amount: 30, unit: 'day' })],
    ['Theo Kế hoạch số 12/KH-UBND', 2024, reference],
    ['Ghi chú', 2024, unparsed],
  ])('%j (fallback %d)', (text, fallback, e) => {
    expect(undated(text, gathered(text), fallback)).toEqual(deadlineOf(text, e));
  });
});

describe('step 5: fillYears and windowsOf', () => {
  it.each<[string, number, number[]]>([
    // Joined: the next one's year, a year earlier when it would come after it.
    ['Tháng 11 - tháng 2/2025', 2030, [2024, 2025]],
    // After a written year: that year, a year later when it would come before it.
    ['Quý II/2024 và Quý I', 2030, [2024, 2025]],
    // Before a written year: that year.
    ['Tháng 6 (năm 2025)', 2024, [2025, 2025]],
    ['Quý III', 2026, [2026]],
  ])('years of %j (fallback %d) → %j', (text, fallback, years) => {
    expect(fillYears(gathered(text).tes, fallback)).toEqual(years);
  });

  it.each<[string, [string | null, string][]]>([
    ['Quý I, II/2024', [['2024-01-01', '2024-06-30']]],
    ['Tháng 6 và tháng 12/2024', [['2024-06-01', '2024-06-30'], ['2024-12-01', '2024-12-31']]],
    ['Quý III hoặc Quý IV/2024', [['2024-10-01', '2024-12-31']]],
    ['Tháng 11 - tháng 2/2025', [['2024-11-01', '2025-02-28']]],
    ['Từ Quý II/2024', [['2024-04-01', '2024-12-31']]],
    ['Trước tháng 6/2024', [[null, '2024-05-31']]],
  ])('windows of %j', (text, expected) => {
    expect(windows(spansOf(text).spans)).toEqual(expected);
  });

  it('a range that runs backwards is impossible', () => {
    const g = gathered('Tháng 6/2024 - tháng 3/2024');
    expect(windowsOf(g.tes, fillYears(g.tes, 2024))).toBeNull();
  });
});

describe('step 6: dropRemarkSpans', () => {
  it('keeps a remark naming the same end (it narrows the date)', () => {
    const { spans, remarks } = spansOf('Năm 2024 (Quý IV)');
    expect(windows(dropRemarkSpans(spans, remarks))).toEqual([['2024-01-01', '2024-12-31'], ['2024-10-01', '2024-12-31']]);
  });

  it('drops a remark naming another end', () => {
    const { spans, remarks } = spansOf('Trước 15/12/2025 (hoặc tháng 12)');
    expect(windows(spans)).toEqual([[null, '2025-12-15'], ['2025-12-01', '2025-12-31']]);
    expect(windows(dropRemarkSpans(spans, remarks))).toEqual([[null, '2025-12-15']]);
  });

  it('keeps every window when there is no remark', () => {
    const { spans, remarks } = spansOf('Tháng 6 và tháng 12/2024');
    expect(dropRemarkSpans(spans, remarks)).toEqual(spans);
  });
});

describe('step 7: dutiesOf', () => {
  it.each<[string, string[]]>([
    ['Quý II/2024, hàng tháng', ['month']],
    ['Quý II/2024 và tổ chức thực hiện', ['continuous']],
    // A remark's duty describes a whole year only.
    ['Năm 2024\n(Định kỳ hàng quý)', ['quarter']],
    ['Năm 2024 (và tổ chức thực hiện)', ['continuous']],
    ['Trước ngày 15/12/2025 (báo cáo năm)', []],
    ['Tháng 6/2025 (thường xuyên)', []],
    ['Quý II/2024 (và tổ chức thực hiện)', []],
  ])('%j → %j', (text, expected) => {
    const { g, spans, remarks } = spansOf(text);
    expect([...dutiesOf(g, dropRemarkSpans(spans, remarks))].sort()).toEqual(expected);
  });

  it('ongoing work before the last date is no duty', () => {
    const { g, spans } = spansOf('Quý I/2024, tổ chức thực hiện, báo cáo trong Quý IV/2024');
    expect(g.lastOngoing).toBeGreaterThan(0);
    expect([...dutiesOf(g, spans)]).toEqual([]);
  });
});

describe('stepsOf', () => {
  it('quotes the words of each step, in date order', () => {
    const { lexed, spans } = spansOf('Xây dựng kế hoạch trong Quý I/2024, báo cáo kết quả trong tháng 11/2024');
    expect(stepsOf(lexed, spans)).toEqual([
      { due: '2024-03-31', text: 'Xây dựng kế hoạch trong Quý I/2024' },
      { due: '2024-11-30', text: 'báo cáo kết quả trong tháng 11/2024' },
    ]);
    const reversed = spansOf('Tháng 12/2024, tháng 6/2024');
    expect(stepsOf(reversed.lexed, reversed.spans).map((s) => s.due)).toEqual(['2024-06-30', '2024-12-31']);
  });

  it('keeps one step per due day', () => {
    const { lexed, spans } = spansOf('Tháng 6/2024; ngày 30/6/2024');
    expect(stepsOf(lexed, spans)).toEqual([{ due: '2024-06-30', text: 'Tháng 6/2024' }]);
  });
});

describe('step 8: shapeOf', () => {
  function shaped(text: string, every: Recurrence[], onDemand = false): Deadline {
    const { lexed, spans, remarks } = spansOf(text);
    return shapeOf(text, lexed, dropRemarkSpans(spans, remarks), new Set(every), onDemand);
  }

  it('one whole-year window with a duty is recurring', () => {
    expect(shaped('Năm 2024', ['continuous'])).toEqual(deadlineOf('Năm 2024', recurring('2024-12-31', ['continuous'])));
    expect(shaped('Năm 2024 - 2025', ['quarter'])).toEqual(deadlineOf('Năm 2024 - 2025', recurring('2025-12-31', ['quarter'])));
  });

  it('one window without a duty is a date', () => {
    expect(shaped('Quý II/2024', [], true)).toEqual(deadlineOf('Quý II/2024', date('2024-06-30', '2024-04-01', { onDemand: true })));
  });

  it('two namings of the same end are one date with the narrower window', () => {
    expect(shaped('Năm 2024 (Quý IV)', [])).toEqual(deadlineOf('Năm 2024 (Quý IV)', date('2024-12-31', '2024-10-01')));
  });

  it('several windows are milestones; with a duty, due at the end of the last year', () => {
    const text = 'Tháng 6 và tháng 9/2024';
    expect(shaped(text, [])).toEqual(deadlineOf(text, milestones('2024-09-30', [['2024-06-30', 'Tháng 6'], ['2024-09-30', 'tháng 9/2024']])));
    expect(shaped(text, ['year', 'month'])).toEqual(
      deadlineOf(text, milestones('2024-12-31', [['2024-06-30', 'Tháng 6'], ['2024-09-30', 'tháng 9/2024']], ['month', 'year'])),
    );
  });
});

describe('resolve: the steps in sequence', () => {
  it.each<[string, Expect]>([
    ['Trước ngày 15/12/2025 (báo cáo năm)', date('2025-12-15')],
    ['Báo cáo quý I, 6 tháng, 9 tháng, năm', recurring('2025-12-31', ['quarter', 'half', 'year'])],
    ['Quý II/2025 (Quý V)', unparsed],
    ['Tháng 6/2025 - tháng 3/2025', unparsed],
  ])('%j', (text, e) => {
    const { lexed, atoms } = read(text);
    expect(resolve(text, lexed, atoms, 2025)).toEqual(deadlineOf(text, e));
  });
});
