/**
 * Forms beyond the spec's examples, as they appear in real appendices (our own wording in the
 * style of the seeds), and the tolerance the spec asks for: case, spacing, diacritics, NFD,
 * "quí", leading zeros, Roman or Arabic numerals, separators "/", "-", ".", "năm".
 * Expected values worked out by hand from deadlines.md and docs/deadlines.md.
 */
import { date, deadlineOf, event, type Expect, milestones, parse, recurring, reference, shape, unparsed } from './helpers';

describe('more dates and windows', () => {
  it.each<[string, number, Expect]>([
    ['Trước ngày 15/01', 2024, date('2024-01-15')],
    ['Trước ngày 15/01', 2025, date('2025-01-15')],
    ['trước ngày 20.7.2024', 2024, date('2024-07-20')],
    ['trước ngày 15-8', 2024, date('2024-08-15')],
    ['Chậm nhất ngày 31/12/2024', 2024, date('2024-12-31')],
    ['Hạn chót 30/9/2024', 2024, date('2024-09-30')],
    ['Không quá ngày 15/11/2024', 2024, date('2024-11-15')],
    ['Ngày 15/3', 2024, date('2024-03-15')],
    ['15/01/24', 2024, date('2024-01-15')],
    ['2024-01-15', 2024, date('2024-01-15')],
    ['Tháng 12 năm 2024', 2024, date('2024-12-31', '2024-12-01')],
    ['Tháng 6', 2024, date('2024-06-30', '2024-06-01')],
    ['T3/2024', 2024, date('2024-03-31', '2024-03-01')],
    ['Tháng 6, 2024', 2024, date('2024-06-30', '2024-06-01')],
    ['Hoàn thành trong Quý II/2024', 2024, date('2024-06-30', '2024-04-01')],
    ['Trong Quý I/2024', 2024, date('2024-03-31', '2024-01-01')],
    ['Quý II', 2025, date('2025-06-30', '2025-04-01')],
    ['Quý thứ 2 năm 2024', 2024, date('2024-06-30', '2024-04-01')],
    ['QuýIV/2024', 2024, date('2024-12-31', '2024-10-01')],
    ['Q1-Q2/2024', 2024, date('2024-06-30', '2024-01-01')],
    ['Quý I đến Quý III/2024', 2024, date('2024-09-30', '2024-01-01')],
    ['Quý I/2024 - Quý II/2024', 2024, date('2024-06-30', '2024-01-01')],
    ['Từ tháng 3 đến tháng 6/2024', 2024, date('2024-06-30', '2024-03-01')],
    ['Từ ngày 01/3/2024 đến ngày 30/6/2024', 2024, date('2024-06-30', '2024-03-01')],
    ['15/01/2024 - 30/01/2024', 2024, date('2024-01-30', '2024-01-15')],
    ['Tháng 11 - tháng 2/2025', 2024, date('2025-02-28', '2024-11-01')],
    ['Tháng 1, 2/2024', 2024, date('2024-02-29', '2024-01-01')],
    ['Quý I/2024 và Quý II/2024', 2024, date('2024-06-30', '2024-01-01')],
    ['Năm 2024 - 2025', 2024, date('2025-12-31', '2024-01-01')],
    ['2024-2025', 2024, date('2025-12-31', '2024-01-01')],
    ['Năm 2024 và năm 2025', 2024, date('2025-12-31', '2024-01-01')],
    ['2024', 2024, date('2024-12-31', '2024-01-01')],
    ['Năm nay', 2026, date('2026-12-31', '2026-01-01')],
    ['Cả năm', 2024, date('2024-12-31', '2024-01-01')],
    ['Đầu năm', 2024, date('2024-03-31', '2024-01-01')],
    ['Giữa năm 2024', 2024, date('2024-07-31', '2024-06-01')],
    ['Cuối năm 2024', 2024, date('2024-12-31', '2024-10-01')],
    ['Cuối năm', 2025, date('2025-12-31', '2025-10-01')],
    ['Đầu tháng 3', 2024, date('2024-03-10', '2024-03-01')],
    ['Giữa tháng 6/2024', 2024, date('2024-06-20', '2024-06-11')],
    ['Cuối tháng 02/2024', 2024, date('2024-02-29', '2024-02-21')],
    ['Cuối Quý II/2024', 2024, date('2024-06-30', '2024-06-01')],
    ['Đầu quý III', 2024, date('2024-07-31', '2024-07-01')],
    ['6 tháng cuối năm', 2024, date('2024-12-31', '2024-07-01')],
    ['9 tháng đầu năm 2024', 2024, date('2024-09-30', '2024-01-01')],
    ['Nửa đầu năm 2024', 2024, date('2024-06-30', '2024-01-01')],
    ['Nửa cuối năm', 2024, date('2024-12-31', '2024-07-01')],
    ['Trước tháng 6/2024', 2024, date('2024-05-31')],
    ['Trước Quý III/2024', 2024, date('2024-06-30')],
    ['Trước năm 2025', 2024, date('2024-12-31')],
    ['Đến hết năm 2024', 2024, date('2024-12-31')],
    ['Hết Quý II/2024', 2024, date('2024-06-30')],
    ['Chậm nhất trong tháng 10/2024', 2024, date('2024-10-31')],
    ['Từ Quý II/2024', 2024, date('2024-12-31', '2024-04-01')],
    ['Kể từ ngày 01/7/2024', 2024, date('2024-12-31', '2024-07-01')],
    ['Tháng 01/2024 và tháng 01/2024', 2024, date('2024-01-31', '2024-01-01')],
    ['Quý I/2024 và khi có yêu cầu', 2024, date('2024-03-31', '2024-01-01', { onDemand: true })],
    ['Năm 2024 (Quý IV)', 2024, date('2024-12-31', '2024-10-01')],
    ['Quý I/2024 (hoàn thành trước 31/3/2024)', 2024, date('2024-03-31', '2024-01-01')],
    ['Q.I/2024', 2024, date('2024-03-31', '2024-01-01')],
    ['Quý III,IV/2024', 2024, date('2024-12-31', '2024-07-01')],
    ['Quý I & II năm 2024', 2024, date('2024-06-30', '2024-01-01')],
    ['Tháng 6 - 12/2024', 2024, date('2024-12-31', '2024-06-01')],
    ['Đến 30/6', 2024, date('2024-06-30')],
  ])('%s (plan %i)', (text, planYear, e) => {
    expect(parse(text, planYear)).toEqual(deadlineOf(text, e));
  });
});

describe('offsets from a known day are dates', () => {
  it.each<[string, Expect]>([
    ['Trong vòng 30 ngày kể từ ngày 15/3/2024', date('2024-04-14', '2024-03-15')],
    // 15/03/2024 is a Friday: five working days later is Friday 22/03.
    ['05 ngày làm việc kể từ ngày 15/3/2024', date('2024-03-22', '2024-03-15')],
    // Saturday 16/03: Monday 18 … Friday 22.
    ['05 ngày làm việc kể từ ngày 16/3/2024', date('2024-03-22', '2024-03-16')],
    ['Sau 3 tháng kể từ ngày 30/11/2024', date('2025-02-28', '2024-11-30')],
    ['Trong thời hạn 02 tuần kể từ ngày 01/10/2024', date('2024-10-15', '2024-10-01')],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('several dated steps', () => {
  it.each<[string, Expect]>([
    ['Tháng 6 và tháng 12', milestones('2024-12-31', [['2024-06-30', 'Tháng 6'], ['2024-12-31', 'tháng 12']])],
    ['Quý II, Quý IV', milestones('2024-12-31', [['2024-06-30', 'Quý II'], ['2024-12-31', 'Quý IV']])],
    ['Quý I/2024; Quý III/2024', milestones('2024-09-30', [['2024-03-31', 'Quý I/2024'], ['2024-09-30', 'Quý III/2024']])],
    ['Tháng 3, 6, 9/2024', milestones('2024-09-30', [['2024-03-31', 'Tháng 3'], ['2024-06-30', '6'], ['2024-09-30', '9/2024']])],
    ['Quý IV và Quý I/2025', date('2025-03-31', '2024-10-01')],
    [
      'Xây dựng kế hoạch trong Quý I/2024, báo cáo kết quả trong tháng 11/2024',
      milestones('2024-11-30', [['2024-03-31', 'Xây dựng kế hoạch trong Quý I/2024'], ['2024-11-30', 'báo cáo kết quả trong tháng 11/2024']]),
    ],
    [
      '- Quý I/2024: ban hành kế hoạch\n- Quý IV/2024: tổng kết',
      milestones('2024-12-31', [['2024-03-31', 'Quý I/2024'], ['2024-12-31', 'Quý IV/2024']]),
    ],
    [
      'Quý I/2024, báo cáo năm',
      milestones('2024-12-31', [['2024-03-31', 'Quý I/2024']], ['year']),
    ],
  ])('%j', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('recurring duties', () => {
  it.each<[string, Expect]>([
    ['Hàng tháng', recurring('2024-12-31', ['month'])],
    ['Hằng tháng', recurring('2024-12-31', ['month'])],
    ['Hàng quý', recurring('2024-12-31', ['quarter'])],
    ['Hằng năm', recurring('2024-12-31', ['year'])],
    ['Hàng năm', recurring('2024-12-31', ['year'])],
    ['Hàng ngày', recurring('2024-12-31', ['continuous'])],
    ['Hằng tuần', recurring('2024-12-31', ['continuous'])],
    ['Liên tục', recurring('2024-12-31', ['continuous'])],
    ['Định kỳ 6 tháng', recurring('2024-12-31', ['half'])],
    ['Báo cáo tháng', recurring('2024-12-31', ['month'])],
    ['Báo cáo quý', recurring('2024-12-31', ['quarter'])],
    ['Theo quý', recurring('2024-12-31', ['quarter'])],
    ['Cuối mỗi quý', recurring('2024-12-31', ['quarter'])],
    ['6 tháng', recurring('2024-12-31', ['half'])],
    ['Bán niên', recurring('2024-12-31', ['half'])],
    ['01 lần/quý', recurring('2024-12-31', ['quarter'])],
    ['2 lần/năm', recurring('2024-12-31', ['half'])],
    ['6 tháng/lần', recurring('2024-12-31', ['half'])],
    ['Báo cáo quý I, 6 tháng, 9 tháng, năm', recurring('2024-12-31', ['quarter', 'half', 'year'])],
    ['Báo cáo định kỳ cuối năm, đột xuất', recurring('2024-12-31', ['year'], true)],
    ['Thường xuyên, hàng quý', recurring('2024-12-31', ['continuous', 'quarter'])],
    ['Thường xuyên (báo cáo theo quy định)', recurring('2024-12-31', ['continuous'])],
    ['Hàng năm, khi có yêu cầu', recurring('2024-12-31', ['year'], true)],
    ['Thường xuyên trong năm 2025', recurring('2025-12-31', ['continuous'])],
    ['Năm 2024, thường xuyên', recurring('2024-12-31', ['continuous'])],
    ['Báo cáo năm 2023', recurring('2023-12-31', ['year'])],
    ['Báo cáo 9 tháng', recurring('2024-12-31', ['quarter'])],
    ['Khi có hướng dẫn; báo cáo 6 tháng', recurring('2024-12-31', ['half'])],
    ['Trước ngày 10 hàng tháng', recurring('2024-12-31', ['month'])],
    ['Năm 2024\n(Định kỳ hàng quý)', recurring('2024-12-31', ['quarter'])],
    ['Năm 2024 và các năm tiếp theo', recurring('2024-12-31', ['year'])],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('events and references', () => {
  it.each<[string, Expect]>([
    ['Khi có yêu cầu', event(null, true)],
    ['Theo yêu cầu', event(null, true)],
    ['Đột xuất', event(null, true)],
    ['Khi có thay đổi thủ tục của Bộ', event()],
    ['Khi phát sinh', event()],
    ['Kịp thời', event()],
    ['Sau khi UBND tỉnh ban hành Kế hoạch', event()],
    ['Sau Hội nghị tổng kết', event()],
    ['Sau ngày 15/3/2024', event()],
    ['Sau 01 tháng kể từ ngày bộ, ngành trung ương công bố', event({ amount: 1, unit: 'month' })],
    ['Trong thời hạn 40 ngày kể từ ngày nhận đủ hồ sơ', event({ amount: 40, unit: 'day' })],
    ['Trong vòng 05 ngày làm việc', event({ amount: 5, unit: 'workday' })],
    ['Trong vòng 24 giờ kể từ khi nhận hồ sơ', event({ amount: 1, unit: 'day' })],
    ['Sau 01 năm kể từ khi đề án được phê duyệt', event({ amount: 12, unit: 'month' })],
    ['Sau khi Bộ ban hành hướng dẫn 03 tháng', event({ amount: 3, unit: 'month' })],
    ['3 tháng', event({ amount: 3, unit: 'month' })],
    [
      'Tham mưu công bố trong vòng 03 ngày làm việc kể từ ngày có tờ trình. Cập nhật cơ sở dữ liệu trong vòng 05 ngày làm việc',
      event({ amount: 3, unit: 'workday' }),
    ],
    ['Thực hiện theo phương án được duyệt. Báo cáo trong vòng 30 ngày sau khi hoàn thành', event({ amount: 30, unit: 'day' })],
    ['Theo Kế hoạch', reference],
    ['Theo lộ trình của tỉnh', reference],
    ['Theo hướng dẫn của Sở Nội vụ', reference],
    ['Căn cứ tiến độ của Bộ', reference],
    ['Theo quy định, yêu cầu', reference],
    ['Theo Kế hoạch ISO năm 2024', reference],
    ['Đúng quy định', reference],
  ])('%s', (text, e) => {
    expect(parse(text)).toEqual(deadlineOf(text, e));
  });
});

describe('text that is none of the kinds', () => {
  it.each(['Chưa xác định', 'Đã hoàn thành', 'x', 'Định kỳ', '1/2 số hồ sơ', 'Thời gian hoàn thành', 'Việt Nam', '???', 'Nam Định'])(
    '%s',
    (text) => {
      expect(parse(text)).toEqual(deadlineOf(text, unparsed));
    },
  );
});

describe('tolerance: the same deadline however it is typed', () => {
  const groups: [string, string[]][] = [
    ['Quý I/2024', [
      'Quy I/2024', 'QUÝ  1 / 2024', 'quý I năm 2024', 'quí I/2024', 'Quí 01/2024', 'Quý 1-2024', 'Quý I.2024',
      'quý i/2024', 'Q1/2024', 'q1 2024', 'Quý I 2024', 'Quý Ⅰ/2024', 'Quý I/Năm 2024', ' Quý I/2024 ',
      'Quý I/2024'.normalize('NFD'), 'QUY I NAM 2024', 'Trong quý I/2024', 'Quý I – 2024',
    ]],
    ['Trước ngày 15/01/2024', [
      'trước ngày 15/1/2024', 'TRƯỚC NGÀY 15-01-2024', 'Truoc ngay 15.01.2024', 'trước  ngày  15 / 01 / 2024',
      'Trước ngày 15/01/2024'.normalize('NFD'), 'trước ngày 15 tháng 01 năm 2024', 'trước ngày 15 tháng 1 năm 2024', 'Trước ngày 15/01',
      'Trước ngày\n15/01/2024', 'trước ngày 15/01/24',
    ]],
    ['Tháng 3/2024', [
      'tháng 03/2024', 'THÁNG 3 NĂM 2024', 'Thang 3/2024', 'tháng 3-2024', 'Tháng 3.2024', 'Tháng III/2024', 'trong tháng 3/2024',
      'Tháng 3/2024'.normalize('NFD'), 'T3/2024', 'Tháng 3',
    ]],
    ['Thường xuyên', ['THƯỜNG XUYÊN', 'thường  xuyên', 'Thuong xuyen', 'Thường xuyên'.normalize('NFD'), 'Thường xuyên.', '- Thường xuyên']],
    ['Hàng quý, 6 tháng, năm', ['hằng quý, 6 tháng, năm', 'Hàng quý, 06 tháng, năm', 'Hang quy, 6 thang, nam', 'HÀNG QUÝ, SÁU THÁNG, NĂM', 'Hàng quý; 6 tháng; năm']],
    ['Quý I-III/2024', ['Quý I - III/2024', 'Quý 1-3/2024', 'quý I–III năm 2024', 'Quý I đến quý III năm 2024', 'Từ Quý I đến hết Quý III/2024']],
  ];
  for (const [canonical, variants] of groups) {
    it.each(variants)(`%j reads as "${canonical}"`, (variant) => {
      expect(shape(parse(variant))).toEqual(shape(parse(canonical)));
    });
  }

  it('the canonical forms are what deadlines.md says', () => {
    expect(shape(parse('Quý I/2024'))).toMatchObject({ kind: 'date', start: '2024-01-01', due: '2024-03-31' });
    expect(shape(parse('Trước ngày 15/01/2024'))).toMatchObject({ kind: 'date', due: '2024-01-15' });
    expect(shape(parse('Tháng 3/2024'))).toMatchObject({ kind: 'date', start: '2024-03-01', due: '2024-03-31' });
    expect(shape(parse('Thường xuyên'))).toMatchObject({ kind: 'recurring', every: ['continuous'] });
    expect(shape(parse('Hàng quý, 6 tháng, năm'))).toMatchObject({ kind: 'recurring', every: ['quarter', 'half', 'year'] });
    expect(shape(parse('Quý I-III/2024'))).toMatchObject({ kind: 'date', start: '2024-01-01', due: '2024-09-30' });
  });

  it('keeps the text as written (NFC, trimmed)', () => {
    const nfd = '  Quý I/2024 '.normalize('NFD');
    expect(parse(nfd).text).toBe('Quý I/2024');
    expect(parse('Quý I/2024\nThường xuyên').text).toBe('Quý I/2024\nThường xuyên');
  });

  it('"quỹ" (fund), "quy định", "Nam" are not periods', () => {
    expect(parse('Quỹ phát triển khoa học').kind).toBe('unparsed');
    expect(parse('Quy trình nội bộ').kind).toBe('unparsed');
    expect(parse('Hàng Nam Định').kind).toBe('unparsed');
  });
});
