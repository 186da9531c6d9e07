/**
 * Numbering hierarchies decided by the scheme as a whole: a row with only its label and a
 * title, with deeper labels under it before the next label of its own level, is a section or
 * group heading; a numbered row with its own lead, deadline or output stays a task.
 */
import { analyse, codes, kinds, outline, task } from './helpers';

const H = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời hạn'];

describe('Arabic sections over decimal tasks', () => {
  const a = analyse([
    H,
    ['1', 'Cải cách thể chế'],
    ['1.1', 'Rà soát văn bản do đơn vị tham mưu', 'Báo cáo rà soát', 'Phòng Pháp chế', 'Quý II/2025'],
    ['1.2', 'Theo dõi thi hành pháp luật', 'Báo cáo theo dõi', 'Phòng Pháp chế', 'Tháng 11/2025'],
    ['2', 'Cải cách thủ tục hành chính'],
    ['2.1', 'Công khai thủ tục tại một cửa', 'Danh mục niêm yết', 'Văn phòng', 'Thường xuyên'],
  ]);

  it('"1" and "2" are sections, the decimal rows their tasks', () => {
    expect(outline(a)).toEqual(['2 section 1', '3 task 1.1 in 1', '4 task 1.2 in 1', '5 section 2', '6 task 2.1 in 2']);
    expect(a.sections.map((s) => `${s.id} ${s.title}`)).toEqual(['1 Cải cách thể chế', '2 Cải cách thủ tục hành chính']);
  });
});

describe('lettered parts over Roman sections', () => {
  const a = analyse(
    [
      H,
      ['A', 'NHIỆM VỤ CHUNG'],
      ['1', 'Ban hành kế hoạch năm', 'Kế hoạch', 'Văn phòng', 'Tháng 1/2025'],
      ['2', 'Tổng kết công tác năm', 'Báo cáo tổng kết', 'Văn phòng', 'Tháng 12/2025'],
      ['B. NHIỆM VỤ CỤ THỂ'],
      ['I', 'Cải cách tổ chức bộ máy'],
      ['1', 'Rà soát chức năng các phòng', 'Đề án', 'Phòng Tổ chức', 'Quý III/2025'],
      ['II', 'Cải cách chế độ công vụ'],
      ['1', 'Đánh giá công chức cuối năm', 'Kết quả đánh giá', 'Phòng Tổ chức', 'Tháng 12/2025'],
    ],
    ['A5:E5'],
  );

  it('a part holding tasks directly is their section; a part over Roman sections only groups them', () => {
    expect(outline(a)).toEqual([
      '2 section A', '3 task 1 in A', '4 task 2 in A', '5 section B', '6 section I', '7 task 1 in I', '8 section II', '9 task 1 in II',
    ]);
    expect(a.sections.map((s) => s.id)).toEqual(['A', 'I', 'II']);
  });
});

describe('"Phần I" parts, numbering that restarts in each section', () => {
  const a = analyse(
    [
      H,
      ['PHẦN I. NHIỆM VỤ TRỌNG TÂM'],
      ['I', 'Cải cách thể chế'],
      ['1', 'Rà soát quy chế nội bộ', 'Quy chế', 'Văn phòng', 'Quý I/2025'],
      ['2', 'Phổ biến văn bản mới', 'Hội nghị', 'Văn phòng', 'Quý II/2025'],
      ['II', 'Chính quyền số'],
      ['1', 'Số hóa hồ sơ lưu trữ', 'Hồ sơ được số hóa', 'Phòng Hành chính', 'Năm 2025'],
      ['Phần II', 'Tổ chức thực hiện'],
      ['1', 'Báo cáo định kỳ', 'Báo cáo', 'Văn phòng', 'Hằng quý'],
    ],
    ['A2:E2'],
  );

  it('reads the parts, the sections under them and each restart', () => {
    expect(outline(a)).toEqual([
      '2 section Phần I', '3 section I', '4 task 1 in I', '5 task 2 in I', '6 section II', '7 task 1 in II', '8 section Phần II', '9 task 1 in Phần II',
    ]);
  });
});

describe('items under a numbered task', () => {
  const a = analyse([
    H,
    ['I', 'Cải cách thủ tục hành chính'],
    ['1', 'Tập huấn nghiệp vụ cho công chức'],
    ['a)', 'Tập huấn kỹ năng tiếp dân', 'Lớp tập huấn', 'Văn phòng', 'Quý II/2025'],
    ['b)', 'Tập huấn dịch vụ công trực tuyến', 'Lớp tập huấn', 'Trung tâm Tin học', 'Quý III/2025'],
    ['2', 'Niêm yết thủ tục hành chính', 'Danh mục niêm yết', 'Bộ phận một cửa', 'Thường xuyên'],
    ['', '- Tại trụ sở cơ quan'],
    ['', '- Trên trang thông tin điện tử'],
    ['3', 'Đo lường sự hài lòng', 'Báo cáo kết quả', 'Văn phòng', 'Tháng 10/2025'],
    ['', 'a) Phát phiếu khảo sát', 'Phiếu khảo sát', 'Bộ phận một cửa', 'Quý III/2025'],
    ['', 'b) Tổng hợp phiếu', 'Báo cáo tổng hợp', 'Văn phòng', 'Tháng 10/2025'],
    ['', '+ Gửi kết quả về Sở Nội vụ'],
    ['4', 'Kiểm tra công vụ đột xuất'],
    ['a)', 'Kiểm tra giờ giấc làm việc'],
    ['b)', 'Kiểm tra việc đeo thẻ công chức'],
  ]);

  it('a numbered row with only a title over items that carry data is a group heading', () => {
    expect(kinds(a)[3]).toBe('section');
    expect(a.sections.map((s) => s.id)).toEqual(['I']);
    expect(task(a, 4)).toMatchObject({ stt: 'a', section: 'I' });
    expect(task(a, 5).stt).toBe('b');
  });

  it('"-" lines without data are detail lines of the task above', () => {
    expect(kinds(a)[7]).toBe('continuation');
    expect(kinds(a)[8]).toBe('continuation');
    expect(task(a, 6).cells.task?.text).toBe('Niêm yết thủ tục hành chính - Tại trụ sở cơ quan - Trên trang thông tin điện tử');
  });

  it('a numbered task with its own data stays a task over items that carry data too', () => {
    expect(kinds(a)[9]).toBe('task');
    expect(task(a, 10).cells.lead?.text).toBe('Bộ phận một cửa');
    expect(kinds(a)[11]).toBe('task');
    expect(kinds(a)[12]).toBe('continuation');
  });

  it('items without data under a numbered row with only a title: the row is a task missing its data, the items its details', () => {
    expect(kinds(a)[13]).toBe('task');
    expect(kinds(a)[14]).toBe('continuation');
    expect(kinds(a)[15]).toBe('continuation');
    expect(codes(task(a, 13))).toEqual(['deadline-missing', 'lead-missing', 'output-missing']);
  });

  it('counts only the tasks', () => {
    expect(a.tasks.map((t) => t.row + 1)).toEqual([4, 5, 6, 9, 10, 11, 13]);
  });
});

describe('"-" and "+" items carrying data, the dash in the STT column', () => {
  const a = analyse([
    H,
    ['I', 'Công tác chỉ đạo'],
    ['1', 'Tuyên truyền cải cách hành chính'],
    ['-', 'Đăng tin trên cổng thông tin', 'Tin bài', 'Văn phòng', 'Hằng quý'],
    ['-', 'Tổ chức cuộc thi tìm hiểu', 'Cuộc thi', 'Đoàn thanh niên', 'Quý III/2025'],
    ['+', 'Ra đề thi', '', '', ''],
    ['2', 'Kiểm tra cải cách hành chính', 'Kế hoạch kiểm tra', 'Văn phòng', 'Quý II/2025'],
  ]);

  it('reads "1" as a heading, each dash item as a task and the "+" line as its detail', () => {
    expect(outline(a)).toEqual(['2 section I', '3 section 1', '4 task 1 in I', '5 task 1 in I', '6 continuation of 5', '7 task 2 in I']);
  });
});

describe('a decimal sub-section over Arabic tasks', () => {
  const a = analyse([
    H,
    ['VI', 'Chính quyền số'],
    ['6.1', 'Hạ tầng số'],
    ['1', 'Nâng cấp mạng nội bộ', 'Hệ thống mạng', 'Trung tâm Tin học', 'Quý II/2025'],
    ['6.2', 'Dữ liệu số'],
    ['1', 'Xây dựng kho dữ liệu', 'Kho dữ liệu', 'Trung tâm Tin học', 'Quý IV/2025'],
  ]);

  it('sub-sections are headings; tasks keep the Roman section', () => {
    expect(outline(a)).toEqual(['2 section VI', '3 section 6.1', '4 task 1 in VI', '5 section 6.2', '6 task 1 in VI']);
    expect(a.sections.map((s) => s.id)).toEqual(['VI']);
  });
});

describe('a numbered row with only a title and nothing deeper', () => {
  it('is a task missing its data (a cut-off row), whatever its level', () => {
    const a = analyse([
      H,
      ['1', 'Cải cách thể chế'],
      ['1.1', 'Rà soát văn bản', 'Báo cáo', 'Phòng Pháp chế', 'Quý I/2025'],
      ['1.2', 'Kiểm tra văn bản'],
      ['2', 'Tổ chức bộ máy'],
    ]);
    // "2" closes the section "1": it stands at the same level, so it is in no section.
    expect(outline(a)).toEqual(['2 section 1', '3 task 1.1 in 1', '4 task 1.2 in 1', '5 task 2 in -']);
  });
});
