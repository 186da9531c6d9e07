/**
 * The traps of deadlines.md and their relatives: dates of cited documents, tags left by
 * conversions, cells split by a page break, deadlines before the plan year, impossible dates,
 * "hoặc" alternatives. Cells are written in the style of the seeds, in our own words.
 */
import { date, deadlineOf, event, type Expect, milestones, parse, recurring, reference, unparsed } from './helpers';

describe('dates inside references to documents are not deadlines', () => {
  it.each<[string, Expect]>([
    ['Ban hành KH trước ngày 15/01/2024 theo KH số 255/KH-UBND ngày 27/12/2023 của UBND tỉnh', date('2024-01-15')],
    // The same cell once its continuation row is joined: the cited plan's title names a year.
    [
      'Ban hành KH trước ngày 15/01/2024 theo KH số 255/KH-UBND ngày 27/12/2023 của UBND tỉnh về rà soát, hệ thống hóa văn bản năm 2024',
      date('2024-01-15'),
    ],
    ['Trước ngày 20/01/2024 theo nội dung Công văn số 1969/STP-XD&KTVBQPPL ngày 16/10/2023 của Sở Tư pháp', date('2024-01-20')],
    ['Trước ngày 30/6/2024 (thực hiện Nghị định số 42/2022/NĐ-CP)', date('2024-06-30')],
    ['Triển khai Quyết định 766/QĐ-TTg ngày 23/6/2022 trong Quý II/2024', date('2024-06-30', '2024-04-01')],
    ['Quý III/2024, căn cứ Thông tư số 01/2023/TT-BNV', date('2024-09-30', '2024-07-01')],
    ['Trong tháng 5/2024 theo Nghị quyết số 01-NQ/TU ngày 04/11/2021 của Tỉnh ủy', date('2024-05-31', '2024-05-01')],
    ['Năm 2024 (theo Kế hoạch số 12/KH-UBND ngày 10/01/2024)', date('2024-12-31', '2024-01-01')],
    ['Theo KH số 12/KH-UBND, trước 31/3/2024', date('2024-03-31')],
    ['Nghị định số 42/2022/NĐ-CP', reference],
    ['Quyết định 766/QĐ-TTg ngày 23/6/2022', reference],
    ['Theo Công văn số 1969/STP-XD ngày 16/10/2023 của Sở Tư pháp', reference],
    ['Theo Kế hoạch của tỉnh về rà soát, đánh giá thủ tục hành chính năm 2024', reference],
    ['Duy trì hệ thống quản lý chất lượng ISO 9001:2015', unparsed],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('a cell split by a page break reads as one once joined', () => {
  it.each<[string, Expect]>([
    ['Thường xuyên', recurring('2024-12-31', ['continuous'])],
    ['Thường\nxuyên', recurring('2024-12-31', ['continuous'])],
    ['Báo\ncáo quý, 6 tháng, năm', recurring('2024-12-31', ['quarter', 'half', 'year'])],
    ['Quý I/2024\nThường xuyên', milestones('2024-12-31', [['2024-03-31', 'Quý I/2024']], ['continuous'])],
  ])('%j', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });

  it('each half alone is not understood', () => {
    expect(parse('Thường').kind).toBe('unparsed');
    expect(parse('xuyên').kind).toBe('unparsed');
  });
});

describe('HTML-like tags are ignored', () => {
  it.each<[string, Expect]>([
    ['Ngay khi có hồ sơ trễ hẹn (<i>nếu có hồ sơ trễ hẹn</i>)', event()],
    ['<b>Quý I/2024</b>', date('2024-03-31', '2024-01-01')],
    ['Trước ngày <i>15/01/2024</i>', date('2024-01-15')],
    ['Thường<br/>xuyên', recurring('2024-12-31', ['continuous'])],
    ['<i></i>', { kind: 'missing' }],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });

  it('a "<" that opens no tag is text', () => {
    expect(parse('Trong vòng < 5 ngày làm việc kể từ khi nhận hồ sơ')).toEqual(
      deadlineOf('Trong vòng < 5 ngày làm việc kể từ khi nhận hồ sơ', event({ amount: 5, unit: 'workday' })),
    );
  });
});

describe('a deadline before the plan year parses normally', () => {
  it.each<[string, Expect]>([
    ['Năm 2023', date('2023-12-31', '2023-01-01')],
    ['Tháng 12/2023', date('2023-12-31', '2023-12-01')],
    ['Trước ngày 20/12/2023', date('2023-12-20')],
    ['Quý IV/2023', date('2023-12-31', '2023-10-01')],
  ])('%s in a 2024 plan', (text, e) => {
    expect(parse(text, 2024)).toEqual(deadlineOf(text, e));
  });
});

describe('impossible dates are unparsed, never moved', () => {
  it.each([
    '31/02/2024',
    'Trước ngày 31/02/2024',
    'Trước ngày 30/02/2024 theo KH',
    '29/02/2023',
    'Trước ngày 31/4',
    '32/01/2024',
    '15/13/2024',
    'Quý V/2024',
    'Quý 5/2024',
    'Quý 0/2024',
    'Quý I-V/2024',
    'Tháng 13/2024',
    'Tháng 0/2024',
    '13/2024',
    'Năm 3000',
    'Quý I/2024 và ngày 31/11/2024',
  ])('%s', (text) => {
    expect(parse(text)).toEqual(deadlineOf(text, unparsed));
  });

  it('29/02 exists in a leap year', () => {
    expect(parse('Trước ngày 29/02/2024').due).toBe('2024-02-29');
    expect(parse('Trước ngày 29/02', 2024).due).toBe('2024-02-29');
    expect(parse('Trước ngày 29/02', 2025).kind).toBe('unparsed');
  });
});

describe('"hoặc": the later alternative', () => {
  it.each<[string, Expect]>([
    ['Quý III hoặc Quý IV/2024', date('2024-12-31', '2024-10-01')],
    ['Tháng 11 hoặc tháng 12/2024', date('2024-12-31', '2024-12-01')],
    ['Trước 30/6/2024 hoặc 31/7/2024', date('2024-07-31')],
    ['Quý IV hoặc Quý III/2024', date('2024-12-31', '2024-10-01')],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('milestones followed by ongoing work', () => {
  it.each<[string, Expect]>([
    [
      'Trình kế hoạch trong tháng 03/2024 và triển khai thực hiện',
      milestones('2024-12-31', [['2024-03-31', 'Trình kế hoạch trong tháng 03/2024']], ['continuous']),
    ],
    [
      'Ban hành quy chế chậm nhất là ngày 31/01/2024 và tổ chức thực hiện',
      milestones('2024-12-31', [['2024-01-31', 'Ban hành quy chế chậm nhất là ngày 31/01/2024']], ['continuous']),
    ],
    [
      'Xây dựng kế hoạch trong tháng 02/2024 và tổ chức mở lớp theo kế hoạch',
      milestones('2024-12-31', [['2024-02-29', 'Xây dựng kế hoạch trong tháng 02/2024']], ['continuous']),
    ],
    [
      'Ban hành kế hoạch Quý I/2024; kiểm tra định kỳ hàng quý',
      milestones('2024-12-31', [['2024-03-31', 'Ban hành kế hoạch Quý I/2024']], ['quarter']),
    ],
    // Work named before a later dated step is not "ongoing after".
    [
      'Ban hành kế hoạch trong Quý I/2024, tổ chức thực hiện và báo cáo kết quả trước 15/12/2024',
      milestones('2024-12-15', [['2024-03-31', 'Ban hành kế hoạch trong Quý I/2024'], ['2024-12-15', 'báo cáo kết quả trước 15/12/2024']]),
    ],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });

  it('"thực hiện" before the date is not ongoing work after it', () => {
    expect(parse('Tổ chức thực hiện trong Quý II/2024')).toEqual(
      deadlineOf('Tổ chức thực hiện trong Quý II/2024', date('2024-06-30', '2024-04-01')),
    );
  });
});
