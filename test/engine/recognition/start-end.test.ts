/**
 * Start and end columns: a pair under a merged "Thời gian …" header, or two headers of their
 * own, is recognised as start + deadline; the start feeds the deadline's start when it names a
 * day or a period; an empty end is a missing deadline whatever the start says.
 */
import { analyse, codes, letters, task } from './helpers';

describe('start and end under a merged "Thời gian …" header', () => {
  const a = analyse(
    [
      ['TT', 'Nội dung công việc', 'Sản phẩm', 'Đơn vị chủ trì', 'Thời gian thực hiện', ''],
      ['', '', '', '', 'Bắt đầu', 'Hoàn thành'],
      ['1', 'Lập kế hoạch kiểm tra nội bộ', 'Kế hoạch', 'Văn phòng', 'Tháng 3/2025', 'Quý II/2025'],
      ['2', 'Sơ kết công tác sáu tháng', 'Báo cáo sơ kết', 'Văn phòng', 'Tháng 5/2025', ''],
      ['3', 'Cập nhật cơ sở dữ liệu cán bộ', 'Dữ liệu được cập nhật', 'Phòng Tổ chức', 45717, 45838],
      ['4', 'Khảo sát ý kiến người dân', 'Phiếu khảo sát', 'Bộ phận một cửa', '', 'Tháng 9/2025'],
    ],
    ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1'],
  );

  it('the left child is the start, the right one the deadline', () => {
    expect(a.table.headerRows).toEqual([0, 1]);
    expect(letters(a)).toEqual({ stt: 'A', task: 'B', output: 'C', lead: 'D', start: 'E', deadline: 'F' });
  });

  it('the start column gives the first day of the window', () => {
    expect(task(a, 3).deadline).toMatchObject({ kind: 'date', start: '2025-03-01', due: '2025-06-30' });
    // Excel dates on both sides (1 March and 30 June 2025).
    expect(task(a, 5).deadline).toMatchObject({ kind: 'date', start: '2025-03-01', due: '2025-06-30' });
  });

  it('an empty end with a filled start is a missing deadline', () => {
    expect(codes(task(a, 4))).toContain('deadline-missing');
    expect(task(a, 4).deadline.due).toBeNull();
  });

  it('an empty start leaves the deadline as its own text reads', () => {
    expect(task(a, 6).deadline).toMatchObject({ start: '2025-09-01', due: '2025-09-30' });
  });
});

describe('other wordings of the pair', () => {
  it('"Kết thúc" under "Thời gian", and "Ngày hoàn thành" under it is the end, not a completion date', () => {
    for (const end of ['Kết thúc', 'Ngày hoàn thành', 'Đến ngày']) {
      const a = analyse(
        [
          ['STT', 'Nhiệm vụ', 'Kết quả đầu ra', 'Chủ trì', 'Thời gian', ''],
          ['', '', '', '', 'Ngày bắt đầu', end],
          ['1', 'Rà soát quy chế chi tiêu', 'Quy chế sửa đổi', 'Phòng Tài vụ', 'Tháng 2/2025', 'Tháng 4/2025'],
        ],
        ['E1:F1'],
      );
      expect(letters(a)).toMatchObject({ start: 'E', deadline: 'F' });
      expect(a.table.columns.doneDate).toBeUndefined();
      expect(a.tasks[0].deadline).toMatchObject({ start: '2025-02-01', due: '2025-04-30' });
    }
  });

  it('two headers of their own: "Thời gian bắt đầu" / "Thời gian hoàn thành"', () => {
    const a = analyse([
      ['STT', 'Tên nhiệm vụ', 'Sản phẩm', 'Đơn vị thực hiện', 'Thời gian bắt đầu', 'Thời gian hoàn thành'],
      ['1', 'Xây dựng quy trình nội bộ', 'Quy trình', 'Văn phòng', 'Quý I/2025', 'Quý III/2025'],
    ]);
    expect(letters(a)).toMatchObject({ lead: 'D', start: 'E', deadline: 'F' });
    expect(a.tasks[0].deadline).toMatchObject({ start: '2025-01-01', due: '2025-09-30' });
  });

  it('"Ngày bắt đầu" beside "Ngày hoàn thành" in one row: the plan\'s window', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Ngày bắt đầu', 'Ngày hoàn thành'],
      ['1', 'Tập huấn nghiệp vụ một cửa', 'Lớp tập huấn', 'Văn phòng', '01/4/2025', '30/4/2025'],
    ]);
    expect(letters(a)).toMatchObject({ start: 'E', deadline: 'F' });
    expect(a.tasks[0].deadline).toMatchObject({ start: '2025-04-01', due: '2025-04-30' });
  });

  it('one column naming both ends is the deadline', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian bắt đầu - kết thúc'],
      ['1', 'Kiểm tra công vụ', 'Biên bản', 'Thanh tra', 'Quý II/2025'],
    ]);
    expect(letters(a)).toMatchObject({ deadline: 'E' });
    expect(a.table.columns.start).toBeUndefined();
  });

  it('a start that names no date ("Thường xuyên") leaves the deadline alone', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Bắt đầu', 'Kết thúc'],
      ['1', 'Theo dõi hồ sơ trễ hạn', 'Báo cáo', 'Văn phòng', 'Thường xuyên', 'Tháng 12/2025'],
    ]);
    expect(a.tasks[0].deadline).toMatchObject({ start: '2025-12-01', due: '2025-12-31' });
  });
});
