/**
 * Misses the layout generator found, each fixed and kept here as a small grid.
 */
import { analyse, kinds, letters, outline } from './helpers';

describe('found by generated layouts', () => {
  it('a repeated header whose words are numbered ("1. STT") is a header, not task 1', () => {
    const h = ['1. STT', '2. Nhiệm vụ', '3. Sản phẩm', '4. Chủ trì', '5. Thời gian'];
    const a = analyse([h, ['1', 'Rà soát quy chế', 'Quy chế', 'Văn phòng', 'Quý I/2025'], h, ['2', 'Kiểm tra nội bộ', 'Biên bản', 'Thanh tra', 'Quý II/2025']]);
    expect(kinds(a)).toEqual({ 2: 'task', 3: 'header', 4: 'task' });
  });

  it('"III/2025" cut off a deadline is not the Roman section III', () => {
    const a = analyse([
      ['STT', 'Thời gian', 'Sản phẩm', 'Chủ trì', 'Nhiệm vụ'],
      ['1', 'Quý', 'Báo cáo', 'Văn phòng', 'Tổng hợp kết quả cải cách'],
      ['', 'III/2025', '', '', ''],
    ]);
    expect(kinds(a)).toEqual({ 2: 'task', 3: 'continuation' });
  });

  it('a section title merged across from the budget column', () => {
    const a = analyse(
      [
        ['Kinh phí', 'STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn'],
        ['III - Cải cách tài chính công'],
        ['', '1', 'Lập dự toán năm', 'Phòng Tài vụ', 'Tháng 7/2025'],
      ],
      ['A2:E2'],
    );
    expect(outline(a)).toEqual(['2 section III', '3 task 1 in III']);
  });

  it('a "-" item with only a lead of its own, under another "-" item, is a task', () => {
    const a = analyse([
      ['Nhiệm vụ', 'STT', 'Chủ trì', 'Thời gian'],
      ['Tuyên truyền cải cách', '1', '', ''],
      ['- Đăng tin trên cổng thông tin', '', 'Văn phòng', 'Hằng quý'],
      ['- Phát tờ rơi tại một cửa', '', 'Bộ phận một cửa', ''],
    ]);
    expect(outline(a)).toEqual(['2 section 1', '3 task 1 in 1', '4 task 1 in 1']);
  });

  it('a header cut over two lines whose first line names almost nothing', () => {
    const a = analyse([
      ['Tiến', 'Nguồn', 'Nhiệm', 'Trách', 'Phối hợp', 'Số'],
      ['độ', 'vốn', 'vụ', 'nhiệm thực hiện', '', 'thứ tự'],
      ['Quý I/2025', '', 'Ban hành kế hoạch', 'Văn phòng', '', '1'],
    ]);
    expect(letters(a)).toEqual({ deadline: 'A', budget: 'B', task: 'C', lead: 'D', support: 'E', stt: 'F' });
  });

  it('an item marker after a unit name written to its left', () => {
    const a = analyse([
      ['STT', 'Phối hợp', 'Nhiệm vụ', 'Chủ trì', 'Thời gian'],
      ['1', '', 'Kiểm tra cải cách', '', ''],
      ['', 'Các phòng', 'a) Kiểm tra tại văn phòng', 'Thanh tra', 'Quý II/2025'],
      ['', '', 'b) Kiểm tra tại một cửa', 'Thanh tra', 'Quý III/2025'],
    ]);
    expect(outline(a)).toEqual(['2 section 1', '3 task 1 in 1', '4 task 1 in 1']);
  });

  it('a repeated header starting with "Ghi chú" does not stop the look for deeper numbers', () => {
    const h = ['Ghi chú', 'Nhiệm vụ', 'Sản phẩm', 'STT', 'Thời gian', 'Chủ trì'];
    const a = analyse([h, ['', 'Cải cách thể chế', '', '1', '', ''], h, ['', 'Rà soát văn bản', 'Báo cáo', '1.1', 'Quý I/2025', 'Văn phòng']]);
    expect(outline(a)).toEqual(['2 section 1', '3 header', '4 task 1.1 in 1']);
  });

  it('"Q. CHÁNH VĂN PHÒNG" under the table is a signature, not part Q', () => {
    const a = analyse([
      ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Chủ trì', 'Thời gian'],
      ['1', 'Lập hồ sơ công việc', 'Hồ sơ', 'Văn phòng', 'Năm 2025'],
      ['a)', 'Hồ sơ văn bản đến'],
      [],
      ['', '', '', 'Q. CHÁNH VĂN PHÒNG'],
    ]);
    expect(outline(a)).toEqual(['2 task 1 in -', '3 continuation of 2', '4 blank', '5 note']);
  });
});
