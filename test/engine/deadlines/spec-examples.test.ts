/**
 * Every example of deadlines.md, with the result the spec states (plan year 2024 unless said).
 */
import { parseDeadline } from '../../../src/engine/deadlines';
import { date, deadlineOf, event, type Expect, milestones, parse, recurring, reference } from './helpers';

describe('deadlines.md — kind date', () => {
  it.each<[string, Expect]>([
    ['Trước ngày 15/01/2024', date('2024-01-15')],
    ['Trước 31/3/2024', date('2024-03-31')],
    ['chậm nhất là ngày 15/01/2024', date('2024-01-15')],
    ['15/01/2024', date('2024-01-15')],
    ['ngày 15 tháng 01 năm 2024', date('2024-01-15')],
    ['Tháng 01/2024', date('2024-01-31', '2024-01-01')],
    ['trong tháng 02/2024', date('2024-02-29', '2024-02-01')],
    ['Tháng 3/2024', date('2024-03-31', '2024-03-01')],
    ['Tháng 02-3/2024', date('2024-03-31', '2024-02-01')],
    ['Quý I/2024', date('2024-03-31', '2024-01-01')],
    ['Quý I/Năm 2024', date('2024-03-31', '2024-01-01')],
    ['Quý 4/2024', date('2024-12-31', '2024-10-01')],
    ['Q1/2024', date('2024-03-31', '2024-01-01')],
    ['Quý I-III/2024', date('2024-09-30', '2024-01-01')],
    ['Quý I, II/2024', date('2024-06-30', '2024-01-01')],
    ['Quý I-IV năm 2024', date('2024-12-31', '2024-01-01')],
    ['6 tháng đầu năm 2024', date('2024-06-30', '2024-01-01')],
    ['Năm 2024', date('2024-12-31', '2024-01-01')],
    ['Trong năm 2024', date('2024-12-31', '2024-01-01')],
    ['Trong năm', date('2024-12-31', '2024-01-01')],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });

  it('an Excel date (serial 45306) is 15/01/2024', () => {
    expect(parseDeadline(45306, { planYear: 2024, date1904: false })).toEqual(deadlineOf('45306', date('2024-01-15')));
  });

  it('"Trong năm" takes the plan year', () => {
    expect(parse('Trong năm', 2025)).toEqual(deadlineOf('Trong năm', date('2025-12-31', '2025-01-01')));
  });
});

describe('deadlines.md — kind recurring (due 31/12 of the plan year)', () => {
  it.each<[string, Expect]>([
    ['Thường xuyên', recurring('2024-12-31', ['continuous'])],
    ['Thường xuyên trong năm', recurring('2024-12-31', ['continuous'])],
    ['Báo cáo quý, 6 tháng, năm', recurring('2024-12-31', ['quarter', 'half', 'year'])],
    ['Hàng quý, 6 tháng, năm 2024', recurring('2024-12-31', ['quarter', 'half', 'year'])],
    ['Báo cáo 06 tháng và báo cáo năm 2024', recurring('2024-12-31', ['half', 'year'])],
    ['Báo cáo năm', recurring('2024-12-31', ['year'])],
    ['Định kỳ hàng quý, năm và khi có yêu cầu', recurring('2024-12-31', ['quarter', 'year'], true)],
    ['Quý, năm và đột xuất', recurring('2024-12-31', ['quarter', 'year'], true)],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });

  it('the plan year gives the due date', () => {
    expect(parse('Thường xuyên', 2025).due).toBe('2025-12-31');
  });
});

describe('deadlines.md — kind milestones', () => {
  it.each<[string, Expect]>([
    [
      'Ban hành kế hoạch trong tháng 01/2024 và tổ chức thực hiện',
      milestones('2024-12-31', [['2024-01-31', 'Ban hành kế hoạch trong tháng 01/2024']], ['continuous']),
    ],
    [
      'Ban hành KH trong Quý I, kiểm tra Quý III hoặc Quý IV/2024',
      milestones('2024-12-31', [['2024-03-31', 'Ban hành KH trong Quý I'], ['2024-12-31', 'kiểm tra Quý III hoặc Quý IV/2024']]),
    ],
    [
      'Xây dựng Kế hoạch kiểm tra trong tháng 01/2024, định kỳ hàng tháng tổ chức ít nhất 01 cuộc',
      milestones('2024-12-31', [['2024-01-31', 'Xây dựng Kế hoạch kiểm tra trong tháng 01/2024']], ['month']),
    ],
    ['Tháng 01/2024 Thường xuyên', milestones('2024-12-31', [['2024-01-31', 'Tháng 01/2024']], ['continuous'])],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('deadlines.md — kind event', () => {
  it.each<[string, Expect]>([
    ['Sau 03 tháng kể từ khi có văn bản hướng dẫn của Trung ương', event({ amount: 3, unit: 'month' })],
    ['07 ngày làm việc kể từ ngày nhận được quyết định công bố', event({ amount: 7, unit: 'workday' })],
    ['Trong vòng 10 ngày kể từ khi nhận đủ hồ sơ', event({ amount: 10, unit: 'day' })],
    ['Khi có văn bản chỉ đạo của cấp trên', event()],
    ['Ngay khi có thủ tục mới được công bố', event()],
    ['Sau khi có kết quả công bố', event()],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('deadlines.md — kind reference', () => {
  it.each([
    'Theo quy định',
    'Định kỳ theo quy định',
    'Theo thời gian quy định của Bộ Nội vụ',
    'Theo KH Thanh tra năm 2024 của UBND tỉnh',
    'Theo đúng lộ trình',
    'Theo đề án của các cơ quan, đơn vị',
  ])('%s', (text) => {
    expect(parse(text)).toEqual(deadlineOf(text, reference));
  });
});

describe('deadlines.md — kind missing', () => {
  it.each<[string, string | null]>([
    ['empty text', ''],
    ['null', null],
    ['white space', '   \n\t '],
    ['a lone dash', '-'],
    ['an en dash', '–'],
    ['an em dash', ' — '],
  ])('%s', (_name, value) => {
    const d = parseDeadline(value, { planYear: 2024, date1904: false });
    expect(d.kind).toBe('missing');
    expect(d.due).toBeNull();
  });
});
