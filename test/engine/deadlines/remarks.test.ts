/**
 * Parenthetical remarks after a date (docs/deadlines.md › Several expressions): a remark never
 * adds a step or a duty; it may narrow the date it follows. And the shorthands that must keep
 * reading right next to it. Expected values worked out by hand; plan year 2025 unless stated.
 */
import { date, deadlineOf, type Expect, milestones, parse, recurring, unparsed } from './helpers';

describe('a parenthetical remark after a date is not a deadline part', () => {
  it.each<[string, Expect]>([
    ['Trước ngày 15/12/2025 (báo cáo năm)', date('2025-12-15')],
    ['Trước ngày 15/12/2025 (Báo cáo năm)', date('2025-12-15')],
    ['Quý IV/2025 (báo cáo quý)', date('2025-12-31', '2025-10-01')],
    ['Tháng 6/2025 (thường xuyên)', date('2025-06-30', '2025-06-01')],
    ['Quý II/2025 (và tổ chức thực hiện)', date('2025-06-30', '2025-04-01')],
    ['Trước 15/12/2025 (hoặc tháng 12)', date('2025-12-15')],
    ['Quý I/2025 (2026)', date('2025-03-31', '2025-01-01')],
    ['Trước ngày 15/12/2025 (báo cáo năm)\nTrước ngày 30/6/2025', milestones('2025-12-15', [['2025-06-30', 'Trước ngày 30/6/2025'], ['2025-12-15', 'Trước ngày 15/12/2025']])],
  ])('%j', (text, e) => {
    expect(parse(text, 2025)).toEqual(deadlineOf(text, e));
  });
});

describe('what a remark may still do', () => {
  it.each<[string, Expect]>([
    // The same end named twice: the narrower window.
    ['Năm 2025 (Quý IV)', date('2025-12-31', '2025-10-01')],
    ['Quý IV/2025 (tháng 12)', date('2025-12-31', '2025-12-01')],
    ['Quý III/2025 (tháng 8, tháng 9)', date('2025-09-30', '2025-08-01')],
    // A duty describing a whole year.
    ['Năm 2025 (Định kỳ hàng quý)', recurring('2025-12-31', ['quarter'])],
    ['Năm 2025 (và tổ chức thực hiện)', recurring('2025-12-31', ['continuous'])],
    // On demand, an impossible date, a year for the date outside.
    ['Quý II/2025 (khi có yêu cầu)', date('2025-06-30', '2025-04-01', { onDemand: true })],
    ['Quý II/2025 (Quý V)', unparsed],
    ['Tháng 6 (năm 2026)', date('2026-06-30', '2026-06-01')],
  ])('%j', (text, e) => {
    expect(parse(text, 2025)).toEqual(deadlineOf(text, e));
  });
});

describe('a parenthesis with no date before it reads as any text', () => {
  it.each<[string, Expect]>([
    ['Hoàn thành (Quý II/2025)', date('2025-06-30', '2025-04-01')],
    ['Thường xuyên (Quý II/2025)', milestones('2025-12-31', [['2025-06-30', 'Quý II/2025']], ['continuous'])],
    ['Báo cáo quý I (6 tháng, năm)', recurring('2025-12-31', ['quarter', 'half', 'year'])],
  ])('%j', (text, e) => {
    expect(parse(text, 2025)).toEqual(deadlineOf(text, e));
  });
});

describe('shorthands that keep reading right (plan year 2025)', () => {
  it.each<[string, Expect]>([
    ['T10/2025', date('2025-10-31', '2025-10-01')],
    ['Q3/2025', date('2025-09-30', '2025-07-01')],
    ['Quý II, III', date('2025-09-30', '2025-04-01')],
    ['Tháng 6 và tháng 12/2025', milestones('2025-12-31', [['2025-06-30', 'Tháng 6'], ['2025-12-31', 'tháng 12/2025']])],
  ])('%j', (text, e) => {
    expect(parse(text, 2025)).toEqual(deadlineOf(text, e));
  });
});
